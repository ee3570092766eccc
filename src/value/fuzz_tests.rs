//! Fuzz tests, run by `cargo test` in bounded time: every `cass_value_get_*`, the value
//! properties, the collection, map, tuple and user type iterators (recursively), the row cell
//! indexer and the CQL type parser, fed with random types and arbitrary or damaged bytes. They
//! check that nothing panics, that every slice handed out lies inside the input, and that the
//! iterators keep to the counts they report.
//!
//! Deterministic (fixed seeds). `FUZZ_CASES=N cargo test --lib fuzz` runs N cases per target
//! instead of the default.

use super::exports::*;
use super::*;
use crate::iterator::exports::{
    cass_iterator_fields_from_user_type, cass_iterator_free, cass_iterator_from_collection, cass_iterator_from_map,
    cass_iterator_from_tuple, cass_iterator_get_map_key, cass_iterator_get_map_value,
    cass_iterator_get_user_type_field_name, cass_iterator_get_user_type_field_value, cass_iterator_get_value,
    cass_iterator_next,
};
use crate::iterator::CassIterator;
use crate::metadata::cql_type;
use crate::result::index_cells;
use crate::types::CassValueType::*;
use crate::types::{cass_bool_t, CassInet, CassUuid};
use std::ops::Range;

const DEFAULT_CASES: usize = 20_000;

fn cases() -> usize {
    std::env::var("FUZZ_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(DEFAULT_CASES)
}

/// SplitMix64: small, fast and good enough to pick bytes.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn bytes(&mut self, len: usize) -> Vec<u8> {
        (0..len).map(|_| self.next() as u8).collect()
    }
}

const SCALARS: &[CassValueType] = &[
    CASS_VALUE_TYPE_CUSTOM,
    CASS_VALUE_TYPE_ASCII,
    CASS_VALUE_TYPE_BIGINT,
    CASS_VALUE_TYPE_BLOB,
    CASS_VALUE_TYPE_BOOLEAN,
    CASS_VALUE_TYPE_COUNTER,
    CASS_VALUE_TYPE_DECIMAL,
    CASS_VALUE_TYPE_DOUBLE,
    CASS_VALUE_TYPE_FLOAT,
    CASS_VALUE_TYPE_INT,
    CASS_VALUE_TYPE_TEXT,
    CASS_VALUE_TYPE_TIMESTAMP,
    CASS_VALUE_TYPE_UUID,
    CASS_VALUE_TYPE_VARCHAR,
    CASS_VALUE_TYPE_VARINT,
    CASS_VALUE_TYPE_TIMEUUID,
    CASS_VALUE_TYPE_INET,
    CASS_VALUE_TYPE_DATE,
    CASS_VALUE_TYPE_TIME,
    CASS_VALUE_TYPE_SMALL_INT,
    CASS_VALUE_TYPE_TINY_INT,
    CASS_VALUE_TYPE_DURATION,
    CASS_VALUE_TYPE_UNKNOWN,
];

fn random_type(rng: &mut Rng, depth: usize) -> Arc<CassDataType> {
    let composite = depth < 3 && rng.chance(40);
    if !composite {
        return Arc::new(CassDataType::simple(SCALARS[rng.below(SCALARS.len())]));
    }
    let (value_type, count) = match rng.below(5) {
        0 => (CASS_VALUE_TYPE_LIST, 1),
        1 => (CASS_VALUE_TYPE_SET, 1),
        2 => (CASS_VALUE_TYPE_MAP, 2),
        3 => (CASS_VALUE_TYPE_TUPLE, rng.below(4)),
        _ => (CASS_VALUE_TYPE_UDT, rng.below(4)),
    };
    // Now and then a collection without sub types (as `cass_data_type_new` builds one).
    let count = if rng.chance(3) { 0 } else { count };
    let sub_types = (0..count).map(|_| random_type(rng, depth + 1)).collect();
    let field_names =
        if value_type == CASS_VALUE_TYPE_UDT { (0..count).map(|i| format!("f{i}")).collect() } else { vec![] };
    Arc::new(CassDataType { sub_types, field_names, ..CassDataType::simple(value_type) })
}

fn item(out: &mut Vec<u8>, data: Option<&[u8]>) {
    match data {
        Some(bytes) => {
            out.extend((bytes.len() as i32).to_be_bytes());
            out.extend(bytes);
        }
        None => out.extend((-1i32).to_be_bytes()),
    }
}

