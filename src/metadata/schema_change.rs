//! Which part of the schema a successful statement changed, so that the snapshot re-reads only
//! that table, or that keyspace.
//!
//! The C++ driver learns this from the SCHEMA_CHANGE result (and event) the server sends. The
//! `scylla` crate consumes that result itself (it waits for schema agreement) and hands back an
//! empty result, so the statement's own words are the only source left: the keyword sequence of
//! CQL's DDL statements names the object and, optionally, its keyspace. Anything not understood
//! here falls back to re-reading the whole schema, never to no refresh.

/// What a statement changed.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum SchemaChange {
    /// Not a schema change (also CREATE/ALTER/DROP of roles, users and identities).
    None,
    /// Something inside this keyspace.
    Keyspace(String),
    /// This table (created, altered or dropped; or one of its indexes or triggers).
    Table { keyspace: String, table: String },
    /// The keyspace itself was created or altered: its replication, which routing uses, may
    /// have changed.
    Replication(String),
    /// A schema change whose keyspace is not known: re-read everything.
    Unknown,
}

impl SchemaChange {
    /// Whether the change may move the crate's routing (replication) metadata.
    pub(crate) fn moves_routing(&self) -> bool {
        matches!(self, SchemaChange::Replication(_) | SchemaChange::Unknown)
    }
}

/// The schema change `query` makes when it succeeds; `session_keyspace` gives the keyspace of
/// `USE` (or of connect) that unqualified names belong to, asked only for such a name (this runs
/// after every successful statement: most stop at their first word).
pub(crate) fn schema_change<K: std::fmt::Display>(
    query: &str,
    session_keyspace: impl FnOnce() -> Option<K>,
) -> SchemaChange {
    // Most statements start with a letter that no CREATE/ALTER/DROP starts with: decided without
    // tokenizing (a comment, a non-ASCII blank or another character takes the full path).
    if let Some(first) = query.trim_ascii_start().as_bytes().first() {
        if first.is_ascii_alphabetic() && !matches!(first.to_ascii_uppercase(), b'C' | b'A' | b'D') {
            return SchemaChange::None;
        }
    }
    let mut tokens = Tokens { rest: query };
    let Some(Token::Word(verb)) = tokens.next() else {
        return SchemaChange::None;
    };
    if !["CREATE", "ALTER", "DROP"].iter().any(|k| verb.eq_ignore_ascii_case(k)) {
        return SchemaChange::None;
    }
    let mut kind = tokens.next();
    if kind.as_ref().is_some_and(|t| t.is_keyword("OR")) {
        tokens.next(); // REPLACE
        kind = tokens.next();
    }
    let Some(Token::Word(kind)) = kind else {
        return SchemaChange::Unknown;
    };
    let kind = kind.to_ascii_uppercase();
    // What names its table: the statements on tables, CREATE INDEX and triggers (after ON).
    let table_level = matches!(kind.as_str(), "TABLE" | "COLUMNFAMILY" | "TRIGGER")
        || (matches!(kind.as_str(), "INDEX" | "CUSTOM") && !verb.eq_ignore_ascii_case("DROP"));
    let qualified = match kind.as_str() {
        "ROLE" | "USER" | "IDENTITY" => return SchemaChange::None,
        "KEYSPACE" | "SCHEMA" => {
            let named =
                if verb.eq_ignore_ascii_case("DROP") { SchemaChange::Keyspace } else { SchemaChange::Replication };
            return match tokens.skip_if_exists().next() {
                Some(token) => token.name().map_or(SchemaChange::Unknown, named),
                None => SchemaChange::Unknown,
            };
        }
        // `CREATE [CUSTOM] INDEX [IF NOT EXISTS] [name] ON [ks.]table` and triggers name their
        // table after ON; `DROP INDEX [ks.]name` names the index with its keyspace.
        "INDEX" | "CUSTOM" | "TRIGGER" if !verb.eq_ignore_ascii_case("DROP") || kind == "TRIGGER" => {
            tokens.skip_past_on()
        }
        "MATERIALIZED" => {
            tokens.next(); // VIEW
            tokens.skip_if_exists().qualified_name()
        }
        "TABLE" | "COLUMNFAMILY" | "TYPE" | "FUNCTION" | "AGGREGATE" | "INDEX" => {
            tokens.skip_if_exists().qualified_name()
        }
        _ => return SchemaChange::Unknown,
    };
    let (keyspace, name) = match qualified {
        Some((Some(keyspace), name)) => (keyspace, name),
        Some((None, name)) => match session_keyspace() {
            Some(keyspace) => (keyspace.to_string(), name),
            None => return SchemaChange::Unknown,
        },
        None => return SchemaChange::Unknown,
    };
    if table_level {
        SchemaChange::Table { keyspace, table: name }
    } else {
        SchemaChange::Keyspace(keyspace)
    }
}

