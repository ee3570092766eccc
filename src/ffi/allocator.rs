//! The library's global allocator: mimalloc (measured cheaper per request than glibc malloc,
//! README "Benchmarks"), or the caller's functions once `cass_alloc_set_functions()` set them.
//!
//! As upstream, the functions must be set before any other call into the library: memory taken
//! from one allocator must go back to it, so the switch is refused (and said so on stderr) once the
//! library has allocated anything. Memory handed to C is only ever freed by the library's own
//! `*_free` functions, so the host's allocator is never mixed with ours either way.

use crate::types::{CassFreeFunction, CassMallocFunction, CassReallocFunction};
use mimalloc::MiMalloc;
use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;
use std::sync::atomic::{AtomicPtr, AtomicU8, Ordering};

/// The alignment C's `malloc` guarantees on the platforms we build for.
const MALLOC_ALIGN: usize = 16;

/// Whether plain `mi_malloc` serves `layout` (as `std`'s System allocator decides for `malloc`):
/// mimalloc's aligned entry point takes a slower path for every block above its small size
/// (1 KiB), over-allocating, which most requests' futures are.
fn plain(layout: &Layout) -> bool {
    layout.align() <= MALLOC_ALIGN && layout.align() <= layout.size()
}

/// The caller's functions (malloc, realloc, free).
struct Functions {
    malloc: extern "C" fn(usize) -> *mut c_void,
    realloc: extern "C" fn(*mut c_void, usize) -> *mut c_void,
    free: extern "C" fn(*mut c_void),
}

/// Which allocator is in use: one load per allocation and per release decides.
static STATE: AtomicU8 = AtomicU8::new(FRESH);
/// Nothing allocated yet: the caller may still choose its functions.
const FRESH: u8 = 0;
/// mimalloc has handed out memory.
const MIMALLOC: u8 = 1;
/// The caller's functions (`USER`) are in use.
const CALLER: u8 = 2;
/// Set once by `cass_alloc_set_functions`, before `STATE` becomes `CALLER`; never freed.
static USER: AtomicPtr<Functions> = AtomicPtr::new(std::ptr::null_mut());

pub(crate) struct LibraryAllocator;

fn user() -> Option<&'static Functions> {
    if STATE.load(Ordering::Relaxed) != CALLER {
        return None;
    }
    // SAFETY: USER was set to a block that is never freed before STATE became CALLER.
    unsafe { USER.load(Ordering::Acquire).as_ref() }
}

// SAFETY: every block is allocated and freed by the same allocator: mimalloc until the caller's
// functions are set, and they can only be set before mimalloc allocated anything; blocks with an
// alignment above malloc's are over-allocated and remember their start (see `user_alloc`).
unsafe impl GlobalAlloc for LibraryAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        match user() {
            Some(functions) => user_alloc(functions, layout),
            None => {
                if STATE.load(Ordering::Relaxed) == FRESH {
                    STATE.store(MIMALLOC, Ordering::Relaxed);
                }
                if plain(&layout) {
                    // SAFETY: mimalloc's malloc aligns every block to 16 bytes (8 for 8-byte
                    // blocks), which covers `layout` (see `plain`).
                    return unsafe { libmimalloc_sys::mi_malloc(layout.size()) as *mut u8 };
                }
                // SAFETY: the caller's layout contract is passed on unchanged.
                unsafe { MiMalloc.alloc(layout) }
            }
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        match user() {
            Some(functions) => user_dealloc(functions, ptr, layout),
            // SAFETY: `ptr` came from mimalloc with this layout (see the impl's SAFETY note).
            None => unsafe { MiMalloc.dealloc(ptr, layout) },
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        match user() {
            Some(functions) if layout.align() <= MALLOC_ALIGN => {
                (functions.realloc)(ptr as *mut c_void, new_size) as *mut u8
            }
            Some(functions) => {
                let Ok(new_layout) = Layout::from_size_align(new_size, layout.align()) else {
                    return std::ptr::null_mut();
                };
                let new = user_alloc(functions, new_layout);
                if !new.is_null() {
                    // SAFETY: both blocks are valid for the smaller of the two sizes and distinct.
                    unsafe { std::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size)) };
                    user_dealloc(functions, ptr, layout);
                }
                new
            }
            // SAFETY: `ptr` is mimalloc's (see `dealloc`); mimalloc's realloc keeps malloc's
            // alignment, which covers `layout` when `plain` holds for the new size too.
            None if layout.align() <= MALLOC_ALIGN && layout.align() <= new_size => unsafe {
                libmimalloc_sys::mi_realloc(ptr as *mut c_void, new_size) as *mut u8
            },
            // SAFETY: as in `dealloc`, and the caller's contract for `new_size`.
            None => unsafe { MiMalloc.realloc(ptr, layout, new_size) },
        }
    }
}

/// A block from the caller's malloc; an alignment above malloc's is reached by allocating more and
/// keeping the start of the block just before the aligned address.
fn user_alloc(functions: &Functions, layout: Layout) -> *mut u8 {
    if layout.align() <= MALLOC_ALIGN {
        return (functions.malloc)(layout.size()) as *mut u8;
    }
    let header = std::mem::size_of::<usize>();
    let Some(total) = layout.size().checked_add(layout.align() + header) else {
        return std::ptr::null_mut();
    };
    let raw = (functions.malloc)(total) as *mut u8;
    if raw.is_null() {
        return raw;
    }
    let aligned = (raw as usize + header).next_multiple_of(layout.align());
    // SAFETY: `aligned - header` lies inside the block (header bytes past `raw`, at most
    // align + header - 1 bytes in), and a usize fits there before `aligned`.
    unsafe { ((aligned - header) as *mut usize).write_unaligned(raw as usize) };
    aligned as *mut u8
}

fn user_dealloc(functions: &Functions, ptr: *mut u8, layout: Layout) {
    if layout.align() <= MALLOC_ALIGN {
        (functions.free)(ptr as *mut c_void);
        return;
    }
    // SAFETY: `user_alloc` stored the block's start just before this aligned address.
    let raw = unsafe { ((ptr as usize - std::mem::size_of::<usize>()) as *const usize).read_unaligned() };
    (functions.free)(raw as *mut c_void);
}

/// Switches the library to the caller's functions (see `cass_alloc_set_functions`); refused, with
/// a message on stderr, once the library has allocated memory. NULL functions change nothing.
pub(crate) fn set_functions(
    malloc_func: CassMallocFunction,
    realloc_func: CassReallocFunction,
    free_func: CassFreeFunction,
) {
    let (Some(malloc), Some(realloc), Some(free)) = (malloc_func, realloc_func, free_func) else {
        return;
    };
    if STATE.load(Ordering::Relaxed) != FRESH {
        eprintln!("cass_alloc_set_functions: ignored, the driver has already allocated memory (call it first)");
        return;
    }
    // The record itself comes from the caller's malloc (nothing is allocated before the switch).
    let record = malloc(std::mem::size_of::<Functions>()) as *mut Functions;
    if record.is_null() {
        return;
    }
    // SAFETY: `record` is a fresh block of Functions' size from malloc (aligned for it), never freed.
    unsafe { record.write(Functions { malloc, realloc, free }) };
    USER.store(record, Ordering::Release);
    STATE.store(CALLER, Ordering::Release);
}
