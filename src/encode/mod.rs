//! Values as C passes them to `bind`, `append` and `set`: what the caller said the value is (for
//! the type checks) and how to write its wire form, without an allocation.

mod arena;

pub(crate) use arena::{Elements, Slot};

use crate::data_type::CassDataType;
use crate::types::{CassInet, CassUuid, CassValueType};

/// The C type of a value, as far as the type checks need to know it.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Kind<'a> {
    Null,
    Int8,
    Int16,
    Int32,
    Uint32,
    Int64,
    Float,
    Double,
    Bool,
    String,
    Bytes,
    /// A custom value with the class name C gave.
    Custom(&'a str),
    Uuid,
    Inet,
    Decimal,
    Duration,
    /// A collection, tuple or user type value, with its data type.
    Composite(&'a CassDataType),
}

impl Kind<'_> {
    /// Whether a value of this kind may go where `target` is expected, by the C++ driver's rules.
    pub(crate) fn fits(&self, target: &CassDataType) -> bool {
        use CassValueType::*;
        let t = target.value_type;
        match *self {
            Kind::Null => true,
            Kind::Int8 => t == CASS_VALUE_TYPE_TINY_INT,
            Kind::Int16 => t == CASS_VALUE_TYPE_SMALL_INT,
            Kind::Int32 => t == CASS_VALUE_TYPE_INT,
            Kind::Uint32 => t == CASS_VALUE_TYPE_DATE,
            Kind::Int64 => is_int64_type(t),
            Kind::Float => t == CASS_VALUE_TYPE_FLOAT,
            Kind::Double => t == CASS_VALUE_TYPE_DOUBLE,
            Kind::Bool => t == CASS_VALUE_TYPE_BOOLEAN,
            // Blob-like columns accept text too, as upstream.
            Kind::String => is_string_type(t) || is_bytes_type(t),
            Kind::Bytes => is_bytes_type(t),
            Kind::Custom(class_name) => t == CASS_VALUE_TYPE_CUSTOM && class_name == target.class_name,
            Kind::Uuid => matches!(t, CASS_VALUE_TYPE_UUID | CASS_VALUE_TYPE_TIMEUUID),
            Kind::Inet => t == CASS_VALUE_TYPE_INET,
            Kind::Decimal => t == CASS_VALUE_TYPE_DECIMAL,
            Kind::Duration => t == CASS_VALUE_TYPE_DURATION,
            Kind::Composite(own) => own.equals(target),
        }
    }
}

pub(crate) fn is_int64_type(t: CassValueType) -> bool {
    use CassValueType::*;
    matches!(t, CASS_VALUE_TYPE_BIGINT | CASS_VALUE_TYPE_COUNTER | CASS_VALUE_TYPE_TIMESTAMP | CASS_VALUE_TYPE_TIME)
}

pub(crate) fn is_string_type(t: CassValueType) -> bool {
    use CassValueType::*;
    matches!(t, CASS_VALUE_TYPE_ASCII | CASS_VALUE_TYPE_TEXT | CASS_VALUE_TYPE_VARCHAR)
}

pub(crate) fn is_bytes_type(t: CassValueType) -> bool {
    use CassValueType::*;
    matches!(t, CASS_VALUE_TYPE_BLOB | CASS_VALUE_TYPE_VARINT | CASS_VALUE_TYPE_CUSTOM)
}

/// How to produce the wire bytes of a value.
#[derive(Clone, Copy)]
enum Body<'a> {
    Null,
    /// Small fixed-size values, encoded on the stack (a duration is at most 27 bytes).
    Inline {
        buf: [u8; 28],
        len: u8,
    },
    Slice(&'a [u8]),
    /// A decimal: the 4-byte scale, then the varint bytes exactly as C gave them.
    Decimal {
        scale: [u8; 4],
        varint: &'a [u8],
    },
    /// A list, set or map: the element count, then each element with its length.
    Collection {
        items: &'a Elements,
        count: i32,
    },
    /// A tuple or user type: each field with its length (-1 when null or never set).
    Fields(&'a Elements),
}

/// One value from C: its kind and its wire form.
#[derive(Clone, Copy)]
pub(crate) struct Input<'a> {
    pub kind: Kind<'a>,
    body: Body<'a>,
}

