//! dse.h's `geometry_iterator` functions.
#![allow(unreachable_pub)] // the C ABI: reached from C, not from Rust

use super::super::{custom_value_bytes, wkb, wkt, write_xy, LINE_STRING_CLASS, POLYGON_CLASS};
use super::{DseLineStringIterator, DsePolygonIterator};
use crate::error::CassError;
use crate::ffi::strings::{bytes_n, safe_strlen};
use crate::ffi::with;
use crate::ffi::{guard, write_out, BoxHandle};
use crate::types::{cass_double_t, cass_uint32_t};
use crate::value::CassValue;
use std::ffi::c_char;

/// Creates a line string iterator with no points (reset it before use). Free it with
/// `dse_line_string_iterator_free()`.
///
/// @return A new iterator, owned by the caller (free it with `dse_line_string_iterator_free()`).
#[no_mangle]
pub extern "C" fn dse_line_string_iterator_new() -> *mut DseLineStringIterator {
    guard(|| DseLineStringIterator::default().into_ptr())
}

/// Frees a line string iterator.
///
/// @param[in] iterator The iterator to free, which must not be used afterwards; NULL is ignored.
#[no_mangle]
pub extern "C" fn dse_line_string_iterator_free(iterator: *mut DseLineStringIterator) {
    guard(|| DseLineStringIterator::free(iterator))
}

/// Points the iterator at a line string value (`org.apache.cassandra.db.marshal.LineStringType`).
///
/// @param[in] iterator The line string iterator; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] value The value to read (owned by its result or row; the points are copied).
/// @return `CASS_OK`; `CASS_ERROR_LIB_NULL_VALUE` for a NULL or null value, `CASS_ERROR_LIB_INVALID_VALUE_TYPE` for a
///   value that is not custom, `CASS_ERROR_LIB_INVALID_CUSTOM_TYPE` for another custom class,
///   `CASS_ERROR_LIB_NOT_ENOUGH_DATA` for truncated bytes, `CASS_ERROR_LIB_INVALID_DATA` for bytes that are not a WKB
///   line string; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL iterator. On error the iterator is left as it was.
#[no_mangle]
pub extern "C" fn dse_line_string_iterator_reset(
    iterator: *mut DseLineStringIterator,
    value: *const CassValue,
) -> CassError {
    with(iterator, CassError::CASS_ERROR_LIB_BAD_PARAMS, |iterator| {
        iterator.reset_with(|points| wkb::read_line_string(custom_value_bytes(value, LINE_STRING_CLASS)?, points))
    })
}

/// Points the iterator at WKT: `LINESTRING (x y, ...)` or `LINESTRING EMPTY` (upper-case
/// keywords; text after the closing parenthesis is ignored). Other text, or NULL, is
/// `CASS_ERROR_LIB_BAD_PARAMS`.
///
/// @param[in] iterator The line string iterator; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] wkt The WKT text, NUL-terminated (the points are copied); must not be NULL.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL argument or text that is not a WKT line string (the
///   iterator is then left as it was).
#[no_mangle]
pub extern "C" fn dse_line_string_iterator_reset_with_wkt(
    iterator: *mut DseLineStringIterator,
    wkt: *const c_char,
) -> CassError {
    dse_line_string_iterator_reset_with_wkt_n(iterator, wkt, safe_strlen(wkt))
}

/// Same as `dse_line_string_iterator_reset_with_wkt()`, with the text's length.
///
/// @param[in] iterator The line string iterator; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] wkt The WKT text (need not be NUL-terminated; the points are copied); must not be NULL.
/// @param[in] wkt_length Length of `wkt` in bytes.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL argument or text that is not a WKT line string (the
///   iterator is then left as it was).
#[no_mangle]
pub extern "C" fn dse_line_string_iterator_reset_with_wkt_n(
    iterator: *mut DseLineStringIterator,
    wkt: *const c_char,
    wkt_length: usize,
) -> CassError {
    with(iterator, CassError::CASS_ERROR_LIB_BAD_PARAMS, |iterator| {
        iterator.reset_with(|points| {
            let text = bytes_n(wkt, wkt_length)?;
            if wkt.is_null() {
                return Err(CassError::CASS_ERROR_LIB_BAD_PARAMS);
            }
            wkt::line_string(text, points).map_err(|_| CassError::CASS_ERROR_LIB_BAD_PARAMS)
        })
    })
}

