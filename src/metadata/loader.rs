//! Reads `system_schema` (and `system_virtual_schema` on Cassandra 4+) through the connected
//! session and builds a snapshot, following the C++ driver's rules (`src/metadata.cpp`): which
//! raw fields each object has, how columns are ordered, how views attach to their base table, how
//! functions are named and how aggregates find their functions.
//!
//! Servers older than Cassandra 3.0 (the `system.schema_*` tables) are not read: the snapshot then
//! has no keyspaces, and a warning says so.

use super::cql_type::{self, EMPTY_TYPE_CLASS};
use super::model::*;
use super::Scope;
use crate::data_type::CassDataType;
use crate::result::{CassResult, CassRow};
use crate::types::{CassColumnType, CassIndexType, CassValueType, CassVersion};
use crate::value::CassValue;
use once_cell::sync::Lazy;
use scylla::client::session::Session;
use scylla::policies::load_balancing::{LoadBalancingPolicy, NodeIdentifier, SingleTargetLoadBalancingPolicy};
use scylla::statement::unprepared::Statement;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::net::SocketAddr;
use std::sync::Arc;

/// The raw fields of each kind of object, as the C++ driver reads them from a server >= 3.0
/// (NUL-terminated for C, see `CText`). Columns a row does not have are skipped.
const KEYSPACE_FIELDS: &[&str] = &["keyspace_name\0", "durable_writes\0", "replication\0"];
const TABLE_BASE_FIELDS: &[&str] = &[
    "keyspace_name\0",
    "bloom_filter_fp_chance\0",
    "caching\0",
    "comment\0",
    "default_time_to_live\0",
    "gc_grace_seconds\0",
    "id\0",
    "speculative_retry\0",
    "max_index_interval\0",
    "min_index_interval\0",
    "memtable_flush_period_in_ms\0",
    "read_repair_chance\0",
    "dclocal_read_repair_chance\0",
    "crc_check_chance\0",
    "compaction\0",
    "compression\0",
    "extensions\0",
];
const TABLE_FIELDS: &[&str] = &["table_name\0", "flags\0"];
const VIEW_FIELDS: &[&str] = &[
    "keyspace_name\0",
    "view_name\0",
    "base_table_name\0",
    "base_table_id\0",
    "include_all_columns\0",
    "where_clause\0",
];
const COLUMN_FIELDS: &[&str] = &[
    "keyspace_name\0",
    "table_name\0",
    "column_name\0",
    "clustering_order\0",
    "column_name_bytes\0",
    "kind\0",
    "position\0",
    "type\0",
];
const INDEX_FIELDS: &[&str] = &["kind\0", "options\0"];
const FUNCTION_FIELDS: &[&str] = &[
    "keyspace_name\0",
    "function_name\0",
    "argument_names\0",
    "argument_types\0",
    "return_type\0",
    "body\0",
    "language\0",
    "called_on_null_input\0",
];
const AGGREGATE_FIELDS: &[&str] = &[
    "keyspace_name\0",
    "aggregate_name\0",
    "argument_types\0",
    "return_type\0",
    "state_type\0",
    "final_func\0",
    "state_func\0",
    "initcond\0",
];

/// The type of an aggregate's initial condition (text since Cassandra 3.0).
static VARCHAR: Lazy<Arc<CassDataType>> =
    Lazy::new(|| Arc::new(CassDataType::simple(CassValueType::CASS_VALUE_TYPE_VARCHAR)));

/// What `system.local` says about the node: its release and its schema version.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct LocalInfo {
    pub server_version: CassVersion,
    pub schema_version: Option<uuid::Uuid>,
}