impl<'a> Input<'a> {
    fn inline(kind: Kind<'a>, bytes: &[u8]) -> Self {
        let mut buf = [0u8; 28];
        buf[..bytes.len()].copy_from_slice(bytes);
        Input { kind, body: Body::Inline { buf, len: bytes.len() as u8 } }
    }

    pub(crate) fn null() -> Self {
        Input { kind: Kind::Null, body: Body::Null }
    }
    pub(crate) fn int8(v: i8) -> Self {
        Self::inline(Kind::Int8, &v.to_be_bytes())
    }
    pub(crate) fn int16(v: i16) -> Self {
        Self::inline(Kind::Int16, &v.to_be_bytes())
    }
    pub(crate) fn int32(v: i32) -> Self {
        Self::inline(Kind::Int32, &v.to_be_bytes())
    }
    pub(crate) fn uint32(v: u32) -> Self {
        Self::inline(Kind::Uint32, &v.to_be_bytes())
    }
    pub(crate) fn int64(v: i64) -> Self {
        Self::inline(Kind::Int64, &v.to_be_bytes())
    }
    pub(crate) fn float(v: f32) -> Self {
        Self::inline(Kind::Float, &v.to_be_bytes())
    }
    pub(crate) fn double(v: f64) -> Self {
        Self::inline(Kind::Double, &v.to_be_bytes())
    }
    pub(crate) fn bool(v: bool) -> Self {
        Self::inline(Kind::Bool, &[v as u8])
    }
    pub(crate) fn string(v: &'a [u8]) -> Self {
        Input { kind: Kind::String, body: Body::Slice(v) }
    }
    pub(crate) fn bytes(v: &'a [u8]) -> Self {
        Input { kind: Kind::Bytes, body: Body::Slice(v) }
    }
    pub(crate) fn custom(class_name: &'a str, v: &'a [u8]) -> Self {
        Input { kind: Kind::Custom(class_name), body: Body::Slice(v) }
    }
    /// A small custom value (at most 28 bytes: a DSE point or date range), copied in.
    pub(crate) fn custom_inline(class_name: &'a str, v: &[u8]) -> Self {
        Self::inline(Kind::Custom(class_name), v)
    }
    pub(crate) fn uuid(v: CassUuid) -> Self {
        Self::inline(Kind::Uuid, &v.to_bytes())
    }
    /// An inet of 4 or 16 bytes; None for any other length (the C struct holds at most 16).
    pub(crate) fn inet(v: &CassInet) -> Option<Self> {
        let len = v.address_length as usize;
        (len == 4 || len == 16).then(|| Self::inline(Kind::Inet, &v.address[..len]))
    }
    pub(crate) fn decimal(varint: &'a [u8], scale: i32) -> Self {
        Input { kind: Kind::Decimal, body: Body::Decimal { scale: scale.to_be_bytes(), varint } }
    }
    pub(crate) fn duration(months: i32, days: i32, nanos: i64) -> Self {
        let mut buf = [0u8; 28];
        let mut len = write_vint(&mut buf, zigzag(months as i64));
        len += write_vint(&mut buf[len..], zigzag(days as i64));
        len += write_vint(&mut buf[len..], zigzag(nanos));
        Input { kind: Kind::Duration, body: Body::Inline { buf, len: len as u8 } }
    }
    pub(crate) fn collection(data_type: &'a CassDataType, items: &'a Elements, count: i32) -> Self {
        Input { kind: Kind::Composite(data_type), body: Body::Collection { items, count } }
    }
    pub(crate) fn fields(data_type: &'a CassDataType, fields: &'a Elements) -> Self {
        Input { kind: Kind::Composite(data_type), body: Body::Fields(fields) }
    }

