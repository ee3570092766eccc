//! dse.h's `geometry` functions.
#![allow(unreachable_pub)] // the C ABI: reached from C, not from Rust

use super::super::{custom_value_bytes, wkb, wkt, write_xy, POINT_CLASS};
use super::{reserve_hint, DseLineString, DsePolygon, COUNT_AT};
use crate::error::CassError;
use crate::ffi::strings::{bytes_n, safe_strlen};
use crate::ffi::with;
use crate::ffi::{guard, BoxHandle};
use crate::types::{cass_double_t, cass_uint32_t};
use crate::value::CassValue;
use std::ffi::c_char;

/// Reads a point (`org.apache.cassandra.db.marshal.PointType`).
///
/// @param[in] value The value to read (owned by its result or row).
/// @param[out] x Receives the point's x coordinate; must not be NULL.
/// @param[out] y Receives the point's y coordinate; must not be NULL.
/// @return `CASS_OK`; `CASS_ERROR_LIB_NULL_VALUE` for a NULL or null value, `CASS_ERROR_LIB_INVALID_VALUE_TYPE` for a
///   value that is not custom, `CASS_ERROR_LIB_INVALID_CUSTOM_TYPE` for another custom class,
///   `CASS_ERROR_LIB_NOT_ENOUGH_DATA` for truncated bytes, `CASS_ERROR_LIB_INVALID_DATA` for bytes that are not a WKB
///   point; `CASS_ERROR_LIB_BAD_PARAMS` for NULL `x` or `y`.
#[no_mangle]
pub extern "C" fn cass_value_get_dse_point(
    value: *const CassValue,
    x: *mut cass_double_t,
    y: *mut cass_double_t,
) -> CassError {
    guard(|| match custom_value_bytes(value, POINT_CLASS).and_then(wkb::read_point) {
        Ok(point) => write_xy(point, x, y),
        Err(rc) => rc,
    })
}

/// Reads a point from WKT, `POINT (x y)` (upper-case keyword; text after the closing parenthesis
/// is ignored). Other text, or NULL `wkt`, `x` or `y`, is `CASS_ERROR_LIB_BAD_PARAMS` and leaves
/// `x` and `y` as they were.
///
/// @param[in] wkt The WKT text, NUL-terminated; must not be NULL.
/// @param[out] x Receives the point's x coordinate; must not be NULL.
/// @param[out] y Receives the point's y coordinate; must not be NULL.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for text that is not a WKT point or a NULL argument.
#[no_mangle]
pub extern "C" fn dse_point_from_wkt(wkt: *const c_char, x: *mut cass_double_t, y: *mut cass_double_t) -> CassError {
    dse_point_from_wkt_n(wkt, safe_strlen(wkt), x, y)
}

/// Same as `dse_point_from_wkt()`, with the text's length (not NUL-terminated).
///
/// @param[in] wkt The WKT text (need not be NUL-terminated); must not be NULL.
/// @param[in] wkt_length Length of `wkt` in bytes.
/// @param[out] x Receives the point's x coordinate; must not be NULL.
/// @param[out] y Receives the point's y coordinate; must not be NULL.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for text that is not a WKT point or a NULL argument.
#[no_mangle]
pub extern "C" fn dse_point_from_wkt_n(
    wkt: *const c_char,
    wkt_length: usize,
    x: *mut cass_double_t,
    y: *mut cass_double_t,
) -> CassError {
    guard(|| match bytes_n(wkt, wkt_length).ok().map(wkt::point) {
        Some(Ok(point)) => write_xy(point, x, y),
        _ => CassError::CASS_ERROR_LIB_BAD_PARAMS,
    })
}

/// Creates an empty line string. Add points, call `dse_line_string_finish()`, then bind it; free
/// it with `dse_line_string_free()`.
///
/// @return A new line string, owned by the caller (free it with `dse_line_string_free()`).
#[no_mangle]
pub extern "C" fn dse_line_string_new() -> *mut DseLineString {
    guard(|| DseLineString::new().into_ptr())
}

/// Frees a line string.
///
/// @param[in] line_string The line string to free, which must not be used afterwards; NULL is ignored.
#[no_mangle]
pub extern "C" fn dse_line_string_free(line_string: *mut DseLineString) {
    guard(|| DseLineString::free(line_string))
}

/// Empties a line string so that it can be built again.
///
/// @param[in,out] line_string The line string to empty; NULL is ignored.
#[no_mangle]
pub extern "C" fn dse_line_string_reset(line_string: *mut DseLineString) {
    guard(|| {
        if let Some(line_string) = DseLineString::from_ptr_mut(line_string) {
            line_string.reset();
        }
    })
}

/// Makes room for `num_points` points (a hint: saves reallocations, changes nothing else). NULL
/// is ignored.
///
/// @param[in,out] line_string The line string; NULL is ignored.
/// @param[in] num_points How many points to make room for.
#[no_mangle]
pub extern "C" fn dse_line_string_reserve(line_string: *mut DseLineString, num_points: cass_uint32_t) {
    guard(|| {
        if let Some(line_string) = DseLineString::from_ptr_mut(line_string) {
            let wanted = (COUNT_AT + 4) as u64 + num_points as u64 * 16;
            reserve_hint(&mut line_string.wkb, wanted);
        }
    })
}