/// Where one refresh reads the schema: one node, for every query (a consistent snapshot from one
/// node, as the C++ driver reads it over its control connection). When that node fails, the
/// refresh fails and the next one picks a node again.
pub(super) enum Source<'a> {
    /// Through the connected session, to one node (`None`: the crate's choice).
    Session { session: &'a Session, target: Option<Arc<dyn LoadBalancingPolicy>> },
    /// On a connection of our own, before the session has connected (see `super::direct`).
    Direct(&'a super::direct::DirectConnection),
}

impl<'a> Source<'a> {
    /// Reads from `at` (the coordinator of a schema change, which has applied it), else from a
    /// node the session is connected to.
    pub(super) fn new(session: &'a Session, at: Option<SocketAddr>) -> Self {
        let node = match at {
            Some(address) => Some(NodeIdentifier::NodeAddress(address)),
            None => session
                .get_cluster_state()
                .get_nodes_info()
                .iter()
                .find(|n| n.is_connected())
                .map(|node| NodeIdentifier::Node(node.clone())),
        };
        let target = node.map(|node| SingleTargetLoadBalancingPolicy::new(node, None) as Arc<dyn LoadBalancingPolicy>);
        Source::Session { session, target }
    }
}

async fn select(source: &Source<'_>, cql: &str) -> Result<Arc<CassResult>, String> {
    let (session, target) = match source {
        Source::Session { session, target } => (session, target),
        Source::Direct(connection) => return connection.select(cql).await.map_err(|e| format!("{cql}: {e}")),
    };
    let mut statement = Statement::new(cql);
    statement.set_load_balancing_policy(target.clone());
    let result = session.query_unpaged(statement, ()).await.map_err(|e| format!("{cql}: {e}"))?;
    CassResult::from_query_result(result, None, None).map_err(|e| format!("{cql}: {e}"))
}

/// "5.0.4", "4.1-SNAPSHOT", "3.0.8": up to three leading numbers.
fn parse_release(text: &str) -> CassVersion {
    let mut parts = text.split(|c: char| !c.is_ascii_digit()).map(|p| p.parse::<i32>().unwrap_or(0));
    CassVersion {
        major_version: parts.next().unwrap_or(0),
        minor_version: parts.next().unwrap_or(0),
        patch_version: parts.next().unwrap_or(0),
    }
}

pub(super) async fn read_local(session: &Source<'_>) -> Result<LocalInfo, String> {
    let rows =
        Rows(select(session, "SELECT release_version, schema_version FROM system.local WHERE key='local'").await?);
    let row = rows.iter().next().ok_or("system.local has no row")?;
    let server_version = row.text("release_version").map(parse_release).unwrap_or_default();
    let schema_version = row.bytes("schema_version").and_then(|b| uuid::Uuid::from_slice(b).ok());
    Ok(LocalInfo { server_version, schema_version })
}

/// The `system_schema` tables a full snapshot is built from, in the order `read` expects them.
const SCHEMA_TABLES: [&str; 8] =
    ["keyspaces", "tables", "views", "columns", "indexes", "types", "functions", "aggregates"];
/// The `system_virtual_schema` tables (Cassandra 4+): keyspaces, tables, columns.
const VIRTUAL_TABLES: [&str; 3] = ["keyspaces", "tables", "columns"];

/// Reads the schema tables `scope` asks for and builds snapshot number `version`.
pub(super) async fn load(
    session: &Source<'_>,
    local: LocalInfo,
    version: u32,
    scope: Scope,
) -> Result<CassSchemaMeta, String> {
    let mut snapshot = CassSchemaMeta {
        version,
        server_version: local.server_version,
        schema_version: local.schema_version,
        ..CassSchemaMeta::empty()
    };
    if !reads_system_schema(local.server_version) {
        return Ok(snapshot);
    }
    snapshot.keyspaces = match scope {
        Scope::Keyspaces => {
            let rows = Rows(select(session, "SELECT * FROM system_schema.keyspaces").await?);
            let mut builder = Builder::default();
            builder.keyspaces(&rows, false);
            builder.finish(&[rows.0])
        }
        _ => read(session, None, local.server_version.major_version >= 4).await?,
    };
    Ok(snapshot)
}

/// The first snapshot of a session: the server version and what `scope` asks for, read at the
/// same time (the version check that precedes every later refresh is not needed: there is no
/// snapshot yet). A server older than 3.0 gets the snapshot with its version only.
pub(super) async fn load_first(session: &Source<'_>, scope: Scope) -> Result<CassSchemaMeta, String> {
    let schema = async {
        match scope {
            Scope::Nothing => Ok(Vec::new()),
            Scope::Keyspaces => {
                let rows = Rows(select(session, "SELECT * FROM system_schema.keyspaces").await?);
                let mut builder = Builder::default();
                builder.keyspaces(&rows, false);
                Ok(builder.finish(&[rows.0]))
            }
            // The virtual schema is optional: a Cassandra 3 answers an error for it, and `read`
            // then goes on without.
            Scope::Full => read(session, None, true).await,
        }
    };
    let (local, keyspaces) = futures::future::join(read_local(session), schema).await;
    let local = local?;
    let mut snapshot = CassSchemaMeta {
        version: 1,
        server_version: local.server_version,
        schema_version: local.schema_version,
        ..CassSchemaMeta::empty()
    };
    if scope != Scope::Nothing && reads_system_schema(local.server_version) {
        snapshot.keyspaces = keyspaces?;
    }
    Ok(snapshot)
}

/// Reads one keyspace (everything a full snapshot holds of it; None when it does not exist any
/// more) and, at the same time, the server's versions. Used after a schema change of that
/// keyspace, instead of re-reading the whole schema.
pub(super) async fn load_keyspace(
    session: &Source<'_>,
    scope: Scope,
    keyspace: &str,
) -> Result<(LocalInfo, Option<Arc<CassKeyspaceMeta>>), String> {
    let filter = format!(" WHERE keyspace_name = '{}'", keyspace.replace('\'', "''"));
    let read_keyspace = async {
        if scope == Scope::Keyspaces {
            let rows = Rows(select(session, &format!("SELECT * FROM system_schema.keyspaces{filter}")).await?);
            let mut builder = Builder::default();
            builder.keyspaces(&rows, false);
            Ok(builder.finish(&[rows.0]))
        } else {
            read(session, Some(&filter), false).await
        }
    };
    let (local, keyspaces) = futures::future::join(read_local(session), read_keyspace).await;
    let local = local?;
    if !reads_system_schema(local.server_version) {
        return Ok((local, None));
    }
    Ok((local, keyspaces?.into_iter().find(|k| k.name == keyspace)))
}

/// Re-reads one table of `keyspace` (after a CREATE, ALTER or DROP of it by this session) and
/// gives `keyspace` with that table replaced, added or removed, everything else shared with the
/// old snapshot; and, at the same time, the server's versions. Reads the keyspace's own row and
/// the table's rows of `tables`, `columns` and `indexes` (5 small queries in parallel, where a
/// keyspace re-read reads every object of the keyspace). None when the keyspace is gone or the
/// table's rows are not consistent (no partition key column).
/// The caller re-reads the whole keyspace instead when views are built on the table (their
/// columns follow the table's).
pub(super) async fn load_table(
    session: &Source<'_>,
    keyspace: &CassKeyspaceMeta,
    table: &str,
) -> Result<(LocalInfo, Option<CassKeyspaceMeta>), String> {
    let quote = |name: &str| name.replace('\'', "''");
    let in_keyspace = format!(" WHERE keyspace_name = '{}'", quote(&keyspace.name));
    let in_table = format!("{in_keyspace} AND table_name = '{}'", quote(table));
    let queries = [
        format!("SELECT * FROM system_schema.keyspaces{in_keyspace}"),
        format!("SELECT * FROM system_schema.tables{in_table}"),
        format!("SELECT * FROM system_schema.columns{in_table}"),
        format!("SELECT * FROM system_schema.indexes{in_table}"),
    ];
    let (local, rows) = futures::future::join(
        read_local(session),
        futures::future::join_all(queries.iter().map(|q| select(session, q))),
    )
    .await;
    let local = local?;
    let rows: Vec<Rows> = rows.into_iter().map(|r| r.map(Rows)).collect::<Result<_, _>>()?;
    let [keyspaces, tables, columns, indexes] = &rows[..] else {
        unreachable!("one response per query");
    };
    let mut builder = Builder::default();
    builder.keyspaces(keyspaces, false);
    if let Some(fresh) = builder.keyspaces.get_mut(keyspace.name.as_str()) {
        // Column types may name the keyspace's user types, which a table change leaves as
        // they were.
        fresh.user_types = keyspace.user_types.iter().map(|t| (t.type_name.clone(), t.clone())).collect();
    }
    builder.tables(tables);
    builder.columns(columns);
    builder.indexes(indexes);
    let owners: Vec<Arc<CassResult>> = rows.into_iter().map(|rows| rows.0).collect();
    let Some(fresh) = builder.finish(&owners).into_iter().find(|k| k.name == keyspace.name) else {
        return Ok((local, None));
    };
    let Some(fresh) = Arc::into_inner(fresh) else {
        unreachable!("a keyspace just built has no other owner");
    };
    if fresh.tables.iter().any(|t| t.columns.partition_key.is_empty()) {
        // Every table has a partition key: the rows of `tables` and `columns` were read at
        // different moments of the change (seen once on a node just started). The caller reads
        // the whole keyspace again instead.
        return Ok((local, None));
    }
    let mut tables: Vec<Arc<CassTableMeta>> = keyspace.tables.iter().filter(|t| t.name != table).cloned().collect();
    tables.extend(fresh.tables);
    tables.sort_by(|a, b| a.name.cmp(&b.name));
    let spliced = CassKeyspaceMeta {
        name: fresh.name,
        is_virtual: fresh.is_virtual,
        fields: fresh.fields,
        tables,
        views: keyspace.views.clone(),
        user_types: keyspace.user_types.clone(),
        functions: keyspace.functions.clone(),
        aggregates: keyspace.aggregates.clone(),
        owners: keyspace.owners.iter().cloned().chain(fresh.owners).collect(),
    };
    Ok((local, Some(spliced)))
}

fn reads_system_schema(server_version: CassVersion) -> bool {
    if server_version.major_version >= 3 {
        return true;
    }
    tracing::warn!(
        "schema metadata is read from system_schema (Cassandra 3.0 and later); this server reports \
         release {}.{}.{}, so the schema snapshot stays empty",
        server_version.major_version,
        server_version.minor_version,
        server_version.patch_version
    );
    false
}

/// Reads every table of `SCHEMA_TABLES` (with `filter`, a WHERE clause, appended) and, with
/// `with_virtual`, the virtual schema, all at once, and builds the keyspaces they describe.
async fn read(
    session: &Source<'_>,
    filter: Option<&str>,
    with_virtual: bool,
) -> Result<Vec<Arc<CassKeyspaceMeta>>, String> {
    let filter = filter.unwrap_or("");
    let queries: Vec<String> =
        SCHEMA_TABLES.iter().map(|table| format!("SELECT * FROM system_schema.{table}{filter}")).collect();
    let virtual_queries: Vec<String> = VIRTUAL_TABLES
        .iter()
        .filter(|_| with_virtual)
        .map(|table| format!("SELECT * FROM system_virtual_schema.{table}"))
        .collect();
    let (main, virt) = futures::future::join(
        futures::future::join_all(queries.iter().map(|q| select(session, q))),
        futures::future::join_all(virtual_queries.iter().map(|q| select(session, q))),
    )
    .await;
    let main: Vec<Rows> = main.into_iter().map(|r| r.map(Rows)).collect::<Result<_, _>>()?;
    // The virtual schema is optional: a server without it (or without access) still has a schema.
    let virt: Option<Vec<Rows>> = match virt.into_iter().map(|r| r.map(Rows)).collect::<Result<Vec<_>, _>>() {
        Ok(rows) if rows.len() == VIRTUAL_TABLES.len() => Some(rows),
        Ok(_) => None,
        Err(e) => {
            tracing::debug!("virtual schema not read: {e}");
            None
        }
    };
    let mut builder = Builder::default();
    let [keyspaces, tables, views, columns, indexes, types, functions, aggregates] = &main[..] else {
        unreachable!("one response per schema table");
    };
    builder.keyspaces(keyspaces, false);
    builder.tables(tables);
    builder.views(views);
    builder.user_types(types);
    if let Some([v_keyspaces, v_tables, _]) = virt.as_deref() {
        builder.keyspaces(v_keyspaces, true);
        builder.tables(v_tables);
    }
    builder.columns(columns);
    if let Some([_, _, v_columns]) = virt.as_deref() {
        builder.columns(v_columns);
    }
    builder.indexes(indexes);
    builder.functions(functions);
    builder.aggregates(aggregates);
    let owners: Vec<Arc<CassResult>> = main.into_iter().chain(virt.into_iter().flatten()).map(|rows| rows.0).collect();
    Ok(builder.finish(&owners))
}

/// The rows of one response.
struct Rows(Arc<CassResult>);

impl Rows {
    fn column(&self, name: &str) -> Option<usize> {
        (0..self.0.column_count()).find(|&i| self.0.column_name(i) == Some(name))
    }

    fn iter(&self) -> impl Iterator<Item = Row<'_>> {
        (0..self.0.row_count()).filter_map(|i| self.0.row(i)).map(move |row| Row { rows: self, row })
    }
}

