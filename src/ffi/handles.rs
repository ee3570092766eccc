//! How C holds each handle type, and the one accessor exports use to reach the object behind it.
//!
//! A type implements [`Handle`] once and names its [`Handle::Ownership`]; the compiler then gives it
//! exactly one set of pointer operations (a type cannot have two ownerships):
//! - [`Owned`] ([`BoxHandle`]): C owns the object; `*_free` drops the box (CassCluster,
//!   CassStatement, ...).
//! - [`Shared`] ([`ArcHandle`]): C owns one reference count; the library may hold more
//!   (CassSession, CassFuture, CassResult, ...). `*_free` releases C's reference.
//! - [`Borrowed`] ([`RefHandle`]): lent by a parent (a row from its result, a value from its row);
//!   valid as long as the parent, never freed by C.
//!
//! NULL is always accepted and gives `None`; every free is NULL-safe. Exports reach the object with
//! [`with`] (NULL check, borrow or lock, panic boundary in one call).

use super::{guard, PanicAnswer};
use std::sync::Arc;

mod sealed {
    pub(crate) trait Sealed {}
    impl Sealed for super::Owned {}
    impl Sealed for super::Shared {}
    impl Sealed for super::Borrowed {}
}

/// The three ways C can hold a handle; only the markers below implement it.
pub(crate) trait Ownership: sealed::Sealed {}

/// C owns the object as a `Box` and frees it.
pub(crate) enum Owned {}
/// C owns one reference count of an `Arc` and releases it.
pub(crate) enum Shared {}
/// A parent lends the object; C never frees it.
pub(crate) enum Borrowed {}

impl Ownership for Owned {}
impl Ownership for Shared {}
impl Ownership for Borrowed {}

/// A Rust type C holds a pointer to. `Ownership` says how, and decides which of [`BoxHandle`],
/// [`ArcHandle`] or [`RefHandle`] the type gets (they are implemented for it, never by hand).
pub(crate) trait Handle: Sized + 'static {
    type Ownership: Ownership;
}

/// Borrows the object behind a C pointer, whatever its ownership.
#[inline]
fn borrow<'a, H: Handle>(ptr: *const H) -> Option<&'a H> {
    // SAFETY: C passes NULL or a pointer this library handed out (`into_ptr`/`as_ptr`) and has not
    // freed (for a borrowed handle: whose parent it has not freed).
    unsafe { ptr.as_ref() }
}

/// The pointer operations of a `Box`-owned handle.
pub(crate) trait BoxHandle: Handle<Ownership = Owned> {
    /// Hands ownership to C.
    fn into_ptr(self) -> *mut Self {
        Box::into_raw(Box::new(self))
    }
    /// Borrows the object behind a C pointer.
    fn from_ptr<'a>(ptr: *const Self) -> Option<&'a Self> {
        borrow(ptr)
    }
    /// Borrows the object behind a C pointer mutably.
    fn from_ptr_mut<'a>(ptr: *mut Self) -> Option<&'a mut Self> {
        // SAFETY: as in `borrow`; the C API contract gives the caller exclusive use during the call.
        unsafe { ptr.as_mut() }
    }
    /// Takes ownership back from C (the `*_free` functions).
    fn free(ptr: *mut Self) {
        if !ptr.is_null() {
            // SAFETY: `ptr` came from `into_ptr` and C gives it up here.
            drop(unsafe { Box::from_raw(ptr) });
        }
    }
}
impl<H: Handle<Ownership = Owned>> BoxHandle for H {}

/// The pointer operations of an `Arc`-shared handle.
pub(crate) trait ArcHandle: Handle<Ownership = Shared> {
    /// Gives C one reference.
    fn into_ptr(this: Arc<Self>) -> *const Self {
        Arc::into_raw(this)
    }
    /// Borrows the object behind a C pointer.
    fn from_ptr<'a>(ptr: *const Self) -> Option<&'a Self> {
        borrow(ptr)
    }
    /// A new strong reference to the object behind a C pointer.
    fn clone_from_ptr(ptr: *const Self) -> Option<Arc<Self>> {
        if ptr.is_null() {
            return None;
        }
        // SAFETY: as in `borrow`; the count is raised before we build a second Arc.
        unsafe {
            Arc::increment_strong_count(ptr);
            Some(Arc::from_raw(ptr))
        }
    }
    /// Borrows the object behind a C pointer mutably, but only while C's reference is the only
    /// one (no other strong or weak reference exists). `None` for NULL or a shared object.
    fn unique_mut_from_ptr<'a>(ptr: *mut Self) -> Option<&'a mut Self> {
        if ptr.is_null() {
            return None;
        }
        // SAFETY: C passes a pointer from `into_ptr` whose reference it still holds, so rebuilding
        // that Arc is valid; ManuallyDrop keeps C's count as it is when `arc` goes out of scope.
        let mut arc = std::mem::ManuallyDrop::new(unsafe { Arc::from_raw(ptr) });
        let unique: *mut Self = Arc::get_mut(&mut arc)?;
        // SAFETY: `get_mut` succeeded, so C's reference is the only one and no other owner can
        // read or clone the object; the allocation stays alive while C holds that reference, and
        // the C API contract gives the caller exclusive use of the handle during the call.
        Some(unsafe { &mut *unique })
    }
    /// Releases C's reference (the `*_free` functions).
    fn free(ptr: *const Self) {
        if !ptr.is_null() {
            // SAFETY: `ptr` came from `into_ptr` and C gives its reference up here.
            drop(unsafe { Arc::from_raw(ptr) });
        }
    }
}
impl<H: Handle<Ownership = Shared>> ArcHandle for H {}

