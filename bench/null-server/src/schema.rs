//! The tables each node pretends to hold. Column lists are written as CQL
//! (`"name type, ..."`) and parsed at start-up; rows are stored as encoded cells.

use std::net::Ipv4Addr;

use crate::wire::Put;

/// A CQL data type, as far as this server needs them.
#[derive(Clone, Debug, PartialEq)]
pub enum Ty {
    /// A native type by its `[option]` id.
    Native(u16),
    List(Box<Ty>),
    Set(Box<Ty>),
    Map(Box<Ty>, Box<Ty>),
}

impl Ty {
    /// Parses `bigint`, `set<text>`, `map<text, blob>` ...
    pub fn parse(s: &str) -> Ty {
        let s = s.trim();
        if let Some(inner) = s.strip_suffix('>') {
            let (outer, args) = inner.split_once('<').expect("collection type");
            return match outer.trim() {
                "list" => Ty::List(Box::new(Ty::parse(args))),
                "set" => Ty::Set(Box::new(Ty::parse(args))),
                "map" => {
                    let (k, v) = args.split_once(',').expect("map<k, v>");
                    Ty::Map(Box::new(Ty::parse(k)), Box::new(Ty::parse(v)))
                }
                other => panic!("unknown collection {other}"),
            };
        }
        let id = match s {
            "ascii" => 0x0001,
            "bigint" => 0x0002,
            "blob" => 0x0003,
            "boolean" => 0x0004,
            "counter" => 0x0005,
            "double" => 0x0007,
            "float" => 0x0008,
            "int" => 0x0009,
            "timestamp" => 0x000B,
            "uuid" => 0x000C,
            "text" | "varchar" => 0x000D,
            "timeuuid" => 0x000F,
            "inet" => 0x0010,
            "date" => 0x0011,
            "time" => 0x0012,
            "smallint" => 0x0013,
            "tinyint" => 0x0014,
            other => panic!("unknown type {other}"),
        };
        Ty::Native(id)
    }

    /// Writes the type as an `[option]`.
    pub fn put(&self, out: &mut Vec<u8>) {
        match self {
            Ty::Native(id) => out.put_short(*id),
            Ty::List(e) => {
                out.put_short(0x0020);
                e.put(out);
            }
            Ty::Map(k, v) => {
                out.put_short(0x0021);
                k.put(out);
                v.put(out);
            }
            Ty::Set(e) => {
                out.put_short(0x0022);
                e.put(out);
            }
        }
    }
}

pub type Cell = Option<Vec<u8>>;

pub struct Column {
    pub name: String,
    pub ty: Ty,
}

pub struct Table {
    pub keyspace: String,
    pub name: String,
    pub columns: Vec<Column>,
    /// Names of the partition key columns.
    pub partition_key: Vec<String>,
    /// Each row has one cell per column, in column order.
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// A table from `"col type, col type, ..."` (commas inside `<>` are part of a type).
    fn new(qualified: &str, columns: &str, partition_key: &[&str]) -> Table {
        let (keyspace, name) = qualified.split_once('.').expect("keyspace.table");
        let mut specs = Vec::new();
        let (mut depth, mut start) = (0, 0);
        for (i, c) in columns.char_indices() {
            match c {
                '<' => depth += 1,
                '>' => depth -= 1,
                ',' if depth == 0 => {
                    specs.push(&columns[start..i]);
                    start = i + 1;
                }
                _ => {}
            }
        }
        specs.push(&columns[start..]);
        let columns = specs
            .into_iter()
            .map(|spec| {
                let (name, ty) = spec.trim().split_once(' ').expect("name type");
                Column { name: name.to_string(), ty: Ty::parse(ty) }
            })
            .collect();
        Table {
            keyspace: keyspace.to_string(),
            name: name.to_string(),
            columns,
            partition_key: partition_key.iter().map(|s| s.to_string()).collect(),
            rows: Vec::new(),
        }
    }

    pub fn column_index(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.name == name)
    }

    /// Adds a row given as (column, cell) pairs; columns not named are null.
    fn add_row(&mut self, cells: Vec<(&str, Cell)>) {
        let mut row = vec![None; self.columns.len()];
        for (name, cell) in cells {
            let i = self.column_index(name).unwrap_or_else(|| panic!("no column {name} in {}", self.name));
            row[i] = cell;
        }
        self.rows.push(row);
    }
}

// Cell encoders (spec section 6).
pub fn text(s: &str) -> Cell {
    Some(s.as_bytes().to_vec())
}
pub fn int(v: i32) -> Cell {
    Some(v.to_be_bytes().to_vec())
}
pub fn bigint(v: i64) -> Cell {
    Some(v.to_be_bytes().to_vec())
}
pub fn double(v: f64) -> Cell {
    Some(v.to_bits().to_be_bytes().to_vec())
}
pub fn boolean(v: bool) -> Cell {
    Some(vec![v as u8])
}
pub fn inet(a: Ipv4Addr) -> Cell {
    Some(a.octets().to_vec())
}
pub fn uuid(u: [u8; 16]) -> Cell {
    Some(u.to_vec())
}
pub fn text_set(items: &[&str]) -> Cell {
    let mut b = Vec::new();
    b.put_int(items.len() as i32);
    for s in items {
        b.put_cell(Some(s.as_bytes()));
    }
    Some(b)
}