#[derive(Clone, Copy)]
struct Row<'a> {
    rows: &'a Rows,
    row: &'a CassRow,
}

impl<'a> Row<'a> {
    fn value(&self, name: &str) -> Option<&'a CassValue> {
        self.row.column(self.rows.column(name)?)
    }

    fn bytes(&self, name: &str) -> Option<&'a [u8]> {
        self.value(name)?.bytes()
    }

    fn text(&self, name: &str) -> Option<&'a str> {
        std::str::from_utf8(self.bytes(name)?).ok()
    }

    fn boolean(&self, name: &str) -> Option<bool> {
        self.bytes(name)?.first().map(|b| *b != 0)
    }

    fn int(&self, name: &str) -> Option<i32> {
        Some(i32::from_be_bytes(self.bytes(name)?.get(..4)?.try_into().ok()?))
    }

    fn text_list(&self, name: &str) -> Vec<&'a str> {
        self.bytes(name).map(|b| decode_items(b, 1).into_iter().map(|i| i[0]).collect()).unwrap_or_default()
    }

    fn text_map(&self, name: &str) -> Vec<(&'a str, &'a str)> {
        self.bytes(name).map(|b| decode_items(b, 2).into_iter().map(|i| (i[0], i[1])).collect()).unwrap_or_default()
    }

    /// The raw fields `names` that this row's table has, sorted by name.
    fn fields(&self, names: &[&[&'static str]]) -> Fields {
        let mut fields: Vec<MetaField> = Vec::new();
        for &name_nul in names.iter().flat_map(|n| n.iter()) {
            let Some(index) = self.rows.column(name_nul.trim_end_matches('\0')) else {
                continue;
            };
            let (Some(cell), Some(typ)) = (self.row.column(index), self.rows.0.column_type(index)) else {
                continue;
            };
            fields.push(MetaField { name_nul, value: MetaValue(CassValue::new(cell.bytes(), typ)) });
        }
        fields.sort_by(|a, b| a.name().cmp(b.name()));
        fields.dedup_by(|a, b| a.name() == b.name());
        Fields(fields)
    }

    /// A field's value again, as its own value (for getters such as `cass_index_meta_options()`);
    /// a NULL value when the row has no such column.
    fn value_copy(&self, name: &str, typ: Option<&Arc<CassDataType>>) -> MetaValue {
        let index = self.rows.column(name);
        let cell = index.and_then(|i| self.row.column(i));
        let column_type = index.and_then(|i| self.rows.0.column_type(i));
        match typ.or(column_type) {
            Some(t) => MetaValue(CassValue::new(cell.and_then(|c| c.bytes()), t)),
            None => MetaValue(CassValue::new(None, &VARCHAR)),
        }
    }
}

/// The elements of a collection of text (`group` 1: list or set; 2: map pairs); stops at the
/// first item that is not well-formed text.
fn decode_items(bytes: &[u8], group: usize) -> Vec<Vec<&str>> {
    let mut out = Vec::new();
    let Some(count) = bytes.get(..4).map(|b| i32::from_be_bytes([b[0], b[1], b[2], b[3]])) else {
        return out;
    };
    let mut rest = &bytes[4..];
    'items: for _ in 0..count.max(0) {
        let mut item = Vec::with_capacity(group);
        for _ in 0..group {
            let Some(len) = rest.get(..4).map(|b| i32::from_be_bytes([b[0], b[1], b[2], b[3]])) else {
                break 'items;
            };
            let len = len.max(0) as usize;
            let Some(text) = rest.get(4..4 + len).and_then(|t| std::str::from_utf8(t).ok()) else {
                break 'items;
            };
            item.push(text);
            rest = &rest[4 + len..];
        }
        out.push(item);
    }
    out
}

