//! `CassDataType`: the description of a CQL type, as reported for result columns and values, and
//! as built by C to type collections, tuples and user types.

mod exports;

use crate::error::CassError;
use crate::ffi::strings::write_str_out;
use crate::ffi::ArcHandle;
use crate::ffi::{Handle, Shared};
use crate::types::{CassValueType, CassValueTypeArg};
use scylla::frame::response::result::{CollectionType, ColumnType, NativeType};
use std::ffi::c_char;
use std::sync::Arc;
use CassValueType::*;

/// A CQL type. Shared (`Arc`); types reported by results and values live as long as their owner.
#[derive(Debug, Clone, PartialEq)]
pub struct CassDataType {
    pub value_type: CassValueType,
    pub frozen: bool,
    /// Element types: list/set: 1, map: 2, tuple: n, UDT: one per field.
    pub sub_types: Vec<Arc<CassDataType>>,
    /// UDT field names, parallel to `sub_types`.
    pub field_names: Vec<String>,
    pub keyspace: String,
    pub type_name: String,
    pub class_name: String,
}

impl Handle for CassDataType {
    type Ownership = Shared;
}

impl CassDataType {
    pub fn simple(value_type: CassValueType) -> Self {
        CassDataType {
            value_type,
            frozen: false,
            sub_types: Vec::new(),
            field_names: Vec::new(),
            keyspace: String::new(),
            type_name: String::new(),
            class_name: String::new(),
        }
    }

    /// Converts a type from the protocol's metadata.
    pub fn from_column_type(typ: &ColumnType<'_>) -> Self {
        use CassValueType::*;
        match typ {
            ColumnType::Native(native) => Self::simple(match native {
                NativeType::Ascii => CASS_VALUE_TYPE_ASCII,
                NativeType::Boolean => CASS_VALUE_TYPE_BOOLEAN,
                NativeType::Blob => CASS_VALUE_TYPE_BLOB,
                NativeType::Counter => CASS_VALUE_TYPE_COUNTER,
                NativeType::Date => CASS_VALUE_TYPE_DATE,
                NativeType::Decimal => CASS_VALUE_TYPE_DECIMAL,
                NativeType::Double => CASS_VALUE_TYPE_DOUBLE,
                NativeType::Duration => CASS_VALUE_TYPE_DURATION,
                NativeType::Float => CASS_VALUE_TYPE_FLOAT,
                NativeType::Int => CASS_VALUE_TYPE_INT,
                NativeType::BigInt => CASS_VALUE_TYPE_BIGINT,
                // The server describes text columns with the varchar id.
                NativeType::Text => CASS_VALUE_TYPE_VARCHAR,
                NativeType::Timestamp => CASS_VALUE_TYPE_TIMESTAMP,
                NativeType::Inet => CASS_VALUE_TYPE_INET,
                NativeType::SmallInt => CASS_VALUE_TYPE_SMALL_INT,
                NativeType::TinyInt => CASS_VALUE_TYPE_TINY_INT,
                NativeType::Time => CASS_VALUE_TYPE_TIME,
                NativeType::Timeuuid => CASS_VALUE_TYPE_TIMEUUID,
                NativeType::Uuid => CASS_VALUE_TYPE_UUID,
                NativeType::Varint => CASS_VALUE_TYPE_VARINT,
                _ => CASS_VALUE_TYPE_UNKNOWN,
            }),
            ColumnType::Collection { frozen, typ } => {
                let (value_type, subs): (_, Vec<&ColumnType>) = match typ {
                    CollectionType::List(t) => (CASS_VALUE_TYPE_LIST, vec![t]),
                    CollectionType::Set(t) => (CASS_VALUE_TYPE_SET, vec![t]),
                    CollectionType::Map(k, v) => (CASS_VALUE_TYPE_MAP, vec![k, v]),
                    _ => (CASS_VALUE_TYPE_UNKNOWN, vec![]),
                };
                CassDataType {
                    frozen: *frozen,
                    sub_types: subs.into_iter().map(|t| Arc::new(Self::from_column_type(t))).collect(),
                    ..Self::simple(value_type)
                }
            }
            ColumnType::Tuple(types) => CassDataType {
                sub_types: types.iter().map(|t| Arc::new(Self::from_column_type(t))).collect(),
                ..Self::simple(CASS_VALUE_TYPE_TUPLE)
            },
            ColumnType::UserDefinedType { frozen, definition } => CassDataType {
                frozen: *frozen,
                sub_types: definition.field_types.iter().map(|(_, t)| Arc::new(Self::from_column_type(t))).collect(),
                field_names: definition.field_types.iter().map(|(n, _)| n.to_string()).collect(),
                keyspace: definition.keyspace.to_string(),
                type_name: definition.name.to_string(),
                ..Self::simple(CASS_VALUE_TYPE_UDT)
            },
            // Cassandra 5 vectors travel as a custom type; the C++ driver reports them so, with the
            // server's class name. The element type is kept as the one sub type.
            ColumnType::Vector { typ, dimensions } => CassDataType {
                sub_types: vec![Arc::new(Self::from_column_type(typ))],
                class_name: format!("{MARSHAL}VectorType({} , {dimensions})", marshal_class_name(typ)),
                ..Self::simple(CASS_VALUE_TYPE_CUSTOM)
            },
            _ => Self::simple(CASS_VALUE_TYPE_UNKNOWN),
        }
    }

