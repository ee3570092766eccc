//! Reads the CQL type text of `system_schema` (`frozen<map<text, list<int>>>`, `vector<float, 3>`,
//! `'org.apache...CustomType'`, a user type's name) into a `CassDataType`, the way the C++ driver's
//! CQL name parser does: names are case-insensitive, `frozen<...>` marks only the type it wraps,
//! `text` and `varchar` stay distinct, quoted class names are custom types, and any other name is
//! a user type of the keyspace being read.
//!
//! One difference on purpose: `vector<T, n>` (Cassandra 5) becomes the custom type that results
//! report for vector columns (same class name, element type as the one sub type); the C++ driver
//! has no vector support and reads `vector` as the name of a user type.

use crate::data_type::CassDataType;
use crate::types::CassValueType;
use std::sync::Arc;

const MARSHAL: &str = "org.apache.cassandra.db.marshal.";

/// The class name of `empty` (a surrogate column of dense tables, hidden by the C++ driver).
pub(crate) const EMPTY_TYPE_CLASS: &str = "org.apache.cassandra.db.marshal.EmptyType";

/// Finds a user type of the keyspace by its (unquoted) name.
pub(crate) type UdtLookup<'a> = dyn Fn(&str) -> Arc<CassDataType> + 'a;

/// Parses `text`; None when it is not a type.
pub(crate) fn parse(text: &str, lookup: &UdtLookup<'_>) -> Option<Arc<CassDataType>> {
    let mut parser = Parser { s: text.as_bytes(), i: 0 };
    parser.parse_type(false, lookup)
}

/// The simple types by CQL name (lower case).
fn simple_type(name: &str) -> Option<CassValueType> {
    use CassValueType::*;
    Some(match name.to_ascii_lowercase().as_str() {
        "ascii" => CASS_VALUE_TYPE_ASCII,
        "bigint" => CASS_VALUE_TYPE_BIGINT,
        "blob" => CASS_VALUE_TYPE_BLOB,
        "boolean" => CASS_VALUE_TYPE_BOOLEAN,
        "counter" => CASS_VALUE_TYPE_COUNTER,
        "decimal" => CASS_VALUE_TYPE_DECIMAL,
        "double" => CASS_VALUE_TYPE_DOUBLE,
        "float" => CASS_VALUE_TYPE_FLOAT,
        "int" => CASS_VALUE_TYPE_INT,
        "text" => CASS_VALUE_TYPE_TEXT,
        "timestamp" => CASS_VALUE_TYPE_TIMESTAMP,
        "uuid" => CASS_VALUE_TYPE_UUID,
        "varchar" => CASS_VALUE_TYPE_VARCHAR,
        "varint" => CASS_VALUE_TYPE_VARINT,
        "timeuuid" => CASS_VALUE_TYPE_TIMEUUID,
        "inet" => CASS_VALUE_TYPE_INET,
        "date" => CASS_VALUE_TYPE_DATE,
        "time" => CASS_VALUE_TYPE_TIME,
        "smallint" => CASS_VALUE_TYPE_SMALL_INT,
        "tinyint" => CASS_VALUE_TYPE_TINY_INT,
        "duration" => CASS_VALUE_TYPE_DURATION,
        _ => return None,
    })
}

/// The server's class name of a type inside a vector's class name (as results report vectors).
fn marshal_name(t: &CassDataType) -> String {
    use CassValueType::*;
    let simple = match t.value_type {
        CASS_VALUE_TYPE_ASCII => "AsciiType",
        CASS_VALUE_TYPE_BIGINT => "LongType",
        CASS_VALUE_TYPE_BOOLEAN => "BooleanType",
        CASS_VALUE_TYPE_COUNTER => "CounterColumnType",
        CASS_VALUE_TYPE_DATE => "SimpleDateType",
        CASS_VALUE_TYPE_DECIMAL => "DecimalType",
        CASS_VALUE_TYPE_DOUBLE => "DoubleType",
        CASS_VALUE_TYPE_DURATION => "DurationType",
        CASS_VALUE_TYPE_FLOAT => "FloatType",
        CASS_VALUE_TYPE_INT => "Int32Type",
        CASS_VALUE_TYPE_TEXT | CASS_VALUE_TYPE_VARCHAR => "UTF8Type",
        CASS_VALUE_TYPE_TIMESTAMP => "TimestampType",
        CASS_VALUE_TYPE_INET => "InetAddressType",
        CASS_VALUE_TYPE_SMALL_INT => "ShortType",
        CASS_VALUE_TYPE_TINY_INT => "ByteType",
        CASS_VALUE_TYPE_TIME => "TimeType",
        CASS_VALUE_TYPE_TIMEUUID => "TimeUUIDType",
        CASS_VALUE_TYPE_UUID => "UUIDType",
        CASS_VALUE_TYPE_VARINT => "IntegerType",
        CASS_VALUE_TYPE_CUSTOM if t.class_name.starts_with(MARSHAL) => return t.class_name.clone(),
        _ => "BytesType",
    };
    format!("{MARSHAL}{simple}")
}