/// `name(type1,type2)`: each type without white space, empty ones left out (the C++ driver's
/// full function name).
pub(super) fn full_function_name<'a>(name: &str, types: impl IntoIterator<Item = &'a str>) -> String {
    let arguments: Vec<String> = types
        .into_iter()
        .map(|t| t.chars().filter(|c| !c.is_whitespace()).collect::<String>())
        .filter(|t| !t.is_empty())
        .collect();
    format!("{name}({})", arguments.join(","))
}

#[derive(Default)]
struct KeyspaceBuilder {
    is_virtual: bool,
    fields: Fields,
    tables: BTreeMap<String, TableBuilder>,
    views: BTreeMap<String, ViewBuilder>,
    user_types: HashMap<String, Arc<CassDataType>>,
    functions: BTreeMap<String, Arc<CassFunctionMeta>>,
    aggregates: BTreeMap<String, Arc<CassAggregateMeta>>,
}

impl KeyspaceBuilder {
    /// A user type of this keyspace by name (an empty one for a name it does not define).
    fn parse_type(&self, keyspace: &str, text: &str) -> Option<Arc<CassDataType>> {
        cql_type::parse(text, &|name| {
            self.user_types.get(name).cloned().unwrap_or_else(|| cql_type::unknown_udt(keyspace, name))
        })
    }
}

