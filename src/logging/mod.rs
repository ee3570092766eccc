//! Logging: a `tracing` layer that turns the driver's events (ours and the `scylla` crate's) into
//! `CassLogMessage`s for the callback set by `cass_log_set_callback` (default: WARN to stderr).
//!
//! The level is one atomic; the callback sits behind a read-write lock, so replacing it waits for
//! calls of the old one in flight.

mod crate_events;
mod exports;

use crate::types::CassLogLevel;
use crate::types::UserData;
use once_cell::sync::Lazy;
use parking_lot::RwLock;
use std::ffi::{c_char, c_void, CString};
use std::fmt::Write as _;
use std::sync::atomic::{AtomicU32, Ordering};
use tracing::{Event, Level, Subscriber};
use tracing_subscriber::layer::{Context, Layer};
use tracing_subscriber::prelude::*;

/// The longest log message, terminating NUL included.
#[allow(unreachable_pub)] // in cassandra.h (cbindgen emits only public constants)
pub const CASS_LOG_MAX_MESSAGE_SIZE: usize = 1024;

/// A log message as the callback receives it. `file` and `function` are never NULL; `message` is
/// NUL-terminated UTF-8. Valid only during the callback.
#[repr(C)]
pub(crate) struct CassLogMessage {
    pub time_ms: u64,
    pub severity: CassLogLevel,
    pub file: *const c_char,
    pub line: i32,
    pub function: *const c_char,
    pub message: [c_char; CASS_LOG_MAX_MESSAGE_SIZE],
}

/// `void (*)(const CassLogMessage* message, void* data)`.
pub(crate) type CassLogCallback = Option<extern "C" fn(message: *const CassLogMessage, data: *mut c_void)>;

static LEVEL: AtomicU32 = AtomicU32::new(CassLogLevel::CASS_LOG_WARN as u32);
static CALLBACK: Lazy<RwLock<(CassLogCallback, UserData)>> =
    Lazy::new(|| RwLock::new((Some(stderr_callback), UserData(std::ptr::null_mut()))));

fn level_of(level: &Level) -> CassLogLevel {
    match *level {
        Level::ERROR => CassLogLevel::CASS_LOG_ERROR,
        Level::WARN => CassLogLevel::CASS_LOG_WARN,
        Level::INFO => CassLogLevel::CASS_LOG_INFO,
        Level::DEBUG => CassLogLevel::CASS_LOG_DEBUG,
        Level::TRACE => CassLogLevel::CASS_LOG_TRACE,
    }
}

fn enabled(level: CassLogLevel) -> bool {
    (level as u32) <= LEVEL.load(Ordering::Relaxed)
}

extern "C" fn stderr_callback(message: *const CassLogMessage, _data: *mut c_void) {
    // Writing to a closed stderr panics: never unwind into the C caller of the logger (not
    // `ffi::guard`, which logs the panic, through this logger).
    let _ = std::panic::catch_unwind(|| {
        // SAFETY: called only by `deliver` with a message it built on its stack.
        let message = unsafe { &*message };
        // SAFETY: `deliver` NUL-terminates all three strings.
        let (text, file, function) = unsafe {
            (
                std::ffi::CStr::from_ptr(message.message.as_ptr()).to_string_lossy(),
                std::ffi::CStr::from_ptr(message.file).to_string_lossy(),
                std::ffi::CStr::from_ptr(message.function).to_string_lossy(),
            )
        };
        eprintln!(
            "{}.{:03} [{}] ({}:{}:{}): {}",
            message.time_ms / 1000,
            message.time_ms % 1000,
            level_name(message.severity),
            file,
            message.line,
            function,
            text
        );
    });
}

fn level_name(level: CassLogLevel) -> &'static str {
    level_cstr(level as u32).to_str().unwrap_or("")
}

fn level_cstr(level: u32) -> &'static std::ffi::CStr {
    match level {
        1 => c"CRITICAL",
        2 => c"ERROR",
        3 => c"WARN",
        4 => c"INFO",
        5 => c"DEBUG",
        6 => c"TRACE",
        _ => c"",
    }
}

/// Builds the message and hands it to the current callback.
fn deliver(severity: CassLogLevel, file: &str, line: u32, function: &str, text: &str) {
    let callback = CALLBACK.read_recursive();
    let (Some(callback), data) = *callback else {
        return;
    };
    let mut message = CassLogMessage {
        time_ms: std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_millis() as u64),
        severity,
        file: std::ptr::null(),
        line: line as i32,
        function: std::ptr::null(),
        message: [0; CASS_LOG_MAX_MESSAGE_SIZE],
    };
    let mut end = text.len().min(CASS_LOG_MAX_MESSAGE_SIZE - 1);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    for (dst, src) in message.message.iter_mut().zip(text[..end].bytes()) {
        *dst = src as c_char;
    }
    let file = CString::new(file.replace('\0', "")).unwrap_or_default();
    let function = CString::new(function.replace('\0', "")).unwrap_or_default();
    message.file = file.as_ptr();
    message.function = function.as_ptr();
    callback(&message, data.0);
}

/// Collects an event's message and fields into one line; with `plain_errors`, an `error` field
/// dumped with `{:?}` is put in plain words (see [`crate_events::plain_error`]).
struct Text {
    line: String,
    plain_errors: bool,
}

impl tracing::field::Visit for Text {
    fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
        if field.name() == "message" {
            let _ = write!(self.line, "{value:?}");
        } else if self.plain_errors && field.name() == "error" {
            let _ = write!(self.line, ": {}", crate_events::plain_error(&format!("{value:?}")));
        } else {
            let _ = write!(self.line, " {}={value:?}", field.name());
        }
    }
}

struct CassLayer;

impl<S: Subscriber> Layer<S> for CassLayer {
    fn enabled(&self, metadata: &tracing::Metadata<'_>, _: Context<'_, S>) -> bool {
        enabled(level_of(metadata.level()))
    }

    fn on_event(&self, event: &Event<'_>, _: Context<'_, S>) {
        let metadata = event.metadata();
        let from_crate = crate_events::is_crate_event(metadata.target());
        let mut text = Text { line: String::new(), plain_errors: from_crate };
        event.record(&mut text);
        let mut level = level_of(metadata.level());
        let mut line = text.line;
        if from_crate {
            match crate_events::shape(metadata.callsite(), level, line) {
                Some((shaped_level, shaped_line)) if enabled(shaped_level) => {
                    (level, line) = (shaped_level, shaped_line)
                }
                _ => return,
            }
        }
        deliver(
            level,
            metadata.file().unwrap_or(metadata.target()),
            metadata.line().unwrap_or(0),
            metadata.module_path().unwrap_or(metadata.target()),
            &line,
        );
    }
}

/// Installs the layer as the process's `tracing` subscriber once (if the host did not install one).
pub(crate) fn init() {
    static INIT: std::sync::Once = std::sync::Once::new();
    INIT.call_once(|| {
        let _ = tracing::subscriber::set_global_default(tracing_subscriber::registry().with(CassLayer));
    });
}

/// What `cass_log_get_callback_and_data()` gives once logging was turned off with a NULL callback:
/// a function that does nothing, as upstream, so that a caller may always call what it got.
extern "C" fn silent_callback(_message: *const CassLogMessage, _data: *mut c_void) {}