/// A plausible encoding of a value of `t` (what a server would send), not always well formed.
fn encoding(rng: &mut Rng, t: &CassDataType) -> Vec<u8> {
    let sub = |rng: &mut Rng, i: usize| -> Option<Vec<u8>> {
        let st = t.sub_types.get(i)?;
        if rng.chance(10) {
            return None;
        }
        let encoded = encoding(rng, st);
        Some(damaged(rng, encoded))
    };
    match t.value_type {
        CASS_VALUE_TYPE_LIST | CASS_VALUE_TYPE_SET | CASS_VALUE_TYPE_MAP => {
            let n = rng.below(4);
            let mut out = Vec::new();
            let count = if rng.chance(10) { rng.next() as i32 } else { n as i32 };
            out.extend(count.to_be_bytes());
            let per = if t.value_type == CASS_VALUE_TYPE_MAP { 2 } else { 1 };
            for k in 0..n * per {
                item(&mut out, sub(rng, k % per).as_deref());
            }
            out
        }
        CASS_VALUE_TYPE_TUPLE | CASS_VALUE_TYPE_UDT => {
            let present = if rng.chance(30) { rng.below(t.sub_types.len() + 1) } else { t.sub_types.len() };
            let mut out = Vec::new();
            for i in 0..present {
                item(&mut out, sub(rng, i).as_deref());
            }
            out
        }
        CASS_VALUE_TYPE_DURATION => {
            let mut out = Vec::new();
            for _ in 0..3 {
                let extra = rng.below(9);
                out.push(if extra == 8 {
                    0xff
                } else {
                    (0xff00u16 >> extra) as u8 | (rng.next() as u8 & (0x7f >> extra))
                });
                out.extend(rng.bytes(extra));
            }
            out
        }
        CASS_VALUE_TYPE_INET => {
            let n = [4, 16, rng.below(20)][rng.below(3)];
            rng.bytes(n)
        }
        _ => {
            let n = [0, 1, 2, 4, 8, 16, rng.below(24)][rng.below(7)];
            rng.bytes(n)
        }
    }
}

/// `bytes`, often unchanged, else cut, extended, flipped or replaced.
fn damaged(rng: &mut Rng, mut bytes: Vec<u8>) -> Vec<u8> {
    match rng.below(10) {
        0 => bytes.truncate(rng.below(bytes.len() + 1)),
        1 => {
            let n = rng.below(6);
            bytes.extend(rng.bytes(n));
        }
        2 if !bytes.is_empty() => {
            let i = rng.below(bytes.len());
            bytes[i] = rng.next() as u8;
        }
        3 => {
            let n = rng.below(32);
            bytes = rng.bytes(n);
        }
        _ => {}
    }
    bytes
}

/// Asserts that `slice` (pointer and size as handed out) lies inside `within`.
fn inside(ptr: *const u8, size: usize, within: &Range<usize>) {
    if size == 0 {
        return;
    }
    let start = ptr as usize;
    assert!(start >= within.start && start + size <= within.end, "slice {start:#x}+{size} outside {within:x?}");
}

/// Calls every getter on `value` and walks its items; returns how many values it visited.
fn exercise(value: &CassValue, within: &Range<usize>, depth: usize) -> usize {
    let v = value as *const CassValue;
    if let Some(bytes) = value.bytes() {
        inside(bytes.as_ptr(), bytes.len(), within);
    }
    let (mut i8v, mut i16v, mut i32v, mut u32v, mut i64v) = (0i8, 0i16, 0i32, 0u32, 0i64);
    let (mut f, mut d, mut b) = (0f32, 0f64, cass_bool_t::cass_false);
    let mut uuid = CassUuid { time_and_version: 0, clock_seq_and_node: 0 };
    let mut inet = CassInet { address: [0; 16], address_length: 0 };
    cass_value_get_int8(v, &mut i8v);
    cass_value_get_int16(v, &mut i16v);
    cass_value_get_int32(v, &mut i32v);
    cass_value_get_uint32(v, &mut u32v);
    cass_value_get_int64(v, &mut i64v);
    cass_value_get_float(v, &mut f);
    cass_value_get_double(v, &mut d);
    cass_value_get_bool(v, &mut b);
    cass_value_get_uuid(v, &mut uuid);
    if cass_value_get_inet(v, &mut inet) == CassError::CASS_OK {
        assert!(inet.address_length <= 16);
    }
    let (mut ptr, mut size) = (std::ptr::null::<u8>(), 0usize);
    if cass_value_get_bytes(v, &mut ptr, &mut size) == CassError::CASS_OK {
        inside(ptr, size, within);
    }
    let mut text = std::ptr::null::<c_char>();
    if cass_value_get_string(v, &mut text, &mut size) == CassError::CASS_OK {
        inside(text as *const u8, size, within);
    }
    let mut scale = 0;
    if cass_value_get_decimal(v, &mut ptr, &mut size, &mut scale) == CassError::CASS_OK {
        assert!(size > 0);
        inside(ptr, size, within);
    }
    let (mut months, mut days, mut nanos) = (0, 0, 0i64);
    cass_value_get_duration(v, &mut months, &mut days, &mut nanos);
    cass_value_data_type(v);
    cass_value_is_collection(v);
    cass_value_is_duration(v);
    cass_value_primary_sub_type(v);
    cass_value_secondary_sub_type(v);
    cass_value_type(v);
    let is_null = cass_value_is_null(v) == cass_bool_t::cass_true;
    let count = cass_value_item_count(v);
    let mut visited = 1;
    if depth > 8 {
        return visited;
    }
    let constructors: [extern "C" fn(*const CassValue) -> *mut CassIterator; 4] = [
        cass_iterator_from_collection,
        cass_iterator_from_map,
        cass_iterator_from_tuple,
        cass_iterator_fields_from_user_type,
    ];
    for (kind, constructor) in constructors.iter().enumerate() {
        let it = constructor(v);
        if it.is_null() {
            continue;
        }
        assert!(!is_null, "an iterator over a NULL value");
        let mut yielded = 0;
        // Bounded: never more than the count reports (plus steps past the end).
        for _ in 0..count + 2 {
            if cass_iterator_next(it) == cass_bool_t::cass_false {
                break;
            }
            yielded += 1;
            let items = match kind {
                1 => vec![cass_iterator_get_map_key(it), cass_iterator_get_map_value(it)],
                3 => {
                    let (mut name, mut name_size) = (std::ptr::null::<c_char>(), 0usize);
                    assert_eq!(
                        cass_iterator_get_user_type_field_name(it, &mut name, &mut name_size),
                        CassError::CASS_OK
                    );
                    vec![cass_iterator_get_user_type_field_value(it)]
                }
                _ => vec![cass_iterator_get_value(it)],
            };
            for child in items {
                // SAFETY: the iterator's current values live until the next call on it.
                let child = unsafe { child.as_ref() }.expect("a current item after a successful next");
                visited += exercise(child, within, depth + 1);
            }
        }
        let expected = if kind == 0 && value.value_type() == CASS_VALUE_TYPE_MAP { 2 * count } else { count };
        assert!(yielded <= expected, "{yielded} items yielded, {expected} reported");
        cass_iterator_free(it);
    }
    visited
}