/// A version-4 style uuid whose last bytes carry `n`.
fn make_uuid(prefix: u32, n: u64) -> [u8; 16] {
    let mut u = [0u8; 16];
    u[0..4].copy_from_slice(&prefix.to_be_bytes());
    u[6] = 0x40;
    u[8] = 0x80;
    u[10..16].copy_from_slice(&n.to_be_bytes()[2..8]);
    u
}

/// Address of node `i` (1-based).
pub fn node_address(i: usize) -> Ipv4Addr {
    Ipv4Addr::new(127, 0, 0, i as u8)
}

/// The first token of node `i` of `n`: the ring split evenly.
fn node_token(i: usize, n: usize) -> String {
    let step = (u64::MAX / n as u64) as i128;
    (i64::MIN as i128 + step * (i as i128 - 1)).to_string()
}

/// Rows of the wide benchmark table.
pub const WIDE_ROWS: usize = 5000;

const TABLE_OPTIONS: &str = "additional_write_policy text, allow_auto_snapshot boolean, \
     bloom_filter_fp_chance double, caching map<text, text>, cdc boolean, comment text, \
     compaction map<text, text>, compression map<text, text>, crc_check_chance double, \
     dclocal_read_repair_chance double, default_time_to_live int, extensions map<text, blob>, \
     gc_grace_seconds int, id uuid, incremental_backups boolean, max_index_interval int, memtable text, \
     memtable_flush_period_in_ms int, min_index_interval int, read_repair text, \
     read_repair_chance double, speculative_retry text";

const COLUMNS: &str = "keyspace_name text, table_name text, column_name text, clustering_order text, \
     column_name_bytes blob, kind text, position int, type text";

