//! DSE geometry values (`dse.h`): points, and the line string and polygon builders whose bytes
//! the `*_dse_line_string` / `*_dse_polygon` setters bind. All are encoded as WKB (see `wkb`).

pub(crate) mod exports;
use super::{wkb, LINE_STRING_CLASS, POINT_CLASS, POLYGON_CLASS};
use crate::encode::Input;
use crate::error::CassError;
use crate::ffi::BoxHandle;
use crate::ffi::{Handle, Owned};

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

/// A line string being built: its WKB, with the point count written by `finish`.
pub(crate) struct DseLineString {
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

/// A polygon being built: its WKB, with the ring count and the open ring's point count written
/// when the ring ends (`start_ring` or `finish`).
pub(crate) struct DsePolygon {
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
