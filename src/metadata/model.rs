//! The schema snapshot: immutable objects built once per refresh and shared (`Arc`) with every
//! `CassSchemaMeta` C holds. Keyspaces, tables, views, columns, indexes, functions and aggregates
//! are borrowed handles into it, valid as long as the `CassSchemaMeta` they came from.
//!
//! Raw fields (`*_field_by_name`, field iterators) are `CassValue`s over the rows of the
//! `system_schema` responses, which the snapshot keeps (`owners`): no copy of the bytes.

use crate::data_type::CassDataType;
use crate::result::CassResult;
use crate::types::{CassClusteringOrder, CassColumnType, CassIndexType, CassVersion};
use crate::value::CassValue;
use std::sync::{Arc, Weak};

/// Text handed to C: NUL-terminated in memory, as the C++ driver's `std::string`s are (acsylla
/// reads some names as C strings), with lengths and comparisons that leave the NUL out.
#[derive(Clone, Default, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct CText(String);

impl CText {
    pub(crate) fn as_str(&self) -> &str {
        &self.0[..self.0.len().saturating_sub(1)]
    }
}

impl From<&str> for CText {
    fn from(text: &str) -> Self {
        let mut owned = String::with_capacity(text.len() + 1);
        owned.push_str(text);
        owned.push('\0');
        CText(owned)
    }
}

impl From<String> for CText {
    fn from(mut text: String) -> Self {
        text.push('\0');
        CText(text)
    }
}

impl std::ops::Deref for CText {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq<str> for CText {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for CText {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// A value pointing into a response the snapshot owns (or into static memory).
pub(crate) struct MetaValue(pub CassValue);

// SAFETY: the value's pointers refer to the bytes and column types of a `CassResult` that the same
// snapshot keeps alive (`CassSchemaMeta::owners`), or to a static type; that memory is immutable.
unsafe impl Send for MetaValue {}
// SAFETY: as above; nothing is ever written through the pointers.
unsafe impl Sync for MetaValue {}

/// One raw field: a column of the object's `system_schema` row.
pub(crate) struct MetaField {
    /// NUL-terminated (see `CText`); `name()` leaves the NUL out.
    pub name_nul: &'static str,
    pub value: MetaValue,
}

impl MetaField {
    pub(crate) fn name(&self) -> &'static str {
        self.name_nul.strip_suffix('\0').unwrap_or(self.name_nul)
    }
}

/// The raw fields of an object, sorted by name (the C++ driver keeps them in a `std::map`).
#[derive(Default)]
pub(crate) struct Fields(pub Vec<MetaField>);

impl Fields {
    /// The field called exactly `name`.
    pub(crate) fn get(&self, name: &str) -> Option<&CassValue> {
        self.0.binary_search_by(|f| f.name().cmp(name)).ok().map(|i| &self.0[i].value.0)
    }

    pub(crate) fn as_slice(&self) -> &[MetaField] {
        &self.0
    }
}

/// Binary search of a vector sorted by `key`.
pub(crate) fn find_sorted<'a, T>(items: &'a [T], name: &str, key: impl Fn(&T) -> &str) -> Option<&'a T> {
    items.binary_search_by(|item| key(item).cmp(name)).ok().map(|i| &items[i])
}

/// A schema snapshot (Arc; `cass_schema_meta_free` releases C's reference).
pub(crate) struct CassSchemaMeta {
    /// Grows by one with every refresh the session publishes.
    pub version: u32,
    pub server_version: CassVersion,
    /// `system.local.schema_version` read before the tables (None: nothing loaded yet).
    pub schema_version: Option<uuid::Uuid>,
    /// Sorted by name. Shared with the snapshots before and after this one: a refresh after a
    /// schema change rebuilds only the keyspace that changed.
    pub keyspaces: Vec<Arc<CassKeyspaceMeta>>,
}

impl crate::ffi::Handle for CassSchemaMeta {
    type Ownership = crate::ffi::Shared;
}

impl CassSchemaMeta {
    pub(crate) fn empty() -> Self {
        CassSchemaMeta {
            version: 0,
            server_version: CassVersion::default(),
            schema_version: None,
            keyspaces: Vec::new(),
        }
    }

    pub(crate) fn keyspace(&self, name: &str) -> Option<&CassKeyspaceMeta> {
        find_sorted(&self.keyspaces, name, |k| k.name.as_str()).map(|k| &**k)
    }
}