struct TableBuilder {
    is_virtual: bool,
    fields: Fields,
    columns: Vec<Arc<CassColumnMeta>>,
    indexes: Vec<CassIndexMeta>,
}

struct ViewBuilder {
    base_table: String,
    fields: Fields,
    columns: Vec<Arc<CassColumnMeta>>,
}

#[derive(Default)]
struct Builder {
    keyspaces: BTreeMap<String, KeyspaceBuilder>,
}

impl Builder {
    fn keyspace(&mut self, name: &str) -> &mut KeyspaceBuilder {
        self.keyspaces.entry(name.to_string()).or_default()
    }

    fn keyspaces(&mut self, rows: &Rows, is_virtual: bool) {
        for row in rows.iter() {
            let Some(name) = row.text("keyspace_name") else {
                tracing::error!("schema metadata: a keyspace row has no keyspace_name");
                continue;
            };
            let keyspace = self.keyspace(name);
            keyspace.is_virtual = is_virtual;
            keyspace.fields = row.fields(&[KEYSPACE_FIELDS]);
        }
    }

    fn tables(&mut self, rows: &Rows) {
        for row in rows.iter() {
            let (Some(ks), Some(name)) = (row.text("keyspace_name"), row.text("table_name")) else {
                tracing::error!("schema metadata: a table row has no keyspace_name or table_name");
                continue;
            };
            let keyspace = self.keyspace(ks);
            let table = TableBuilder {
                is_virtual: keyspace.is_virtual,
                fields: row.fields(&[TABLE_BASE_FIELDS, TABLE_FIELDS]),
                columns: Vec::new(),
                indexes: Vec::new(),
            };
            keyspace.tables.insert(name.to_string(), table);
        }
    }

