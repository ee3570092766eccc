//! Random bits for UUIDs: a per-thread xoshiro256++ generator seeded from the operating system,
//! and a fork counter so that a child process never repeats its parent's random or time UUIDs.
//!
//! Why our own generator: `cass_uuid_gen_random` is called in hot loops, and asking the kernel for
//! 16 bytes each time (`getrandom(2)`, what `uuid::Uuid::new_v4` does) costs a system call per UUID.
//! A per-thread generator needs no lock and no system call after its seed. The C++ driver uses a
//! Mersenne twister per `CassUuidGen` behind a mutex; v4 UUIDs need uniqueness, not secrecy, so a
//! fast statistical generator with 256 bits of state seeded from the kernel is enough.
//!
//! Fork: a child process inherits the parent's memory, so both would continue the same random
//! sequence (and the same v1 clock). A `pthread_atfork` child handler counts forks; each thread
//! reseeds when the count it saw last changed, and each `CassUuidGen` draws a new clock sequence.

use std::cell::Cell;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Once;

/// How many times this process is a fork child of the process that loaded the library.
static FORKS: AtomicU64 = AtomicU64::new(0);
static WATCH_FORKS: Once = Once::new();

#[cfg(unix)]
extern "C" fn count_fork_in_child() {
    // Only an atomic increment: the child handler runs where only async-signal-safe work is allowed.
    FORKS.fetch_add(1, Ordering::Release);
}

/// Makes sure forks are counted from now on (registered once per process).
pub(super) fn watch_forks() {
    WATCH_FORKS.call_once(|| {
        #[cfg(unix)]
        // SAFETY: registers a handler that only touches a static atomic; no pointers are passed.
        unsafe {
            libc::pthread_atfork(None, None, Some(count_fork_in_child));
        }
    });
}

/// The current fork count (see [`watch_forks`]).
#[inline]
pub(super) fn fork_count() -> u64 {
    FORKS.load(Ordering::Acquire)
}

/// xoshiro256++ (Blackman and Vigna): 256 bits of state, period 2^256 - 1.
#[derive(Clone, Copy)]
struct Xoshiro256pp {
    s: [u64; 4],
}

impl Xoshiro256pp {
    fn from_seed(seed: [u64; 4]) -> Self {
        // The all-zero state is the one state the generator cannot leave.
        let s = if seed == [0; 4] { [0x9E37_79B9_7F4A_7C15, 1, 2, 3] } else { seed };
        Xoshiro256pp { s }
    }

    fn next(&mut self) -> u64 {
        let [s0, s1, s2, s3] = self.s;
        let out = s0.wrapping_add(s3).rotate_left(23).wrapping_add(s0);
        let shifted = s1 << 17;
        let n2 = s2 ^ s0;
        let n3 = s3 ^ s1;
        let n1 = s1 ^ n2;
        let n0 = s0 ^ n3;
        self.s = [n0, n1, n2 ^ shifted, n3.rotate_left(45)];
        out
    }
}

/// 256 bits from the operating system's random source (through the `uuid` crate's `getrandom`).
fn os_seed() -> [u64; 4] {
    let a = uuid::Uuid::new_v4().as_u64_pair();
    let b = uuid::Uuid::new_v4().as_u64_pair();
    // Each v4 UUID carries 122 random bits; four halves give 244 bits of seed.
    [a.0, a.1, b.0, b.1]
}

thread_local! {
    /// This thread's generator and the fork count at its seeding; `None` until first used.
    static THREAD_RNG: Cell<Option<(Xoshiro256pp, u64)>> = const { Cell::new(None) };
}

/// 64 random bits from this thread's generator (seeded on first use and again after a fork).
pub(super) fn next_u64() -> u64 {
    THREAD_RNG.with(|cell| {
        let forks = fork_count();
        let mut rng = match cell.get() {
            Some((rng, seen)) if seen == forks => rng,
            _ => {
                watch_forks();
                Xoshiro256pp::from_seed(os_seed())
            }
        };
        let value = rng.next();
        cell.set(Some((rng, forks)));
        value
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xoshiro_reference_values() {
        // The published first outputs of xoshiro256++ from the state {1, 2, 3, 4} (the vector
        // every port of the authors' xoshiro256plusplus.c checks against).
        let mut rng = Xoshiro256pp::from_seed([1, 2, 3, 4]);
        let expected = [41943041, 58720359, 3588806011781223, 3591011842654386, 9228616714210784205];
        for value in expected {
            assert_eq!(rng.next(), value);
        }
    }

    #[test]
    fn threads_draw_different_streams() {
        let here: Vec<u64> = (0..4).map(|_| next_u64()).collect();
        let there: Vec<u64> = std::thread::spawn(|| (0..4).map(|_| next_u64()).collect()).join().unwrap();
        assert_ne!(here, there);
        assert_ne!(here[0], here[1]);
    }

    #[test]
    fn a_fork_reseeds() {
        next_u64();
        // Pretend this thread last drew before a fork (the global count stays as it is: other
        // tests running at the same time rely on it).
        let (before, seen) = THREAD_RNG.with(|c| c.get()).unwrap();
        THREAD_RNG.with(|c| c.set(Some((before, seen.wrapping_sub(1)))));
        next_u64();
        let (after, seen_now) = THREAD_RNG.with(|c| c.get()).unwrap();
        assert_eq!(seen_now, fork_count());
        let mut continued = before;
        continued.next();
        assert_ne!(after.s, continued.s);
    }
}
