//! `CassDataType`: the description of a CQL type, as reported for result columns and values.

use crate::ffi::ArcHandle;
use crate::types::CassValueType;
use scylla::frame::response::result::{CollectionType, ColumnType, NativeType};
use std::sync::Arc;

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

impl ArcHandle for CassDataType {}

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
            ColumnType::Vector { typ, .. } => CassDataType {
                sub_types: vec![Arc::new(Self::from_column_type(typ))],
                class_name: "org.apache.cassandra.db.marshal.VectorType".to_string(),
                ..Self::simple(CASS_VALUE_TYPE_CUSTOM)
            },
            _ => Self::simple(CASS_VALUE_TYPE_UNKNOWN),
        }
    }
}
