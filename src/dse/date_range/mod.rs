//! DSE date ranges (`dse.h`): the `DseDateRange` helpers, the wire form of
//! `org.apache.cassandra.db.marshal.DateRangeType`, and reading one from a result.
//!
//! Wire form: a kind byte, then the bounds it needs, each a big-endian `i64` of milliseconds
//! since the epoch and a precision byte. Kinds: 0 single date (one bound), 1 closed range (two),
//! 2 open above (the lower bound), 3 open below (the upper bound), 4 open on both sides (none),
//! 5 single unbounded date (none).

pub(crate) mod exports;
use super::DATE_RANGE_CLASS;
use super::{DseDateRange, DseDateRangeBound, DseDateRangePrecision, DseDateRangePrecisionArg};
use crate::encode::Input;
use crate::error::CassError;
use crate::ffi::{struct_arg, write_out, PanicAnswer};
use crate::types::cass_bool_arg;

const SINGLE_DATE: u8 = 0;
const CLOSED_RANGE: u8 = 1;
const OPEN_RANGE_HIGH: u8 = 2;
const OPEN_RANGE_LOW: u8 = 3;
const BOTH_OPEN_RANGE: u8 = 4;
const SINGLE_DATE_OPEN: u8 = 5;

/// The longest wire form: the kind and two bounds.
const MAX_SIZE: usize = 1 + 2 * 9;

impl PanicAnswer for DseDateRangeBound {
    fn on_panic() -> Self {
        unbounded()
    }
}

fn unbounded() -> DseDateRangeBound {
    DseDateRangeBound { precision: DseDateRangePrecision::DSE_DATE_RANGE_PRECISION_UNBOUNDED.into(), time_ms: -1 }
}

fn is_unbounded(bound: &DseDateRangeBound) -> bool {
    bound.precision.get() == Some(DseDateRangePrecision::DSE_DATE_RANGE_PRECISION_UNBOUNDED)
}

/// The wire form of `range`: the buffer and its used length.
pub(crate) fn encode(range: &DseDateRange) -> ([u8; MAX_SIZE], usize) {
    let (lower, upper) = (&range.lower_bound, &range.upper_bound);
    let (kind, bounds): (u8, &[&DseDateRangeBound]) = if range.is_single_date.get() {
        if is_unbounded(lower) {
            (SINGLE_DATE_OPEN, &[])
        } else {
            (SINGLE_DATE, &[lower])
        }
    } else {
        match (is_unbounded(lower), is_unbounded(upper)) {
            (true, true) => (BOTH_OPEN_RANGE, &[]),
            (false, true) => (OPEN_RANGE_HIGH, &[lower]),
            (true, false) => (OPEN_RANGE_LOW, &[upper]),
            (false, false) => (CLOSED_RANGE, &[lower, upper]),
        }
    };
    let mut out = [0u8; MAX_SIZE];
    out[0] = kind;
    let mut len = 1;
    for bound in bounds {
        out[len..len + 8].copy_from_slice(&bound.time_ms.to_be_bytes());
        // The precision travels as one byte, as C gave it.
        out[len + 8] = bound.precision.0 as u8;
        len += 9;
    }
    (out, len)
}

/// Reads the wire form, with the C++ driver's error codes: empty or shorter than its kind needs
/// `CASS_ERROR_LIB_NOT_ENOUGH_DATA`, an unknown kind `CASS_ERROR_LIB_INVALID_DATA`. Bounds the
/// kind does not carry are unbounded.
pub(crate) fn decode(bytes: &[u8]) -> Result<DseDateRange, CassError> {
    let (&kind, rest) = bytes.split_first().ok_or(CassError::CASS_ERROR_LIB_NOT_ENOUGH_DATA)?;
    let bound_count = match kind {
        BOTH_OPEN_RANGE | SINGLE_DATE_OPEN => 0,
        SINGLE_DATE | OPEN_RANGE_HIGH | OPEN_RANGE_LOW => 1,
        CLOSED_RANGE => 2,
        _ => return Err(CassError::CASS_ERROR_LIB_INVALID_DATA),
    };
    if rest.len() < bound_count * 9 {
        return Err(CassError::CASS_ERROR_LIB_NOT_ENOUGH_DATA);
    }
    let bound_at = |i: usize| {
        let field = &rest[i * 9..i * 9 + 9];
        let mut time = [0u8; 8];
        time.copy_from_slice(&field[..8]);
        DseDateRangeBound { precision: DseDateRangePrecisionArg(field[8] as u32), time_ms: i64::from_be_bytes(time) }
    };
    let mut range = DseDateRange {
        is_single_date: cass_bool_arg((kind == SINGLE_DATE || kind == SINGLE_DATE_OPEN) as u32),
        lower_bound: unbounded(),
        upper_bound: unbounded(),
    };
    match kind {
        SINGLE_DATE | OPEN_RANGE_HIGH => range.lower_bound = bound_at(0),
        OPEN_RANGE_LOW => range.upper_bound = bound_at(0),
        CLOSED_RANGE => {
            range.lower_bound = bound_at(0);
            range.upper_bound = bound_at(1);
        }
        _ => {}
    }
    Ok(range)
}

