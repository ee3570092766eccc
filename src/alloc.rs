//! `cass_alloc_set_functions` (cassandra.h, "Allocator"); the allocator itself is `ffi::allocator`.
#![allow(unreachable_pub)] // the C ABI: reached from C, not from Rust

use crate::ffi::allocator::set_functions;
use crate::ffi::guard_before_init;
use crate::types::{CassFreeFunction, CassMallocFunction, CassReallocFunction};

/// Makes the library allocate with the caller's functions (all three, or none: NULL ones keep
/// the library's own allocator). Must be called before any other function of the library, as
/// upstream requires, and is not thread-safe; once the library has allocated memory the call is
/// refused, with a message on stderr, since memory must go back to the allocator it came from.
///
/// @param[in] malloc_func The function that allocates; NULL keeps the library's allocator.
/// @param[in] realloc_func The function that resizes an allocation; NULL keeps the library's allocator.
/// @param[in] free_func The function that frees an allocation; NULL keeps the library's allocator.
#[no_mangle]
pub extern "C" fn cass_alloc_set_functions(
    malloc_func: CassMallocFunction,
    realloc_func: CassReallocFunction,
    free_func: CassFreeFunction,
) {
    // Without the log bridge: setting it up would allocate before the switch.
    guard_before_init(|| set_functions(malloc_func, realloc_func, free_func))
}
