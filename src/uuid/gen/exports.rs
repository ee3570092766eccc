//! The `cass_uuid_gen_*` functions.
#![allow(unreachable_pub)] // the C ABI: reached from C, not from Rust

use super::CassUuidGen;
use crate::ffi::{guard, write_out, BoxHandle};
use crate::types::{cass_uint64_t, CassUuid};

/// Creates a UUID generator with a random node (48 random bits with the multicast bit set, drawn
/// per generator) and a random clock sequence. It may be used from any number of threads at once;
/// create one and share it. Must be freed with `cass_uuid_gen_free()`.
///
/// @return A new generator the caller owns and frees with `cass_uuid_gen_free()`.
#[no_mangle]
pub extern "C" fn cass_uuid_gen_new() -> *mut CassUuidGen {
    guard(|| CassUuidGen::new().into_ptr())
}

/// Creates a UUID generator whose time UUIDs carry the low 48 bits of `node` as their node, and a
/// random clock sequence. It may be used from any number of threads at once. Must be freed with
/// `cass_uuid_gen_free()`.
///
/// @param[in] node The node identifier; only its low 48 bits are used.
/// @return A new generator the caller owns and frees with `cass_uuid_gen_free()`.
#[no_mangle]
pub extern "C" fn cass_uuid_gen_new_with_node(node: cass_uint64_t) -> *mut CassUuidGen {
    guard(|| CassUuidGen::with_node(node).into_ptr())
}

/// Frees a UUID generator. NULL is ignored.
///
/// @param[in] uuid_gen The generator to free, or NULL.
#[no_mangle]
pub extern "C" fn cass_uuid_gen_free(uuid_gen: *mut CassUuidGen) {
    guard(|| CassUuidGen::free(uuid_gen))
}

/// Sets `output` to a version-1 (time) UUID for the current time, with the generator's clock
/// sequence and node. Thread-safe; one generator never produces the same UUID twice (at most
/// 10,000 per millisecond: a larger burst waits for the next millisecond). Does nothing when
/// `uuid_gen` or `output` is NULL.
///
/// @param[in] uuid_gen The generator; NULL writes nothing.
/// @param[out] output Where the UUID goes; NULL writes nothing.
#[no_mangle]
pub extern "C" fn cass_uuid_gen_time(uuid_gen: *mut CassUuidGen, output: *mut CassUuid) {
    guard(|| {
        // A NULL output does not use up a tick.
        if let Some(gen) = CassUuidGen::from_ptr(uuid_gen).filter(|_| !output.is_null()) {
            write_out(output, gen.time_uuid());
        }
    })
}

/// Sets `output` to a new version-4 (random) UUID. Thread-safe. Does nothing when `uuid_gen` or
/// `output` is NULL.
///
/// @param[in] uuid_gen The generator; NULL writes nothing.
/// @param[out] output Where the UUID goes; NULL writes nothing.
#[no_mangle]
pub extern "C" fn cass_uuid_gen_random(uuid_gen: *mut CassUuidGen, output: *mut CassUuid) {
    guard(|| {
        if let Some(gen) = CassUuidGen::from_ptr(uuid_gen) {
            write_out(output, gen.random_uuid());
        }
    })
}

/// Sets `output` to the version-1 (time) UUID of the time `timestamp` (milliseconds since the Unix
/// epoch) with the generator's clock sequence and node; the same time gives the same UUID.
/// Thread-safe. Does nothing when `uuid_gen` or `output` is NULL.
///
/// @param[in] uuid_gen The generator; NULL writes nothing.
/// @param[in] timestamp Milliseconds since the Unix epoch.
/// @param[out] output Where the UUID goes; NULL writes nothing.
#[no_mangle]
pub extern "C" fn cass_uuid_gen_from_time(uuid_gen: *mut CassUuidGen, timestamp: cass_uint64_t, output: *mut CassUuid) {
    guard(|| {
        if let Some(gen) = CassUuidGen::from_ptr(uuid_gen) {
            write_out(output, gen.time_uuid_at(timestamp));
        }
    })
}
