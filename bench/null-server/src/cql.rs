//! Just enough reading of CQL text: which table a statement is about, what a SELECT
//! returns, and which column each `?` marker binds.

#[derive(Debug, PartialEq, Clone)]
enum Tok {
    /// Identifier or keyword, lower-cased unless it was double-quoted.
    Word(String),
    /// String or number literal (content irrelevant here).
    Literal,
    /// A `?` bind marker.
    Marker,
    /// Any other character: `( ) , . = < > *` ...
    Punct(char),
}

fn tokenize(text: &str) -> Vec<Tok> {
    let chars: Vec<char> = text.chars().collect();
    let mut toks = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c == '\'' {
            // 'it''s' : a doubled quote stays inside the literal.
            i += 1;
            while i < chars.len() {
                if chars[i] == '\'' {
                    if chars.get(i + 1) == Some(&'\'') {
                        i += 2;
                        continue;
                    }
                    break;
                }
                i += 1;
            }
            i += 1;
            toks.push(Tok::Literal);
        } else if c == '"' {
            let start = i + 1;
            i = start;
            while i < chars.len() && chars[i] != '"' {
                i += 1;
            }
            toks.push(Tok::Word(chars[start..i.min(chars.len())].iter().collect()));
            i += 1;
        } else if c.is_ascii_alphanumeric() || c == '_' {
            let start = i;
            let number = c.is_ascii_digit();
            while i < chars.len()
                && (chars[i].is_ascii_alphanumeric() || chars[i] == '_' || (number && chars[i] == '-'))
            {
                i += 1;
            }
            if number {
                toks.push(Tok::Literal);
            } else {
                toks.push(Tok::Word(chars[start..i].iter().collect::<String>().to_ascii_lowercase()));
            }
        } else if c == '?' {
            toks.push(Tok::Marker);
            i += 1;
        } else {
            toks.push(Tok::Punct(c));
            i += 1;
        }
    }
    toks
}

fn is_word(t: Option<&Tok>, w: &str) -> bool {
    matches!(t, Some(Tok::Word(x)) if x == w)
}

/// A `[keyspace.]table` reference.
#[derive(Debug, PartialEq, Clone)]
pub struct Target {
    pub keyspace: Option<String>,
    pub table: String,
}

/// One selected column, with the name it is returned under.
#[derive(Debug, PartialEq, Clone)]
pub struct Selected {
    pub column: String,
    pub alias: String,
}

#[derive(Debug, PartialEq, Clone)]
pub enum Kind {
    Use(String),
    /// `None` for `SELECT *`.
    Select(Option<Vec<Selected>>),
    /// INSERT, UPDATE, DELETE, DDL, anything else.
    Other,
}

#[derive(Debug, PartialEq, Clone)]
pub struct Statement {
    pub kind: Kind,
    pub target: Option<Target>,
    /// For each `?` in order, the column it binds if that could be told.
    pub markers: Vec<Option<String>>,
}

/// Reads `[ks.]table` at `toks[i..]`.
fn target_at(toks: &[Tok], i: usize) -> Option<(Target, usize)> {
    let Some(Tok::Word(first)) = toks.get(i) else { return None };
    if toks.get(i + 1) == Some(&Tok::Punct('.')) {
        if let Some(Tok::Word(second)) = toks.get(i + 2) {
            return Some((Target { keyspace: Some(first.clone()), table: second.clone() }, i + 3));
        }
    }
    Some((Target { keyspace: None, table: first.clone() }, i + 1))
}

