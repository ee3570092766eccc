//! What one node answers. Answers depend on the statement text only (WHERE clauses
//! are not evaluated), so a prepared statement's EXECUTE answers are encoded once,
//! when it is prepared, and EXECUTE copies them.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use crate::cql::{self, Kind};
use crate::schema::{self, Table};
use crate::wire::{
    self, errcode, error_body, opcode, put_frame, put_frame_with, Cursor, Header, Put, FLAG_COMPRESSED, PROTOCOL_V4,
    QUERY_SKIP_METADATA,
};

mod kind {
    pub const VOID: i32 = 1;
    pub const ROWS: i32 = 2;
    pub const SET_KEYSPACE: i32 = 3;
    pub const PREPARED: i32 = 4;
}

mod meta {
    pub const GLOBAL_TABLES_SPEC: i32 = 0x0001;
    pub const NO_METADATA: i32 = 0x0004;
}

/// RESULT bodies for a statement, with and without result metadata.
struct Encoded {
    with_metadata: Vec<u8>,
    without_metadata: Vec<u8>,
    /// For `USE ks`: the keyspace the connection switches to.
    use_keyspace: Option<String>,
}

/// A statement understood against this node's tables.
struct Plan<'a> {
    statement: cql::Statement,
    table: Option<&'a Table>,
    /// For a SELECT: (column index, returned name).
    selected: Option<Vec<(usize, String)>>,
}

/// State of one client connection.
pub struct Session {
    pub id: u64,
    keyspace: Option<String>,
    executes_logged: usize,
}

impl Session {
    pub fn new(id: u64) -> Self {
        Session { id, keyspace: None, executes_logged: 0 }
    }
}

pub struct Node {
    pub index: usize,
    tables: Vec<Table>,
    prepared: Mutex<HashMap<[u8; 16], Arc<Encoded>>>,
    void_body: Vec<u8>,
    log: bool,
}

/// Prepared ids are a function of the keyspace and text, so that every node gives the
/// same id for the same statement (drivers that prepare on all nodes compare them).
fn prepared_id(keyspace: Option<&str>, text: &str) -> [u8; 16] {
    let fnv = |seed: u64| {
        let mut h = seed;
        for b in keyspace.unwrap_or("").bytes().chain([0u8]).chain(text.bytes()) {
            h = (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3);
        }
        h
    };
    let mut id = [0u8; 16];
    id[..8].copy_from_slice(&fnv(0xcbf2_9ce4_8422_2325).to_be_bytes());
    id[8..].copy_from_slice(&fnv(0x8422_2325_cbf2_9ce4).to_be_bytes());
    id
}

impl Node {
    pub fn new(index: usize, nodes: usize, port: u16, log: bool) -> Self {
        let mut void_body = Vec::new();
        void_body.put_int(kind::VOID);
        let node = Node {
            index,
            tables: schema::catalog(index, nodes, port),
            prepared: Mutex::new(HashMap::new()),
            void_body,
            log,
        };
        // The benchmark statements are ready before any client comes.
        for text in [
            "INSERT INTO bench.kv (pk, v1, v2) VALUES (?, ?, ?)",
            "SELECT v1, v2 FROM bench.kv WHERE pk = ?",
            "SELECT * FROM bench.wide",
        ] {
            node.prepare(None, text).expect("benchmark statements are valid");
        }
        node
    }

    fn table(&self, keyspace: &str, name: &str) -> Option<&Table> {
        self.tables.iter().find(|t| t.keyspace == keyspace && t.name == name)
    }