struct Parser<'s> {
    s: &'s [u8],
    i: usize,
}

impl Parser<'_> {
    fn skip_blank(&mut self) {
        while self.i < self.s.len() && self.s[self.i].is_ascii_whitespace() {
            self.i += 1;
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.skip_blank();
        self.s.get(self.i).copied()
    }

    fn expect(&mut self, c: u8) -> Option<()> {
        (self.peek()? == c).then(|| self.i += 1)
    }

    /// A name: `"quoted"` (with `""` for a quote), `'class name'`, or a run of identifier
    /// characters. Quoted forms keep their quotes here.
    fn name(&mut self) -> Option<&str> {
        self.skip_blank();
        let start = self.i;
        match self.s.get(self.i)? {
            b'"' => {
                self.i += 1;
                loop {
                    match self.s.get(self.i)? {
                        b'"' if self.s.get(self.i + 1) == Some(&b'"') => self.i += 2,
                        b'"' => {
                            self.i += 1;
                            break;
                        }
                        _ => self.i += 1,
                    }
                }
            }
            b'\'' => {
                self.i += 1;
                while *self.s.get(self.i)? != b'\'' {
                    self.i += 1;
                }
                self.i += 1;
            }
            _ => {
                while self
                    .s
                    .get(self.i)
                    .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'+' | b'.' | b':' | b'&'))
                {
                    self.i += 1;
                }
            }
        }
        let name = std::str::from_utf8(&self.s[start..self.i]).ok()?;
        (!name.is_empty()).then_some(name)
    }

    fn number(&mut self) -> Option<u32> {
        self.skip_blank();
        let start = self.i;
        while self.s.get(self.i).is_some_and(u8::is_ascii_digit) {
            self.i += 1;
        }
        std::str::from_utf8(&self.s[start..self.i]).ok()?.parse().ok()
    }

    fn parse_type(&mut self, frozen: bool, lookup: &UdtLookup<'_>) -> Option<Arc<CassDataType>> {
        use CassValueType::*;
        let name = self.name()?.to_string();
        if let Some(simple) = simple_type(&name) {
            return Some(Arc::new(CassDataType::simple(simple)));
        }
        let with = |value_type, sub_types| CassDataType { frozen, sub_types, ..CassDataType::simple(value_type) };
        let lower = name.to_ascii_lowercase();
        let built = match lower.as_str() {
            "frozen" => {
                self.expect(b'<')?;
                let inner = self.parse_type(true, lookup)?;
                self.expect(b'>')?;
                return Some(inner);
            }
            "list" | "set" => {
                self.expect(b'<')?;
                let element = self.parse_type(false, lookup)?;
                self.expect(b'>')?;
                with(if lower == "list" { CASS_VALUE_TYPE_LIST } else { CASS_VALUE_TYPE_SET }, vec![element])
            }
            "map" => {
                self.expect(b'<')?;
                let key = self.parse_type(false, lookup)?;
                self.expect(b',')?;
                let value = self.parse_type(false, lookup)?;
                self.expect(b'>')?;
                with(CASS_VALUE_TYPE_MAP, vec![key, value])
            }
            "tuple" => {
                self.expect(b'<')?;
                let mut items = vec![self.parse_type(false, lookup)?];
                while self.peek()? == b',' {
                    self.i += 1;
                    items.push(self.parse_type(false, lookup)?);
                }
                self.expect(b'>')?;
                with(CASS_VALUE_TYPE_TUPLE, items)
            }
            "vector" if self.peek() == Some(b'<') => {
                self.expect(b'<')?;
                let element = self.parse_type(false, lookup)?;
                self.expect(b',')?;
                let dimensions = self.number()?;
                self.expect(b'>')?;
                CassDataType {
                    class_name: format!("{MARSHAL}VectorType({} , {dimensions})", marshal_name(&element)),
                    sub_types: vec![element],
                    ..CassDataType::simple(CASS_VALUE_TYPE_CUSTOM)
                }
            }
            "empty" => CassDataType {
                class_name: EMPTY_TYPE_CLASS.to_string(),
                ..CassDataType::simple(CASS_VALUE_TYPE_CUSTOM)
            },
            _ if name.starts_with('\'') => CassDataType {
                class_name: name.trim_matches('\'').to_string(),
                ..CassDataType::simple(CASS_VALUE_TYPE_CUSTOM)
            },
            _ => {
                let unquoted = if name.len() >= 2 && name.starts_with('"') && name.ends_with('"') {
                    name[1..name.len() - 1].replace("\"\"", "\"")
                } else {
                    name
                };
                let udt = lookup(&unquoted);
                if udt.frozen == frozen {
                    return Some(udt);
                }
                CassDataType { frozen, ..(*udt).clone() }
            }
        };
        Some(Arc::new(built))
    }
}