/// Adds a point.
///
/// @param[in,out] line_string The line string; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] x The point's x coordinate.
/// @param[in] y The point's y coordinate.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL line string.
#[no_mangle]
pub extern "C" fn dse_line_string_add_point(
    line_string: *mut DseLineString,
    x: cass_double_t,
    y: cass_double_t,
) -> CassError {
    guard(|| match DseLineString::from_ptr_mut(line_string) {
        Some(line_string) => {
            wkb::write_point(x, y, &mut line_string.wkb);
            line_string.num_points = line_string.num_points.wrapping_add(1);
            CassError::CASS_OK
        }
        None => CassError::CASS_ERROR_LIB_BAD_PARAMS,
    })
}

/// Completes the line string (writes its point count); call it before binding. A line string of
/// exactly one point is `CASS_ERROR_LIB_INVALID_STATE` (none, the empty line string, or two and
/// more are fine). More points may be added and `finish` called again.
///
/// @param[in,out] line_string The line string; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @return `CASS_OK`; `CASS_ERROR_LIB_INVALID_STATE` for a single point; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL line
///   string.
#[no_mangle]
pub extern "C" fn dse_line_string_finish(line_string: *mut DseLineString) -> CassError {
    with(line_string, CassError::CASS_ERROR_LIB_BAD_PARAMS, |line_string| line_string.finish())
}

/// Creates an empty polygon. Start a ring, add its points, repeat, call `dse_polygon_finish()`,
/// then bind it; free it with `dse_polygon_free()`.
///
/// @return A new polygon, owned by the caller (free it with `dse_polygon_free()`).
#[no_mangle]
pub extern "C" fn dse_polygon_new() -> *mut DsePolygon {
    guard(|| DsePolygon::new().into_ptr())
}

/// Frees a polygon.
///
/// @param[in] polygon The polygon to free, which must not be used afterwards; NULL is ignored.
#[no_mangle]
pub extern "C" fn dse_polygon_free(polygon: *mut DsePolygon) {
    guard(|| DsePolygon::free(polygon))
}

/// Empties a polygon so that it can be built again.
///
/// @param[in,out] polygon The polygon to empty; NULL is ignored.
#[no_mangle]
pub extern "C" fn dse_polygon_reset(polygon: *mut DsePolygon) {
    guard(|| {
        if let Some(polygon) = DsePolygon::from_ptr_mut(polygon) {
            polygon.reset();
        }
    })
}

/// Makes room for `num_rings` rings of `total_num_points` points in all (a hint: saves
/// reallocations, changes nothing else). NULL is ignored.
///
/// @param[in,out] polygon The polygon; NULL is ignored.
/// @param[in] num_rings How many rings to make room for.
/// @param[in] total_num_points How many points to make room for, over all rings.
#[no_mangle]
pub extern "C" fn dse_polygon_reserve(
    polygon: *mut DsePolygon,
    num_rings: cass_uint32_t,
    total_num_points: cass_uint32_t,
) {
    guard(|| {
        if let Some(polygon) = DsePolygon::from_ptr_mut(polygon) {
            let wanted = (COUNT_AT + 4) as u64 + num_rings as u64 * 4 + total_num_points as u64 * 16;
            reserve_hint(&mut polygon.wkb, wanted);
        }
    })
}

/// Closes the open ring (if any) and opens a new one; when the open ring cannot be closed, no new
/// ring is opened.
///
/// @param[in,out] polygon The polygon; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @return `CASS_OK`; `CASS_ERROR_LIB_INVALID_STATE` when the ring to close has one or two points;
///   `CASS_ERROR_LIB_BAD_PARAMS` for a NULL polygon.
#[no_mangle]
pub extern "C" fn dse_polygon_start_ring(polygon: *mut DsePolygon) -> CassError {
    with(polygon, CassError::CASS_ERROR_LIB_BAD_PARAMS, |polygon| polygon.start_ring())
}

/// Adds a point to the open ring. Without an open ring (before the first
/// `dse_polygon_start_ring()`, or after `dse_polygon_finish()`) `CASS_ERROR_LIB_INVALID_STATE`
/// (the C++ driver accepts such a point and produces bytes no server can read).
///
/// @param[in,out] polygon The polygon; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] x The point's x coordinate.
/// @param[in] y The point's y coordinate.
/// @return `CASS_OK`; `CASS_ERROR_LIB_INVALID_STATE` without an open ring; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL
///   polygon.
#[no_mangle]
pub extern "C" fn dse_polygon_add_point(polygon: *mut DsePolygon, x: cass_double_t, y: cass_double_t) -> CassError {
    with(polygon, CassError::CASS_ERROR_LIB_BAD_PARAMS, |polygon| polygon.add_point(x, y))
}

/// Completes the polygon (writes its ring count and closes the open ring); call it before
/// binding.
///
/// @param[in,out] polygon The polygon; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @return `CASS_OK`; `CASS_ERROR_LIB_INVALID_STATE` when the open ring has one or two points;
///   `CASS_ERROR_LIB_BAD_PARAMS` for a NULL polygon.
#[no_mangle]
pub extern "C" fn dse_polygon_finish(polygon: *mut DsePolygon) -> CassError {
    with(polygon, CassError::CASS_ERROR_LIB_BAD_PARAMS, |polygon| polygon.finish())
}
