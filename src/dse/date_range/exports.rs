//! dse.h's `date_range` functions.
#![allow(unreachable_pub)] // the C ABI: reached from C, not from Rust

use super::super::DATE_RANGE_CLASS;
use super::super::{custom_value_bytes, DseDateRange, DseDateRangeBound, DseDateRangePrecisionArg};
use super::{decode, is_unbounded, unbounded, write_field};
use crate::error::CassError;
use crate::ffi::{guard, write_out};
use crate::types::{cass_bool_arg, cass_bool_t, cass_int64_t};
use crate::value::CassValue;
use std::mem::offset_of;

/// A bound of `precision` at `time_ms` (milliseconds since the epoch).
///
/// @param[in] precision The bound's precision (stored as given).
/// @param[in] time_ms The bound's time in milliseconds since the epoch.
/// @return The bound, by value.
#[no_mangle]
pub extern "C" fn dse_date_range_bound_init(
    precision: DseDateRangePrecisionArg,
    time_ms: cass_int64_t,
) -> DseDateRangeBound {
    guard(|| DseDateRangeBound { precision, time_ms })
}

/// The open bound: precision `DSE_DATE_RANGE_PRECISION_UNBOUNDED`, time -1.
///
/// @return The open bound, by value.
#[no_mangle]
pub extern "C" fn dse_date_range_bound_unbounded() -> DseDateRangeBound {
    guard(unbounded)
}

/// Whether `bound` is open (its precision is `DSE_DATE_RANGE_PRECISION_UNBOUNDED`).
///
/// @param[in] bound The bound to look at.
/// @return `cass_true` when `bound` is open, else `cass_false`.
#[no_mangle]
pub extern "C" fn dse_date_range_bound_is_unbounded(bound: DseDateRangeBound) -> cass_bool_t {
    guard(|| is_unbounded(&bound).into())
}

/// Sets `range` (storage C owns) to the range from `lower_bound` to `upper_bound`; either may be
/// `dse_date_range_bound_unbounded()`. Returns `range` (NULL stays NULL).
///
/// @param[out] range The caller's range to fill; NULL is ignored.
/// @param[in] lower_bound The lower bound.
/// @param[in] upper_bound The upper bound.
/// @return `range`.
#[no_mangle]
pub extern "C" fn dse_date_range_init(
    range: *mut DseDateRange,
    lower_bound: DseDateRangeBound,
    upper_bound: DseDateRangeBound,
) -> *mut DseDateRange {
    guard(|| {
        if !range.is_null() {
            write_out(range, DseDateRange { is_single_date: cass_bool_arg(0), lower_bound, upper_bound });
        }
        range
    })
}

/// Sets `range` (storage C owns) to the single date `date` (kept in `lower_bound`;
/// `upper_bound` is left as it was). Returns `range` (NULL stays NULL).
///
/// @param[out] range The caller's range to fill; NULL is ignored.
/// @param[in] date The date.
/// @return `range`.
#[no_mangle]
pub extern "C" fn dse_date_range_init_single_date(
    range: *mut DseDateRange,
    date: DseDateRangeBound,
) -> *mut DseDateRange {
    guard(|| {
        if !range.is_null() {
            write_field(range, offset_of!(DseDateRange, is_single_date), cass_bool_arg(1));
            write_field(range, offset_of!(DseDateRange, lower_bound), date);
        }
        range
    })
}

/// Reads a date range (`org.apache.cassandra.db.marshal.DateRangeType`) into `range`; on error
/// `range` is left as it was.
///
/// @param[in] value The value to read (owned by its result or row).
/// @param[out] range Receives the date range; must not be NULL.
/// @return `CASS_OK`; `CASS_ERROR_LIB_NULL_VALUE` for a NULL or null value, `CASS_ERROR_LIB_INVALID_VALUE_TYPE` for a
///   value that is not custom, `CASS_ERROR_LIB_INVALID_CUSTOM_TYPE` for another custom class,
///   `CASS_ERROR_LIB_NOT_ENOUGH_DATA` for truncated bytes, `CASS_ERROR_LIB_INVALID_DATA` for bytes that are not a date
///   range; `CASS_ERROR_LIB_BAD_PARAMS` for NULL `range`.
#[no_mangle]
pub extern "C" fn cass_value_get_dse_date_range(value: *const CassValue, range: *mut DseDateRange) -> CassError {
    guard(|| match custom_value_bytes(value, DATE_RANGE_CLASS).and_then(decode) {
        Ok(decoded) => write_out(range, decoded),
        Err(rc) => rc,
    })
}
