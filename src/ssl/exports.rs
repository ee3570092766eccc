//! The `cass_ssl_*` functions: building TLS settings for a cluster.
#![allow(unreachable_pub)] // the C ABI: reached from C, not from Rust

use super::CassSsl;
use crate::error::CassError;
use crate::ffi::strings::{bytes_n, safe_strlen};
use crate::ffi::{guard, with, with_void, ArcHandle, Locked};
use openssl::pkey::PKey;
use openssl::x509::X509;
use std::ffi::{c_char, c_int};
use std::sync::Arc;

/// Creates TLS settings (verify flags: `CASS_SSL_VERIFY_PEER_CERT`). Free with `cass_ssl_free()`.
///
/// @return New TLS settings, owned by the caller (free them with `cass_ssl_free()`).
#[no_mangle]
pub extern "C" fn cass_ssl_new() -> *mut CassSsl {
    // OpenSSL initializes itself (the openssl crate calls OPENSSL_init_ssl on first use).
    cass_ssl_new_no_lib_init()
}

/// Same as `cass_ssl_new()`; OpenSSL needs no separate initialization from us either way.
///
/// @return New TLS settings, owned by the caller (free them with `cass_ssl_free()`).
#[no_mangle]
pub extern "C" fn cass_ssl_new_no_lib_init() -> *mut CassSsl {
    guard(|| {
        openssl::init();
        CassSsl::into_ptr(Arc::new(CassSsl::new())) as *mut CassSsl
    })
}

/// Releases C's reference. Clusters given these settings keep theirs. NULL is ignored.
///
/// @param[in] ssl The caller's reference to release; NULL is ignored.
#[no_mangle]
pub extern "C" fn cass_ssl_free(ssl: *mut CassSsl) {
    guard(|| CassSsl::free(ssl))
}

/// Adds a trusted certificate (PEM; the first certificate of the text). Invalid PEM gives
/// `CASS_ERROR_SSL_INVALID_CERT`.
///
/// @param[in] ssl The TLS settings; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] cert The PEM text, NUL-terminated; copied.
/// @return `CASS_OK`; `CASS_ERROR_SSL_INVALID_CERT` when the text holds no valid PEM certificate (logged);
///   `CASS_ERROR_LIB_BAD_PARAMS` for NULL `ssl`.
#[no_mangle]
pub extern "C" fn cass_ssl_add_trusted_cert(ssl: *mut CassSsl, cert: *const c_char) -> CassError {
    cass_ssl_add_trusted_cert_n(ssl, cert, safe_strlen(cert))
}

/// Same as `cass_ssl_add_trusted_cert()`, with the length of the text given.
///
/// @param[in] ssl The TLS settings; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] cert The PEM text (need not be NUL-terminated); copied.
/// @param[in] cert_length Length of `cert` in bytes.
/// @return `CASS_OK`; `CASS_ERROR_SSL_INVALID_CERT` when the text holds no valid PEM certificate (logged);
///   `CASS_ERROR_LIB_BAD_PARAMS` for NULL `ssl`, or NULL `cert` with a non-zero length.
#[no_mangle]
pub extern "C" fn cass_ssl_add_trusted_cert_n(ssl: *mut CassSsl, cert: *const c_char, cert_length: usize) -> CassError {
    with(Locked(ssl), CassError::CASS_ERROR_LIB_BAD_PARAMS, |settings| {
        let Ok(pem) = bytes_n(cert, cert_length) else {
            return CassError::CASS_ERROR_LIB_BAD_PARAMS;
        };
        match X509::from_pem(pem) {
            Ok(x509) => {
                settings.trusted.push(x509);
                CassError::CASS_OK
            }
            Err(e) => {
                tracing::error!("Unable to load trusted certificate: {e}");
                CassError::CASS_ERROR_SSL_INVALID_CERT
            }
        }
    })
}

/// Sets the verification flags (`CassSslVerifyFlags`, or-ed).
///
/// @param[in] ssl The TLS settings; NULL is ignored.
/// @param[in] flags `CASS_SSL_VERIFY_*` flags or-ed together; `CASS_SSL_VERIFY_NONE` for no checks.
#[no_mangle]
pub extern "C" fn cass_ssl_set_verify_flags(ssl: *mut CassSsl, flags: c_int) {
    with_void(Locked(ssl), |settings| settings.verify_flags = flags)
}

