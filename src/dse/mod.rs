//! The DSE extensions of `dse.h`: date ranges, geometry values (point, line string, polygon) and
//! DSE authentication. Everything here is client-side data except the setters, which bind the
//! encoded values as DSE's custom types.
#![allow(non_camel_case_types)]

pub(crate) mod auth;
pub(crate) mod date_range;
pub(crate) mod geometry;
pub(crate) mod geometry_iterator;
mod wkb;
mod wkt;

// Last, so that the generated value setters close dse.h.
mod exports;

use crate::types::ffi_enum;
use crate::types::{cass_bool_arg, cass_int64_t};

/// The server class of DSE points (WKB).
pub(crate) const POINT_CLASS: &str = "org.apache.cassandra.db.marshal.PointType";
/// The server class of DSE line strings (WKB).
pub(crate) const LINE_STRING_CLASS: &str = "org.apache.cassandra.db.marshal.LineStringType";
/// The server class of DSE polygons (WKB).
pub(crate) const POLYGON_CLASS: &str = "org.apache.cassandra.db.marshal.PolygonType";
/// The server class of DSE date ranges.
pub(crate) const DATE_RANGE_CLASS: &str = "org.apache.cassandra.db.marshal.DateRangeType";

/// The precision of a DSE date range bound.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DseDateRangePrecision {
    DSE_DATE_RANGE_PRECISION_UNBOUNDED = 0xFF,
    DSE_DATE_RANGE_PRECISION_YEAR = 0,
    DSE_DATE_RANGE_PRECISION_MONTH = 1,
    DSE_DATE_RANGE_PRECISION_DAY = 2,
    DSE_DATE_RANGE_PRECISION_HOUR = 3,
    DSE_DATE_RANGE_PRECISION_MINUTE = 4,
    DSE_DATE_RANGE_PRECISION_SECOND = 5,
    DSE_DATE_RANGE_PRECISION_MILLISECOND = 6,
}

ffi_enum!(DseDateRangePrecisionArg => DseDateRangePrecision {
    DSE_DATE_RANGE_PRECISION_UNBOUNDED,
    DSE_DATE_RANGE_PRECISION_YEAR,
    DSE_DATE_RANGE_PRECISION_MONTH,
    DSE_DATE_RANGE_PRECISION_DAY,
    DSE_DATE_RANGE_PRECISION_HOUR,
    DSE_DATE_RANGE_PRECISION_MINUTE,
    DSE_DATE_RANGE_PRECISION_SECOND,
    DSE_DATE_RANGE_PRECISION_MILLISECOND,
});

/// A bound (or the single value) of a DSE date range: milliseconds since the epoch and their
/// precision (sent as given; open bounds send neither).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct DseDateRangeBound {
    pub precision: DseDateRangePrecisionArg,
    pub time_ms: cass_int64_t,
}

/// A DSE date range; `lower_bound` also holds a single date.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub(crate) struct DseDateRange {
    pub is_single_date: cass_bool_arg,
    pub lower_bound: DseDateRangeBound,
    pub upper_bound: DseDateRangeBound,
}

/// `void (*)(void* data)`: locks around the GSSAPI library.
pub(crate) type DseGssapiAuthenticatorLockCallback = Option<extern "C" fn(data: *mut std::ffi::c_void)>;
/// `void (*)(void* data)`: unlocks around the GSSAPI library.
pub(crate) type DseGssapiAuthenticatorUnlockCallback = Option<extern "C" fn(data: *mut std::ffi::c_void)>;

/// The bytes of a DSE value read from a result, with the C++ driver's checks in its order: not a
/// custom type is `CASS_ERROR_LIB_INVALID_VALUE_TYPE`, another class
/// `CASS_ERROR_LIB_INVALID_CUSTOM_TYPE`, a NULL value (or a NULL `value` pointer)
/// `CASS_ERROR_LIB_NULL_VALUE`.
fn custom_value_bytes<'a>(
    value: *const crate::value::CassValue,
    class_name: &str,
) -> Result<&'a [u8], crate::error::CassError> {
    use crate::error::CassError;
    use crate::ffi::RefHandle;
    let value = crate::value::CassValue::from_ptr(value).ok_or(CassError::CASS_ERROR_LIB_NULL_VALUE)?;
    let data_type = value.data_type();
    if data_type.value_type != crate::types::CassValueType::CASS_VALUE_TYPE_CUSTOM {
        return Err(CassError::CASS_ERROR_LIB_INVALID_VALUE_TYPE);
    }
    if data_type.class_name != class_name {
        return Err(CassError::CASS_ERROR_LIB_INVALID_CUSTOM_TYPE);
    }
    value.bytes().ok_or(CassError::CASS_ERROR_LIB_NULL_VALUE)
}

/// Writes a point through two out-pointers, both checked before either is written (NULL:
/// `CASS_ERROR_LIB_BAD_PARAMS`).
fn write_xy(point: [f64; 2], x: *mut f64, y: *mut f64) -> crate::error::CassError {
    if x.is_null() || y.is_null() {
        return crate::error::CassError::CASS_ERROR_LIB_BAD_PARAMS;
    }
    crate::ffi::write_out(x, point[0]);
    crate::ffi::write_out(y, point[1])
}
