//! The FFI toolkit: the only module that turns raw C pointers into Rust references.
//!
//! Every exported function goes through these helpers:
//! - [`guard`]: the panic boundary (a panic becomes the function's "bad input" answer, never an abort);
//! - [`Handle`] and its `Ownership` ([`Owned`], [`Shared`], [`Borrowed`]): how C holds each handle
//!   type, with the pointer operations of that ownership ([`BoxHandle`], [`ArcHandle`], [`RefHandle`]);
//! - [`with`]: NULL check, borrow (or lock) and panic boundary for an export working on one handle;
//! - [`strings`]: `const char*` and `(const char*, size_t)` in, `(const char**, size_t*)` out;
//!
//! The helpers are safe functions over raw pointers on purpose: the pointers come from C, whose API
//! contract (a handle is NULL or live) is what makes the dereference sound, and these helpers are
//! the one place that relies on it.
#![allow(clippy::not_unsafe_ptr_arg_deref)]

pub(crate) mod allocator;
pub(crate) mod handles;
pub(crate) mod strings;

pub(crate) use crate::types::UserData;
pub(crate) use handles::{
    with, with_void, ArcHandle, Borrowed, BoxHandle, Handle, Locked, LockedHandle, Owned, RefHandle, Shared,
};

use crate::error::CassError;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// What an exported function answers when its Rust body panicked.
pub(crate) trait PanicAnswer {
    fn on_panic() -> Self;
}

impl PanicAnswer for CassError {
    fn on_panic() -> Self {
        CassError::CASS_ERROR_LIB_INTERNAL_ERROR
    }
}
impl PanicAnswer for () {
    fn on_panic() -> Self {}
}
impl<T> PanicAnswer for *const T {
    fn on_panic() -> Self {
        std::ptr::null()
    }
}
impl<T> PanicAnswer for *mut T {
    fn on_panic() -> Self {
        std::ptr::null_mut()
    }
}
impl PanicAnswer for crate::types::cass_bool_t {
    fn on_panic() -> Self {
        crate::types::cass_bool_t::cass_false
    }
}
macro_rules! zero_on_panic {
    ($($t:ty),*) => { $(impl PanicAnswer for $t { fn on_panic() -> Self { Default::default() } })* };
}
zero_on_panic!(u8, u16, u32, u64, usize, i8, i16, i32, i64, f32, f64);
impl PanicAnswer for crate::types::CassUuid {
    fn on_panic() -> Self {
        crate::types::CassUuid { time_and_version: 0, clock_seq_and_node: 0 }
    }
}

/// Runs the body of an exported function behind the panic boundary.
#[inline]
pub(crate) fn guard<R: PanicAnswer>(body: impl FnOnce() -> R) -> R {
    // The log bridge must be in place before the first message, whichever function comes first
    // (after the first call this is one atomic load).
    crate::logging::init();
    guard_before_init(body)
}

/// `guard` without setting up the log bridge first: for `cass_alloc_set_functions`, which must
/// run before the library allocates anything.
#[inline]
pub(crate) fn guard_before_init<R: PanicAnswer>(body: impl FnOnce() -> R) -> R {
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(answer) => answer,
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_string());
            tracing::error!("internal error (panic caught at the C boundary): {what}");
            R::on_panic()
        }
    }
}

/// Writes `value` through an out-pointer; NULL out-pointers give `CASS_ERROR_LIB_BAD_PARAMS`.
#[inline]
pub(crate) fn write_out<T>(out: *mut T, value: T) -> CassError {
    if out.is_null() {
        return CassError::CASS_ERROR_LIB_BAD_PARAMS;
    }
    // SAFETY: `out` is non-NULL and the C caller promises it points to writable storage of type T.
    unsafe { out.write(value) };
    CassError::CASS_OK
}

/// Reads a by-pointer C array of `len` elements; NULL with a non-zero length is `None`.
#[inline]
pub(crate) fn slice_arg<'a, T>(ptr: *const T, len: usize) -> Option<&'a [T]> {
    if len == 0 {
        return Some(&[]);
    }
    if ptr.is_null() {
        return None;
    }
    // SAFETY: the C caller promises `ptr` points to `len` readable elements that outlive the call.
    Some(unsafe { std::slice::from_raw_parts(ptr, len) })
}

/// Reads a by-pointer C struct argument (a `const CassInet*`, say); NULL is `None`.
#[inline]
pub(crate) fn struct_arg<'a, T>(ptr: *const T) -> Option<&'a T> {
    // SAFETY: the C caller passes NULL or a pointer to a valid T that outlives the call.
    unsafe { ptr.as_ref() }
}
impl PanicAnswer for crate::types::CassValueType {
    fn on_panic() -> Self {
        crate::types::CassValueType::CASS_VALUE_TYPE_UNKNOWN
    }
}
impl PanicAnswer for crate::types::CassIteratorType {
    fn on_panic() -> Self {
        crate::types::CassIteratorType::CASS_ITERATOR_TYPE_RESULT
    }
}
