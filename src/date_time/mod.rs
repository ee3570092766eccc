//! The CQL `date` and `time` types and Unix time in seconds.
//!
//! `date`: days since 1970-01-01 plus 2^31, as an unsigned 32-bit number (so 0 is -5877641-06-23).
//! `time`: nanoseconds since midnight, 0 to 86,399,999,999,999.
//!
//! A time before 1970 is split with floor division: -1 s is 1969-12-31 (date 2^31 - 1) at
//! 23:59:59 (time 86,399,000,000,000), so `time` is always in its range. The C++ driver divides
//! with truncation instead, giving date 2^31 (1970-01-01) and time -1,000,000,000 for -1 s, a
//! time the server's range excludes. For whole days before 1970 and for any time from 1970 on, both
//! give the same values; `cass_date_time_to_epoch` is the same function in both.

mod exports;

const SECONDS_PER_DAY: i64 = 86_400;
const NANOS_PER_SECOND: i64 = 1_000_000_000;
/// The `date` value of 1970-01-01.
const DATE_OF_EPOCH: i64 = 1 << 31;

/// The `date` of a Unix time in seconds (modulo 2^32 outside the type's range of ±2^31 days).
pub(crate) fn date_from_epoch(epoch_secs: i64) -> u32 {
    (epoch_secs.div_euclid(SECONDS_PER_DAY) + DATE_OF_EPOCH) as u32
}

/// The `time` (nanoseconds since midnight UTC) of a Unix time in seconds.
pub(crate) fn time_from_epoch(epoch_secs: i64) -> i64 {
    epoch_secs.rem_euclid(SECONDS_PER_DAY) * NANOS_PER_SECOND
}

/// The Unix time in seconds of a `date` and a `time`; the nanoseconds below a second are dropped
/// (rounding toward zero, as the C++ driver does, also for a negative `time`).
pub(crate) fn date_time_to_epoch(date: u32, time: i64) -> i64 {
    // |days| <= 2^31, so days * 86,400 < 2^48 and the sum cannot overflow.
    (i64::from(date) - DATE_OF_EPOCH) * SECONDS_PER_DAY + time / NANOS_PER_SECOND
}

#[cfg(test)]
mod tests {
    use super::exports::*;
    use super::*;

    const EPOCH_DATE: u32 = 1 << 31;

    #[test]
    fn known_values() {
        assert_eq!(date_from_epoch(0), EPOCH_DATE);
        assert_eq!(time_from_epoch(0), 0);
        // 2022-02-22 19:22:22 UTC: day 19045 since 1970, 69742 s after midnight.
        assert_eq!(date_from_epoch(1_645_557_742), EPOCH_DATE + 19045);
        assert_eq!(time_from_epoch(1_645_557_742), 69_742 * NANOS_PER_SECOND);
        assert_eq!(date_time_to_epoch(EPOCH_DATE + 19045, 69_742 * NANOS_PER_SECOND + 999_999_999), 1_645_557_742);
        assert_eq!(time_from_epoch(86_399), 86_399_999_999_999 - 999_999_999);
        assert_eq!(date_from_epoch(86_400), EPOCH_DATE + 1);
        assert_eq!(time_from_epoch(86_400), 0);
    }

    #[test]
    fn before_1970() {
        assert_eq!(date_from_epoch(-1), EPOCH_DATE - 1);
        assert_eq!(time_from_epoch(-1), 86_399 * NANOS_PER_SECOND);
        assert_eq!(date_from_epoch(-86_400), EPOCH_DATE - 1);
        assert_eq!(time_from_epoch(-86_400), 0);
        assert_eq!(date_from_epoch(-86_401), EPOCH_DATE - 2);
        // 1969-07-20 20:17:40 UTC
        assert_eq!(date_from_epoch(-14_182_940), EPOCH_DATE - 165);
        assert_eq!(time_from_epoch(-14_182_940), (20 * 3600 + 17 * 60 + 40) * NANOS_PER_SECOND);
        // The C++ driver's truncated pair still combines to the same second.
        assert_eq!(date_time_to_epoch(EPOCH_DATE, -NANOS_PER_SECOND), -1);
        assert_eq!(date_time_to_epoch(0, 0), -(1i64 << 31) * SECONDS_PER_DAY);
    }

    #[test]
    fn round_trips() {
        for secs in [
            0,
            1,
            -1,
            59,
            86_399,
            86_400,
            -86_399,
            -86_401,
            1_645_557_742,
            -1_645_557_742,
            253_402_300_799,
            -62_135_596_800,
            (1i64 << 31) * SECONDS_PER_DAY - 1,
            -(1i64 << 31) * SECONDS_PER_DAY,
        ] {
            let (date, time) = (date_from_epoch(secs), time_from_epoch(secs));
            assert!((0..86_400 * NANOS_PER_SECOND).contains(&time), "{secs}");
            assert_eq!(date_time_to_epoch(date, time), secs, "{secs}");
        }
    }

    #[test]
    fn extremes_do_not_panic() {
        for secs in [i64::MIN, i64::MAX, i64::MIN + 1] {
            let _ = cass_date_from_epoch(secs);
            let _ = cass_time_from_epoch(secs);
        }
        assert_eq!(
            cass_date_time_to_epoch(u32::MAX, i64::MAX),
            ((1i64 << 31) - 1) * SECONDS_PER_DAY + i64::MAX / NANOS_PER_SECOND
        );
        let _ = cass_date_time_to_epoch(0, i64::MIN);
    }
}