/// A date range as a value to bind, append or set. NULL is `CASS_ERROR_LIB_BAD_PARAMS`.
pub(crate) fn date_range_input<'a>(range: *const DseDateRange) -> Result<Input<'a>, CassError> {
    let range = struct_arg(range).ok_or(CassError::CASS_ERROR_LIB_BAD_PARAMS)?;
    let (bytes, len) = encode(range);
    Ok(Input::custom_inline(DATE_RANGE_CLASS, &bytes[..len]))
}

/// Writes one field of the C struct at `range` (which C owns), leaving the others untouched.
fn write_field<T>(range: *mut DseDateRange, offset: usize, value: T) {
    write_out(range.cast::<u8>().wrapping_add(offset).cast::<T>(), value);
}

#[cfg(test)]
mod tests {
    use super::*;
    use DseDateRangePrecision::*;

    fn bound(precision: DseDateRangePrecision, time_ms: i64) -> DseDateRangeBound {
        DseDateRangeBound { precision: precision.into(), time_ms }
    }

    fn range(single: bool, lower: DseDateRangeBound, upper: DseDateRangeBound) -> DseDateRange {
        DseDateRange { is_single_date: cass_bool_arg(single as u32), lower_bound: lower, upper_bound: upper }
    }

    fn encoded(r: &DseDateRange) -> Vec<u8> {
        let (bytes, len) = encode(r);
        bytes[..len].to_vec()
    }

    #[test]
    fn every_kind_has_pinned_bytes_and_round_trips() {
        let t = 1_500_000_000_123i64;
        let tb = t.to_be_bytes();
        let cases = [
            (range(true, bound(DSE_DATE_RANGE_PRECISION_DAY, t), unbounded()), [&[0u8][..], &tb, &[2]].concat()),
            (range(true, unbounded(), unbounded()), vec![5]),
            (range(false, unbounded(), unbounded()), vec![4]),
            (range(false, bound(DSE_DATE_RANGE_PRECISION_YEAR, t), unbounded()), [&[2u8][..], &tb, &[0]].concat()),
            (
                range(false, unbounded(), bound(DSE_DATE_RANGE_PRECISION_MILLISECOND, t)),
                [&[3u8][..], &tb, &[6]].concat(),
            ),
            (
                range(false, bound(DSE_DATE_RANGE_PRECISION_MONTH, -5), bound(DSE_DATE_RANGE_PRECISION_HOUR, t)),
                [&[1u8][..], &(-5i64).to_be_bytes(), &[1], &tb, &[3]].concat(),
            ),
        ];
        for (r, bytes) in cases {
            assert_eq!(encoded(&r), bytes);
            let back = decode(&bytes).unwrap();
            assert_eq!(back.is_single_date.get(), r.is_single_date.get());
            assert_eq!(back.lower_bound, r.lower_bound);
            if !r.is_single_date.get() {
                assert_eq!(back.upper_bound, r.upper_bound);
            }
        }
    }

    #[test]
    fn short_or_unknown_bytes_are_refused() {
        assert_eq!(decode(&[]).unwrap_err(), CassError::CASS_ERROR_LIB_NOT_ENOUGH_DATA);
        assert_eq!(decode(&[1, 0, 0]).unwrap_err(), CassError::CASS_ERROR_LIB_NOT_ENOUGH_DATA);
        assert_eq!(decode(&[0; 9]).unwrap_err(), CassError::CASS_ERROR_LIB_NOT_ENOUGH_DATA);
        assert_eq!(decode(&[6]).unwrap_err(), CassError::CASS_ERROR_LIB_INVALID_DATA);
    }
}
