//! What the `scylla` crate logs, shaped for the C API's log: its warnings and errors in plain
//! words instead of Rust debug dumps, at the level the C++ driver would use, and backed off while
//! the same failure repeats (during an outage the crate retries its control connection several
//! times a second and logs each attempt; the C++ driver logs a handful of lines).
//!
//! Our own events pass unchanged; only events whose target is the crate's are shaped here.

use crate::types::CassLogLevel;
use once_cell::sync::Lazy;
use parking_lot::Mutex;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::time::{Duration, Instant};
use tracing::callsite::Identifier;

/// How the crate logs a server's warning; `crate::session` logs each one itself, in the C++
/// driver's words ("Server-side warning: ...").
const SERVER_WARNING: &str = "Response from the database contains a warning";

/// A repeated warning is reported again after this long, then twice as long each time.
const FIRST_REPEAT: Duration = Duration::from_secs(1);
const LONGEST_REPEAT: Duration = Duration::from_secs(60);
/// A callsite quiet for this long starts over: its next event is a new episode, logged at once.
const EPISODE_GAP: Duration = Duration::from_secs(120);

/// Whether an event comes from the `scylla` crate (or its protocol crates).
pub(super) fn is_crate_event(target: &str) -> bool {
    target.starts_with("scylla")
}

/// The level and text to log for a crate event at `level` with `text`, or `None` to drop it.
pub(super) fn shape(callsite: Identifier, level: CassLogLevel, text: String) -> Option<(CassLogLevel, String)> {
    if text.starts_with(SERVER_WARNING) {
        return None;
    }
    let (level, text) = in_cpp_driver_words(level, text);
    let level = if text.contains("Server is shutting down") {
        // A node announcing an orderly shutdown: what follows is expected, not an error.
        CassLogLevel::CASS_LOG_INFO
    } else if text.contains("Peers list is empty") {
        // What a node that is shutting down answers for its topology (the control connection
        // moves on to another node): worth a warning, not an error.
        CassLogLevel::CASS_LOG_WARN.max(level)
    } else {
        level
    };
    if !matches!(level, CassLogLevel::CASS_LOG_WARN | CassLogLevel::CASS_LOG_ERROR | CassLogLevel::CASS_LOG_CRITICAL) {
        return Some((level, text));
    }
    let repeats = REPEATS.lock().entry(callsite).or_insert_with(Repeats::new).on_event(Instant::now())?;
    if repeats == 0 {
        Some((level, text))
    } else {
        Some((level, format!("{text} (still failing: {repeats} more like this since the last report)")))
    }
}

/// Events the C++ driver logs too, in its words and at its level (programs and tests look for
/// them): heartbeats and re-preparation.
fn in_cpp_driver_words(level: CassLogLevel, text: String) -> (CassLogLevel, String) {
    const KEEPALIVE_OK: &str = "Keepalive request successful on connection to node ";
    const KEEPALIVE_TIMEOUT: &str = "Timed out while waiting for response to keepalive request";
    const UNPREPARED: &str = "Got DbError::Unprepared - repreparing statement with id ";
    if let Some(node) = text.strip_prefix(KEEPALIVE_OK) {
        (CassLogLevel::CASS_LOG_TRACE, format!("Heartbeat completed on host {node}"))
    } else if text.starts_with(KEEPALIVE_TIMEOUT) {
        let words = "Failed to send a heartbeat within connection idle interval. Terminating connection...";
        (CassLogLevel::CASS_LOG_ERROR, words.to_string())
    } else if let Some(at) = text.find(UNPREPARED) {
        let id = hex_of_bytes_debug(&text[at + UNPREPARED.len()..]);
        (
            CassLogLevel::CASS_LOG_DEBUG,
            format!("Unprepared error response returned for request: Prepared query with ID {id} not found"),
        )
    } else {
        (level, text)
    }
}

/// The bytes of a `Bytes` value printed with `{:?}` (`b"\x12ab\n"`) as lowercase hex, the way the
/// server names a prepared statement's id; other text unchanged.
fn hex_of_bytes_debug(debug: &str) -> String {
    let Some(body) = debug.strip_prefix("b\"").and_then(|rest| rest.strip_suffix('"')) else {
        return debug.to_string();
    };
    let mut hex = String::with_capacity(body.len() * 2);
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        let byte = match c {
            '\\' => match chars.next() {
                Some('x') => {
                    let digits: String = chars.by_ref().take(2).collect();
                    u8::from_str_radix(&digits, 16).unwrap_or(0)
                }
                Some('n') => b'\n',
                Some('r') => b'\r',
                Some('t') => b'\t',
                Some('0') => 0,
                Some(other) => other as u8,
                None => break,
            },
            other => other as u8,
        };
        let _ = write!(hex, "{byte:02x}");
    }
    hex
}