fn run_value_case(rng: &mut Rng) -> usize {
    let t = random_type(rng, 0);
    let bytes = if rng.chance(30) {
        let n = rng.below(48);
        rng.bytes(n)
    } else {
        let encoded = encoding(rng, &t);
        damaged(rng, encoded)
    };
    let within = bytes.as_ptr() as usize..bytes.as_ptr() as usize + bytes.len();
    let data = (!rng.chance(5)).then_some(&bytes[..]);
    let mut visited = exercise(&CassValue::new(data, &t), &within, 0);
    visited += exercise(&CassValue::cell(data, &t), &within, 0);
    visited
}

#[test]
fn fuzz_value_getters_and_iterators() {
    let mut rng = Rng(0x5eed_0001);
    let n = cases();
    let visited: usize = (0..n).map(|_| run_value_case(&mut rng)).sum();
    eprintln!("fuzz_value_getters_and_iterators: {n} cases, {visited} values visited");
    assert!(visited >= 2 * n);
}

#[test]
fn fuzz_row_cells() {
    let mut rng = Rng(0x5eed_0002);
    let n = cases();
    let mut indexed = 0;
    for _ in 0..n {
        let types: Vec<_> = (0..rng.below(4)).map(|_| random_type(&mut rng, 1)).collect();
        let nrows = rng.below(4);
        let mut bytes = Vec::new();
        for _ in 0..nrows {
            for t in &types {
                let encoded = encoding(&mut rng, t);
                item(&mut bytes, (!rng.chance(10)).then_some(&encoded[..]));
            }
        }
        let bytes = damaged(&mut rng, bytes);
        let within = bytes.as_ptr() as usize..bytes.as_ptr() as usize + bytes.len();
        if let Ok(cells) = index_cells(&bytes, nrows, &types) {
            assert_eq!(cells.len(), nrows * types.len());
            for cell in &cells {
                exercise(cell, &within, 0);
            }
            indexed += 1;
        }
    }
    eprintln!("fuzz_row_cells: {n} cases, {indexed} indexed");
}

const TYPE_WORDS: &[&str] = &[
    "int",
    "text",
    "varchar",
    "list",
    "set",
    "map",
    "tuple",
    "frozen",
    "vector",
    "empty",
    "duration",
    "udt",
    "\"Quoted\"\"Name\"",
    "'org.apache.cassandra.db.marshal.LexicalUUIDType'",
    "<",
    ">",
    ",",
    " ",
    "3",
    "'",
    "\"",
    "é",
    "\u{0}",
];