    pub(crate) fn is_null(&self) -> bool {
        matches!(self.body, Body::Null)
    }

    /// A map with a key missing its value: the C++ driver refuses to bind one to a statement or a
    /// user type field (`CASS_ERROR_LIB_INVALID_ITEM_COUNT`).
    pub(crate) fn is_incomplete_map(&self) -> bool {
        match (self.kind, self.body) {
            (Kind::Composite(t), Body::Collection { items, .. }) => {
                t.value_type == CassValueType::CASS_VALUE_TYPE_MAP && items.len() % 2 != 0
            }
            _ => false,
        }
    }

    /// The value's bytes when they are already in one piece (scalars, text, blobs).
    #[inline]
    pub(crate) fn contiguous(&self) -> Option<&[u8]> {
        match &self.body {
            Body::Inline { buf, len } => Some(&buf[..*len as usize]),
            Body::Slice(bytes) => Some(bytes),
            _ => None,
        }
    }

    /// Appends the value's bytes (without a length prefix) to `out`. NULL writes nothing.
    pub(crate) fn write(&self, out: &mut Vec<u8>) {
        match self.body {
            Body::Null => {}
            Body::Inline { buf, len } => out.extend_from_slice(&buf[..len as usize]),
            Body::Slice(bytes) => out.extend_from_slice(bytes),
            Body::Decimal { scale, varint } => {
                out.extend_from_slice(&scale);
                out.extend_from_slice(varint);
            }
            Body::Collection { items, count } => {
                out.extend_from_slice(&count.to_be_bytes());
                items.write_fields(out);
            }
            Body::Fields(fields) => fields.write_fields(out),
        }
    }
}

fn zigzag(n: i64) -> u64 {
    ((n << 1) ^ (n >> 63)) as u64
}

/// Writes Cassandra's unsigned variable-length integer (1 to 9 bytes: the count of leading one
/// bits of the first byte is the number of extra bytes). Returns the length written.
fn write_vint(out: &mut [u8], v: u64) -> usize {
    let size = ((639 - 9 * (v | 1).leading_zeros()) >> 6) as usize;
    let bytes = v.to_be_bytes();
    if size == 9 {
        out[0] = 0xff;
        out[1..9].copy_from_slice(&bytes);
    } else {
        out[..size].copy_from_slice(&bytes[8 - size..]);
        out[0] |= !(0xffu8 >> (size - 1));
    }
    size
}

/// Reads one vint from the front of `bytes`: the value and the bytes used.
pub(crate) fn read_vint(bytes: &[u8]) -> Option<(u64, usize)> {
    let first = *bytes.first()?;
    let extra = first.leading_ones() as usize;
    let rest = bytes.get(1..1 + extra)?;
    let mut value = if extra >= 8 { 0 } else { (first & (0xff >> extra)) as u64 };
    for b in rest {
        value = (value << 8) | *b as u64;
    }
    Some((value, 1 + extra))
}