/// The number of points of the line string (0 before a reset and for NULL).
///
/// @param[in] iterator The iterator; NULL gives 0.
/// @return The line string's number of points.
#[no_mangle]
pub extern "C" fn dse_line_string_iterator_num_points(iterator: *const DseLineStringIterator) -> cass_uint32_t {
    guard(|| DseLineStringIterator::from_ptr(iterator).map_or(0, |it| it.points.len() as u32))
}

/// The next point (`CASS_ERROR_LIB_INVALID_STATE` also before a reset).
///
/// @param[in] iterator The line string iterator; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[out] x Receives the point's x coordinate; must not be NULL.
/// @param[out] y Receives the point's y coordinate; must not be NULL.
/// @return `CASS_OK`; `CASS_ERROR_LIB_INVALID_STATE` when no point is left; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL
///   argument (the iterator does not move then).
#[no_mangle]
pub extern "C" fn dse_line_string_iterator_next_point(
    iterator: *mut DseLineStringIterator,
    x: *mut cass_double_t,
    y: *mut cass_double_t,
) -> CassError {
    with(iterator, CassError::CASS_ERROR_LIB_BAD_PARAMS, |iterator| {
        let Some(&point) = iterator.points.get(iterator.next) else {
            return CassError::CASS_ERROR_LIB_INVALID_STATE;
        };
        let rc = write_xy(point, x, y);
        if rc == CassError::CASS_OK {
            iterator.next += 1;
        }
        rc
    })
}

/// Creates a polygon iterator with no rings (reset it before use). Free it with
/// `dse_polygon_iterator_free()`.
///
/// @return A new iterator, owned by the caller (free it with `dse_polygon_iterator_free()`).
#[no_mangle]
pub extern "C" fn dse_polygon_iterator_new() -> *mut DsePolygonIterator {
    guard(|| DsePolygonIterator::default().into_ptr())
}

/// Frees a polygon iterator.
///
/// @param[in] iterator The iterator to free, which must not be used afterwards; NULL is ignored.
#[no_mangle]
pub extern "C" fn dse_polygon_iterator_free(iterator: *mut DsePolygonIterator) {
    guard(|| DsePolygonIterator::free(iterator))
}

/// Points the iterator at a polygon value (`org.apache.cassandra.db.marshal.PolygonType`).
///
/// @param[in] iterator The polygon iterator; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] value The value to read (owned by its result or row; the rings are copied).
/// @return `CASS_OK`; `CASS_ERROR_LIB_NULL_VALUE` for a NULL or null value, `CASS_ERROR_LIB_INVALID_VALUE_TYPE` for a
///   value that is not custom, `CASS_ERROR_LIB_INVALID_CUSTOM_TYPE` for another custom class,
///   `CASS_ERROR_LIB_NOT_ENOUGH_DATA` for truncated bytes, `CASS_ERROR_LIB_INVALID_DATA` for bytes that are not a WKB
///   polygon; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL iterator. On error the iterator is left as it was.
#[no_mangle]
pub extern "C" fn dse_polygon_iterator_reset(iterator: *mut DsePolygonIterator, value: *const CassValue) -> CassError {
    with(iterator, CassError::CASS_ERROR_LIB_BAD_PARAMS, |iterator| {
        iterator.reset_with(|points, rings| wkb::read_polygon(custom_value_bytes(value, POLYGON_CLASS)?, points, rings))
    })
}

/// Points the iterator at WKT: `POLYGON ((x y, ...), ...)` or `POLYGON EMPTY` (upper-case
/// keywords; text after the closing parenthesis is ignored). Other text, or NULL, is
/// `CASS_ERROR_LIB_BAD_PARAMS`.
///
/// @param[in] iterator The polygon iterator; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] wkt The WKT text, NUL-terminated (the rings are copied); must not be NULL.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL argument or text that is not a WKT polygon (the iterator
///   is then left as it was).
#[no_mangle]
pub extern "C" fn dse_polygon_iterator_reset_with_wkt(
    iterator: *mut DsePolygonIterator,
    wkt: *const c_char,
) -> CassError {
    dse_polygon_iterator_reset_with_wkt_n(iterator, wkt, safe_strlen(wkt))
}