/// Everything node `node` of `nodes` holds; `port` is the native port of every node.
pub fn catalog(node: usize, nodes: usize, port: u16) -> Vec<Table> {
    let schema_version = make_uuid(0x5c4e_0001, 1);
    let host_id = |i: usize| make_uuid(0xb0b0_0000, i as u64);

    let mut local = Table::new(
        "system.local",
        "key text, bootstrapped text, broadcast_address inet, broadcast_port int, cluster_name text, \
         cql_version text, data_center text, gossip_generation int, host_id uuid, listen_address inet, \
         listen_port int, native_protocol_version text, partitioner text, rack text, release_version text, \
         rpc_address inet, rpc_port int, schema_version uuid, tokens set<text>, \
         truncated_at map<uuid, blob>",
        &["key"],
    );
    let me = node_address(node);
    let token = node_token(node, nodes);
    local.add_row(vec![
        ("key", text("local")),
        ("bootstrapped", text("COMPLETED")),
        ("broadcast_address", inet(me)),
        ("broadcast_port", int(7000)),
        ("cluster_name", text("null-cluster")),
        ("cql_version", text("3.4.5")),
        ("data_center", text("datacenter1")),
        ("gossip_generation", int(1_750_000_000)),
        ("host_id", uuid(host_id(node))),
        ("listen_address", inet(me)),
        ("listen_port", int(7000)),
        ("native_protocol_version", text("4")),
        ("partitioner", text("org.apache.cassandra.dht.Murmur3Partitioner")),
        ("rack", text("rack1")),
        ("release_version", text("5.0.8")),
        ("rpc_address", inet(me)),
        ("rpc_port", int(port as i32)),
        ("schema_version", uuid(schema_version)),
        ("tokens", text_set(&[&token])),
    ]);

    let mut peers = Table::new(
        "system.peers",
        "peer inet, data_center text, host_id uuid, preferred_ip inet, rack text, release_version text, \
         rpc_address inet, schema_version uuid, tokens set<text>",
        &["peer"],
    );
    let mut peers_v2 = Table::new(
        "system.peers_v2",
        "peer inet, peer_port int, data_center text, host_id uuid, native_address inet, native_port int, \
         preferred_ip inet, preferred_port int, rack text, release_version text, schema_version uuid, \
         tokens set<text>",
        &["peer", "peer_port"],
    );
    for other in (1..=nodes).filter(|&i| i != node) {
        let addr = node_address(other);
        let token = node_token(other, nodes);
        let common = || {
            vec![
                ("peer", inet(addr)),
                ("data_center", text("datacenter1")),
                ("host_id", uuid(host_id(other))),
                ("rack", text("rack1")),
                ("release_version", text("5.0.8")),
                ("schema_version", uuid(schema_version)),
                ("tokens", text_set(&[&token])),
            ]
        };
        let mut row = common();
        row.push(("rpc_address", inet(addr)));
        peers.add_row(row);
        let mut row = common();
        row.extend([("peer_port", int(7000)), ("native_address", inet(addr)), ("native_port", int(port as i32))]);
        peers_v2.add_row(row);
    }

    let mut wide = Table::new(
        "bench.wide",
        "id bigint, n int, name text, score double, flag boolean, uid uuid, ts timestamp, data blob",
        &["id"],
    );
    for i in 0..WIDE_ROWS {
        wide.add_row(vec![
            ("id", bigint(i as i64)),
            ("n", int(i as i32 * 7)),
            ("name", text(&format!("row-{i:05}"))),
            ("score", double(i as f64 * 0.25)),
            ("flag", boolean(i % 2 == 0)),
            ("uid", uuid(make_uuid(0x0123_4567, i as u64))),
            ("ts", bigint(1_750_000_000_000 + i as i64)),
            ("data", Some((0..16).map(|k| (i + k) as u8).collect())),
        ]);
    }

    let mut kv = Table::new("bench.kv", "pk bigint, v1 bigint, v2 bigint", &["pk"]);
    kv.add_row(vec![("pk", bigint(1)), ("v1", bigint(2)), ("v2", bigint(3))]);
    // The table of bindings/bench/acsylla_bench.py (its DDL is answered with VOID).
    let mut acsylla = Table::new("pyt_bench.bench", "k int, v int", &["k"]);
    acsylla.add_row(vec![("k", int(1)), ("v", int(2))]);

    let tables_columns = format!("keyspace_name text, table_name text, flags set<text>, {TABLE_OPTIONS}");
    let views_columns = format!(
        "keyspace_name text, view_name text, base_table_id uuid, base_table_name text, \
         include_all_columns boolean, where_clause text, {TABLE_OPTIONS}"
    );
    vec![
        local,
        peers,
        peers_v2,
        kv,
        acsylla,
        wide,
        Table::new(
            "system_schema.keyspaces",
            "keyspace_name text, durable_writes boolean, replication map<text, text>",
            &["keyspace_name"],
        ),
        Table::new("system_schema.tables", &tables_columns, &["keyspace_name"]),
        Table::new("system_schema.views", &views_columns, &["keyspace_name"]),
        Table::new("system_schema.columns", COLUMNS, &["keyspace_name"]),
        Table::new(
            "system_schema.types",
            "keyspace_name text, type_name text, field_names list<text>, field_types list<text>",
            &["keyspace_name"],
        ),
        Table::new(
            "system_schema.functions",
            "keyspace_name text, function_name text, argument_types list<text>, argument_names list<text>, \
             body text, called_on_null_input boolean, language text, return_type text",
            &["keyspace_name"],
        ),
        Table::new(
            "system_schema.aggregates",
            "keyspace_name text, aggregate_name text, argument_types list<text>, final_func text, \
             initcond text, return_type text, state_func text, state_type text",
            &["keyspace_name"],
        ),
        Table::new(
            "system_schema.indexes",
            "keyspace_name text, table_name text, index_name text, kind text, options map<text, text>",
            &["keyspace_name"],
        ),
        Table::new(
            "system_schema.triggers",
            "keyspace_name text, table_name text, trigger_name text, options map<text, text>",
            &["keyspace_name"],
        ),
        Table::new(
            "system_schema.dropped_columns",
            "keyspace_name text, table_name text, column_name text, dropped_time timestamp, kind text, type text",
            &["keyspace_name"],
        ),
        Table::new("system_virtual_schema.keyspaces", "keyspace_name text", &["keyspace_name"]),
        Table::new(
            "system_virtual_schema.tables",
            "keyspace_name text, table_name text, comment text",
            &["keyspace_name"],
        ),
        Table::new("system_virtual_schema.columns", COLUMNS, &["keyspace_name"]),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_collections() {
        assert_eq!(Ty::parse("map<uuid, blob>"), Ty::Map(Box::new(Ty::Native(0x0C)), Box::new(Ty::Native(0x03))));
        assert_eq!(Ty::parse("set<text>"), Ty::Set(Box::new(Ty::Native(0x0D))));
    }

    #[test]
    fn three_nodes_see_two_peers() {
        let c = catalog(2, 3, 9042);
        let peers = c.iter().find(|t| t.name == "peers").unwrap();
        assert_eq!(peers.rows.len(), 2);
        assert_eq!(node_token(1, 3), i64::MIN.to_string());
    }

    #[test]
    fn acsylla_bench_table_has_int_columns() {
        let c = catalog(1, 1, 9042);
        let t = c.iter().find(|t| t.keyspace == "pyt_bench" && t.name == "bench").unwrap();
        assert_eq!(t.columns.iter().map(|c| c.ty.clone()).collect::<Vec<_>>(), [Ty::Native(0x09), Ty::Native(0x09)]);
        assert_eq!(t.rows.len(), 1);
    }
}
