//! Reading DSE line strings and polygons (`dse.h`): iterators reset from a result value (WKB) or
//! from WKT. A reset copies the points into the iterator, so the value or text need not outlive
//! it; a failed reset leaves the iterator as it was.

mod exports;
use crate::error::CassError;
use crate::ffi::{Handle, Owned};

/// The points of a line string and the next one to hand out.
#[derive(Default)]
pub(crate) struct DseLineStringIterator {
    points: Vec<[f64; 2]>,
    next: usize,
}

impl Handle for DseLineStringIterator {
    type Ownership = Owned;
}

impl DseLineStringIterator {
    fn reset_with(&mut self, read: impl FnOnce(&mut Vec<[f64; 2]>) -> Result<(), CassError>) -> CassError {
        let mut points = Vec::new();
        match read(&mut points) {
            Ok(()) => {
                self.points = points;
                self.next = 0;
                CassError::CASS_OK
            }
            Err(rc) => rc,
        }
    }
}

/// What a polygon iterator hands out next.
#[derive(Default, Clone, Copy, PartialEq, Eq, Debug)]
enum Next {
    /// Nothing (before a reset, or after the last point of the last ring).
    #[default]
    Done,
    /// The point count of the next ring.
    NumPoints,
    /// A point of the current ring (this many are left).
    Points(u32),
}

/// The rings of a polygon and the position in them.
#[derive(Default)]
pub(crate) struct DsePolygonIterator {
    points: Vec<[f64; 2]>,
    rings: Vec<u32>,
    next_ring: usize,
    next_point: usize,
    next: Next,
}

impl Handle for DsePolygonIterator {
    type Ownership = Owned;
}

impl DsePolygonIterator {
    fn reset_with(
        &mut self,
        read: impl FnOnce(&mut Vec<[f64; 2]>, &mut Vec<u32>) -> Result<(), CassError>,
    ) -> CassError {
        let (mut points, mut rings) = (Vec::new(), Vec::new());
        match read(&mut points, &mut rings) {
            Ok(()) => {
                self.next = if rings.is_empty() { Next::Done } else { Next::NumPoints };
                self.points = points;
                self.rings = rings;
                self.next_ring = 0;
                self.next_point = 0;
                CassError::CASS_OK
            }
            Err(rc) => rc,
        }
    }

    /// After a ring's last point: the next ring's count, or the end.
    fn after_ring(&self) -> Next {
        if self.next_ring < self.rings.len() {
            Next::NumPoints
        } else {
            Next::Done
        }
    }

    fn next_num_points(&mut self) -> Option<u32> {
        if self.next != Next::NumPoints {
            return None;
        }
        let count = self.rings[self.next_ring];
        self.next_ring += 1;
        self.next = if count > 0 { Next::Points(count) } else { self.after_ring() };
        Some(count)
    }

    fn next_point(&mut self) -> Option<[f64; 2]> {
        let Next::Points(left) = self.next else {
            return None;
        };
        let point = self.points[self.next_point];
        self.next_point += 1;
        self.next = if left > 1 { Next::Points(left - 1) } else { self.after_ring() };
        Some(point)
    }
}

#[cfg(test)]
mod tests {
    use super::exports::*;
    use super::*;
    use crate::data_type::CassDataType;
    use crate::dse::date_range::date_range_input;
    use crate::dse::date_range::exports::cass_value_get_dse_date_range;
    use crate::dse::geometry::exports::*;
    use crate::dse::geometry::*;
    use crate::dse::{
        DseDateRange, DseDateRangeBound, DseDateRangePrecision, LINE_STRING_CLASS, POINT_CLASS, POLYGON_CLASS,
    };
    use crate::encode::Input;
    use crate::types::{cass_bool_arg, CassValueType};
    use crate::value::CassValue;
    use std::sync::Arc;
    use CassError::*;

    fn custom(class_name: &str) -> Arc<CassDataType> {
        Arc::new(CassDataType {
            class_name: class_name.to_string(),
            ..CassDataType::simple(CassValueType::CASS_VALUE_TYPE_CUSTOM)
        })
    }

    fn bytes_of(input: Input) -> Vec<u8> {
        let mut out = Vec::new();
        input.write(&mut out);
        out
    }

    fn next(it: *mut DseLineStringIterator) -> Result<(f64, f64), CassError> {
        let (mut x, mut y) = (0.0, 0.0);
        match dse_line_string_iterator_next_point(it, &mut x, &mut y) {
            CASS_OK => Ok((x, y)),
            rc => Err(rc),
        }
    }