    /// The shared type of untyped lists, sets, maps and tuples (`cass_collection_new`,
    /// `cass_tuple_new`): no allocation per value.
    pub fn untyped(value_type: CassValueType) -> Arc<CassDataType> {
        use once_cell::sync::Lazy;
        use CassValueType::*;
        static LIST: Lazy<Arc<CassDataType>> = Lazy::new(|| Arc::new(CassDataType::simple(CASS_VALUE_TYPE_LIST)));
        static SET: Lazy<Arc<CassDataType>> = Lazy::new(|| Arc::new(CassDataType::simple(CASS_VALUE_TYPE_SET)));
        static MAP: Lazy<Arc<CassDataType>> = Lazy::new(|| Arc::new(CassDataType::simple(CASS_VALUE_TYPE_MAP)));
        static TUPLE: Lazy<Arc<CassDataType>> = Lazy::new(|| Arc::new(CassDataType::simple(CASS_VALUE_TYPE_TUPLE)));
        match value_type {
            CASS_VALUE_TYPE_LIST => LIST.clone(),
            CASS_VALUE_TYPE_SET => SET.clone(),
            CASS_VALUE_TYPE_MAP => MAP.clone(),
            CASS_VALUE_TYPE_TUPLE => TUPLE.clone(),
            other => Arc::new(CassDataType::simple(other)),
        }
    }

    /// Whether this type is what `from_column_type(typ)` would build (checked without allocating).
    pub fn describes(&self, typ: &ColumnType<'_>) -> bool {
        let subs_match = |types: &[&ColumnType<'_>]| self.subs_describe(types.iter().copied());
        match typ {
            ColumnType::Native(_) => {
                self.sub_types.is_empty() && self.value_type == Self::from_column_type(typ).value_type
            }
            ColumnType::Collection { frozen, typ: inner } => {
                *frozen == self.frozen
                    && match inner {
                        CollectionType::List(t) => {
                            self.value_type == CassValueType::CASS_VALUE_TYPE_LIST && subs_match(&[t])
                        }
                        CollectionType::Set(t) => {
                            self.value_type == CassValueType::CASS_VALUE_TYPE_SET && subs_match(&[t])
                        }
                        CollectionType::Map(k, v) => {
                            self.value_type == CassValueType::CASS_VALUE_TYPE_MAP && subs_match(&[k, v])
                        }
                        _ => false,
                    }
            }
            ColumnType::Tuple(types) => {
                self.value_type == CassValueType::CASS_VALUE_TYPE_TUPLE && self.subs_describe(types.iter())
            }
            ColumnType::UserDefinedType { frozen, definition } => {
                *frozen == self.frozen
                    && self.value_type == CassValueType::CASS_VALUE_TYPE_UDT
                    && self.keyspace == *definition.keyspace
                    && self.type_name == *definition.name
                    && self.field_names.len() == definition.field_types.len()
                    && self.field_names.iter().zip(&definition.field_types).all(|(n, (fname, _))| n == fname)
                    && self.subs_describe(definition.field_types.iter().map(|(_, t)| t))
            }
            _ => false,
        }
    }

    /// Whether the sub types describe `types`, one for one.
    fn subs_describe<'t>(&self, types: impl ExactSizeIterator<Item = &'t ColumnType<'t>>) -> bool {
        self.sub_types.len() == types.len() && self.sub_types.iter().zip(types).all(|(s, t)| s.describes(t))
    }

