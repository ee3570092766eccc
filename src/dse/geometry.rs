//! DSE geometry values (`dse.h`): points, and the line string and polygon builders whose bytes
//! the `*_dse_line_string` / `*_dse_polygon` setters bind. All are encoded as WKB (see `wkb`).

use super::{custom_value_bytes, wkb, wkt, write_xy, LINE_STRING_CLASS, POINT_CLASS, POLYGON_CLASS};
use crate::encode::Input;
use crate::error::CassError;
use crate::ffi::strings::{bytes_n, safe_strlen};
use crate::ffi::{guard, BoxHandle};
use crate::ffi::{Handle, Owned};
use crate::types::{cass_double_t, cass_uint32_t};
use crate::value::CassValue;
use std::ffi::c_char;

/// A point as a value to bind, append or set.
pub(crate) fn point_input<'a>(x: f64, y: f64) -> Result<Input<'a>, CassError> {
    Ok(Input::custom_inline(POINT_CLASS, &wkb::point(x, y)))
}

/// A line string as a value to bind, append or set: its bytes as they are now (as
/// `dse_line_string_finish()` left them). NULL is `CASS_ERROR_LIB_BAD_PARAMS`.
pub(crate) fn line_string_input<'a>(line_string: *const DseLineString) -> Result<Input<'a>, CassError> {
    let line_string = DseLineString::from_ptr(line_string).ok_or(CassError::CASS_ERROR_LIB_BAD_PARAMS)?;
    Ok(Input::custom(LINE_STRING_CLASS, &line_string.wkb))
}

/// A polygon as a value to bind, append or set, as `line_string_input`.
pub(crate) fn polygon_input<'a>(polygon: *const DsePolygon) -> Result<Input<'a>, CassError> {
    let polygon = DsePolygon::from_ptr(polygon).ok_or(CassError::CASS_ERROR_LIB_BAD_PARAMS)?;
    Ok(Input::custom(POLYGON_CLASS, &polygon.wkb))
}

/// Reads a point (`org.apache.cassandra.db.marshal.PointType`). Errors: not a custom value
/// `CASS_ERROR_LIB_INVALID_VALUE_TYPE`, another class `CASS_ERROR_LIB_INVALID_CUSTOM_TYPE`, NULL
/// `CASS_ERROR_LIB_NULL_VALUE`, short bytes `CASS_ERROR_LIB_NOT_ENOUGH_DATA`, not a WKB point
/// `CASS_ERROR_LIB_INVALID_DATA`; NULL `x` or `y` `CASS_ERROR_LIB_BAD_PARAMS`.
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
#[no_mangle]
pub extern "C" fn dse_point_from_wkt(wkt: *const c_char, x: *mut cass_double_t, y: *mut cass_double_t) -> CassError {
    dse_point_from_wkt_n(wkt, safe_strlen(wkt), x, y)
}

/// Same as `dse_point_from_wkt()`, with the text's length (not NUL-terminated).
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

/// A line string being built: its WKB, with the point count written by `finish`.
pub struct DseLineString {
    wkb: Vec<u8>,
    num_points: u32,
}

impl Handle for DseLineString {
    type Ownership = Owned;
}

/// Where the point count of a line string (or the ring count of a polygon) sits in its WKB.
const COUNT_AT: usize = wkb::HEADER_SIZE;

fn write_count(bytes: &mut [u8], at: usize, count: u32) {
    bytes[at..at + 4].copy_from_slice(&count.to_le_bytes());
}

impl DseLineString {
    fn new() -> Self {
        let mut line_string = DseLineString { wkb: Vec::with_capacity(COUNT_AT + 4 + 32), num_points: 0 };
        line_string.reset();
        line_string
    }

    fn reset(&mut self) {
        self.wkb.clear();
        wkb::write_header(wkb::LINE_STRING, &mut self.wkb);
        self.wkb.extend_from_slice(&0u32.to_le_bytes());
        self.num_points = 0;
    }

    fn finish(&mut self) -> CassError {
        if self.num_points == 1 {
            return CassError::CASS_ERROR_LIB_INVALID_STATE;
        }
        write_count(&mut self.wkb, COUNT_AT, self.num_points);
        CassError::CASS_OK
    }
}

/// Makes room for `total` bytes in all if memory allows (a size hint from C: never an abort).
fn reserve_hint(bytes: &mut Vec<u8>, total: u64) {
    if let Ok(additional) = usize::try_from(total.saturating_sub(bytes.len() as u64)) {
        let _ = bytes.try_reserve(additional);
    }
}

