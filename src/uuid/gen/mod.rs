//! `CassUuidGen`: version-1 (time) and version-4 (random) UUIDs, shared freely between threads.
//!
//! Time UUIDs: each generator keeps the last 100-ns tick it handed out in an atomic and hands out
//! each tick at most once, so a generator never repeats a UUID, whatever the number of threads.
//! The tick is the wall clock's when the clock has moved past the last one; otherwise the last tick
//! plus one, as long as that stays inside the clock's current millisecond (a burst of more than
//! 10,000 UUIDs in one millisecond waits for the next one, so a UUID's time is never ahead of the
//! clock's millisecond). When the wall clock steps back, ticks go on from the last one instead of
//! waiting for the clock to catch up. This is the C++ driver's scheme with the clock read at 100 ns
//! instead of 1 ms, and without its repeats: it hands the last tick out a second time whenever a
//! thread's clock reading is from an earlier millisecond than the last tick, which happens after a
//! backward step and also when threads share a generator (a thread preempted between reading the
//! clock and taking its tick); `ctests/unit/uuid_inet_time.c` counts a few per 100,000 there.
//!
//! Node: `cass_uuid_gen_new()` draws 48 random bits per generator with the multicast bit set, as
//! RFC 4122 (section 4.5) provides for nodes that are not a network card's address. The C++ driver
//! hashes the host's interface addresses, CPU models and process id instead, also setting the
//! multicast bit; random bits are at least as unique and distinguish two generators of one process.
//! The 14-bit clock sequence is random, and drawn again in a child process after `fork()`.

mod exports;
use super::random;
use super::{with_version, NODE_MASK, TICKS_PER_MS, UNIX_EPOCH_TICKS, VARIANT_RFC4122};
use crate::ffi::{Handle, Owned};
use crate::types::CassUuid;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

/// The multicast bit of a node (the lowest bit of its first byte): marks a node that is not a
/// hardware address.
const MULTICAST_BIT: u64 = 0x0000_0100_0000_0000;
/// The 14 bits of the clock sequence, in place in `clock_seq_and_node`.
const CLOCK_SEQ_MASK: u64 = 0x3FFF_0000_0000_0000;

/// A UUID generator (Box-owned by C; `cass_uuid_gen_free`). Every method takes `&self`: C may use
/// one generator from many threads at once.
pub(crate) struct CassUuidGen {
    /// The variant, the clock sequence and the node of the generator's time UUIDs.
    clock_seq_and_node: AtomicU64,
    /// The last tick handed out by `time_uuid` (0 before the first).
    last_tick: AtomicU64,
    /// The process's fork count when the clock sequence was drawn.
    forks_seen: AtomicU64,
}

impl Handle for CassUuidGen {
    type Ownership = Owned;
}

impl Default for CassUuidGen {
    fn default() -> Self {
        Self::new()
    }
}

impl CassUuidGen {
    /// A generator with a random node (multicast bit set).
    pub(crate) fn new() -> Self {
        Self::with_node_bits((random::next_u64() & NODE_MASK) | MULTICAST_BIT)
    }

    /// A generator with the low 48 bits of `node` as its node.
    pub(crate) fn with_node(node: u64) -> Self {
        Self::with_node_bits(node & NODE_MASK)
    }

    fn with_node_bits(node: u64) -> Self {
        random::watch_forks();
        CassUuidGen {
            clock_seq_and_node: AtomicU64::new(Self::draw_clock_seq(node)),
            last_tick: AtomicU64::new(0),
            forks_seen: AtomicU64::new(random::fork_count()),
        }
    }

    /// A random clock sequence with the variant bits, around `node`.
    fn draw_clock_seq(node: u64) -> u64 {
        VARIANT_RFC4122 | (random::next_u64() & CLOCK_SEQ_MASK) | (node & NODE_MASK)
    }

    /// The variant, clock sequence and node, with a new clock sequence in a forked child: parent
    /// and child share the last tick, and must not share the UUIDs of the ticks that follow.
    fn clock_seq_and_node(&self) -> u64 {
        let forks = random::fork_count();
        if forks != self.forks_seen.load(Relaxed) {
            let old = self.clock_seq_and_node.load(Relaxed);
            let mut new = old;
            while new == old {
                new = Self::draw_clock_seq(old & NODE_MASK);
            }
            self.clock_seq_and_node.store(new, Relaxed);
            self.forks_seen.store(forks, Relaxed);
        }
        self.clock_seq_and_node.load(Relaxed)
    }

