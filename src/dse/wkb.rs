//! Well-known binary (WKB), the wire form of DSE's geometry types: a byte order byte (0 big
//! endian, 1 little endian), a `u32` geometry type (1 point, 2 line string, 3 polygon), then the
//! body: a point is two `f64`; a line string a `u32` count and its points; a polygon a `u32` ring
//! count and, per ring, a `u32` count and its points. This library writes little endian, as the
//! C++ driver does on the platforms it runs on, and reads both.

use crate::error::CassError;

pub(super) const POINT: u32 = 1;
pub(super) const LINE_STRING: u32 = 2;
pub(super) const POLYGON: u32 = 3;

/// Byte order and geometry type.
pub(super) const HEADER_SIZE: usize = 5;
/// A point: the header and two doubles.
pub(super) const POINT_SIZE: usize = HEADER_SIZE + 16;

/// Appends the header of a little-endian geometry of `kind`.
pub(super) fn write_header(kind: u32, out: &mut Vec<u8>) {
    out.push(1);
    out.extend_from_slice(&kind.to_le_bytes());
}

pub(super) fn write_point(x: f64, y: f64, out: &mut Vec<u8>) {
    out.extend_from_slice(&x.to_le_bytes());
    out.extend_from_slice(&y.to_le_bytes());
}

/// A point's whole WKB.
pub(super) fn point(x: f64, y: f64) -> [u8; POINT_SIZE] {
    let mut out = [0u8; POINT_SIZE];
    out[0] = 1;
    out[1..5].copy_from_slice(&POINT.to_le_bytes());
    out[5..13].copy_from_slice(&x.to_le_bytes());
    out[13..21].copy_from_slice(&y.to_le_bytes());
    out
}

/// Reads WKB of one expected geometry type, with the C++ driver's error codes: too short is
/// `CASS_ERROR_LIB_NOT_ENOUGH_DATA`, another geometry type (or an unknown byte order) is
/// `CASS_ERROR_LIB_INVALID_DATA`.
pub(super) struct Reader<'a> {
    bytes: &'a [u8],
    little_endian: bool,
}

impl<'a> Reader<'a> {
    /// Checks the header; `body_min` is the body size the type needs at least (its counts).
    pub(super) fn new(bytes: &'a [u8], kind: u32, body_min: usize) -> Result<Self, CassError> {
        if bytes.len() < HEADER_SIZE + body_min {
            return Err(CassError::CASS_ERROR_LIB_NOT_ENOUGH_DATA);
        }
        let little_endian = match bytes[0] {
            0 => false,
            1 => true,
            _ => return Err(CassError::CASS_ERROR_LIB_INVALID_DATA),
        };
        let mut reader = Reader { bytes: &bytes[1..], little_endian };
        if reader.u32()? != kind {
            return Err(CassError::CASS_ERROR_LIB_INVALID_DATA);
        }
        Ok(reader)
    }

    fn take<const N: usize>(&mut self) -> Result<[u8; N], CassError> {
        let (head, rest) = self.bytes.split_first_chunk::<N>().ok_or(CassError::CASS_ERROR_LIB_NOT_ENOUGH_DATA)?;
        self.bytes = rest;
        Ok(*head)
    }

    pub(super) fn u32(&mut self) -> Result<u32, CassError> {
        let b = self.take::<4>()?;
        Ok(if self.little_endian { u32::from_le_bytes(b) } else { u32::from_be_bytes(b) })
    }

    pub(super) fn f64(&mut self) -> Result<f64, CassError> {
        let b = self.take::<8>()?;
        Ok(if self.little_endian { f64::from_le_bytes(b) } else { f64::from_be_bytes(b) })
    }

    /// `count` points, checked to be there before any is read (a count from the wire does not
    /// size an allocation beyond the data).
    pub(super) fn points(&mut self, count: u32, out: &mut Vec<[f64; 2]>) -> Result<(), CassError> {
        if (self.bytes.len() as u64) < count as u64 * 16 {
            return Err(CassError::CASS_ERROR_LIB_NOT_ENOUGH_DATA);
        }
        out.reserve(count as usize);
        for _ in 0..count {
            let x = self.f64()?;
            let y = self.f64()?;
            out.push([x, y]);
        }
        Ok(())
    }
}

/// A point from its WKB.
pub(super) fn read_point(bytes: &[u8]) -> Result<[f64; 2], CassError> {
    let mut reader = Reader::new(bytes, POINT, 16)?;
    Ok([reader.f64()?, reader.f64()?])
}

/// A line string's points from its WKB.
pub(super) fn read_line_string(bytes: &[u8], points: &mut Vec<[f64; 2]>) -> Result<(), CassError> {
    let mut reader = Reader::new(bytes, LINE_STRING, 4)?;
    let count = reader.u32()?;
    reader.points(count, points)
}

/// A polygon's points and ring sizes from its WKB.
pub(super) fn read_polygon(bytes: &[u8], points: &mut Vec<[f64; 2]>, rings: &mut Vec<u32>) -> Result<(), CassError> {
    let mut reader = Reader::new(bytes, POLYGON, 4)?;
    let ring_count = reader.u32()?;
    for _ in 0..ring_count {
        let count = reader.u32()?;
        reader.points(count, points)?;
        rings.push(count);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn point_bytes_are_little_endian_wkb() {
        let bytes = point(1.0, -2.0);
        assert_eq!(bytes[..5], [1, 1, 0, 0, 0]);
        assert_eq!(bytes[5..13], 1.0f64.to_le_bytes());
        assert_eq!(bytes[13..], (-2.0f64).to_le_bytes());
        assert_eq!(read_point(&bytes), Ok([1.0, -2.0]));
    }

    #[test]
    fn big_endian_wkb_is_read_too() {
        let mut bytes = vec![0, 0, 0, 0, 2, 0, 0, 0, 1];
        bytes.extend_from_slice(&3.5f64.to_be_bytes());
        bytes.extend_from_slice(&(-4.25f64).to_be_bytes());
        let mut points = Vec::new();
        read_line_string(&bytes, &mut points).unwrap();
        assert_eq!(points, [[3.5, -4.25]]);
    }

    #[test]
    fn short_or_foreign_wkb_is_refused() {
        use CassError::*;
        let p = point(1.0, 2.0);
        assert_eq!(read_point(&p[..20]), Err(CASS_ERROR_LIB_NOT_ENOUGH_DATA));
        assert_eq!(read_point(&[]), Err(CASS_ERROR_LIB_NOT_ENOUGH_DATA));
        let mut other = p;
        other[1] = 2;
        assert_eq!(read_point(&other), Err(CASS_ERROR_LIB_INVALID_DATA));
        other = p;
        other[0] = 7;
        assert_eq!(read_point(&other), Err(CASS_ERROR_LIB_INVALID_DATA));
        // A count larger than the data.
        let huge = [1, 2, 0, 0, 0, 0xff, 0xff, 0xff, 0xff];
        assert_eq!(read_line_string(&huge, &mut Vec::new()), Err(CASS_ERROR_LIB_NOT_ENOUGH_DATA));
        let rings = [1, 3, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0];
        assert_eq!(read_polygon(&rings, &mut Vec::new(), &mut Vec::new()), Err(CASS_ERROR_LIB_NOT_ENOUGH_DATA));
        assert_eq!(read_line_string(&p, &mut Vec::new()), Err(CASS_ERROR_LIB_INVALID_DATA));
    }
}