#[test]
fn fuzz_cql_type_parser() {
    let mut rng = Rng(0x5eed_0003);
    let n = cases();
    let mut parsed = 0;
    for _ in 0..n {
        let text: String = if rng.chance(20) {
            let n = rng.below(24);
            String::from_utf8_lossy(&rng.bytes(n)).into_owned()
        } else {
            (0..rng.below(12)).map(|_| TYPE_WORDS[rng.below(TYPE_WORDS.len())]).collect()
        };
        if let Some(t) = cql_type::parse(&text, &|name| cql_type::unknown_udt("ks", name)) {
            parsed += 1;
            assert!(t.value_type != CASS_VALUE_TYPE_LIST || t.sub_types.len() == 1, "{text}");
            assert!(t.value_type != CASS_VALUE_TYPE_MAP || t.sub_types.len() == 2, "{text}");
        }
    }
    eprintln!("fuzz_cql_type_parser: {n} cases, {parsed} parsed");
}

/// A protocol `[option]` describing `t` (v4 type ids), to build RESULT frames.
fn type_option(out: &mut Vec<u8>, t: &CassDataType, rng: &mut Rng) {
    let string = |out: &mut Vec<u8>, s: &str| {
        out.extend((s.len() as u16).to_be_bytes());
        out.extend(s.as_bytes());
    };
    let id = if t.value_type == CASS_VALUE_TYPE_UNKNOWN { rng.below(0x40) as u16 } else { t.value_type as u16 };
    out.extend(id.to_be_bytes());
    match t.value_type {
        CASS_VALUE_TYPE_CUSTOM => string(
            out,
            [
                "org.apache.cassandra.db.marshal.BytesType",
                "org.apache.cassandra.db.marshal.VectorType(org.apache.cassandra.db.marshal.FloatType , 3)",
                "x",
            ][rng.below(3)],
        ),
        CASS_VALUE_TYPE_LIST | CASS_VALUE_TYPE_SET | CASS_VALUE_TYPE_MAP | CASS_VALUE_TYPE_TUPLE => {
            if t.value_type == CASS_VALUE_TYPE_TUPLE {
                out.extend((t.sub_types.len() as u16).to_be_bytes());
            }
            for sub in &t.sub_types {
                type_option(out, sub, rng);
            }
        }
        CASS_VALUE_TYPE_UDT => {
            string(out, "ks");
            string(out, "u");
            out.extend((t.sub_types.len() as u16).to_be_bytes());
            for (name, sub) in t.field_names.iter().zip(&t.sub_types) {
                string(out, name);
                type_option(out, sub, rng);
            }
        }
        _ => {}
    }
}

/// Whole RESULT (Rows) bodies, damaged, through the `scylla` crate's metadata decoder (the
/// protocol type options), our type conversion, the cell indexer and every value getter.
#[test]
fn fuzz_rows_frames() {
    use scylla_cql::frame::protocol_features::ProtocolFeatures;
    use scylla_cql::frame::response::result::{deserialize_with_features, ResultWithDeserializedMetadata};
    let mut rng = Rng(0x5eed_0004);
    let n = cases() / 4;
    let mut decoded = 0;
    for _ in 0..n {
        let types: Vec<_> = (0..1 + rng.below(3)).map(|_| random_type(&mut rng, 0)).collect();
        let nrows = rng.below(3);
        let mut body = Vec::new();
        body.extend(2i32.to_be_bytes()); // Rows
        body.extend(1i32.to_be_bytes()); // global table spec
        body.extend((types.len() as i32).to_be_bytes());
        for s in ["ks", "t"] {
            body.extend((s.len() as u16).to_be_bytes());
            body.extend(s.as_bytes());
        }
        for (i, t) in types.iter().enumerate() {
            body.extend(2u16.to_be_bytes());
            body.extend(format!("c{i}").as_bytes());
            type_option(&mut body, t, &mut rng);
        }
        body.extend((nrows as i32).to_be_bytes());
        for _ in 0..nrows {
            for t in &types {
                let encoded = encoding(&mut rng, t);
                item(&mut body, (!rng.chance(10)).then_some(&encoded[..]));
            }
        }
        let body = damaged(&mut rng, body);
        let Ok(result) = deserialize_with_features(body.into(), None, &ProtocolFeatures::default()) else {
            continue;
        };
        let Ok(ResultWithDeserializedMetadata::Rows((raw, _))) = result.deserialize_metadata() else {
            continue;
        };
        let types: Vec<_> = raw
            .metadata()
            .col_specs()
            .iter()
            .map(|spec| Arc::new(CassDataType::from_column_type(spec.typ())))
            .collect();
        let rows = raw.raw_rows();
        let within = rows.as_ptr() as usize..rows.as_ptr() as usize + rows.len();
        if let Ok(cells) = index_cells(rows, raw.rows_count(), &types) {
            decoded += 1;
            for cell in &cells {
                exercise(cell, &within, 0);
            }
        }
    }
    eprintln!("fuzz_rows_frames: {n} cases, {decoded} decoded");
}