    pub fn is_collection(&self) -> bool {
        use CassValueType::*;
        matches!(self.value_type, CASS_VALUE_TYPE_LIST | CASS_VALUE_TYPE_SET | CASS_VALUE_TYPE_MAP)
    }

    /// The indexes of the UDT fields called `name`: case-insensitive, or exact when `name` is in
    /// double quotes (the quotes are not part of the name), as the C++ driver matches names.
    pub fn field_indices<'a>(&'a self, name: &'a str) -> impl Iterator<Item = usize> + 'a {
        names_matching(&self.field_names, name)
    }

    /// Type compatibility as the C++ driver decides it before accepting a value: text and varchar
    /// are one type; sub types, UDT names and custom class names are compared only when both sides
    /// have them; UDTs compare their common leading fields (a UDT only ever gains fields).
    pub fn equals(&self, other: &CassDataType) -> bool {
        use CassValueType::*;
        let both_or_either_empty = |a: &str, b: &str| a.is_empty() || b.is_empty() || a == b;
        match self.value_type {
            CASS_VALUE_TYPE_TEXT | CASS_VALUE_TYPE_VARCHAR => {
                matches!(other.value_type, CASS_VALUE_TYPE_TEXT | CASS_VALUE_TYPE_VARCHAR)
            }
            CASS_VALUE_TYPE_CUSTOM => {
                other.value_type == CASS_VALUE_TYPE_CUSTOM && both_or_either_empty(&self.class_name, &other.class_name)
            }
            CASS_VALUE_TYPE_LIST | CASS_VALUE_TYPE_SET | CASS_VALUE_TYPE_MAP | CASS_VALUE_TYPE_TUPLE => {
                if self.value_type != other.value_type {
                    return false;
                }
                if self.sub_types.is_empty() || other.sub_types.is_empty() {
                    return true;
                }
                self.sub_types.len() == other.sub_types.len()
                    && self.sub_types.iter().zip(&other.sub_types).all(|(a, b)| a.equals(b))
            }
            CASS_VALUE_TYPE_UDT => {
                other.value_type == CASS_VALUE_TYPE_UDT
                    && both_or_either_empty(&self.keyspace, &other.keyspace)
                    && both_or_either_empty(&self.type_name, &other.type_name)
                    && self
                        .field_names
                        .iter()
                        .zip(&self.sub_types)
                        .zip(other.field_names.iter().zip(&other.sub_types))
                        .all(|((name_a, type_a), (name_b, type_b))| name_a == name_b && type_a.equals(type_b))
            }
            _ => self.value_type == other.value_type,
        }
    }
}

const MARSHAL: &str = "org.apache.cassandra.db.marshal.";