    #[test]
    fn line_string_built_bound_and_read_back() {
        let ls = dse_line_string_new();
        dse_line_string_reserve(ls, 3);
        for (x, y) in [(0.5, 1.5), (-2.0, 3.0), (1e300, -0.0)] {
            assert_eq!(dse_line_string_add_point(ls, x, y), CASS_OK);
        }
        assert_eq!(dse_line_string_finish(ls), CASS_OK);
        let bytes = bytes_of(line_string_input(ls).unwrap());
        dse_line_string_free(ls);

        let typ = custom(LINE_STRING_CLASS);
        let value = CassValue::new(Some(&bytes), &typ);
        let it = dse_line_string_iterator_new();
        assert_eq!(dse_line_string_iterator_num_points(it), 0);
        assert_eq!(next(it), Err(CASS_ERROR_LIB_INVALID_STATE));
        assert_eq!(dse_line_string_iterator_reset(it, &value), CASS_OK);
        assert_eq!(dse_line_string_iterator_num_points(it), 3);
        assert_eq!(next(it), Ok((0.5, 1.5)));
        assert_eq!(next(it), Ok((-2.0, 3.0)));
        assert_eq!(next(it), Ok((1e300, -0.0)));
        assert_eq!(next(it), Err(CASS_ERROR_LIB_INVALID_STATE));

        // A failed reset keeps the iterator as it was; WKT resets it.
        let polygon_type = custom(POLYGON_CLASS);
        assert_eq!(
            dse_line_string_iterator_reset(it, &CassValue::new(Some(&bytes), &polygon_type)),
            CASS_ERROR_LIB_INVALID_CUSTOM_TYPE
        );
        let blob = Arc::new(CassDataType::simple(CassValueType::CASS_VALUE_TYPE_BLOB));
        assert_eq!(
            dse_line_string_iterator_reset(it, &CassValue::new(Some(&bytes), &blob)),
            CASS_ERROR_LIB_INVALID_VALUE_TYPE
        );
        assert_eq!(dse_line_string_iterator_reset(it, &CassValue::new(None, &typ)), CASS_ERROR_LIB_NULL_VALUE);
        assert_eq!(
            dse_line_string_iterator_reset(it, &CassValue::new(Some(&bytes[..20]), &typ)),
            CASS_ERROR_LIB_NOT_ENOUGH_DATA
        );
        assert_eq!(dse_line_string_iterator_num_points(it), 3);
        let wkt = c"LINESTRING (1 2, 3 4)";
        assert_eq!(dse_line_string_iterator_reset_with_wkt(it, wkt.as_ptr()), CASS_OK);
        assert_eq!(dse_line_string_iterator_num_points(it), 2);
        assert_eq!(next(it), Ok((1.0, 2.0)));
        assert_eq!(dse_line_string_iterator_reset_with_wkt(it, std::ptr::null()), CASS_ERROR_LIB_BAD_PARAMS);
        dse_line_string_iterator_free(it);
    }