    fn views(&mut self, rows: &Rows) {
        for row in rows.iter() {
            let (Some(ks), Some(name), Some(base)) =
                (row.text("keyspace_name"), row.text("view_name"), row.text("base_table_name"))
            else {
                tracing::error!("schema metadata: a view row has no keyspace_name, view_name or base_table_name");
                continue;
            };
            let keyspace = self.keyspace(ks);
            if !keyspace.tables.contains_key(base) {
                tracing::error!("schema metadata: no table metadata for view {ks}.{name} with base table '{base}'");
                continue;
            }
            let view = ViewBuilder {
                base_table: base.to_string(),
                fields: row.fields(&[TABLE_BASE_FIELDS, VIEW_FIELDS]),
                columns: Vec::new(),
            };
            keyspace.views.insert(name.to_string(), view);
        }
    }

    /// Builds every user type, resolving the user types their fields use (in any order).
    fn user_types(&mut self, rows: &Rows) {
        let mut definitions: BTreeMap<String, BTreeMap<String, Row<'_>>> = BTreeMap::new();
        for row in rows.iter() {
            let (Some(ks), Some(name)) = (row.text("keyspace_name"), row.text("type_name")) else {
                tracing::error!("schema metadata: a type row has no keyspace_name or type_name");
                continue;
            };
            definitions.entry(ks.to_string()).or_default().insert(name.to_string(), row);
        }
        for (ks, types) in definitions {
            let mut resolver =
                UdtResolver { keyspace: &ks, rows: &types, done: HashMap::new(), visiting: HashSet::new() };
            for name in types.keys() {
                resolver.get(name);
            }
            let done = resolver.done;
            self.keyspace(&ks).user_types = done;
        }
    }

    fn columns(&mut self, rows: &Rows) {
        for row in rows.iter() {
            let (Some(ks), Some(table), Some(name)) =
                (row.text("keyspace_name"), row.text("table_name"), row.text("column_name"))
            else {
                tracing::error!("schema metadata: a column row has no keyspace_name, table_name or column_name");
                continue;
            };
            let Some(keyspace) = self.keyspaces.get_mut(ks) else {
                continue;
            };
            let kind = match row.text("kind") {
                Some("partition_key") => CassColumnType::CASS_COLUMN_TYPE_PARTITION_KEY,
                Some("clustering") => CassColumnType::CASS_COLUMN_TYPE_CLUSTERING_KEY,
                Some("static") => CassColumnType::CASS_COLUMN_TYPE_STATIC,
                _ => CassColumnType::CASS_COLUMN_TYPE_REGULAR,
            };
            let data_type = row.text("type").and_then(|t| keyspace.parse_type(ks, t));
            let column = Arc::new(CassColumnMeta {
                name: name.into(),
                kind,
                position: row.int("position").unwrap_or(0).max(0),
                reversed: row.text("clustering_order").is_some_and(|o| o.eq_ignore_ascii_case("desc")),
                fields: row.fields(&[COLUMN_FIELDS]),
                data_type,
            });
            let columns = if let Some(table) = keyspace.tables.get_mut(table) {
                // A dense table's surrogate value column, which the C++ driver hides.
                let surrogate = kind == CassColumnType::CASS_COLUMN_TYPE_REGULAR
                    && column.data_type.as_ref().is_some_and(|t| t.class_name == EMPTY_TYPE_CLASS);
                if surrogate {
                    continue;
                }
                &mut table.columns
            } else if let Some(view) = keyspace.views.get_mut(table) {
                &mut view.columns
            } else {
                continue;
            };
            if !columns.iter().any(|c| c.name == column.name) {
                columns.push(column);
            }
        }
    }

    fn indexes(&mut self, rows: &Rows) {
        for row in rows.iter() {
            let (Some(ks), Some(table), Some(name)) =
                (row.text("keyspace_name"), row.text("table_name"), row.text("index_name"))
            else {
                tracing::error!("schema metadata: an index row has no keyspace_name, table_name or index_name");
                continue;
            };
            let Some(table) = self.keyspaces.get_mut(ks).and_then(|k| k.tables.get_mut(table)) else {
                continue;
            };
            if table.indexes.iter().any(|i| i.name == name) {
                continue;
            }
            let kind = match row.text("kind") {
                Some(k) if k.eq_ignore_ascii_case("keys") => CassIndexType::CASS_INDEX_TYPE_KEYS,
                Some(k) if k.eq_ignore_ascii_case("custom") => CassIndexType::CASS_INDEX_TYPE_CUSTOM,
                Some(k) if k.eq_ignore_ascii_case("composites") => CassIndexType::CASS_INDEX_TYPE_COMPOSITES,
                _ => CassIndexType::CASS_INDEX_TYPE_UNKNOWN,
            };
            let target =
                row.text_map("options").into_iter().rev().find(|(k, _)| *k == "target").map(|(_, v)| v).unwrap_or("");
            table.indexes.push(CassIndexMeta {
                name: name.into(),
                kind,
                target: target.into(),
                options: row.value_copy("options", None),
                fields: row.fields(&[INDEX_FIELDS]),
            });
        }
    }