/// The server's Java class name of a type, as it appears inside a custom type's class name.
fn marshal_class_name(typ: &ColumnType<'_>) -> String {
    let native = match typ {
        ColumnType::Native(native) => match native {
            NativeType::Ascii => "AsciiType",
            NativeType::Boolean => "BooleanType",
            NativeType::Blob => "BytesType",
            NativeType::Counter => "CounterColumnType",
            NativeType::Date => "SimpleDateType",
            NativeType::Decimal => "DecimalType",
            NativeType::Double => "DoubleType",
            NativeType::Duration => "DurationType",
            NativeType::Float => "FloatType",
            NativeType::Int => "Int32Type",
            NativeType::BigInt => "LongType",
            NativeType::Text => "UTF8Type",
            NativeType::Timestamp => "TimestampType",
            NativeType::Inet => "InetAddressType",
            NativeType::SmallInt => "ShortType",
            NativeType::TinyInt => "ByteType",
            NativeType::Time => "TimeType",
            NativeType::Timeuuid => "TimeUUIDType",
            NativeType::Uuid => "UUIDType",
            NativeType::Varint => "IntegerType",
            _ => "BytesType",
        },
        ColumnType::Vector { typ, dimensions } => {
            return format!("{MARSHAL}VectorType({} , {dimensions})", marshal_class_name(typ))
        }
        _ => "BytesType",
    };
    format!("{MARSHAL}{native}")
}

/// The positions in `names` that `name` designates: every case-insensitive match, or, when `name`
/// is double-quoted, every exact match of the unquoted text.
pub(crate) fn names_matching<'a, S: AsRef<str>>(names: &'a [S], name: &'a str) -> impl Iterator<Item = usize> + 'a {
    let quoted = name.len() >= 2 && name.starts_with('"') && name.ends_with('"');
    let wanted = if quoted { &name[1..name.len() - 1] } else { name };
    names.iter().enumerate().filter_map(move |(index, candidate)| {
        let candidate = candidate.as_ref();
        let hit = if quoted { candidate == wanted } else { candidate.eq_ignore_ascii_case(wanted) };
        hit.then_some(index)
    })
}

/// Runs `set` on each index a name matched (see `names_matching`), stopping at the first error;
/// `CASS_ERROR_LIB_NAME_DOES_NOT_EXIST` when the name matched nothing. Binding a statement's markers
/// and setting a user type's fields by name both answer this way, as upstream.
pub(crate) fn set_each_match(
    indices: impl Iterator<Item = usize>,
    mut set: impl FnMut(usize) -> CassError,
) -> CassError {
    let mut found = false;
    for index in indices {
        found = true;
        let rc = set(index);
        if rc != CassError::CASS_OK {
            return rc;
        }
    }
    if found {
        CassError::CASS_OK
    } else {
        CassError::CASS_ERROR_LIB_NAME_DOES_NOT_EXIST
    }
}

/// The most sub types `cass_data_type_new_tuple()` / `cass_data_type_new_udt()` reserve room for:
/// the count is only a hint, and a wrong one must not allocate without bound.
const MAX_RESERVED_SUB_TYPES: usize = 1024;

type Checked<T = ()> = Result<T, CassError>;

impl CassDataType {
    /// A fresh type of `value_type`, as `cass_data_type_new()` makes it: not frozen, no sub types,
    /// empty names. `None` for `UNKNOWN` and `LAST_ENTRY`, which are not types.
    fn new_of(value_type: CassValueType) -> Option<Self> {
        match value_type {
            CASS_VALUE_TYPE_UNKNOWN | CASS_VALUE_TYPE_LAST_ENTRY => None,
            _ => Some(Self::simple(value_type)),
        }
    }

    /// A fresh tuple or UDT with room for `count` sub types (none added yet).
    fn with_room_for(value_type: CassValueType, count: usize) -> Self {
        let count = count.min(MAX_RESERVED_SUB_TYPES);
        let field_names = if value_type == CASS_VALUE_TYPE_UDT { Vec::with_capacity(count) } else { Vec::new() };
        CassDataType { sub_types: Vec::with_capacity(count), field_names, ..Self::simple(value_type) }
    }

    fn has_sub_types(&self) -> bool {
        self.is_collection() || matches!(self.value_type, CASS_VALUE_TYPE_TUPLE | CASS_VALUE_TYPE_UDT)
    }

