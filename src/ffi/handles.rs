//! How C holds each handle type. A type picks exactly one of the three traits.
//!
//! - [`BoxHandle`]: C owns the object; `*_free` drops the box (CassCluster, CassStatement, ...).
//! - [`ArcHandle`]: C owns one reference count; the library may hold more (CassSession, CassFuture,
//!   CassResult, ...). `*_free` releases C's reference.
//! - [`RefHandle`]: borrowed from a parent (a row from its result, a value from its row); valid as
//!   long as the parent, never freed by C.
//!
//! NULL is always accepted and gives `None`; every free is NULL-safe.

use std::sync::Arc;

pub trait BoxHandle: Sized {
    /// Hands ownership to C.
    fn into_ptr(self) -> *mut Self {
        Box::into_raw(Box::new(self))
    }
    /// Borrows the object behind a C pointer.
    fn from_ptr<'a>(ptr: *const Self) -> Option<&'a Self> {
        // SAFETY: C passes NULL or a pointer obtained from `into_ptr` and not yet freed.
        unsafe { ptr.as_ref() }
    }
    /// Borrows the object behind a C pointer mutably.
    fn from_ptr_mut<'a>(ptr: *mut Self) -> Option<&'a mut Self> {
        // SAFETY: as above; the C API contract gives the caller exclusive use during the call.
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

pub trait ArcHandle: Sized {
    /// Gives C one reference.
    fn into_ptr(this: Arc<Self>) -> *const Self {
        Arc::into_raw(this)
    }
    /// Borrows the object behind a C pointer.
    fn from_ptr<'a>(ptr: *const Self) -> Option<&'a Self> {
        // SAFETY: C passes NULL or a pointer from `into_ptr` whose reference it still holds.
        unsafe { ptr.as_ref() }
    }
    /// A new strong reference to the object behind a C pointer.
    fn clone_from_ptr(ptr: *const Self) -> Option<Arc<Self>> {
        if ptr.is_null() {
            return None;
        }
        // SAFETY: as in `from_ptr`; the count is raised before we build a second Arc.
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

pub trait RefHandle: Sized {
    /// Lends C a pointer to an object owned by a parent.
    fn as_ptr(this: &Self) -> *const Self {
        this as *const Self
    }
    /// Borrows the object behind a C pointer.
    fn from_ptr<'a>(ptr: *const Self) -> Option<&'a Self> {
        // SAFETY: C passes NULL or a pointer we lent, whose parent it has not freed.
        unsafe { ptr.as_ref() }
    }
}