    fn functions(&mut self, rows: &Rows) {
        for row in rows.iter() {
            let (Some(ks), Some(name)) = (row.text("keyspace_name"), row.text("function_name")) else {
                tracing::error!("schema metadata: a function row has no keyspace_name or function_name");
                continue;
            };
            let keyspace = self.keyspace(ks);
            let types = row.text_list("argument_types");
            let arguments = row
                .text_list("argument_names")
                .into_iter()
                .zip(&types)
                .map(|(arg, t)| FunctionArgument { name: arg.into(), data_type: keyspace.parse_type(ks, t) })
                .collect();
            let function = CassFunctionMeta {
                name: name.into(),
                full_name: full_function_name(name, types.iter().copied()).into(),
                arguments,
                return_type: row.text("return_type").and_then(|t| keyspace.parse_type(ks, t)),
                body: row.text("body").unwrap_or("").into(),
                language: row.text("language").unwrap_or("").into(),
                called_on_null_input: row.boolean("called_on_null_input").unwrap_or(false),
                fields: row.fields(&[FUNCTION_FIELDS]),
            };
            keyspace.functions.insert(function.full_name.to_string(), Arc::new(function));
        }
    }

    fn aggregates(&mut self, rows: &Rows) {
        for row in rows.iter() {
            let (Some(ks), Some(name)) = (row.text("keyspace_name"), row.text("aggregate_name")) else {
                tracing::error!("schema metadata: an aggregate row has no keyspace_name or aggregate_name");
                continue;
            };
            let keyspace = self.keyspace(ks);
            let types = row.text_list("argument_types");
            let state_type_text = row.text("state_type");
            // The state function takes the state and the arguments; the final function the state.
            let state_func = row.text("state_func").and_then(|f| {
                let signature = state_type_text.into_iter().chain(types.iter().copied());
                keyspace.functions.get(&full_function_name(f, signature)).cloned()
            });
            let final_func = row
                .text("final_func")
                .and_then(|f| keyspace.functions.get(&full_function_name(f, state_type_text)).cloned());
            let init_cond = match row.value("initcond") {
                Some(v) if v.value_type() == CassValueType::CASS_VALUE_TYPE_BLOB => {
                    MetaValue(CassValue::new(None, &VARCHAR))
                }
                _ => row.value_copy("initcond", Some(&VARCHAR)),
            };
            let aggregate = CassAggregateMeta {
                name: name.into(),
                full_name: full_function_name(name, types.iter().copied()).into(),
                argument_types: types.iter().map(|t| keyspace.parse_type(ks, t)).collect(),
                return_type: row.text("return_type").and_then(|t| keyspace.parse_type(ks, t)),
                state_type: state_type_text.and_then(|t| keyspace.parse_type(ks, t)),
                state_func,
                final_func,
                init_cond,
                fields: row.fields(&[AGGREGATE_FIELDS]),
            };
            keyspace.aggregates.insert(aggregate.full_name.to_string(), Arc::new(aggregate));
        }
    }

    /// The keyspaces, each keeping `owners` (the responses its fields point into) alive.
    fn finish(self, owners: &[Arc<CassResult>]) -> Vec<Arc<CassKeyspaceMeta>> {
        self.keyspaces
            .into_iter()
            .map(|(name, mut ks)| {
                // Views by base table, each group sorted by view name.
                let mut views_by_table: HashMap<String, Vec<(String, ViewBuilder)>> = HashMap::new();
                for (view_name, view) in std::mem::take(&mut ks.views) {
                    views_by_table.entry(view.base_table.clone()).or_default().push((view_name, view));
                }
                let tables: Vec<Arc<CassTableMeta>> = std::mem::take(&mut ks.tables)
                    .into_iter()
                    .map(|(table_name, table)| {
                        let own_views = views_by_table.remove(&table_name).unwrap_or_default();
                        Arc::new_cyclic(|base| CassTableMeta {
                            name: table_name.into(),
                            is_virtual: table.is_virtual,
                            fields: table.fields,
                            columns: ColumnSet::build(table.columns),
                            indexes: table.indexes,
                            views: own_views
                                .into_iter()
                                .map(|(view_name, view)| {
                                    Arc::new(CassMaterializedViewMeta {
                                        name: view_name.into(),
                                        fields: view.fields,
                                        columns: ColumnSet::build(view.columns),
                                        base_table: base.clone(),
                                    })
                                })
                                .collect(),
                        })
                    })
                    .collect();
                let mut views: Vec<_> = tables.iter().flat_map(|t| t.views.iter().cloned()).collect();
                views.sort_by(|a, b| a.name.cmp(&b.name));
                let mut user_types: Vec<_> = ks.user_types.into_values().collect();
                user_types.sort_by(|a, b| a.type_name.cmp(&b.type_name));
                Arc::new(CassKeyspaceMeta {
                    name: name.into(),
                    is_virtual: ks.is_virtual,
                    fields: ks.fields,
                    tables,
                    views,
                    user_types,
                    functions: ks.functions.into_values().collect(),
                    aggregates: ks.aggregates.into_values().collect(),
                    owners: owners.to_vec(),
                })
            })
            .collect()
    }
}