/// The pointer operations of a handle lent by a parent.
pub(crate) trait RefHandle: Handle<Ownership = Borrowed> {
    /// Lends C a pointer to an object owned by a parent.
    fn as_ptr(this: &Self) -> *const Self {
        this as *const Self
    }
    /// Borrows the object behind a C pointer.
    fn from_ptr<'a>(ptr: *const Self) -> Option<&'a Self> {
        borrow(ptr)
    }
}
impl<H: Handle<Ownership = Borrowed>> RefHandle for H {}

/// A handle whose mutable state sits behind a lock (shared handles C may use from several threads).
pub(crate) trait LockedHandle: Handle {
    type State: 'static;
    fn state(&self) -> &parking_lot::Mutex<Self::State>;
}

/// A C pointer argument and how an export reaches what it points to:
/// - `*const H` (any handle): `&H`;
/// - `*mut H` (a `Box`-owned handle): `&mut H`, C has exclusive use during the call;
/// - [`Locked`]`(ptr)` (a [`LockedHandle`]): its state, locked for the call.
pub(crate) trait Access {
    type Target<'a>
    where
        Self: 'a;
    fn access<R>(self, body: impl FnOnce(Self::Target<'_>) -> R) -> Option<R>;
}

impl<H: Handle> Access for *const H {
    type Target<'a>
        = &'a H
    where
        Self: 'a;
    fn access<R>(self, body: impl FnOnce(&H) -> R) -> Option<R> {
        borrow(self).map(body)
    }
}

impl<H: BoxHandle> Access for *mut H {
    type Target<'a>
        = &'a mut H
    where
        Self: 'a;
    fn access<R>(self, body: impl FnOnce(&mut H) -> R) -> Option<R> {
        H::from_ptr_mut(self).map(body)
    }
}

/// A pointer to a [`LockedHandle`] whose state an export changes under the lock.
pub(crate) struct Locked<H>(pub *const H);

impl<H: LockedHandle> Access for Locked<H> {
    type Target<'a>
        = &'a mut H::State
    where
        Self: 'a;
    fn access<R>(self, body: impl FnOnce(&mut H::State) -> R) -> Option<R> {
        borrow(self.0).map(|handle| body(&mut handle.state().lock()))
    }
}

/// The body of an export that works on one handle: inside the panic boundary, answers `on_null`
/// for NULL, otherwise runs `body` on what `handle` gives access to (see [`Access`]).
#[inline]
pub(crate) fn with<P: Access, R: PanicAnswer>(handle: P, on_null: R, body: impl FnOnce(P::Target<'_>) -> R) -> R {
    guard(|| handle.access(body).unwrap_or(on_null))
}

/// [`with`] for the `void` exports: NULL is ignored.
#[inline]
pub(crate) fn with_void<P: Access>(handle: P, body: impl FnOnce(P::Target<'_>)) {
    with(handle, (), body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::CassError;

    #[derive(Default)]
    struct Counter {
        value: u32,
        locked: parking_lot::Mutex<u32>,
    }
    impl Handle for Counter {
        type Ownership = Owned;
    }
    impl LockedHandle for Counter {
        type State = u32;
        fn state(&self) -> &parking_lot::Mutex<u32> {
            &self.locked
        }
    }

    const NULL_ANSWER: CassError = CassError::CASS_ERROR_LIB_BAD_PARAMS;

    #[test]
    fn null_gives_the_null_answer_and_runs_nothing() {
        let mut ran = false;
        let rc = with(std::ptr::null_mut::<Counter>(), NULL_ANSWER, |_| {
            ran = true;
            CassError::CASS_OK
        });
        assert_eq!(rc, NULL_ANSWER);
        assert!(!ran);
        with_void(Locked(std::ptr::null::<Counter>()), |_| panic!("must not run"));
    }

    #[test]
    fn mut_const_and_locked_access_reach_the_object() {
        let ptr = Counter::default().into_ptr();
        assert_eq!(
            with(ptr, NULL_ANSWER, |c: &mut Counter| {
                c.value = 7;
                CassError::CASS_OK
            }),
            CassError::CASS_OK
        );
        assert_eq!(with(ptr as *const Counter, 0u32, |c: &Counter| c.value), 7);
        with_void(Locked(ptr as *const Counter), |state| *state += 5);
        assert_eq!(with(Locked(ptr as *const Counter), 0u32, |state| *state), 5);
        Counter::free(ptr);
    }

    #[test]
    fn a_panic_gives_the_panic_answer() {
        let ptr = Counter::default().into_ptr();
        let rc = with(ptr, CassError::CASS_OK, |_| -> CassError { panic!("boom") });
        assert_eq!(rc, CassError::CASS_ERROR_LIB_INTERNAL_ERROR);
        Counter::free(ptr);
    }
}
