//! The cloud secure connection bundle setters (`cass_cluster_set_cloud_secure_connection_bundle*`).
#![allow(unreachable_pub)] // the C ABI: reached from C, not from Rust

use super::super::CassCluster;
use crate::cluster::cloud::set_bundle;
use crate::error::CassError;
use crate::ffi::strings::safe_strlen;
use std::ffi::c_char;

/// Reads the cloud secure connection bundle at `path` (a zip file: config.json, ca.crt, cert,
/// key) and checks it: a missing or invalid file, or a cluster that already has contact points or
/// an SSL context, gives `CASS_ERROR_LIB_BAD_PARAMS` with an error log line. Connecting through
/// the cloud's proxy is not implemented: a session connecting with a bundle fails with
/// `CASS_ERROR_LIB_UNABLE_TO_CONNECT` and a message saying so.
///
/// @param[in] cluster The cluster configuration; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] path The bundle's file path, NUL-terminated.
/// @return `CASS_OK` once the bundle is loaded; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL cluster or path, an unreadable
///   or invalid bundle, or contact points or TLS settings already set.
#[no_mangle]
pub extern "C" fn cass_cluster_set_cloud_secure_connection_bundle(
    cluster: *mut CassCluster,
    path: *const c_char,
) -> CassError {
    set_bundle(cluster, path, safe_strlen(path))
}

/// Same as `cass_cluster_set_cloud_secure_connection_bundle()`, with the path's length.
///
/// @param[in] cluster The cluster configuration; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] path The bundle's file path (need not be NUL-terminated).
/// @param[in] path_length Length of `path` in bytes.
/// @return `CASS_OK` once the bundle is loaded; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL cluster or path, an unreadable
///   or invalid bundle, or contact points or TLS settings already set.
#[no_mangle]
pub extern "C" fn cass_cluster_set_cloud_secure_connection_bundle_n(
    cluster: *mut CassCluster,
    path: *const c_char,
    path_length: usize,
) -> CassError {
    set_bundle(cluster, path, path_length)
}

/// Same as `cass_cluster_set_cloud_secure_connection_bundle()`; OpenSSL needs no set-up call here.
///
/// @param[in] cluster The cluster configuration; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] path The bundle's file path, NUL-terminated.
/// @return `CASS_OK` once the bundle is loaded; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL cluster or path, an unreadable
///   or invalid bundle, or contact points or TLS settings already set.
#[no_mangle]
pub extern "C" fn cass_cluster_set_cloud_secure_connection_bundle_no_ssl_lib_init(
    cluster: *mut CassCluster,
    path: *const c_char,
) -> CassError {
    set_bundle(cluster, path, safe_strlen(path))
}

/// Same as `cass_cluster_set_cloud_secure_connection_bundle_no_ssl_lib_init()`, with the path's length.
///
/// @param[in] cluster The cluster configuration; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] path The bundle's file path (need not be NUL-terminated).
/// @param[in] path_length Length of `path` in bytes.
/// @return `CASS_OK` once the bundle is loaded; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL cluster or path, an unreadable
///   or invalid bundle, or contact points or TLS settings already set.
#[no_mangle]
pub extern "C" fn cass_cluster_set_cloud_secure_connection_bundle_no_ssl_lib_init_n(
    cluster: *mut CassCluster,
    path: *const c_char,
    path_length: usize,
) -> CassError {
    set_bundle(cluster, path, path_length)
}