    fn plan(&self, keyspace: Option<&str>, text: &str) -> Result<Plan<'_>, (i32, String)> {
        let statement = cql::parse(text);
        let table = statement.target.as_ref().and_then(|t| {
            let ks = t.keyspace.as_deref().or(keyspace).unwrap_or("");
            self.table(ks, &t.table)
        });
        let mut selected = None;
        if let Kind::Select(selection) = &statement.kind {
            let Some(target) = &statement.target else {
                return Err((errcode::INVALID, "SELECT without FROM".into()));
            };
            let Some(table) = table else {
                return Err((errcode::INVALID, format!("unconfigured table {}", target.table)));
            };
            let columns = match selection {
                None => table.columns.iter().enumerate().map(|(i, c)| (i, c.name.clone())).collect(),
                Some(items) => {
                    let mut columns = Vec::with_capacity(items.len());
                    for item in items {
                        let Some(i) = table.column_index(&item.column) else {
                            return Err((errcode::INVALID, format!("Undefined column name {}", item.column)));
                        };
                        columns.push((i, item.alias.clone()));
                    }
                    columns
                }
            };
            selected = Some(columns);
        }
        Ok(Plan { statement, table, selected })
    }

    /// `<flags><columns_count>[<global_table_spec>]<col_spec>*` of a Rows result.
    fn put_result_metadata(out: &mut Vec<u8>, table: &Table, selected: &[(usize, String)]) {
        out.put_int(meta::GLOBAL_TABLES_SPEC);
        out.put_int(selected.len() as i32);
        out.put_string(&table.keyspace);
        out.put_string(&table.name);
        for (i, name) in selected {
            out.put_string(name);
            table.columns[*i].ty.put(out);
        }
    }

    fn encode(&self, plan: &Plan<'_>) -> Encoded {
        if let Kind::Use(ks) = &plan.statement.kind {
            let mut body = Vec::new();
            body.put_int(kind::SET_KEYSPACE);
            body.put_string(ks);
            return Encoded { with_metadata: body.clone(), without_metadata: body, use_keyspace: Some(ks.clone()) };
        }
        let (Some(table), Some(selected)) = (plan.table, &plan.selected) else {
            let body = self.void_body.clone();
            return Encoded { with_metadata: body.clone(), without_metadata: body, use_keyspace: None };
        };
        let rows = |skip_metadata: bool| {
            let mut body = Vec::with_capacity(64 + table.rows.len() * 16 * selected.len());
            body.put_int(kind::ROWS);
            if skip_metadata {
                body.put_int(meta::NO_METADATA);
                body.put_int(selected.len() as i32);
            } else {
                Self::put_result_metadata(&mut body, table, selected);
            }
            body.put_int(table.rows.len() as i32);
            for row in &table.rows {
                for (i, _) in selected {
                    body.put_cell(row[*i].as_deref());
                }
            }
            body
        };
        Encoded { with_metadata: rows(false), without_metadata: rows(true), use_keyspace: None }
    }

    /// A PREPARED result body (spec 4.2.5.4).
    fn prepared_body(&self, id: &[u8; 16], plan: &Plan<'_>) -> Vec<u8> {
        let mut out = Vec::new();
        out.put_int(kind::PREPARED);
        out.put_short_bytes(id);
        // Bind markers: their column and its type when known, text otherwise.
        let markers = &plan.statement.markers;
        let typed: Vec<(String, schema::Ty)> = markers
            .iter()
            .enumerate()
            .map(|(k, col)| {
                let found = plan.table.zip(col.as_ref()).and_then(|(t, c)| t.column_index(c).map(|i| &t.columns[i]));
                match found {
                    Some(c) => (c.name.clone(), c.ty.clone()),
                    None => (col.clone().unwrap_or_else(|| format!("p{k}")), schema::Ty::Native(0x000D)),
                }
            })
            .collect();
        let pk_indexes: Vec<u16> = match plan.table {
            Some(t) if !markers.is_empty() => {
                let found: Vec<Option<u16>> = t
                    .partition_key
                    .iter()
                    .map(|pk| markers.iter().position(|m| m.as_deref() == Some(pk)).map(|p| p as u16))
                    .collect();
                found.into_iter().collect::<Option<Vec<u16>>>().unwrap_or_default()
            }
            _ => Vec::new(),
        };
        if typed.is_empty() {
            out.put_int(0);
            out.put_int(0);
            out.put_int(0);
        } else {
            let (ks, name) = match (plan.table, &plan.statement.target) {
                (Some(t), _) => (t.keyspace.clone(), t.name.clone()),
                (None, Some(t)) => (t.keyspace.clone().unwrap_or_default(), t.table.clone()),
                (None, None) => (String::new(), String::new()),
            };
            out.put_int(meta::GLOBAL_TABLES_SPEC);
            out.put_int(typed.len() as i32);
            out.put_int(pk_indexes.len() as i32);
            for i in &pk_indexes {
                out.put_short(*i);
            }
            out.put_string(&ks);
            out.put_string(&name);
            for (col, ty) in &typed {
                out.put_string(col);
                ty.put(&mut out);
            }
        }
        match (plan.table, &plan.selected) {
            (Some(table), Some(selected)) => Self::put_result_metadata(&mut out, table, selected),
            _ => {
                out.put_int(meta::NO_METADATA);
                out.put_int(0);
            }
        }
        out
    }

    /// Prepares a statement: registers its EXECUTE answers and returns the PREPARED body.
    fn prepare(&self, keyspace: Option<&str>, text: &str) -> Result<Vec<u8>, (i32, String)> {
        let plan = self.plan(keyspace, text)?;
        let id = prepared_id(keyspace, text);
        let encoded = Arc::new(self.encode(&plan));
        self.prepared.lock().unwrap().insert(id, encoded);
        Ok(self.prepared_body(&id, &plan))
    }

    /// Appends the answer to one request frame to `out`; false closes the connection.
    pub fn handle(&self, s: &mut Session, h: &Header, body: &[u8], out: &mut Vec<u8>) -> bool {
        if h.version & 0x7f != PROTOCOL_V4 {
            // Drivers that start with v5 or a DSE version step down to v4 on this error. The
            // answer uses the version byte of the request (v3-v5 share the header layout).
            if self.log {
                eprintln!("node {} conn {}: refused protocol version {:#04x}", self.index, s.id, h.version);
            }
            let message =
                format!("Invalid or unsupported protocol version ({}); supported versions are (4/v4)", h.version);
            put_frame(out, h.version & 0x7f, h.stream, opcode::ERROR, |b| {
                b.extend_from_slice(&error_body(errcode::PROTOCOL, &message))
            });
            return false;
        }
        if h.flags & FLAG_COMPRESSED != 0 {
            put_frame_with(out, h.stream, opcode::ERROR, &error_body(errcode::PROTOCOL, "compression not negotiated"));
            return false;
        }
        match h.opcode {
            opcode::EXECUTE => self.execute(s, h.stream, body, out),
            opcode::OPTIONS => {
                self.trace(s, "OPTIONS");
                put_frame(out, PROTOCOL_V4, h.stream, opcode::SUPPORTED, |b| {
                    b.put_short(2);
                    b.put_string("CQL_VERSION");
                    b.put_string_list(&["3.4.5"]);
                    b.put_string("COMPRESSION");
                    b.put_string_list(&[]);
                });
            }
            opcode::STARTUP | opcode::REGISTER => {
                self.trace(s, if h.opcode == opcode::STARTUP { "STARTUP" } else { "REGISTER" });
                put_frame_with(out, h.stream, opcode::READY, &[]);
            }
            opcode::QUERY => {
                let mut c = Cursor::new(body);
                let Some(text) = c.long_string() else {
                    put_frame_with(out, h.stream, opcode::ERROR, &error_body(errcode::PROTOCOL, "bad QUERY"));
                    return true;
                };
                self.trace(s, &format!("QUERY {text}"));
                match self.plan(s.keyspace.as_deref(), text) {
                    Ok(plan) => {
                        let encoded = self.encode(&plan);
                        if let Some(ks) = encoded.use_keyspace {
                            s.keyspace = Some(ks);
                        }
                        put_frame_with(out, h.stream, opcode::RESULT, &encoded.with_metadata);
                    }
                    Err((code, msg)) => self.refuse(s, h.stream, code, &msg, out),
                }
            }
            opcode::PREPARE => {
                let Some(text) = Cursor::new(body).long_string() else {
                    put_frame_with(out, h.stream, opcode::ERROR, &error_body(errcode::PROTOCOL, "bad PREPARE"));
                    return true;
                };
                self.trace(s, &format!("PREPARE {text}"));
                match self.prepare(s.keyspace.as_deref(), text) {
                    Ok(result) => put_frame_with(out, h.stream, opcode::RESULT, &result),
                    Err((code, msg)) => self.refuse(s, h.stream, code, &msg, out),
                }
            }
            opcode::BATCH => put_frame_with(out, h.stream, opcode::RESULT, &self.void_body),
            other => {
                let msg = format!("unsupported opcode {other:#04x}");
                self.refuse(s, h.stream, errcode::PROTOCOL, &msg, out);
            }
        }
        true
    }

    fn trace(&self, s: &Session, what: &str) {
        if self.log {
            eprintln!("node {} conn {}: {what}", self.index, s.id);
        }
    }

    fn refuse(&self, s: &Session, stream: i16, code: i32, msg: &str, out: &mut Vec<u8>) {
        self.trace(s, &format!("-> ERROR {code:#06x} {msg}"));
        put_frame_with(out, stream, opcode::ERROR, &error_body(code, msg));
    }

    fn execute(&self, s: &mut Session, stream: i16, body: &[u8], out: &mut Vec<u8>) {
        let mut c = Cursor::new(body);
        let (Some(id), Some(flags)) = (c.short_bytes(), c.query_flags()) else {
            return put_frame_with(out, stream, opcode::ERROR, &error_body(errcode::PROTOCOL, "bad EXECUTE"));
        };
        let found = <[u8; 16]>::try_from(id).ok().and_then(|key| self.prepared.lock().unwrap().get(&key).cloned());
        let Some(encoded) = found else {
            self.trace(s, "EXECUTE of an unknown id -> UNPREPARED");
            let mut err = error_body(errcode::UNPREPARED, "Prepared query with ID not found");
            err.put_short_bytes(id);
            return put_frame_with(out, stream, opcode::ERROR, &err);
        };
        if self.log && s.executes_logged < 5 {
            s.executes_logged += 1;
            eprintln!("node {} conn {}: EXECUTE (flags {flags:#04x}; first five logged)", self.index, s.id);
        }
        if let Some(ks) = &encoded.use_keyspace {
            s.keyspace = Some(ks.clone());
        }
        let body = if flags & QUERY_SKIP_METADATA != 0 { &encoded.without_metadata } else { &encoded.with_metadata };
        wire::put_frame_with(out, stream, opcode::RESULT, body);
    }
}