pub(crate) struct CassKeyspaceMeta {
    pub name: CText,
    pub is_virtual: bool,
    pub fields: Fields,
    /// Sorted by name.
    pub tables: Vec<Arc<CassTableMeta>>,
    /// Every view of the keyspace, sorted by name (the same objects as the tables' views).
    pub views: Vec<Arc<CassMaterializedViewMeta>>,
    /// Sorted by type name.
    pub user_types: Vec<Arc<CassDataType>>,
    /// Sorted by full name (`name(type1,type2)`).
    pub functions: Vec<Arc<CassFunctionMeta>>,
    /// Sorted by full name.
    pub aggregates: Vec<Arc<CassAggregateMeta>>,
    /// The `system_schema` responses this keyspace's raw fields point into.
    #[allow(dead_code)]
    pub owners: Vec<Arc<CassResult>>,
}

impl crate::ffi::Handle for CassKeyspaceMeta {
    type Ownership = crate::ffi::Borrowed;
}

impl CassKeyspaceMeta {
    pub(crate) fn table(&self, name: &str) -> Option<&Arc<CassTableMeta>> {
        find_sorted(&self.tables, name, |t| t.name.as_str())
    }

    pub(crate) fn view(&self, name: &str) -> Option<&Arc<CassMaterializedViewMeta>> {
        find_sorted(&self.views, name, |v| v.name.as_str())
    }

    pub(crate) fn user_type(&self, name: &str) -> Option<&Arc<CassDataType>> {
        find_sorted(&self.user_types, name, |t| &t.type_name)
    }

    pub(crate) fn function(&self, full_name: &str) -> Option<&Arc<CassFunctionMeta>> {
        find_sorted(&self.functions, full_name, |f| f.full_name.as_str())
    }

    pub(crate) fn aggregate(&self, full_name: &str) -> Option<&Arc<CassAggregateMeta>> {
        find_sorted(&self.aggregates, full_name, |a| a.full_name.as_str())
    }
}

/// The columns of a table or view: all of them (partition key, then clustering key, then the
/// others by name), and the keys in key order.
#[derive(Default)]
pub(crate) struct ColumnSet {
    pub columns: Vec<Arc<CassColumnMeta>>,
    pub partition_key: Vec<Arc<CassColumnMeta>>,
    pub clustering_key: Vec<Arc<CassColumnMeta>>,
    pub clustering_order: Vec<CassClusteringOrder>,
}

impl ColumnSet {
    /// Orders `columns` (in row order, names unique) as the C++ driver does: partition key
    /// columns by position, clustering columns by position, then the others as they came.
    pub(crate) fn build(columns: Vec<Arc<CassColumnMeta>>) -> Self {
        let count = |kind| columns.iter().filter(|c| c.kind == kind).count();
        let mut partition: Vec<Option<Arc<CassColumnMeta>>> =
            vec![None; count(CassColumnType::CASS_COLUMN_TYPE_PARTITION_KEY)];
        let mut clustering: Vec<Option<Arc<CassColumnMeta>>> =
            vec![None; count(CassColumnType::CASS_COLUMN_TYPE_CLUSTERING_KEY)];
        let mut others = Vec::new();
        for column in columns {
            let slots = match column.kind {
                CassColumnType::CASS_COLUMN_TYPE_PARTITION_KEY => &mut partition,
                CassColumnType::CASS_COLUMN_TYPE_CLUSTERING_KEY => &mut clustering,
                _ => {
                    others.push(column);
                    continue;
                }
            };
            match slots.get_mut(column.position as usize) {
                Some(slot @ None) => *slot = Some(column),
                // A position out of range or taken (never seen from a server): keep the column.
                _ => others.push(column),
            }
        }
        let partition_key: Vec<_> = partition.into_iter().flatten().collect();
        let clustering_key: Vec<_> = clustering.into_iter().flatten().collect();
        let clustering_order = clustering_key
            .iter()
            .map(|c| {
                if c.reversed {
                    CassClusteringOrder::CASS_CLUSTERING_ORDER_DESC
                } else {
                    CassClusteringOrder::CASS_CLUSTERING_ORDER_ASC
                }
            })
            .collect();
        let columns = partition_key.iter().chain(&clustering_key).cloned().chain(others).collect();
        ColumnSet { columns, partition_key, clustering_key, clustering_order }
    }

    /// The column called exactly `name`.
    pub(crate) fn column(&self, name: &str) -> Option<&Arc<CassColumnMeta>> {
        self.columns.iter().find(|c| c.name == name)
    }
}

pub(crate) struct CassTableMeta {
    pub name: CText,
    pub is_virtual: bool,
    pub fields: Fields,
    pub columns: ColumnSet,
    /// In the order of `system_schema.indexes` (by name).
    pub indexes: Vec<CassIndexMeta>,
    /// The views of this table, sorted by name.
    pub views: Vec<Arc<CassMaterializedViewMeta>>,
}

impl crate::ffi::Handle for CassTableMeta {
    type Ownership = crate::ffi::Borrowed;
}

impl CassTableMeta {
    pub(crate) fn index(&self, name: &str) -> Option<&CassIndexMeta> {
        self.indexes.iter().find(|i| i.name == name)
    }