    /// The 48-bit node.
    #[cfg(test)]
    pub fn node(&self) -> u64 {
        self.clock_seq_and_node.load(Relaxed) & NODE_MASK
    }

    /// A version-1 UUID for now, never handed out before by this generator.
    pub(crate) fn time_uuid(&self) -> CassUuid {
        let clock_seq_and_node = self.clock_seq_and_node();
        let tick = self.next_tick(now_tick);
        CassUuid { time_and_version: with_version(tick, 1), clock_seq_and_node }
    }

    /// A version-1 UUID for a Unix time in milliseconds, with this generator's clock sequence and
    /// node. The same time gives the same UUID.
    pub(crate) fn time_uuid_at(&self, unix_ms: u64) -> CassUuid {
        CassUuid {
            time_and_version: with_version(super::ticks_from_unix_ms(unix_ms), 1),
            clock_seq_and_node: self.clock_seq_and_node(),
        }
    }

    /// A version-4 (random) UUID: 122 random bits.
    pub(crate) fn random_uuid(&self) -> CassUuid {
        random_uuid()
    }

    /// The next tick (see the module documentation), reading the wall clock from `clock`.
    fn next_tick(&self, clock: impl Fn() -> u64) -> u64 {
        let mut last = self.last_tick.load(Relaxed);
        let mut waits = 0u32;
        loop {
            let now = clock();
            let next = if now > last {
                now
            } else {
                let (last_ms, now_ms) = (last / TICKS_PER_MS, now / TICKS_PER_MS);
                let stepped_back = last_ms > now_ms;
                if stepped_back || (last + 1) / TICKS_PER_MS == now_ms {
                    last + 1
                } else {
                    // This millisecond's 10,000 ticks are all used: wait for the clock.
                    waits = waits.wrapping_add(1);
                    if waits % 64 == 0 {
                        std::thread::yield_now();
                    } else {
                        std::hint::spin_loop();
                    }
                    last = self.last_tick.load(Relaxed);
                    continue;
                }
            };
            // A read-modify-write on one atomic: each value of `last_tick` is stored once, so each
            // tick goes to exactly one caller. Nothing else is published through it: Relaxed.
            match self.last_tick.compare_exchange_weak(last, next, Relaxed, Relaxed) {
                Ok(_) => return next,
                Err(current) => last = current,
            }
        }
    }
}

/// A version-4 UUID from this thread's random generator.
pub(crate) fn random_uuid() -> CassUuid {
    let high = random::next_u64();
    let low = random::next_u64();
    CassUuid { time_and_version: with_version(high, 4), clock_seq_and_node: VARIANT_RFC4122 | (low >> 2) }
}

/// The wall clock as a UUID tick: 100-ns intervals since 1582-10-15 00:00 UTC. A clock set before
/// 1970 reads as the epoch.
#[cfg(unix)]
fn now_tick() -> u64 {
    // clock_gettime directly: `SystemTime::now().duration_since(UNIX_EPOCH)` measured a quarter
    // slower per time UUID (its checked subtraction is not inlined).
    let mut now = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `now` is a valid, writable timespec; CLOCK_REALTIME always exists.
    unsafe { libc::clock_gettime(libc::CLOCK_REALTIME, &mut now) };
    if now.tv_sec < 0 {
        return UNIX_EPOCH_TICKS;
    }
    UNIX_EPOCH_TICKS + now.tv_sec as u64 * 10_000_000 + now.tv_nsec as u64 / 100
}

#[cfg(not(unix))]
fn now_tick() -> u64 {
    use std::time::{SystemTime, UNIX_EPOCH};
    let since_epoch = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default();
    UNIX_EPOCH_TICKS + since_epoch.as_secs() * 10_000_000 + u64::from(since_epoch.subsec_nanos() / 100)
}

#[cfg(test)]
mod tests {
    use super::exports::*;
    use super::*;
    use std::cell::Cell;
    use std::collections::HashSet;
    use std::sync::Arc;
    use std::time::{SystemTime, UNIX_EPOCH};

