//! The setters statements and batches share (`cass_statement_set_*` and `cass_batch_set_*` of
//! the same name): each is written once here, generic over the handle, and the two exports of a
//! pair are one-line calls into it.

use super::settings::{consistency_setting, refuse_custom_payload, RequestSettings};
use crate::custom_payload::CassCustomPayload;
use crate::error::CassError;
use crate::ffi::strings::str_n;
use crate::ffi::{with, ArcHandle, BoxHandle};
use crate::policies::retry::CassRetryPolicy;
use crate::types::{cass_bool_arg, CassConsistencyArg};
use std::ffi::c_char;

/// A statement or a batch: a handle C holds as a Box that carries request settings.
pub(crate) trait WithSettings: BoxHandle {
    /// The settings to change (copied first if a request in flight still uses them).
    fn settings_mut(&mut self) -> &mut RequestSettings;
}

/// Runs `change` on the settings of the handle behind `handle`; NULL: `CASS_ERROR_LIB_BAD_PARAMS`.
pub(crate) fn with_settings<H: WithSettings>(
    handle: *mut H,
    change: impl FnOnce(&mut RequestSettings) -> CassError,
) -> CassError {
    with(handle, CassError::CASS_ERROR_LIB_BAD_PARAMS, |handle| change(handle.settings_mut()))
}

pub(crate) fn set_consistency<H: WithSettings>(handle: *mut H, consistency: CassConsistencyArg) -> CassError {
    with_settings(handle, |s| match consistency_setting(consistency) {
        Ok(c) => {
            s.consistency = c;
            CassError::CASS_OK
        }
        Err(rc) => rc,
    })
}

pub(crate) fn set_serial_consistency<H: WithSettings>(handle: *mut H, consistency: CassConsistencyArg) -> CassError {
    with_settings(handle, |s| match consistency_setting(consistency) {
        Ok(c) => {
            s.serial_consistency = c;
            CassError::CASS_OK
        }
        Err(rc) => rc,
    })
}

pub(crate) fn set_timestamp<H: WithSettings>(handle: *mut H, timestamp: i64) -> CassError {
    with_settings(handle, |s| {
        s.set_timestamp(timestamp);
        CassError::CASS_OK
    })
}

pub(crate) fn set_request_timeout<H: WithSettings>(handle: *mut H, timeout_ms: u64) -> CassError {
    with_settings(handle, |s| {
        s.set_request_timeout_ms(timeout_ms);
        CassError::CASS_OK
    })
}

pub(crate) fn set_is_idempotent<H: WithSettings>(handle: *mut H, is_idempotent: cass_bool_arg) -> CassError {
    with_settings(handle, |s| {
        s.idempotent = Some(is_idempotent.get());
        CassError::CASS_OK
    })
}

pub(crate) fn set_tracing<H: WithSettings>(handle: *mut H, enabled: cass_bool_arg) -> CassError {
    with_settings(handle, |s| {
        s.tracing = enabled.get();
        CassError::CASS_OK
    })
}

pub(crate) fn set_custom_payload<H: WithSettings>(handle: *mut H, payload: *const CassCustomPayload) -> CassError {
    with_settings(handle, |_| refuse_custom_payload(payload))
}

pub(crate) fn set_execution_profile_n<H: WithSettings>(
    handle: *mut H,
    name: *const c_char,
    length: usize,
) -> CassError {
    with_settings(handle, |s| match str_n(name, length) {
        Ok(name) => {
            s.set_execution_profile(name);
            CassError::CASS_OK
        }
        Err(rc) => rc.into(),
    })
}

pub(crate) fn set_keyspace_n<H: WithSettings>(handle: *mut H, keyspace: *const c_char, length: usize) -> CassError {
    with_settings(handle, |s| match str_n(keyspace, length) {
        Ok(keyspace) => {
            s.set_keyspace(keyspace);
            CassError::CASS_OK
        }
        Err(rc) => rc.into(),
    })
}

pub(crate) fn set_retry_policy<H: WithSettings>(handle: *mut H, retry_policy: *mut CassRetryPolicy) -> CassError {
    with_settings(handle, |s| {
        s.retry_policy = CassRetryPolicy::clone_from_ptr(retry_policy);
        CassError::CASS_OK
    })
}