/// Creates an empty line string. Add points, call `dse_line_string_finish()`, then bind it; free
/// it with `dse_line_string_free()`.
#[no_mangle]
pub extern "C" fn dse_line_string_new() -> *mut DseLineString {
    guard(|| DseLineString::new().into_ptr())
}

/// Frees a line string. NULL is ignored.
#[no_mangle]
pub extern "C" fn dse_line_string_free(line_string: *mut DseLineString) {
    guard(|| DseLineString::free(line_string))
}

/// Empties a line string so that it can be built again. NULL is ignored.
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
#[no_mangle]
pub extern "C" fn dse_line_string_reserve(line_string: *mut DseLineString, num_points: cass_uint32_t) {
    guard(|| {
        if let Some(line_string) = DseLineString::from_ptr_mut(line_string) {
            let wanted = (COUNT_AT + 4) as u64 + num_points as u64 * 16;
            reserve_hint(&mut line_string.wkb, wanted);
        }
    })
}

/// Adds a point. A NULL line string is `CASS_ERROR_LIB_BAD_PARAMS`.
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
#[no_mangle]
pub extern "C" fn dse_line_string_finish(line_string: *mut DseLineString) -> CassError {
    guard(|| match DseLineString::from_ptr_mut(line_string) {
        Some(line_string) => line_string.finish(),
        None => CassError::CASS_ERROR_LIB_BAD_PARAMS,
    })
}

/// A polygon being built: its WKB, with the ring count and the open ring's point count written
/// when the ring ends (`start_ring` or `finish`).
pub struct DsePolygon {
    wkb: Vec<u8>,
    num_rings: u32,
    /// Where the open ring's point count goes, and its points so far.
    open_ring: Option<(usize, u32)>,
}

impl Handle for DsePolygon {
    type Ownership = Owned;
}

impl DsePolygon {
    fn new() -> Self {
        let mut polygon = DsePolygon { wkb: Vec::with_capacity(COUNT_AT + 8 + 48), num_rings: 0, open_ring: None };
        polygon.reset();
        polygon
    }

    fn reset(&mut self) {
        self.wkb.clear();
        wkb::write_header(wkb::POLYGON, &mut self.wkb);
        self.wkb.extend_from_slice(&0u32.to_le_bytes());
        self.num_rings = 0;
        self.open_ring = None;
    }

    /// Closes the open ring, if any: a ring of one or two points is `CASS_ERROR_LIB_INVALID_STATE`
    /// (the ring stays open).
    fn finish_ring(&mut self) -> CassError {
        if let Some((at, points)) = self.open_ring {
            if points == 1 || points == 2 {
                return CassError::CASS_ERROR_LIB_INVALID_STATE;
            }
            write_count(&mut self.wkb, at, points);
            self.open_ring = None;
        }
        CassError::CASS_OK
    }

    fn start_ring(&mut self) -> CassError {
        let rc = self.finish_ring();
        if rc == CassError::CASS_OK {
            self.open_ring = Some((self.wkb.len(), 0));
            self.wkb.extend_from_slice(&0u32.to_le_bytes());
            self.num_rings = self.num_rings.wrapping_add(1);
        }
        rc
    }

    fn add_point(&mut self, x: f64, y: f64) -> CassError {
        match &mut self.open_ring {
            Some((_, points)) => {
                *points = points.wrapping_add(1);
                wkb::write_point(x, y, &mut self.wkb);
                CassError::CASS_OK
            }
            None => CassError::CASS_ERROR_LIB_INVALID_STATE,
        }
    }

    fn finish(&mut self) -> CassError {
        write_count(&mut self.wkb, COUNT_AT, self.num_rings);
        self.finish_ring()
    }
}

/// Creates an empty polygon. Start a ring, add its points, repeat, call `dse_polygon_finish()`,
/// then bind it; free it with `dse_polygon_free()`.
#[no_mangle]
pub extern "C" fn dse_polygon_new() -> *mut DsePolygon {
    guard(|| DsePolygon::new().into_ptr())
}

/// Frees a polygon. NULL is ignored.
#[no_mangle]
pub extern "C" fn dse_polygon_free(polygon: *mut DsePolygon) {
    guard(|| DsePolygon::free(polygon))
}

/// Empties a polygon so that it can be built again. NULL is ignored.
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

