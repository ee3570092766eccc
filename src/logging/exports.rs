//! The `cass_log_*` functions: the level, the callback and the level names.
#![allow(unreachable_pub)] // the C ABI: reached from C, not from Rust

use super::{init, level_cstr, silent_callback, CassLogCallback, CALLBACK, LEVEL};
use crate::ffi::{guard, write_out, UserData};
use crate::types::{CassLogLevel, CassLogLevelArg};
use std::ffi::{c_char, c_void};
use std::sync::atomic::Ordering;

/// Sets the log level (default `CASS_LOG_WARN`); messages above it are not produced.
/// `CASS_LOG_DISABLED` turns logging off. Unknown values are ignored.
///
/// @param[in] log_level The most verbose level to produce, or `CASS_LOG_DISABLED`.
#[no_mangle]
pub extern "C" fn cass_log_set_level(log_level: CassLogLevelArg) {
    guard(|| {
        init();
        if let Some(level) = log_level.get().filter(|l| *l != CassLogLevel::CASS_LOG_LAST_ENTRY) {
            LEVEL.store(level as u32, Ordering::Relaxed);
            tracing::callsite::rebuild_interest_cache();
        }
    })
}

/// Sets the function that receives log messages, called from any library thread. NULL stops
/// logging. Returns after calls of the previous callback in flight have finished, so its data may
/// be freed right away.
///
/// @param[in] callback The function to call with each message; NULL stops logging.
/// @param[in] data Passed to `callback` with each message; the caller owns it.
#[no_mangle]
pub extern "C" fn cass_log_set_callback(callback: CassLogCallback, data: *mut c_void) {
    guard(|| {
        init();
        *CALLBACK.write() = (callback, UserData(data));
    })
}

/// The current log callback and its data: the library's own (which writes to stderr) with NULL
/// data until `cass_log_set_callback()` set another; one that does nothing after it was set to
/// NULL (as upstream). A NULL out-pointer is skipped.
///
/// @param[out] callback_out Where the callback goes; NULL skips it.
/// @param[out] data_out Where its data pointer goes; NULL skips it.
#[no_mangle]
pub extern "C" fn cass_log_get_callback_and_data(callback_out: *mut CassLogCallback, data_out: *mut *mut c_void) {
    guard(|| {
        let (callback, data) = *CALLBACK.read();
        let _ = write_out(callback_out, callback.or(Some(silent_callback)));
        let _ = write_out(data_out, data.0);
    })
}

/// Deprecated upstream, where it is a no-op: messages reach the callback as they are logged, so
/// there is no queue to flush or free.
#[no_mangle]
pub extern "C" fn cass_log_cleanup() {
    guard(|| {})
}

/// Deprecated upstream and ignored there: messages reach the callback as they are logged, there
/// is no queue to size.
///
/// @param[in] queue_size Ignored.
#[no_mangle]
pub extern "C" fn cass_log_set_queue_size(queue_size: usize) {
    guard(|| {
        let _ = queue_size;
    })
}

/// The name of a log level ("CRITICAL", "ERROR", "WARN", "INFO", "DEBUG", "TRACE"; "" otherwise).
///
/// @param[in] log_level The level to name.
/// @return A static NUL-terminated name the caller must not free.
#[no_mangle]
pub extern "C" fn cass_log_level_string(log_level: CassLogLevelArg) -> *const c_char {
    guard(|| level_cstr(log_level.0).as_ptr())
}
