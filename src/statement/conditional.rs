//! Whether a CQL statement is a conditional update (a lightweight transaction: INSERT, UPDATE or
//! DELETE with an `IF` clause, alone or inside a batch), read from its text.
//!
//! Needed because the C++ driver sends any serial consistency the application sets, and the server
//! refuses a conditional update whose serial consistency is not SERIAL or LOCAL_SERIAL; the `scylla`
//! crate can only send those two, so `crate::session` fails such a request itself, with the
//! server's error, instead of running it at a level the application did not ask for.

/// True when `cql` holds an INSERT, UPDATE or DELETE with an `IF` clause. Strings, quoted names
/// and comments are skipped; the check is for the keyword `IF` after a DML keyword (so the
/// `IF NOT EXISTS` of a CREATE does not count).
pub(crate) fn is_conditional_update(cql: &str) -> bool {
    let mut dml = false;
    for word in (Words { rest: cql.as_bytes() }) {
        if word.eq_ignore_ascii_case(b"INSERT")
            || word.eq_ignore_ascii_case(b"UPDATE")
            || word.eq_ignore_ascii_case(b"DELETE")
        {
            dml = true;
        } else if dml && word.eq_ignore_ascii_case(b"IF") {
            return true;
        } else if word == b";" {
            dml = false;
        }
    }
    false
}

/// The bare words of CQL text (identifiers, keywords and `;`), without strings, quoted names,
/// numbers' signs or comments.
struct Words<'a> {
    rest: &'a [u8],
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a [u8];

    fn next(&mut self) -> Option<&'a [u8]> {
        loop {
            let (&c, tail) = self.rest.split_first()?;
            match c {
                b'\'' | b'"' => self.rest = skip_quoted(tail, c),
                b'$' if tail.first() == Some(&b'$') => self.rest = skip_past(&tail[1..], b"$$"),
                b'-' if tail.first() == Some(&b'-') => self.rest = skip_past(tail, b"\n"),
                b'/' if tail.first() == Some(&b'/') => self.rest = skip_past(tail, b"\n"),
                b'/' if tail.first() == Some(&b'*') => self.rest = skip_past(&tail[1..], b"*/"),
                b';' => {
                    let word = &self.rest[..1];
                    self.rest = tail;
                    return Some(word);
                }
                c if c.is_ascii_alphanumeric() || c == b'_' => {
                    let len = self
                        .rest
                        .iter()
                        .position(|b| !(b.is_ascii_alphanumeric() || *b == b'_'))
                        .unwrap_or(self.rest.len());
                    let word = &self.rest[..len];
                    self.rest = &self.rest[len..];
                    return Some(word);
                }
                _ => self.rest = tail,
            }
        }
    }
}

/// After an opening quote: the text following the closing one (a doubled quote is an escaped one).
fn skip_quoted(mut text: &[u8], quote: u8) -> &[u8] {
    while let Some(at) = text.iter().position(|&b| b == quote) {
        if text.get(at + 1) == Some(&quote) {
            text = &text[at + 2..];
        } else {
            return &text[at + 1..];
        }
    }
    &[]
}

/// The text after the next `end`, or nothing when there is none.
fn skip_past<'t>(text: &'t [u8], end: &[u8]) -> &'t [u8] {
    text.windows(end.len()).position(|w| w == end).map_or(&[], |at| &text[at + end.len()..])
}

#[cfg(test)]
mod tests {
    use super::is_conditional_update;

    #[test]
    fn conditional_updates_are_found_outside_strings_and_comments() {
        assert!(is_conditional_update("INSERT INTO t (k) VALUES (1) IF NOT EXISTS"));
        assert!(is_conditional_update("update t set v = 1 where k = 1 if v = 0"));
        assert!(is_conditional_update("DELETE FROM t WHERE k = 1 IF EXISTS"));
        assert!(is_conditional_update("BEGIN BATCH INSERT INTO t (k) VALUES (1) IF NOT EXISTS; APPLY BATCH"));
        assert!(!is_conditional_update("CREATE TABLE IF NOT EXISTS t (k int PRIMARY KEY)"));
        assert!(!is_conditional_update("INSERT INTO t (k, s) VALUES (1, 'x IF y')"));
        assert!(!is_conditional_update("INSERT INTO \"IF\" (k) VALUES (1) -- IF NOT EXISTS"));
        assert!(!is_conditional_update("UPDATE t SET v = $$ if $$ WHERE k = 1 /* IF */"));
        assert!(!is_conditional_update("SELECT * FROM t WHERE k = 1"));
        assert!(!is_conditional_update(
            "INSERT INTO t (k) VALUES (1); CREATE TABLE IF NOT EXISTS u (k int PRIMARY KEY)"
        ));
        assert!(!is_conditional_update("INSERT INTO t (k, s) VALUES (1, 'it''s IF')"));
    }
}