/// Splits `toks` on top-level commas.
fn split_commas(toks: &[Tok]) -> Vec<&[Tok]> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0i32, 0usize);
    for (i, t) in toks.iter().enumerate() {
        match t {
            Tok::Punct('(') => depth += 1,
            Tok::Punct(')') => depth -= 1,
            Tok::Punct(',') if depth == 0 => {
                parts.push(&toks[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&toks[start..]);
    parts
}

fn describe(toks: &[Tok]) -> String {
    toks.iter()
        .map(|t| match t {
            Tok::Word(w) => w.clone(),
            Tok::Literal => "lit".into(),
            Tok::Marker => "?".into(),
            Tok::Punct(c) => c.to_string(),
        })
        .collect()
}

fn parse_selection(toks: &[Tok]) -> Option<Vec<Selected>> {
    let toks = match toks.first() {
        Some(Tok::Word(w)) if w == "distinct" || w == "json" => &toks[1..],
        _ => toks,
    };
    if toks == [Tok::Punct('*')] {
        return None;
    }
    let items = split_commas(toks)
        .into_iter()
        .map(|item| {
            let n = item.len();
            let (expr, alias) = if n >= 3 && is_word(item.get(n - 2), "as") {
                (&item[..n - 2], item.last().map(|t| describe(std::slice::from_ref(t))))
            } else {
                (item, None)
            };
            let column = describe(expr);
            Selected { alias: alias.unwrap_or_else(|| column.clone()), column }
        })
        .collect();
    Some(items)
}

/// The column a marker at `toks[i]` binds in `col = ?`, `col IN ?`, `col > ?` ...
fn marker_column(toks: &[Tok], i: usize) -> Option<String> {
    let mut j = i;
    let mut saw_operator = false;
    while j > 0 {
        j -= 1;
        match &toks[j] {
            Tok::Punct('=' | '<' | '>' | '!') => saw_operator = true,
            Tok::Word(w) if w == "in" || w == "contains" || w == "key" => saw_operator = true,
            Tok::Word(w) if saw_operator => return Some(w.clone()),
            _ => return None,
        }
    }
    None
}

pub fn parse(text: &str) -> Statement {
    let toks = tokenize(text);
    let mut markers: Vec<Option<String>> =
        toks.iter().enumerate().filter(|(_, t)| **t == Tok::Marker).map(|(i, _)| marker_column(&toks, i)).collect();
    let first = match toks.first() {
        Some(Tok::Word(w)) => w.as_str(),
        _ => "",
    };
    let from = |i: usize| {
        (i..toks.len()).find(|&k| is_word(toks.get(k), "from")).and_then(|k| target_at(&toks, k + 1)).map(|t| t.0)
    };
    match first {
        "use" => {
            let ks = match toks.get(1) {
                Some(Tok::Word(w)) => w.clone(),
                _ => String::new(),
            };
            Statement { kind: Kind::Use(ks), target: None, markers }
        }
        "select" => {
            let from_at = toks.iter().position(|t| is_word(Some(t), "from")).unwrap_or(toks.len());
            let selection = parse_selection(&toks[1..from_at]);
            Statement { kind: Kind::Select(selection), target: from(from_at), markers }
        }
        "insert" => {
            let target = target_at(&toks, 2);
            if let Some((_, after)) = &target {
                // (c1, c2, ...) VALUES (v1, v2, ...): markers bind the column at their position.
                let close = toks[*after..].iter().position(|t| *t == Tok::Punct(')')).map(|p| p + after);
                if let (Some(close), Some(Tok::Punct('('))) = (close, toks.get(*after)) {
                    let cols = split_commas(&toks[after + 1..close]);
                    let open = close + 2;
                    if is_word(toks.get(close + 1), "values") && toks.get(open) == Some(&Tok::Punct('(')) {
                        let mut k = 0;
                        for (pos, value) in split_commas(&toks[open + 1..]).into_iter().enumerate() {
                            if value.first() == Some(&Tok::Marker) && k < markers.len() {
                                markers[k] = cols.get(pos).map(|c| describe(c));
                            }
                            k += value.iter().filter(|t| **t == Tok::Marker).count();
                        }
                    }
                }
            }
            Statement { kind: Kind::Other, target: target.map(|t| t.0), markers }
        }
        "update" => Statement { kind: Kind::Other, target: target_at(&toks, 1).map(|t| t.0), markers },
        "delete" => Statement { kind: Kind::Other, target: from(1), markers },
        _ => Statement { kind: Kind::Other, target: None, markers },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bench_statements() {
        let s = parse("INSERT INTO bench.kv (pk, v1, v2) VALUES (?, ?, ?)");
        assert_eq!(s.target, Some(Target { keyspace: Some("bench".into()), table: "kv".into() }));
        assert_eq!(s.markers, vec![Some("pk".into()), Some("v1".into()), Some("v2".into())]);
        let s = parse("SELECT v1, v2 FROM bench.kv WHERE pk = ?");
        assert_eq!(s.markers, vec![Some("pk".into())]);
        let Kind::Select(Some(cols)) = s.kind else { panic!() };
        assert_eq!(cols.iter().map(|c| c.column.as_str()).collect::<Vec<_>>(), ["v1", "v2"]);
    }

    #[test]
    fn system_queries() {
        let s = parse("SELECT * FROM system.local WHERE key='local'");
        assert_eq!(s.kind, Kind::Select(None));
        assert_eq!(s.target.unwrap().table, "local");
        let s = parse("select keyspace_name, \"Table_Name\" as t from system_schema.tables where keyspace_name in ?");
        let Kind::Select(Some(cols)) = s.kind else { panic!() };
        assert_eq!(cols[1], Selected { column: "Table_Name".into(), alias: "t".into() });
        assert_eq!(s.markers, vec![Some("keyspace_name".into())]);
        assert_eq!(parse("USE \"Bench\";").kind, Kind::Use("Bench".into()));
    }
}