/// Closes the open ring (if any) and opens a new one. Closing a ring of one or two points is
/// `CASS_ERROR_LIB_INVALID_STATE` (no new ring then). A NULL polygon is `CASS_ERROR_LIB_BAD_PARAMS`.
#[no_mangle]
pub extern "C" fn dse_polygon_start_ring(polygon: *mut DsePolygon) -> CassError {
    guard(|| match DsePolygon::from_ptr_mut(polygon) {
        Some(polygon) => polygon.start_ring(),
        None => CassError::CASS_ERROR_LIB_BAD_PARAMS,
    })
}

/// Adds a point to the open ring. Without an open ring (before the first
/// `dse_polygon_start_ring()`, or after `dse_polygon_finish()`) `CASS_ERROR_LIB_INVALID_STATE`
/// (the C++ driver accepts such a point and produces bytes no server can read). A NULL polygon
/// is `CASS_ERROR_LIB_BAD_PARAMS`.
#[no_mangle]
pub extern "C" fn dse_polygon_add_point(polygon: *mut DsePolygon, x: cass_double_t, y: cass_double_t) -> CassError {
    guard(|| match DsePolygon::from_ptr_mut(polygon) {
        Some(polygon) => polygon.add_point(x, y),
        None => CassError::CASS_ERROR_LIB_BAD_PARAMS,
    })
}

/// Completes the polygon (writes its ring count and closes the open ring); call it before
/// binding. Closing a ring of one or two points is `CASS_ERROR_LIB_INVALID_STATE`. A NULL
/// polygon is `CASS_ERROR_LIB_BAD_PARAMS`.
#[no_mangle]
pub extern "C" fn dse_polygon_finish(polygon: *mut DsePolygon) -> CassError {
    guard(|| match DsePolygon::from_ptr_mut(polygon) {
        Some(polygon) => polygon.finish(),
        None => CassError::CASS_ERROR_LIB_BAD_PARAMS,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn le32(v: u32) -> [u8; 4] {
        v.to_le_bytes()
    }

    #[test]
    fn line_string_wkb_is_pinned() {
        let mut ls = DseLineString::new();
        assert_eq!(ls.wkb, [1, 2, 0, 0, 0, 0, 0, 0, 0]);
        ls.num_points = 0;
        assert_eq!(ls.finish(), CassError::CASS_OK);
        wkb::write_point(0.0, 1.0, &mut ls.wkb);
        ls.num_points = 1;
        assert_eq!(ls.finish(), CassError::CASS_ERROR_LIB_INVALID_STATE);
        wkb::write_point(2.0, 3.0, &mut ls.wkb);
        ls.num_points = 2;
        assert_eq!(ls.finish(), CassError::CASS_OK);
        let mut expected = vec![1, 2, 0, 0, 0, 2, 0, 0, 0];
        for v in [0.0f64, 1.0, 2.0, 3.0] {
            expected.extend_from_slice(&v.to_le_bytes());
        }
        assert_eq!(ls.wkb, expected);
    }

    #[test]
    fn polygon_wkb_is_pinned_and_rings_need_three_points() {
        let mut p = DsePolygon::new();
        assert_eq!(p.add_point(0.0, 0.0), CassError::CASS_ERROR_LIB_INVALID_STATE);
        assert_eq!(p.start_ring(), CassError::CASS_OK);
        for (x, y) in [(0.0, 0.0), (1.0, 0.0)] {
            assert_eq!(p.add_point(x, y), CassError::CASS_OK);
        }
        assert_eq!(p.start_ring(), CassError::CASS_ERROR_LIB_INVALID_STATE);
        assert_eq!(p.finish(), CassError::CASS_ERROR_LIB_INVALID_STATE);
        assert_eq!(p.add_point(0.0, 0.0), CassError::CASS_OK);
        assert_eq!(p.start_ring(), CassError::CASS_OK);
        assert_eq!(p.finish(), CassError::CASS_OK);
        let mut expected = vec![1, 3, 0, 0, 0];
        expected.extend_from_slice(&le32(2));
        expected.extend_from_slice(&le32(3));
        for v in [0.0f64, 0.0, 1.0, 0.0, 0.0, 0.0] {
            expected.extend_from_slice(&v.to_le_bytes());
        }
        expected.extend_from_slice(&le32(0));
        assert_eq!(p.wkb, expected);
        let mut points = Vec::new();
        let mut rings = Vec::new();
        wkb::read_polygon(&p.wkb, &mut points, &mut rings).unwrap();
        assert_eq!(rings, [3, 0]);
        p.reset();
        assert_eq!(p.wkb, [1, 3, 0, 0, 0, 0, 0, 0, 0]);
    }
}