/// An error value the crate logged with `{:?}`, in plain words: the innermost message (with its
/// OS error code), which is what a C user can act on; anything else unchanged.
pub(super) fn plain_error(debug: &str) -> String {
    let Some(start) = debug.rfind("message: \"").map(|i| i + "message: \"".len()) else {
        return debug.to_string();
    };
    let Some(len) = debug[start..].find('"') else {
        return debug.to_string();
    };
    let message = &debug[start..start + len];
    let code = debug
        .rfind("code: ")
        .map(|i| &debug[i + "code: ".len()..])
        .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
        .filter(|digits| !digits.is_empty());
    let context =
        if debug.contains("Broken") { "the connection pool is broken; last connection failed with: " } else { "" };
    match code {
        Some(code) => format!("{context}{message} (os error {code})"),
        None => format!("{context}{message}"),
    }
}

static REPEATS: Lazy<Mutex<HashMap<Identifier, Repeats>>> = Lazy::new(Default::default);

/// The back-off of one callsite's warnings.
struct Repeats {
    /// The earliest time the next event is logged.
    next: Instant,
    /// How long after that one the following is logged.
    interval: Duration,
    /// Events dropped since the last one logged.
    suppressed: u32,
    last_seen: Instant,
}

impl Repeats {
    fn new() -> Self {
        let now = Instant::now();
        Repeats { next: now, interval: FIRST_REPEAT, suppressed: 0, last_seen: now }
    }

    /// `Some(dropped since the last logged)` when this event is logged, `None` when it is dropped.
    fn on_event(&mut self, now: Instant) -> Option<u32> {
        if now.saturating_duration_since(self.last_seen) > EPISODE_GAP {
            *self = Repeats { next: now, last_seen: now, ..Repeats::new() };
        }
        self.last_seen = now;
        if now < self.next {
            self.suppressed += 1;
            return None;
        }
        self.next = now + self.interval;
        self.interval = (self.interval * 2).min(LONGEST_REPEAT);
        Some(std::mem::take(&mut self.suppressed))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeats_are_logged_after_growing_intervals_with_a_count() {
        let mut r = Repeats::new();
        let t0 = r.next;
        let at = |ms| t0 + Duration::from_millis(ms);
        assert_eq!(r.on_event(at(0)), Some(0));
        assert_eq!(r.on_event(at(250)), None);
        assert_eq!(r.on_event(at(500)), None);
        assert_eq!(r.on_event(at(1000)), Some(2));
        assert_eq!(r.on_event(at(2000)), None, "next after 2 s more");
        assert_eq!(r.on_event(at(3000)), Some(1));
        assert_eq!(r.on_event(at(3000 + EPISODE_GAP.as_millis() as u64 + 1)), Some(0), "a new episode");
    }

    #[test]
    fn heartbeats_and_repreparation_are_logged_in_the_cpp_drivers_words() {
        let (level, text) = in_cpp_driver_words(
            CassLogLevel::CASS_LOG_TRACE,
            "Keepalive request successful on connection to node 127.0.0.1".into(),
        );
        assert_eq!((level, text.as_str()), (CassLogLevel::CASS_LOG_TRACE, "Heartbeat completed on host 127.0.0.1"));
        let (level, text) = in_cpp_driver_words(
            CassLogLevel::CASS_LOG_WARN,
            "Timed out while waiting for response to keepalive request on connection to node 127.0.0.1".into(),
        );
        assert_eq!(level, CassLogLevel::CASS_LOG_ERROR);
        assert_eq!(text, "Failed to send a heartbeat within connection idle interval. Terminating connection...");
        let (_, text) = in_cpp_driver_words(
            CassLogLevel::CASS_LOG_DEBUG,
            r#"Connection::execute: Got DbError::Unprepared - repreparing statement with id b"\x12a\n\\""#.into(),
        );
        assert_eq!(text, "Unprepared error response returned for request: Prepared query with ID 12610a5c not found");
    }

    #[test]
    fn debug_dumps_become_the_inner_message() {
        let dump = r#"ConnectionPoolError(Broken { last_connection_error: IoError(Os { code: 111, kind: ConnectionRefused, message: "Connection refused" }) })"#;
        assert_eq!(
            plain_error(dump),
            "the connection pool is broken; last connection failed with: Connection refused (os error 111)"
        );
        assert_eq!(plain_error("Timeout(5s)"), "Timeout(5s)");
    }
}