    #[test]
    fn time_uuids_have_version_variant_node_and_now() {
        let gen = CassUuidGen::new();
        assert_ne!(gen.node() & MULTICAST_BIT, 0);
        let before = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_millis() as u64;
        let u = gen.time_uuid();
        let after = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_millis() as u64;
        assert_eq!(u.version(), 1);
        assert_eq!(u.clock_seq_and_node >> 62, 0b10);
        assert_eq!(u.clock_seq_and_node & NODE_MASK, gen.node());
        assert!((before..=after).contains(&u.unix_ms()), "{before} <= {} <= {after}", u.unix_ms());
        // The uuid crate reads the same time and node.
        let parsed = uuid::Uuid::from_bytes(u.to_bytes());
        assert_eq!(parsed.get_version_num(), 1);
        let (secs, nanos) = parsed.get_timestamp().unwrap().to_unix();
        assert_eq!(secs * 1000 + u64::from(nanos) / 1_000_000, u.unix_ms());
    }

    #[test]
    fn given_node_and_time() {
        let gen = CassUuidGen::with_node(0xFFFF_1234_5678_9ABC);
        assert_eq!(gen.node(), 0x1234_5678_9ABC);
        let u = gen.time_uuid_at(1_645_557_742_000);
        assert_eq!(u.unix_ms(), 1_645_557_742_000);
        assert_eq!(u.version(), 1);
        assert_eq!(u, gen.time_uuid_at(1_645_557_742_000));
        assert_eq!(u.clock_seq_and_node, gen.time_uuid().clock_seq_and_node);
        assert_eq!(&u.to_text()[..18], b"c232ab00-9414-11ec");
        assert_eq!(&u.to_text()[24..], b"123456789abc");
    }

    #[test]
    fn random_uuids() {
        let gen = CassUuidGen::new();
        let mut seen = HashSet::new();
        for _ in 0..10_000 {
            let u = gen.random_uuid();
            assert_eq!(u.version(), 4);
            assert_eq!(u.clock_seq_and_node >> 62, 0b10);
            assert_eq!(uuid::Uuid::from_bytes(u.to_bytes()).get_version_num(), 4);
            assert!(seen.insert(u.to_bytes()));
        }
    }

    #[test]
    fn ticks_follow_the_clock_and_count_within_a_millisecond() {
        let gen = CassUuidGen::new();
        let base = UNIX_EPOCH_TICKS + 1_000_000 * TICKS_PER_MS; // start of a millisecond
        assert_eq!(gen.next_tick(|| base + 5), base + 5);
        // The clock did not move: count on.
        assert_eq!(gen.next_tick(|| base + 5), base + 6);
        assert_eq!(gen.next_tick(|| base + 5), base + 7);
        // The clock moved past: follow it.
        assert_eq!(gen.next_tick(|| base + 100), base + 100);
        // The clock stepped back inside the millisecond: count on.
        assert_eq!(gen.next_tick(|| base + 50), base + 101);
    }

    #[test]
    fn a_full_millisecond_waits_for_the_clock() {
        let gen = CassUuidGen::new();
        let base = UNIX_EPOCH_TICKS + 1_000_000 * TICKS_PER_MS;
        gen.last_tick.store(base + TICKS_PER_MS - 1, Relaxed); // the last tick of the millisecond
        let reads = Cell::new(0);
        let clock = || {
            reads.set(reads.get() + 1);
            if reads.get() < 100 {
                base + 3
            } else {
                base + TICKS_PER_MS + 2
            }
        };
        assert_eq!(gen.next_tick(clock), base + TICKS_PER_MS + 2);
        assert_eq!(reads.get(), 100);
    }

    #[test]
    fn a_clock_stepping_back_never_blocks_or_repeats() {
        let gen = CassUuidGen::new();
        let base = UNIX_EPOCH_TICKS + 1_000_000 * TICKS_PER_MS;
        assert_eq!(gen.next_tick(|| base + 3 * TICKS_PER_MS), base + 3 * TICKS_PER_MS);
        // One second back: carry on from the last tick, past millisecond boundaries.
        let back = base - 10_000_000;
        let mut previous = base + 3 * TICKS_PER_MS;
        for _ in 0..(2 * TICKS_PER_MS) {
            let tick = gen.next_tick(|| back);
            assert_eq!(tick, previous + 1);
            previous = tick;
        }
        // Once the clock is past the last tick again, follow it.
        assert_eq!(gen.next_tick(|| base + 10 * TICKS_PER_MS), base + 10 * TICKS_PER_MS);
    }