#[derive(Debug)]
enum Token<'a> {
    /// An unquoted identifier or keyword.
    Word(&'a str),
    /// A double-quoted identifier, unescaped.
    Quoted(String),
    /// Any other character.
    Symbol(char),
}

impl Token<'_> {
    fn is_keyword(&self, keyword: &str) -> bool {
        matches!(self, Token::Word(w) if w.eq_ignore_ascii_case(keyword))
    }

    /// The identifier as the server stores it: unquoted names fold to lower case.
    fn name(&self) -> Option<String> {
        match self {
            Token::Word(w) => Some(w.to_ascii_lowercase()),
            Token::Quoted(q) => Some(q.clone()),
            Token::Symbol(_) => None,
        }
    }
}

struct Tokens<'a> {
    rest: &'a str,
}

impl<'a> Tokens<'a> {
    fn skip_blanks(&mut self) {
        loop {
            self.rest = self.rest.trim_start();
            if let Some(after) = self.rest.strip_prefix("--").or_else(|| self.rest.strip_prefix("//")) {
                self.rest = after.split_once('\n').map_or("", |(_, tail)| tail);
            } else if let Some(after) = self.rest.strip_prefix("/*") {
                self.rest = after.split_once("*/").map_or("", |(_, tail)| tail);
            } else {
                return;
            }
        }
    }