    /// The sub types C can see: element types of a collection or tuple, field types of a UDT, none
    /// for any other type.
    fn visible_sub_types(&self) -> &[Arc<CassDataType>] {
        if self.has_sub_types() {
            &self.sub_types
        } else {
            &[]
        }
    }

    /// `CASS_ERROR_LIB_INVALID_VALUE_TYPE` unless this type is a `value_type`.
    fn require(&self, value_type: CassValueType) -> Checked {
        if self.value_type == value_type {
            Ok(())
        } else {
            Err(CassError::CASS_ERROR_LIB_INVALID_VALUE_TYPE)
        }
    }

    /// Whether `add_sub_type` may add one more sub type: a list or set takes one, a map two, a
    /// tuple any number; other types take none.
    fn check_room_for_sub_type(&self) -> Checked {
        let limit = match self.value_type {
            CASS_VALUE_TYPE_LIST | CASS_VALUE_TYPE_SET => 1,
            CASS_VALUE_TYPE_MAP => 2,
            CASS_VALUE_TYPE_TUPLE => usize::MAX,
            _ => return Err(CassError::CASS_ERROR_LIB_INVALID_VALUE_TYPE),
        };
        if self.sub_types.len() < limit {
            Ok(())
        } else {
            Err(CassError::CASS_ERROR_LIB_BAD_PARAMS)
        }
    }

    /// The type of the first UDT field that `name` designates (see `field_indices`).
    fn field_type(&self, name: &str) -> Option<&Arc<CassDataType>> {
        if self.value_type != CASS_VALUE_TYPE_UDT {
            return None;
        }
        self.field_indices(name).next().and_then(|index| self.sub_types.get(index))
    }

    /// The name of the UDT field at `index`.
    fn field_name(&self, index: usize) -> Checked<&str> {
        self.require(CASS_VALUE_TYPE_UDT)?;
        self.field_names.get(index).map(String::as_str).ok_or(CassError::CASS_ERROR_LIB_INDEX_OUT_OF_BOUNDS)
    }

    fn add_field(&mut self, name: &str, field_type: Arc<CassDataType>) {
        self.field_names.push(name.to_owned());
        self.sub_types.push(field_type);
    }
}

/// Changes the type behind `data_type`: `check` sees it first (its error is returned as is), then
/// `change` gets it mutably, if C's reference is the only one. A shared type is left alone:
/// `CASS_ERROR_LIB_BAD_PARAMS` and a warning naming `function`.
fn change_type(
    function: &str,
    data_type: *mut CassDataType,
    check: impl FnOnce(&CassDataType) -> Checked,
    change: impl FnOnce(&mut CassDataType),
) -> CassError {
    let Some(current) = CassDataType::from_ptr(data_type) else {
        return CassError::CASS_ERROR_LIB_BAD_PARAMS;
    };
    if let Err(error) = check(current) {
        return error;
    }
    let Some(unique) = CassDataType::unique_mut_from_ptr(data_type) else {
        tracing::warn!(
            "{function}: the data type is shared (a sub type of another data type, or used by a \
             collection, tuple or user type), so it cannot be changed; change a copy made with \
             cass_data_type_new_from_existing() before sharing it"
        );
        return CassError::CASS_ERROR_LIB_BAD_PARAMS;
    };
    change(unique);
    CassError::CASS_OK
}

/// Hands text owned by a data type to C. Empty text points at a NUL byte, as C code may expect.
fn write_text_out(text: &str, out: *mut *const c_char, out_length: *mut usize) -> CassError {
    let bytes = if text.is_empty() { c"".to_bytes() } else { text.as_bytes() };
    write_str_out(bytes, out, out_length)
}

fn into_c(data_type: CassDataType) -> *mut CassDataType {
    CassDataType::into_ptr(Arc::new(data_type)) as *mut CassDataType
}