    #[test]
    fn no_duplicates_across_threads() {
        const THREADS: usize = 4;
        const PER_THREAD: usize = 50_000;
        let gen = Arc::new(CassUuidGen::new());
        let handles: Vec<_> = (0..THREADS)
            .map(|_| {
                let gen = Arc::clone(&gen);
                std::thread::spawn(move || {
                    let mut out = Vec::with_capacity(PER_THREAD);
                    let mut previous = 0;
                    for _ in 0..PER_THREAD {
                        let u = gen.time_uuid();
                        // Each thread sees increasing times.
                        assert!(u.time_and_version > previous);
                        previous = u.time_and_version;
                        out.push(u);
                    }
                    out
                })
            })
            .collect();
        let mut all = HashSet::new();
        for handle in handles {
            for u in handle.join().unwrap() {
                assert!(all.insert(u.to_bytes()), "duplicate {u:?}");
            }
        }
        assert_eq!(all.len(), THREADS * PER_THREAD);
    }

    #[test]
    fn a_fork_draws_a_new_clock_sequence() {
        let gen = CassUuidGen::with_node(42);
        let mut sequences = HashSet::new();
        sequences.insert(gen.time_uuid().clock_seq_and_node);
        // Pretend to be the child of a few forks (a repeat of the 14-bit value is possible but
        // five equal draws in a row are not).
        for _ in 0..5 {
            gen.forks_seen.fetch_sub(1, Relaxed);
            let u = gen.time_uuid();
            assert_eq!(u.clock_seq_and_node & NODE_MASK, 42);
            assert_eq!(u.clock_seq_and_node >> 62, 0b10);
            sequences.insert(u.clock_seq_and_node);
        }
        assert!(sequences.len() > 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_real_fork_changes_the_random_stream_and_the_clock_sequence() {
        let gen = CassUuidGen::new();
        gen.time_uuid();
        random::next_u64();
        let mut fds = [0; 2];
        // SAFETY: a pipe into a local array; the child only computes two values, writes them and
        // leaves with _exit (no destructors, no test harness code).
        unsafe {
            assert_eq!(libc::pipe(fds.as_mut_ptr()), 0);
            let pid = libc::fork();
            assert!(pid >= 0);
            if pid == 0 {
                let values = [random::next_u64(), gen.time_uuid().clock_seq_and_node];
                libc::write(fds[1], values.as_ptr().cast(), 16);
                libc::_exit(0);
            }
            let ours = [random::next_u64(), gen.time_uuid().clock_seq_and_node];
            let mut theirs = [0u64; 2];
            let read = libc::read(fds[0], theirs.as_mut_ptr().cast(), 16);
            let mut status = 0;
            libc::waitpid(pid, &mut status, 0);
            libc::close(fds[0]);
            libc::close(fds[1]);
            assert_eq!(read, 16);
            assert_ne!(ours[0], theirs[0], "the child repeated the parent's random numbers");
            assert_ne!(ours[1], theirs[1], "the child kept the parent's clock sequence");
            assert_eq!(ours[1] & NODE_MASK, theirs[1] & NODE_MASK);
        }
    }

    #[test]
    fn exports_ignore_null() {
        let gen = cass_uuid_gen_new_with_node(7);
        let mut u = CassUuid::default();
        cass_uuid_gen_time(gen, &mut u);
        assert_eq!(u.version(), 1);
        cass_uuid_gen_random(gen, &mut u);
        assert_eq!(u.version(), 4);
        cass_uuid_gen_from_time(gen, 0, &mut u);
        assert_eq!(u.unix_ms(), 0);
        let before = u;
        cass_uuid_gen_time(std::ptr::null_mut(), &mut u);
        cass_uuid_gen_random(std::ptr::null_mut(), &mut u);
        cass_uuid_gen_from_time(std::ptr::null_mut(), 5, &mut u);
        assert_eq!(u, before);
        cass_uuid_gen_time(gen, std::ptr::null_mut());
        cass_uuid_gen_random(gen, std::ptr::null_mut());
        cass_uuid_gen_from_time(gen, 5, std::ptr::null_mut());
        cass_uuid_gen_free(gen);
        cass_uuid_gen_free(std::ptr::null_mut());
    }
}