    fn next(&mut self) -> Option<Token<'a>> {
        self.skip_blanks();
        let first = self.rest.chars().next()?;
        if first.is_ascii_alphanumeric() || first == '_' {
            let end = self.rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(self.rest.len());
            let (word, rest) = self.rest.split_at(end);
            self.rest = rest;
            return Some(Token::Word(word));
        }
        if first == '"' {
            let mut name = String::new();
            let mut chars = self.rest[1..].char_indices();
            while let Some((i, c)) = chars.next() {
                if c == '"' {
                    if self.rest[1 + i + 1..].starts_with('"') {
                        name.push('"');
                        chars.next();
                        continue;
                    }
                    self.rest = &self.rest[1 + i + 1..];
                    return Some(Token::Quoted(name));
                }
                name.push(c);
            }
            self.rest = "";
            return None;
        }
        self.rest = &self.rest[first.len_utf8()..];
        Some(Token::Symbol(first))
    }

    /// Skips `IF EXISTS` / `IF NOT EXISTS` when they come next.
    fn skip_if_exists(&mut self) -> &mut Self {
        let saved = self.rest;
        if self.next().is_some_and(|t| t.is_keyword("IF")) {
            let mut token = self.next();
            if token.as_ref().is_some_and(|t| t.is_keyword("NOT")) {
                token = self.next();
            }
            if token.is_some_and(|t| t.is_keyword("EXISTS")) {
                return self;
            }
        }
        self.rest = saved;
        self
    }

    /// `[keyspace.]name`: the keyspace when given, and the name.
    fn qualified_name(&mut self) -> Option<(Option<String>, String)> {
        let first = self.next()?.name()?;
        let saved = self.rest;
        if matches!(self.next(), Some(Token::Symbol('.'))) {
            let second = self.next()?.name()?;
            return Some((Some(first), second));
        }
        self.rest = saved;
        Some((None, first))
    }

    /// Moves past the keyword ON and reads the qualified name after it.
    fn skip_past_on(&mut self) -> Option<(Option<String>, String)> {
        while let Some(token) = self.next() {
            if token.is_keyword("ON") {
                return self.qualified_name();
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::SchemaChange::{Keyspace, None as NoChange, Replication, Unknown};
    use super::*;

    fn schema_change(query: &str, keyspace: Option<&str>) -> SchemaChange {
        super::schema_change(query, || keyspace)
    }

    fn ks(name: &str) -> SchemaChange {
        Keyspace(name.to_string())
    }

    fn table(keyspace: &str, table: &str) -> SchemaChange {
        SchemaChange::Table { keyspace: keyspace.to_string(), table: table.to_string() }
    }

    #[test]
    fn keyspace_statements_name_their_keyspace() {
        let replication = |name: &str| Replication(name.to_string());
        assert_eq!(schema_change("CREATE KEYSPACE Ks1 WITH replication = {}", None), replication("ks1"));
        assert_eq!(schema_change("create keyspace if not exists \"MyKs\" WITH x", None), replication("MyKs"));
        assert_eq!(schema_change("DROP KEYSPACE IF EXISTS ks", Some("other")), ks("ks"));
        assert_eq!(schema_change("ALTER SCHEMA ks WITH durable_writes = false", None), replication("ks"));
    }

    #[test]
    fn objects_belong_to_their_qualifier_or_the_session_keyspace() {
        assert_eq!(schema_change("CREATE TABLE ks.t (k int PRIMARY KEY)", Some("s")), table("ks", "t"));
        assert_eq!(schema_change("CREATE TABLE IF NOT EXISTS T (k int PRIMARY KEY)", Some("s")), table("s", "t"));
        assert_eq!(schema_change("ALTER TABLE \"Q\".\"T\" ADD v int", None), table("Q", "T"));
        assert_eq!(schema_change("drop table if exists ks . t", None), table("ks", "t"));
        assert_eq!(schema_change("ALTER COLUMNFAMILY ks.t WITH comment = 'c'", None), table("ks", "t"));
        assert_eq!(schema_change("CREATE TYPE ks.address (street text)", None), ks("ks"));
        assert_eq!(schema_change("CREATE OR REPLACE FUNCTION ks.f (a int) CALLED ON NULL INPUT", None), ks("ks"));
        assert_eq!(schema_change("CREATE AGGREGATE IF NOT EXISTS a (int) SFUNC f", Some("s")), ks("s"));
        assert_eq!(schema_change("CREATE MATERIALIZED VIEW ks.v AS SELECT", None), ks("ks"));
        assert_eq!(schema_change("DROP MATERIALIZED VIEW IF EXISTS v", Some("s")), ks("s"));
        assert_eq!(schema_change("CREATE INDEX ON ks.t (v)", None), table("ks", "t"));
        assert_eq!(schema_change("CREATE CUSTOM INDEX IF NOT EXISTS i ON t (v) USING 'x'", Some("s")), table("s", "t"));
        assert_eq!(schema_change("DROP INDEX ks.i", None), ks("ks"));
        assert_eq!(schema_change("CREATE TRIGGER tr ON ks.t USING 'c'", None), table("ks", "t"));
        assert_eq!(schema_change("DROP TRIGGER tr ON ks.t", None), table("ks", "t"));
        assert_eq!(schema_change("-- note\n/* c */ ALTER TYPE ks.u ADD f int", None), ks("ks"));
    }

    #[test]
    fn what_cannot_be_placed_is_unknown() {
        assert_eq!(schema_change("CREATE TABLE t (k int PRIMARY KEY)", None), Unknown);
        assert_eq!(schema_change("CREATE", None), Unknown);
        assert_eq!(schema_change("ALTER SOMETHING NEW", None), Unknown);
        assert_eq!(schema_change("CREATE KEYSPACE", None), Unknown);
    }

    #[test]
    fn other_statements_change_no_schema() {
        assert_eq!(schema_change("SELECT * FROM t", Some("s")), NoChange);
        assert_eq!(schema_change("INSERT INTO created (k) VALUES (1)", Some("s")), NoChange);
        assert_eq!(schema_change("CREATED", None), NoChange);
        assert_eq!(schema_change("CREATE ROLE r WITH PASSWORD = 'p'", None), NoChange);
        assert_eq!(schema_change("ALTER USER u WITH PASSWORD 'p'", None), NoChange);
        assert_eq!(schema_change("/* unterminated CREATE", None), NoChange);
        assert_eq!(schema_change("", None), NoChange);
    }
}