/// Same as `dse_polygon_iterator_reset_with_wkt()`, with the text's length.
///
/// @param[in] iterator The polygon iterator; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] wkt The WKT text (need not be NUL-terminated; the rings are copied); must not be NULL.
/// @param[in] wkt_length Length of `wkt` in bytes.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL argument or text that is not a WKT polygon (the iterator
///   is then left as it was).
#[no_mangle]
pub extern "C" fn dse_polygon_iterator_reset_with_wkt_n(
    iterator: *mut DsePolygonIterator,
    wkt: *const c_char,
    wkt_length: usize,
) -> CassError {
    with(iterator, CassError::CASS_ERROR_LIB_BAD_PARAMS, |iterator| {
        iterator.reset_with(|points, rings| {
            let text = bytes_n(wkt, wkt_length)?;
            if wkt.is_null() {
                return Err(CassError::CASS_ERROR_LIB_BAD_PARAMS);
            }
            wkt::polygon(text, points, rings).map_err(|_| CassError::CASS_ERROR_LIB_BAD_PARAMS)
        })
    })
}

/// The number of rings of the polygon (0 before a reset and for NULL).
///
/// @param[in] iterator The iterator; NULL gives 0.
/// @return The polygon's number of rings.
#[no_mangle]
pub extern "C" fn dse_polygon_iterator_num_rings(iterator: *const DsePolygonIterator) -> cass_uint32_t {
    guard(|| DsePolygonIterator::from_ptr(iterator).map_or(0, |it| it.rings.len() as u32))
}

/// The point count of the next ring; then read its points with
/// `dse_polygon_iterator_next_point()` (`CASS_ERROR_LIB_INVALID_STATE` also before a reset).
///
/// @param[in] iterator The polygon iterator; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[out] num_points Receives the next ring's number of points; must not be NULL.
/// @return `CASS_OK`; `CASS_ERROR_LIB_INVALID_STATE` while points of the current ring are left or after the last ring;
///   `CASS_ERROR_LIB_BAD_PARAMS` for a NULL argument.
#[no_mangle]
pub extern "C" fn dse_polygon_iterator_next_num_points(
    iterator: *mut DsePolygonIterator,
    num_points: *mut cass_uint32_t,
) -> CassError {
    with(iterator, CassError::CASS_ERROR_LIB_BAD_PARAMS, |iterator| {
        if num_points.is_null() {
            return CassError::CASS_ERROR_LIB_BAD_PARAMS;
        }
        match iterator.next_num_points() {
            Some(count) => write_out(num_points, count),
            None => CassError::CASS_ERROR_LIB_INVALID_STATE,
        }
    })
}

/// The next point of the current ring; when it has none left, ask for the next ring's count first
/// (`CASS_ERROR_LIB_INVALID_STATE` also before a reset).
///
/// @param[in] iterator The polygon iterator; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[out] x Receives the point's x coordinate; must not be NULL.
/// @param[out] y Receives the point's y coordinate; must not be NULL.
/// @return `CASS_OK`; `CASS_ERROR_LIB_INVALID_STATE` when the current ring has no point left;
///   `CASS_ERROR_LIB_BAD_PARAMS` for a NULL argument (the iterator does not move then).
#[no_mangle]
pub extern "C" fn dse_polygon_iterator_next_point(
    iterator: *mut DsePolygonIterator,
    x: *mut cass_double_t,
    y: *mut cass_double_t,
) -> CassError {
    with(iterator, CassError::CASS_ERROR_LIB_BAD_PARAMS, |iterator| {
        if x.is_null() || y.is_null() {
            return CassError::CASS_ERROR_LIB_BAD_PARAMS;
        }
        match iterator.next_point() {
            Some(point) => write_xy(point, x, y),
            None => CassError::CASS_ERROR_LIB_INVALID_STATE,
        }
    })
}
