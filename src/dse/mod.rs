//! The DSE extensions of `dse.h`: data types for now; functions come with the DSE features.
#![allow(non_camel_case_types)]

pub mod auth;

use crate::types::{cass_bool_t, cass_int64_t};

/// The precision of a DSE date range bound.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DseDateRangePrecision {
    DSE_DATE_RANGE_PRECISION_UNBOUNDED = 0xFF,
    DSE_DATE_RANGE_PRECISION_YEAR = 0,
    DSE_DATE_RANGE_PRECISION_MONTH = 1,
    DSE_DATE_RANGE_PRECISION_DAY = 2,
    DSE_DATE_RANGE_PRECISION_HOUR = 3,
    DSE_DATE_RANGE_PRECISION_MINUTE = 4,
    DSE_DATE_RANGE_PRECISION_SECOND = 5,
    DSE_DATE_RANGE_PRECISION_MILLISECOND = 6,
}

/// A bound (or the single value) of a DSE date range.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct DseDateRangeBound {
    pub precision: DseDateRangePrecision,
    pub time_ms: cass_int64_t,
}

/// A DSE date range; `lower_bound` also holds a single date.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct DseDateRange {
    pub is_single_date: cass_bool_t,
    pub lower_bound: DseDateRangeBound,
    pub upper_bound: DseDateRangeBound,
}

/// `void (*)(void* data)`: locks around the GSSAPI library.
pub type DseGssapiAuthenticatorLockCallback = Option<extern "C" fn(data: *mut std::ffi::c_void)>;
/// `void (*)(void* data)`: unlocks around the GSSAPI library.
pub type DseGssapiAuthenticatorUnlockCallback = Option<extern "C" fn(data: *mut std::ffi::c_void)>;
