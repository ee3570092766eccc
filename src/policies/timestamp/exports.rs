//! The `cass_timestamp_gen_*` functions.
#![allow(unreachable_pub)] // the C ABI: reached from C, not from Rust

use super::{CassTimestampGen, MonotonicTimestamps};
use crate::ffi::{guard, ArcHandle};
use std::sync::Arc;

/// Creates a generator that lets the server assign timestamps. Free it with
/// `cass_timestamp_gen_free()`; clusters keep their own reference.
///
/// @return A new generator, owned by the caller (free it with `cass_timestamp_gen_free()`).
#[no_mangle]
pub extern "C" fn cass_timestamp_gen_server_side_new() -> *mut CassTimestampGen {
    guard(|| CassTimestampGen::into_ptr(Arc::new(CassTimestampGen::ServerSide)) as *mut _)
}

/// Creates a monotonically increasing client-side generator with microsecond precision (the
/// default generator), warning about more than 1 s of clock skew at most once a second. It may be
/// shared by several clusters and sessions. Free it with `cass_timestamp_gen_free()`.
///
/// @return A new generator, owned by the caller (free it with `cass_timestamp_gen_free()`).
#[no_mangle]
pub extern "C" fn cass_timestamp_gen_monotonic_new() -> *mut CassTimestampGen {
    guard(|| CassTimestampGen::into_ptr(Arc::new(CassTimestampGen::default())) as *mut _)
}

/// Same as `cass_timestamp_gen_monotonic_new()`, with the skew (microseconds) beyond which a
/// warning is logged (negative: never) and the minimum time between two warnings (milliseconds;
/// 0 or negative: every millisecond).
///
/// @param[in] warning_threshold_us Clock skew in microseconds beyond which a warning is logged; negative: never.
/// @param[in] warning_interval_ms Least time between two warnings in milliseconds; 0 or negative: 1 ms.
/// @return A new generator, owned by the caller (free it with `cass_timestamp_gen_free()`).
#[no_mangle]
pub extern "C" fn cass_timestamp_gen_monotonic_new_with_settings(
    warning_threshold_us: i64,
    warning_interval_ms: i64,
) -> *mut CassTimestampGen {
    guard(|| {
        let generator = MonotonicTimestamps::new(warning_threshold_us, warning_interval_ms);
        CassTimestampGen::into_ptr(Arc::new(CassTimestampGen::Monotonic(Arc::new(generator)))) as *mut _
    })
}

/// Releases C's reference to a generator; clusters and sessions using it keep theirs. NULL is
/// ignored.
///
/// @param[in] timestamp_gen The caller's generator reference to release; NULL is ignored.
#[no_mangle]
pub extern "C" fn cass_timestamp_gen_free(timestamp_gen: *mut CassTimestampGen) {
    guard(|| CassTimestampGen::free(timestamp_gen))
}