/// Resolves the user types of one keyspace, each once, whatever order they use each other in.
struct UdtResolver<'a, 'r> {
    keyspace: &'a str,
    rows: &'a BTreeMap<String, Row<'r>>,
    done: HashMap<String, Arc<CassDataType>>,
    visiting: HashSet<String>,
}

impl UdtResolver<'_, '_> {
    fn get(&mut self, name: &str) -> Arc<CassDataType> {
        if let Some(done) = self.done.get(name) {
            return done.clone();
        }
        let Some(row) = self.rows.get(name).copied() else {
            return cql_type::unknown_udt(self.keyspace, name);
        };
        if !self.visiting.insert(name.to_string()) {
            // A cycle cannot come from a server; do not recurse forever on bad data.
            return cql_type::unknown_udt(self.keyspace, name);
        }
        let names = row.text_list("field_names");
        let types = row.text_list("field_types");
        if names.len() != types.len() {
            tracing::error!(
                "schema metadata: type {}.{name} has {} field names and {} field types",
                self.keyspace,
                names.len(),
                types.len()
            );
        }
        let mut field_names = Vec::new();
        let mut sub_types = Vec::new();
        for (field, text) in names.iter().zip(&types) {
            // Parse with a lookup that resolves (and records) nested user types first.
            let nested: Vec<String> = collect_names(text);
            for n in &nested {
                if !self.done.contains_key(n) && self.rows.contains_key(n) {
                    let t = self.get(n);
                    self.done.insert(n.clone(), t);
                }
            }
            let parsed = cql_type::parse(text, &|n| {
                self.done.get(n).cloned().unwrap_or_else(|| cql_type::unknown_udt(self.keyspace, n))
            });
            let Some(parsed) = parsed else {
                tracing::error!(
                    "schema metadata: invalid type '{text}' of field {field} of type {}.{name}",
                    self.keyspace
                );
                break;
            };
            field_names.push(field.to_string());
            sub_types.push(parsed);
        }
        self.visiting.remove(name);
        let udt = Arc::new(CassDataType {
            keyspace: self.keyspace.to_string(),
            type_name: name.to_string(),
            field_names,
            sub_types,
            ..CassDataType::simple(CassValueType::CASS_VALUE_TYPE_UDT)
        });
        self.done.insert(name.to_string(), udt.clone());
        udt
    }
}

/// The names a type text mentions that may be user types (unquoted; quoted ones unescaped).
fn collect_names(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c == b'"' {
            let mut name = String::new();
            i += 1;
            while i < bytes.len() {
                if bytes[i] == b'"' {
                    if bytes.get(i + 1) == Some(&b'"') {
                        name.push('"');
                        i += 2;
                        continue;
                    }
                    break;
                }
                name.push(bytes[i] as char);
                i += 1;
            }
            names.push(name);
            i += 1;
        } else if c == b'\'' {
            i += 1;
            while i < bytes.len() && bytes[i] != b'\'' {
                i += 1;
            }
            i += 1;
        } else if c.is_ascii_alphanumeric() || c == b'_' {
            let start = i;
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                i += 1;
            }
            names.push(text[start..i].to_string());
        } else {
            i += 1;
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_names_drop_white_space_and_empty_arguments() {
        assert_eq!(
            full_function_name("avg", ["frozen<tuple<int, bigint>>", "int"]),
            "avg(frozen<tuple<int,bigint>>,int)"
        );
        assert_eq!(full_function_name("f", []), "f()");
        assert_eq!(full_function_name("f", ["", " text "]), "f(text)");
    }

    #[test]
    fn releases() {
        assert_eq!(parse_release("5.0.4"), CassVersion { major_version: 5, minor_version: 0, patch_version: 4 });
        assert_eq!(parse_release("4.1-SNAPSHOT"), CassVersion { major_version: 4, minor_version: 1, patch_version: 0 });
    }

    #[test]
    fn text_collections() {
        let mut list = vec![0, 0, 0, 2];
        for s in ["ab", "c"] {
            list.extend((s.len() as i32).to_be_bytes());
            list.extend(s.as_bytes());
        }
        assert_eq!(decode_items(&list, 1), vec![vec!["ab"], vec!["c"]]);
        assert_eq!(decode_items(&list[..7], 1), Vec::<Vec<&str>>::new());
        assert_eq!(collect_names("frozen<map<text, \"My\"\"T\">>"), vec!["frozen", "map", "text", "My\"T"]);
    }
}
