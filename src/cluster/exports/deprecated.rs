//! Cluster settings the C++ driver has deprecated and ignores (its cluster.cpp returns `CASS_OK`
//! without storing them): accepted here too, so that programs written for older drivers keep
//! compiling, linking and running. Each answers `CASS_OK` for a cluster and
//! `CASS_ERROR_LIB_BAD_PARAMS` for NULL.
#![allow(unreachable_pub)] // the C ABI: reached from C, not from Rust

use super::super::CassCluster;
use crate::error::CassError;
use crate::ffi::with;
use std::ffi::c_uint;

/// Accepts a deprecated setting without using it.
fn ignored(cluster: *mut CassCluster, value: c_uint) -> CassError {
    with(cluster, CassError::CASS_ERROR_LIB_BAD_PARAMS, |_| {
        let _ = value;
        CassError::CASS_OK
    })
}

/// Deprecated upstream and ignored, as by the C++ driver: pools keep
/// `cass_cluster_set_core_connections_per_host()` connections.
///
/// @param[in] cluster The cluster configuration; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] num_connections Ignored.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL cluster.
#[no_mangle]
pub extern "C" fn cass_cluster_set_max_connections_per_host(
    cluster: *mut CassCluster,
    num_connections: c_uint,
) -> CassError {
    ignored(cluster, num_connections)
}

/// Deprecated upstream and ignored, as by the C++ driver.
///
/// @param[in] cluster The cluster configuration; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] num_connections Ignored.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL cluster.
#[no_mangle]
pub extern "C" fn cass_cluster_set_max_concurrent_creation(
    cluster: *mut CassCluster,
    num_connections: c_uint,
) -> CassError {
    ignored(cluster, num_connections)
}

/// Deprecated upstream and ignored, as by the C++ driver.
///
/// @param[in] cluster The cluster configuration; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] num_requests Ignored.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL cluster.
#[no_mangle]
pub extern "C" fn cass_cluster_set_max_concurrent_requests_threshold(
    cluster: *mut CassCluster,
    num_requests: c_uint,
) -> CassError {
    ignored(cluster, num_requests)
}

/// Deprecated upstream and ignored, as by the C++ driver.
///
/// @param[in] cluster The cluster configuration; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] num_requests Ignored.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL cluster.
#[no_mangle]
pub extern "C" fn cass_cluster_set_max_requests_per_flush(
    cluster: *mut CassCluster,
    num_requests: c_uint,
) -> CassError {
    ignored(cluster, num_requests)
}

/// Deprecated upstream and ignored, as by the C++ driver.
///
/// @param[in] cluster The cluster configuration; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] num_bytes Ignored.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL cluster.
#[no_mangle]
pub extern "C" fn cass_cluster_set_write_bytes_high_water_mark(
    cluster: *mut CassCluster,
    num_bytes: c_uint,
) -> CassError {
    ignored(cluster, num_bytes)
}

/// Deprecated upstream and ignored, as by the C++ driver.
///
/// @param[in] cluster The cluster configuration; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] num_bytes Ignored.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL cluster.
#[no_mangle]
pub extern "C" fn cass_cluster_set_write_bytes_low_water_mark(
    cluster: *mut CassCluster,
    num_bytes: c_uint,
) -> CassError {
    ignored(cluster, num_bytes)
}

/// Deprecated upstream and ignored, as by the C++ driver.
///
/// @param[in] cluster The cluster configuration; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] num_requests Ignored.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL cluster.
#[no_mangle]
pub extern "C" fn cass_cluster_set_pending_requests_high_water_mark(
    cluster: *mut CassCluster,
    num_requests: c_uint,
) -> CassError {
    ignored(cluster, num_requests)
}

/// Deprecated upstream and ignored, as by the C++ driver.
///
/// @param[in] cluster The cluster configuration; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] num_requests Ignored.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL cluster.
#[no_mangle]
pub extern "C" fn cass_cluster_set_pending_requests_low_water_mark(
    cluster: *mut CassCluster,
    num_requests: c_uint,
) -> CassError {
    ignored(cluster, num_requests)
}

/// Deprecated upstream and ignored, as by the C++ driver (events have no queue to size here
/// either: the crate hands them to its metadata worker).
///
/// @param[in] cluster The cluster configuration; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] queue_size Ignored.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL cluster.
#[no_mangle]
pub extern "C" fn cass_cluster_set_queue_size_event(cluster: *mut CassCluster, queue_size: c_uint) -> CassError {
    ignored(cluster, queue_size)
}