    #[test]
    fn polygon_built_bound_and_read_back_ring_by_ring() {
        let p = dse_polygon_new();
        dse_polygon_reserve(p, 2, 7);
        assert_eq!(dse_polygon_start_ring(p), CASS_OK);
        for (x, y) in [(0.0, 0.0), (4.0, 0.0), (4.0, 4.0), (0.0, 0.0)] {
            assert_eq!(dse_polygon_add_point(p, x, y), CASS_OK);
        }
        assert_eq!(dse_polygon_start_ring(p), CASS_OK);
        for (x, y) in [(1.0, 1.0), (2.0, 1.0), (1.0, 1.0)] {
            assert_eq!(dse_polygon_add_point(p, x, y), CASS_OK);
        }
        assert_eq!(dse_polygon_finish(p), CASS_OK);
        let bytes = bytes_of(polygon_input(p).unwrap());
        dse_polygon_free(p);

        let typ = custom(POLYGON_CLASS);
        let value = CassValue::new(Some(&bytes), &typ);
        let it = dse_polygon_iterator_new();
        let (mut n, mut x, mut y) = (0u32, 0.0, 0.0);
        assert_eq!(dse_polygon_iterator_next_num_points(it, &mut n), CASS_ERROR_LIB_INVALID_STATE);
        assert_eq!(dse_polygon_iterator_reset(it, &value), CASS_OK);
        assert_eq!(dse_polygon_iterator_num_rings(it), 2);
        assert_eq!(dse_polygon_iterator_next_point(it, &mut x, &mut y), CASS_ERROR_LIB_INVALID_STATE);
        let mut seen = Vec::new();
        for _ in 0..2 {
            assert_eq!(dse_polygon_iterator_next_num_points(it, &mut n), CASS_OK);
            let mut ring = Vec::new();
            for _ in 0..n {
                let mut unused = 0u32;
                assert_eq!(dse_polygon_iterator_next_num_points(it, &mut unused), CASS_ERROR_LIB_INVALID_STATE);
                assert_eq!(dse_polygon_iterator_next_point(it, &mut x, &mut y), CASS_OK);
                ring.push((x, y));
            }
            seen.push(ring);
        }
        assert_eq!(seen[0], [(0.0, 0.0), (4.0, 0.0), (4.0, 4.0), (0.0, 0.0)]);
        assert_eq!(seen[1], [(1.0, 1.0), (2.0, 1.0), (1.0, 1.0)]);
        assert_eq!(dse_polygon_iterator_next_point(it, &mut x, &mut y), CASS_ERROR_LIB_INVALID_STATE);
        assert_eq!(dse_polygon_iterator_next_num_points(it, &mut n), CASS_ERROR_LIB_INVALID_STATE);

        let wkt = c"POLYGON ((0 0, 1 0, 0 1, 0 0))trailing";
        assert_eq!(dse_polygon_iterator_reset_with_wkt(it, wkt.as_ptr()), CASS_OK);
        assert_eq!(dse_polygon_iterator_num_rings(it), 1);
        assert_eq!(dse_polygon_iterator_next_num_points(it, &mut n), CASS_OK);
        assert_eq!(n, 4);
        assert_eq!(dse_polygon_iterator_reset_with_wkt(it, c"POLYGON ((0 0)".as_ptr()), CASS_ERROR_LIB_BAD_PARAMS);
        assert_eq!(dse_polygon_iterator_num_rings(it), 1);
        assert_eq!(dse_polygon_iterator_reset_with_wkt(it, c"POLYGON EMPTY".as_ptr()), CASS_OK);
        assert_eq!(dse_polygon_iterator_num_rings(it), 0);
        assert_eq!(dse_polygon_iterator_next_num_points(it, &mut n), CASS_ERROR_LIB_INVALID_STATE);
        dse_polygon_iterator_free(it);
    }

    #[test]
    fn point_and_date_range_read_from_values() {
        let bytes = bytes_of(point_input(-1.25, 7.5).unwrap());
        assert_eq!(bytes.len(), 21);
        let typ = custom(POINT_CLASS);
        let (mut x, mut y) = (0.0, 0.0);
        assert_eq!(cass_value_get_dse_point(&CassValue::new(Some(&bytes), &typ), &mut x, &mut y), CASS_OK);
        assert_eq!((x, y), (-1.25, 7.5));
        assert_eq!(
            cass_value_get_dse_point(&CassValue::new(Some(&bytes), &custom(LINE_STRING_CLASS)), &mut x, &mut y),
            CASS_ERROR_LIB_INVALID_CUSTOM_TYPE
        );
        assert_eq!(cass_value_get_dse_point(std::ptr::null(), &mut x, &mut y), CASS_ERROR_LIB_NULL_VALUE);

        let bound =
            |precision: DseDateRangePrecision, time_ms| DseDateRangeBound { precision: precision.into(), time_ms };
        let range = DseDateRange {
            is_single_date: cass_bool_arg(0),
            lower_bound: bound(DseDateRangePrecision::DSE_DATE_RANGE_PRECISION_SECOND, 1000),
            upper_bound: bound(DseDateRangePrecision::DSE_DATE_RANGE_PRECISION_UNBOUNDED, -1),
        };
        let bytes = bytes_of(date_range_input(&range).unwrap());
        let typ = custom(crate::dse::DATE_RANGE_CLASS);
        let mut back = DseDateRange {
            is_single_date: cass_bool_arg(7),
            lower_bound: bound(DseDateRangePrecision::DSE_DATE_RANGE_PRECISION_YEAR, 0),
            upper_bound: bound(DseDateRangePrecision::DSE_DATE_RANGE_PRECISION_YEAR, 0),
        };
        assert_eq!(cass_value_get_dse_date_range(&CassValue::new(Some(&bytes), &typ), &mut back), CASS_OK);
        assert!(!back.is_single_date.get());
        assert_eq!(back.lower_bound, range.lower_bound);
        assert_eq!(back.upper_bound, range.upper_bound);
        assert_eq!(
            cass_value_get_dse_date_range(&CassValue::new(Some(&[9]), &typ), &mut back),
            CASS_ERROR_LIB_INVALID_DATA
        );
    }
}