fn borrowed(data_type: Option<&Arc<CassDataType>>) -> *const CassDataType {
    data_type.map_or(std::ptr::null(), Arc::as_ptr)
}

fn set_type_name(data_type: *mut CassDataType, name: &str) -> CassError {
    change_type(
        "cass_data_type_set_type_name",
        data_type,
        |t| t.require(CASS_VALUE_TYPE_UDT),
        |t| t.type_name = name.to_owned(),
    )
}

fn set_keyspace(data_type: *mut CassDataType, keyspace: &str) -> CassError {
    change_type(
        "cass_data_type_set_keyspace",
        data_type,
        |t| t.require(CASS_VALUE_TYPE_UDT),
        |t| t.keyspace = keyspace.to_owned(),
    )
}

fn set_class_name(data_type: *mut CassDataType, class_name: &str) -> CassError {
    change_type(
        "cass_data_type_set_class_name",
        data_type,
        |t| t.require(CASS_VALUE_TYPE_CUSTOM),
        |t| t.class_name = class_name.to_owned(),
    )
}

fn sub_data_type_by_name(data_type: *const CassDataType, name: Option<&str>) -> *const CassDataType {
    let (Some(data_type), Some(name)) = (CassDataType::from_ptr(data_type), name) else {
        return std::ptr::null();
    };
    borrowed(data_type.field_type(name))
}

fn add_sub_type(data_type: *mut CassDataType, sub_type: Arc<CassDataType>) -> CassError {
    // `sub_type` holds a reference of its own, so adding a type to itself finds it shared.
    change_type("cass_data_type_add_sub_type", data_type, CassDataType::check_room_for_sub_type, |t| {
        t.sub_types.push(sub_type)
    })
}

fn add_field<E: Into<CassError>>(
    data_type: *mut CassDataType,
    name: Result<&str, E>,
    field_type: Option<Arc<CassDataType>>,
) -> CassError {
    let name = match name {
        Ok(name) => name,
        Err(error) => return error.into(),
    };
    let Some(field_type) = field_type else {
        return CassError::CASS_ERROR_LIB_BAD_PARAMS;
    };
    change_type(
        "cass_data_type_add_sub_type_by_name",
        data_type,
        |t| t.require(CASS_VALUE_TYPE_UDT),
        |t| t.add_field(name, field_type),
    )
}

/// A new type of `value_type` to add as a sub type: any value type (as in the C++ driver, also
/// `CASS_VALUE_TYPE_UNKNOWN`), but not `CASS_VALUE_TYPE_LAST_ENTRY` or a value outside the enum.
fn sub_value_type(value_type: CassValueTypeArg) -> Option<Arc<CassDataType>> {
    match value_type.get()? {
        CASS_VALUE_TYPE_LAST_ENTRY => None,
        value_type => Some(Arc::new(CassDataType::simple(value_type))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(t: ColumnType<'static>, frozen: bool) -> ColumnType<'static> {
        ColumnType::Collection { frozen, typ: CollectionType::List(Box::new(t)) }
    }

    #[test]
    fn a_type_describes_what_it_was_built_from_and_nothing_else() {
        let int = ColumnType::Native(NativeType::Int);
        let text = ColumnType::Native(NativeType::Text);
        let cases = [
            int.clone(),
            text.clone(),
            list(int.clone(), false),
            list(list(text.clone(), true), false),
            ColumnType::Tuple(vec![int.clone(), text.clone()]),
            ColumnType::Collection {
                frozen: true,
                typ: CollectionType::Map(Box::new(text.clone()), Box::new(list(int.clone(), true))),
            },
        ];
        for (i, a) in cases.iter().enumerate() {
            let built = CassDataType::from_column_type(a);
            for (j, b) in cases.iter().enumerate() {
                assert_eq!(built.describes(b), i == j, "{a:?} vs {b:?}");
            }
        }
        assert!(!CassDataType::from_column_type(&list(int.clone(), false)).describes(&list(int, true)));
    }
}