    pub(crate) fn view(&self, name: &str) -> Option<&Arc<CassMaterializedViewMeta>> {
        find_sorted(&self.views, name, |v| v.name.as_str())
    }
}

pub(crate) struct CassMaterializedViewMeta {
    pub name: CText,
    pub fields: Fields,
    pub columns: ColumnSet,
    /// The base table, which owns this view (and outlives it inside the snapshot).
    pub base_table: Weak<CassTableMeta>,
}

impl crate::ffi::Handle for CassMaterializedViewMeta {
    type Ownership = crate::ffi::Borrowed;
}

pub(crate) struct CassColumnMeta {
    pub name: CText,
    pub kind: CassColumnType,
    /// None when the server's type text could not be read.
    pub data_type: Option<Arc<CassDataType>>,
    pub position: i32,
    /// Clustering order DESC.
    pub reversed: bool,
    pub fields: Fields,
}

impl crate::ffi::Handle for CassColumnMeta {
    type Ownership = crate::ffi::Borrowed;
}

pub(crate) struct CassIndexMeta {
    pub name: CText,
    pub kind: CassIndexType,
    pub target: CText,
    /// The `options` map (a NULL value when the row has none).
    pub options: MetaValue,
    pub fields: Fields,
}

impl crate::ffi::Handle for CassIndexMeta {
    type Ownership = crate::ffi::Borrowed;
}

pub(crate) struct FunctionArgument {
    pub name: CText,
    pub data_type: Option<Arc<CassDataType>>,
}

pub(crate) struct CassFunctionMeta {
    pub name: CText,
    /// `name(type1,type2)`: the key of `cass_keyspace_meta_function_by_name()`.
    pub full_name: CText,
    pub arguments: Vec<FunctionArgument>,
    pub return_type: Option<Arc<CassDataType>>,
    pub body: CText,
    pub language: CText,
    pub called_on_null_input: bool,
    pub fields: Fields,
}

impl crate::ffi::Handle for CassFunctionMeta {
    type Ownership = crate::ffi::Borrowed;
}

pub(crate) struct CassAggregateMeta {
    pub name: CText,
    pub full_name: CText,
    pub argument_types: Vec<Option<Arc<CassDataType>>>,
    pub return_type: Option<Arc<CassDataType>>,
    pub state_type: Option<Arc<CassDataType>>,
    pub state_func: Option<Arc<CassFunctionMeta>>,
    pub final_func: Option<Arc<CassFunctionMeta>>,
    /// The initial condition as text (a NULL value when there is none).
    pub init_cond: MetaValue,
    pub fields: Fields,
}

impl crate::ffi::Handle for CassAggregateMeta {
    type Ownership = crate::ffi::Borrowed;
}

#[cfg(test)]
mod tests {
    use super::*;
    use CassColumnType::*;

    fn column(name: &str, kind: CassColumnType, position: i32, reversed: bool) -> Arc<CassColumnMeta> {
        Arc::new(CassColumnMeta {
            name: name.into(),
            kind,
            data_type: None,
            position,
            reversed,
            fields: Fields::default(),
        })
    }

    #[test]
    fn text_for_c_is_nul_terminated() {
        let text = CText::from("abc");
        assert_eq!(text.as_str(), "abc");
        assert_eq!(text.0.as_bytes()[3], 0);
        // Sorted as the names without their NUL.
        let mut names: Vec<CText> = ["b", "abc", "ab"].into_iter().map(CText::from).collect();
        names.sort();
        assert_eq!(names.iter().map(|n| n.as_str()).collect::<Vec<_>>(), ["ab", "abc", "b"]);
        assert!(text == "abc");
        assert_eq!(CText::default().as_str(), "");
    }

    #[test]
    fn columns_are_ordered_keys_first_by_position() {
        // Rows come sorted by column name.
        let set = ColumnSet::build(vec![
            column("a", CASS_COLUMN_TYPE_REGULAR, -1, false),
            column("c1", CASS_COLUMN_TYPE_CLUSTERING_KEY, 1, false),
            column("c2", CASS_COLUMN_TYPE_CLUSTERING_KEY, 0, true),
            column("p1", CASS_COLUMN_TYPE_PARTITION_KEY, 1, false),
            column("p2", CASS_COLUMN_TYPE_PARTITION_KEY, 0, false),
            column("s", CASS_COLUMN_TYPE_STATIC, -1, false),
        ]);
        let names: Vec<&str> = set.columns.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["p2", "p1", "c2", "c1", "a", "s"]);
        assert_eq!(set.partition_key.len(), 2);
        assert_eq!(
            set.clustering_order,
            [CassClusteringOrder::CASS_CLUSTERING_ORDER_DESC, CassClusteringOrder::CASS_CLUSTERING_ORDER_ASC]
        );
        assert!(set.column("s").is_some() && set.column("S").is_none());
    }
}