/// Decodes a duration (months, days, nanoseconds): the inverse of the writer, for its tests.
#[cfg(test)]
pub fn read_duration(bytes: &[u8]) -> Option<(i32, i32, i64)> {
    let unzigzag = |v: u64| ((v >> 1) as i64) ^ -((v & 1) as i64);
    let (months, a) = read_vint(bytes)?;
    let (days, b) = read_vint(&bytes[a..])?;
    let (nanos, c) = read_vint(&bytes[a + b..])?;
    if a + b + c != bytes.len() {
        return None;
    }
    let months = i32::try_from(unzigzag(months)).ok()?;
    let days = i32::try_from(unzigzag(days)).ok()?;
    Some((months, days, unzigzag(nanos)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encoded(input: Input) -> Vec<u8> {
        let mut out = Vec::new();
        input.write(&mut out);
        out
    }

    #[test]
    fn duration_round_trips_at_the_limits() {
        for (m, d, n) in
            [(0, 0, 0), (1, 2, 3), (-1, -2, -3), (i32::MAX, i32::MIN, i64::MAX), (i32::MIN, i32::MAX, i64::MIN)]
        {
            let bytes = encoded(Input::duration(m, d, n));
            assert_eq!(read_duration(&bytes), Some((m, d, n)), "{m} {d} {n}");
        }
    }

    #[test]
    fn vint_sizes_follow_the_value() {
        let mut buf = [0u8; 9];
        assert_eq!(write_vint(&mut buf, 0), 1);
        assert_eq!(write_vint(&mut buf, 127), 1);
        assert_eq!(write_vint(&mut buf, 128), 2);
        assert_eq!(write_vint(&mut buf, u64::MAX), 9);
        for v in [0u64, 1, 127, 128, 300, 1 << 20, 1 << 40, u64::MAX - 1, u64::MAX] {
            let n = write_vint(&mut buf, v);
            assert_eq!(read_vint(&buf[..n]), Some((v, n)));
        }
    }

    #[test]
    fn decimal_keeps_varint_bytes_verbatim() {
        let bytes = encoded(Input::decimal(b"3.14", 2));
        assert_eq!(bytes, [0, 0, 0, 2, b'3', b'.', b'1', b'4']);
    }
}

/// Inputs built from C arguments that can be invalid (NULL pointers with a length, non-UTF-8 class
/// names, NULL handles, impossible inet lengths): those give `CASS_ERROR_LIB_BAD_PARAMS`.
pub(crate) mod from_c {
    use super::Input;
    use crate::collection::CassCollection;
    use crate::error::CassError;
    use crate::ffi::strings::{bytes_n, safe_strlen, str_n};
    use crate::ffi::BoxHandle;
    use crate::tuple::CassTuple;
    use crate::types::{cass_byte_t, CassInet};
    use crate::user_type::CassUserType;
    use std::ffi::c_char;

    type Built<'a> = Result<Input<'a>, CassError>;

    pub(crate) fn string<'a>(value: *const c_char) -> Built<'a> {
        string_n(value, safe_strlen(value))
    }
    pub(crate) fn string_n<'a>(value: *const c_char, len: usize) -> Built<'a> {
        Ok(Input::string(bytes_n(value, len)?))
    }
    pub(crate) fn bytes<'a>(value: *const cass_byte_t, len: usize) -> Built<'a> {
        Ok(Input::bytes(bytes_n(value, len)?))
    }
    pub(crate) fn custom<'a>(class_name: *const c_char, value: *const cass_byte_t, len: usize) -> Built<'a> {
        custom_n(class_name, safe_strlen(class_name), value, len)
    }
    pub(crate) fn custom_n<'a>(
        class_name: *const c_char,
        class_len: usize,
        value: *const cass_byte_t,
        len: usize,
    ) -> Built<'a> {
        Ok(Input::custom(str_n(class_name, class_len)?, bytes_n(value, len)?))
    }
    pub(crate) fn inet<'a>(value: &CassInet) -> Built<'a> {
        Input::inet(value).ok_or(CassError::CASS_ERROR_LIB_BAD_PARAMS)
    }
    pub(crate) fn decimal<'a>(varint: *const cass_byte_t, len: usize, scale: i32) -> Built<'a> {
        Ok(Input::decimal(bytes_n(varint, len)?, scale))
    }
    pub(crate) fn collection<'a>(value: *const CassCollection) -> Built<'a> {
        CassCollection::from_ptr(value).map(CassCollection::input).ok_or(CassError::CASS_ERROR_LIB_BAD_PARAMS)
    }
    pub(crate) fn tuple<'a>(value: *const CassTuple) -> Built<'a> {
        CassTuple::from_ptr(value).map(CassTuple::input).ok_or(CassError::CASS_ERROR_LIB_BAD_PARAMS)
    }
    pub(crate) fn user_type<'a>(value: *const CassUserType) -> Built<'a> {
        CassUserType::from_ptr(value).map(CassUserType::input).ok_or(CassError::CASS_ERROR_LIB_BAD_PARAMS)
    }
}