/// An empty user type, for a name the keyspace does not define (never seen from a consistent
/// schema).
pub(crate) fn unknown_udt(keyspace: &str, name: &str) -> Arc<CassDataType> {
    Arc::new(CassDataType {
        keyspace: keyspace.to_string(),
        type_name: name.to_string(),
        ..CassDataType::simple(CassValueType::CASS_VALUE_TYPE_UDT)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use CassValueType::*;

    fn p(text: &str) -> Arc<CassDataType> {
        parse(text, &|name| unknown_udt("ks", name)).unwrap_or_else(|| panic!("{text} did not parse"))
    }

    #[test]
    fn simple_and_collection_types() {
        assert_eq!(p("text").value_type, CASS_VALUE_TYPE_TEXT);
        assert_eq!(p("varchar").value_type, CASS_VALUE_TYPE_VARCHAR);
        assert_eq!(p(" BigInt ").value_type, CASS_VALUE_TYPE_BIGINT);
        let t = p("frozen<map<text, list<int>>>");
        assert_eq!(t.value_type, CASS_VALUE_TYPE_MAP);
        assert!(t.frozen);
        assert_eq!(t.sub_types[0].value_type, CASS_VALUE_TYPE_TEXT);
        assert_eq!(t.sub_types[1].value_type, CASS_VALUE_TYPE_LIST);
        assert!(!t.sub_types[1].frozen);
        assert_eq!(t.sub_types[1].sub_types[0].value_type, CASS_VALUE_TYPE_INT);
        let t = p("tuple<int, frozen<set<uuid>>, duration>");
        assert_eq!(t.value_type, CASS_VALUE_TYPE_TUPLE);
        assert_eq!(t.sub_types.len(), 3);
        assert!(t.sub_types[1].frozen);
    }

    #[test]
    fn custom_vector_and_user_types() {
        let t = p("'org.apache.cassandra.db.marshal.LexicalUUIDType'");
        assert_eq!(t.value_type, CASS_VALUE_TYPE_CUSTOM);
        assert_eq!(t.class_name, "org.apache.cassandra.db.marshal.LexicalUUIDType");
        let t = p("vector<float, 3>");
        assert_eq!(t.value_type, CASS_VALUE_TYPE_CUSTOM);
        assert_eq!(t.class_name, format!("{MARSHAL}VectorType({MARSHAL}FloatType , 3)"));
        let t = p("frozen<\"My\"\"Type\">");
        assert_eq!(t.value_type, CASS_VALUE_TYPE_UDT);
        assert_eq!(t.type_name, "My\"Type");
        assert!(t.frozen);
        assert_eq!(p("address").type_name, "address");
        assert!(parse("list<", &|n| unknown_udt("ks", n)).is_none());
        assert!(parse("", &|n| unknown_udt("ks", n)).is_none());
    }
}
