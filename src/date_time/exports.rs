//! The `cass_date_*`/`cass_time_*` conversions between epoch seconds and CQL dates and times.
#![allow(unreachable_pub)] // the C ABI: reached from C, not from Rust

use super::{date_from_epoch, date_time_to_epoch, time_from_epoch};
use crate::ffi::guard;
use crate::types::{cass_int64_t, cass_uint32_t};

/// Converts a Unix time in seconds to the CQL `date` type: the number of days since the epoch
/// (1970-01-01) with the epoch at 2^31, i.e. days since -5877641-06-23. A time before 1970 gives
/// the day it falls on (-1 gives 2^31 - 1, 1969-12-31).
///
/// The `date` and `time` types exist since Cassandra 2.2.
///
/// @param[in] epoch_secs Seconds since 1970-01-01 00:00:00 UTC (negative before).
/// @return The day number of that time, 2^31 being 1970-01-01.
#[no_mangle]
pub extern "C" fn cass_date_from_epoch(epoch_secs: cass_int64_t) -> cass_uint32_t {
    guard(|| date_from_epoch(epoch_secs))
}

/// Converts a Unix time in seconds to the CQL `time` type: nanoseconds since midnight UTC, from 0
/// to 86399999999999. A time before 1970 gives its time of day (-1 gives 86399000000000, 23:59:59).
///
/// The `date` and `time` types exist since Cassandra 2.2.
///
/// @param[in] epoch_secs Seconds since 1970-01-01 00:00:00 UTC (negative before).
/// @return The nanoseconds since midnight UTC of that time, in whole seconds.
#[no_mangle]
pub extern "C" fn cass_time_from_epoch(epoch_secs: cass_int64_t) -> cass_int64_t {
    guard(|| time_from_epoch(epoch_secs))
}

/// Combines a CQL `date` and a CQL `time` into a Unix time in seconds (negative before 1970);
/// nanoseconds below a whole second are dropped.
///
/// The `date` and `time` types exist since Cassandra 2.2.
///
/// @param[in] date The day number, 2^31 being 1970-01-01.
/// @param[in] time Nanoseconds since midnight.
/// @return Seconds since 1970-01-01 00:00:00 UTC.
#[no_mangle]
pub extern "C" fn cass_date_time_to_epoch(date: cass_uint32_t, time: cass_int64_t) -> cass_int64_t {
    guard(|| date_time_to_epoch(date, time))
}