/// Sets the client certificate chain (PEM, the certificate first). Invalid PEM gives
/// `CASS_ERROR_SSL_INVALID_CERT`.
///
/// @param[in] ssl The TLS settings; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] cert The PEM chain, NUL-terminated; copied.
/// @return `CASS_OK`; `CASS_ERROR_SSL_INVALID_CERT` when the text holds no valid PEM certificate (logged);
///   `CASS_ERROR_LIB_BAD_PARAMS` for NULL `ssl`.
#[no_mangle]
pub extern "C" fn cass_ssl_set_cert(ssl: *mut CassSsl, cert: *const c_char) -> CassError {
    cass_ssl_set_cert_n(ssl, cert, safe_strlen(cert))
}

/// Same as `cass_ssl_set_cert()`, with the length of the text given.
///
/// @param[in] ssl The TLS settings; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] cert The PEM chain (need not be NUL-terminated); copied.
/// @param[in] cert_length Length of `cert` in bytes.
/// @return `CASS_OK`; `CASS_ERROR_SSL_INVALID_CERT` when the text holds no valid PEM certificate (logged);
///   `CASS_ERROR_LIB_BAD_PARAMS` for NULL `ssl`, or NULL `cert` with a non-zero length.
#[no_mangle]
pub extern "C" fn cass_ssl_set_cert_n(ssl: *mut CassSsl, cert: *const c_char, cert_length: usize) -> CassError {
    with(Locked(ssl), CassError::CASS_ERROR_LIB_BAD_PARAMS, |settings| {
        let Ok(pem) = bytes_n(cert, cert_length) else {
            return CassError::CASS_ERROR_LIB_BAD_PARAMS;
        };
        match X509::stack_from_pem(pem) {
            Ok(chain) if !chain.is_empty() => {
                settings.cert_chain = chain;
                CassError::CASS_OK
            }
            Ok(_) => {
                tracing::error!("Unable to load certificate chain: no certificate");
                CassError::CASS_ERROR_SSL_INVALID_CERT
            }
            Err(e) => {
                tracing::error!("Unable to load certificate chain: {e}");
                CassError::CASS_ERROR_SSL_INVALID_CERT
            }
        }
    })
}

/// Sets the client private key (PEM; `password` decrypts an encrypted key). An invalid key or a
/// wrong password gives `CASS_ERROR_SSL_INVALID_PRIVATE_KEY`.
///
/// @param[in] ssl The TLS settings; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] key The PEM key, NUL-terminated; copied.
/// @param[in] password The key's password, NUL-terminated; NULL or "" for an unencrypted key.
/// @return `CASS_OK`; `CASS_ERROR_SSL_INVALID_PRIVATE_KEY` for an invalid key or a wrong password (logged);
///   `CASS_ERROR_LIB_BAD_PARAMS` for NULL `ssl`.
#[no_mangle]
pub extern "C" fn cass_ssl_set_private_key(
    ssl: *mut CassSsl,
    key: *const c_char,
    password: *const c_char,
) -> CassError {
    cass_ssl_set_private_key_n(ssl, key, safe_strlen(key), password, safe_strlen(password))
}

/// Same as `cass_ssl_set_private_key()`, with the lengths given.
///
/// @param[in] ssl The TLS settings; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] key The PEM key (need not be NUL-terminated); copied.
/// @param[in] key_length Length of `key` in bytes.
/// @param[in] password The key's password (need not be NUL-terminated).
/// @param[in] password_length Length of `password` in bytes; 0 for an unencrypted key.
/// @return `CASS_OK`; `CASS_ERROR_SSL_INVALID_PRIVATE_KEY` for an invalid key or a wrong password (logged);
///   `CASS_ERROR_LIB_BAD_PARAMS` for NULL `ssl`, or a NULL text with a non-zero length.
#[no_mangle]
pub extern "C" fn cass_ssl_set_private_key_n(
    ssl: *mut CassSsl,
    key: *const c_char,
    key_length: usize,
    password: *const c_char,
    password_length: usize,
) -> CassError {
    with(Locked(ssl), CassError::CASS_ERROR_LIB_BAD_PARAMS, |settings| {
        let (Ok(pem), Ok(password)) = (bytes_n(key, key_length), bytes_n(password, password_length)) else {
            return CassError::CASS_ERROR_LIB_BAD_PARAMS;
        };
        match PKey::private_key_from_pem_passphrase(pem, password) {
            Ok(pkey) => {
                settings.key = Some(pkey);
                CassError::CASS_OK
            }
            Err(e) => {
                tracing::error!("Unable to load private key: {e}");
                CassError::CASS_ERROR_SSL_INVALID_PRIVATE_KEY
            }
        }
    })
}
