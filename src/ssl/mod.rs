//! `CassSsl`: the TLS settings of a cluster (trusted CAs, client certificate and key, peer
//! verification flags), turned into an OpenSSL context for the `scylla` crate when a session
//! connects.
//!
//! Verification (`cass_ssl_set_verify_flags`), as the C++ driver does it:
//! - `CASS_SSL_VERIFY_NONE`: nothing is checked.
//! - `CASS_SSL_VERIFY_PEER_CERT`: the chain must lead to a trusted certificate; the name is not
//!   checked. The crate always pins the node's IP address on each connection's `Ssl`
//!   (`X509_VERIFY_PARAM_set1_ip`), so our verify callback ignores the IP mismatch it reports.
//! - `CASS_SSL_VERIFY_PEER_IDENTITY`: the certificate must match the node's IP address (the
//!   crate's pinned address). Like the C++ driver, this alone does not require a trusted chain.
//! - `CASS_SSL_VERIFY_PEER_IDENTITY_DNS`: the certificate must match the node's host name. The
//!   crate knows only the node's address, so the name is the address's reverse DNS name
//!   (`getnameinfo`, `NI_NAMEREQD`); no name, or a name the certificate does not match, fails.
//!   The C++ driver uses the name it resolved when `cass_cluster_set_use_hostname_resolution` is
//!   on (also reverse DNS), and an empty name otherwise (then it always fails).
//!
//! A failed verification fails the handshake; `session::errors::connect_failure` reports it as
//! `CASS_ERROR_SSL_INVALID_PEER_CERT` or `CASS_ERROR_SSL_IDENTITY_MISMATCH`, as the C++ driver.

mod exports;
use crate::ffi::{Handle, LockedHandle, Shared};
use openssl::pkey::{PKey, Private};
use openssl::ssl::{SslContextBuilder, SslMethod, SslVerifyMode};
use openssl::x509::{X509StoreContextRef, X509VerifyResult, X509};
use parking_lot::Mutex;
use scylla::client::session::{OpenSsl010Config, TlsContext};
use std::ffi::{c_char, c_int, c_void};

const VERIFY_PEER_CERT: i32 = 0x01;
const VERIFY_PEER_IDENTITY: i32 = 0x02;
const VERIFY_PEER_IDENTITY_DNS: i32 = 0x04;

// X509_V_ERR_* codes (x509_vfy.h).
const X509_V_ERR_HOSTNAME_MISMATCH: c_int = 62;
const X509_V_ERR_EMAIL_MISMATCH: c_int = 63;
const X509_V_ERR_IP_ADDRESS_MISMATCH: c_int = 64;

/// The settings a `CassSsl` collects.
#[derive(Clone)]
pub(crate) struct Settings {
    trusted: Vec<X509>,
    /// The client certificate first, then the rest of its chain.
    cert_chain: Vec<X509>,
    key: Option<PKey<Private>>,
    verify_flags: i32,
}

/// TLS settings C holds (Arc; `cass_ssl_free`). A cluster given it with `cass_cluster_set_ssl`
/// keeps its own reference, and sees later changes, as in the C++ driver.
pub(crate) struct CassSsl {
    settings: Mutex<Settings>,
}

impl Handle for CassSsl {
    type Ownership = Shared;
}

impl LockedHandle for CassSsl {
    type State = Settings;
    fn state(&self) -> &Mutex<Settings> {
        &self.settings
    }
}

impl std::fmt::Debug for CassSsl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let s = self.settings.lock();
        f.debug_struct("CassSsl")
            .field("trusted", &s.trusted.len())
            .field("cert_chain", &s.cert_chain.len())
            .field("key", &s.key.is_some())
            .field("verify_flags", &s.verify_flags)
            .finish()
    }
}

impl CassSsl {
    fn new() -> Self {
        CassSsl {
            settings: Mutex::new(Settings {
                trusted: Vec::new(),
                cert_chain: Vec::new(),
                key: None,
                verify_flags: VERIFY_PEER_CERT,
            }),
        }
    }

    /// The crate's TLS context for the current settings.
    /// `resolve_hostnames`: `cass_cluster_set_use_hostname_resolution`; without it a node has no host
    /// name, so `CASS_SSL_VERIFY_PEER_IDENTITY_DNS` always fails, as in the C++ driver.
    pub(crate) fn tls_context(&self, resolve_hostnames: bool) -> Result<TlsContext, String> {
        let settings = self.settings.lock().clone();
        let mut builder = SslContextBuilder::new(SslMethod::tls_client()).map_err(|e| e.to_string())?;
        for cert in &settings.trusted {
            builder.cert_store_mut().add_cert(cert.clone()).map_err(|e| e.to_string())?;
        }
        if let Some((leaf, chain)) = settings.cert_chain.split_first() {
            builder.set_certificate(leaf).map_err(|e| e.to_string())?;
            for cert in chain {
                builder.add_extra_chain_cert(cert.clone()).map_err(|e| e.to_string())?;
            }
        }
        if let Some(key) = &settings.key {
            builder.set_private_key(key).map_err(|e| e.to_string())?;
        }
        let flags = settings.verify_flags;
        if flags & (VERIFY_PEER_CERT | VERIFY_PEER_IDENTITY | VERIFY_PEER_IDENTITY_DNS) == 0 {
            builder.set_verify(SslVerifyMode::NONE);
        } else {
            builder.set_verify_callback(SslVerifyMode::PEER, move |ok, ctx| verify(flags, resolve_hostnames, ok, ctx));
        }
        Ok(TlsContext::OpenSsl010Config(OpenSsl010Config::from_dangerous_builder(builder)))
    }
}

/// The verify callback: OpenSSL calls it for each certificate of the chain, with `ok` false and
/// the error in `ctx` for each problem it finds (the crate's pinned IP address included).
fn verify(flags: i32, resolve_hostnames: bool, ok: bool, ctx: &mut X509StoreContextRef) -> bool {
    if !ok {
        let error = ctx.error().as_raw();
        let is_identity =
            matches!(error, X509_V_ERR_HOSTNAME_MISMATCH | X509_V_ERR_EMAIL_MISMATCH | X509_V_ERR_IP_ADDRESS_MISMATCH);
        if is_identity {
            if flags & VERIFY_PEER_IDENTITY != 0 {
                report(IDENTITY_MISMATCH, ctx.error().error_string());
                return false;
            }
            // Not asked to match the IP address (a DNS match is checked below).
        } else if flags & VERIFY_PEER_CERT != 0 {
            report(INVALID_PEER_CERT, ctx.error().error_string());
            return false;
        }
    }
    if ctx.error_depth() == 0
        && flags & VERIFY_PEER_IDENTITY == 0
        && flags & VERIFY_PEER_IDENTITY_DNS != 0
        && !dns_identity_matches(resolve_hostnames, ctx)
    {
        // SAFETY: a valid X509_V_ERR_* code.
        ctx.set_error(unsafe { X509VerifyResult::from_raw(X509_V_ERR_HOSTNAME_MISMATCH) });
        report(IDENTITY_MISMATCH, "host name mismatch");
        return false;
    }
    true
}

/// The texts `session::errors::connect_failure` recognizes in a failed handshake's error.
pub(crate) const INVALID_PEER_CERT: &str = "Invalid peer certificate";
pub(crate) const IDENTITY_MISMATCH: &str = "Peer certificate subject name does not match";

/// Puts why verification failed on OpenSSL's error queue, so that the handshake error the crate
/// reports carries it (OpenSSL itself only says "certificate verify failed").
fn report(what: &str, detail: &str) {
    let Ok(text) = std::ffi::CString::new(format!("{what}: {detail}")) else {
        return;
    };
    // SAFETY: ERR_new/ERR_set_debug/ERR_set_error is OpenSSL 3's ERR_raise_data; the format is
    // "%s" with one NUL-terminated string argument.
    unsafe {
        ERR_new();
        ERR_set_debug(c"ssl.rs".as_ptr(), 0, c"verify".as_ptr());
        ERR_set_error(ERR_LIB_USER, 1, c"%s".as_ptr(), text.as_ptr());
    }
}

const ERR_LIB_USER: c_int = 128;

extern "C" {
    fn ERR_new();
    fn ERR_set_debug(file: *const c_char, line: c_int, func: *const c_char);
    fn ERR_set_error(lib: c_int, reason: c_int, fmt: *const c_char, ...);
    // libcrypto (OpenSSL >= 3.0), linked through openssl-sys; the handles are opaque here.
    fn X509_STORE_CTX_get0_param(ctx: *mut c_void) -> *mut c_void;
    fn X509_VERIFY_PARAM_get1_ip_asc(param: *mut c_void) -> *mut c_char;
    fn CRYPTO_free(ptr: *mut c_void, file: *const c_char, line: c_int);
    fn X509_check_host(
        x: *mut c_void,
        name: *const c_char,
        len: usize,
        flags: u32,
        peername: *mut *mut c_char,
    ) -> c_int;
}

/// Whether the leaf certificate matches the reverse DNS name of the node's address.
fn dns_identity_matches(resolve_hostnames: bool, ctx: &mut X509StoreContextRef) -> bool {
    if !resolve_hostnames {
        tracing::error!("TLS: PEER_IDENTITY_DNS needs host names: enable cass_cluster_set_use_hostname_resolution");
        return false;
    }
    // The node's address, as the crate pinned it on the connection.
    // SAFETY: an `X509StoreContextRef` is the `X509_STORE_CTX` itself (openssl's ForeignTypeRef
    // representation); the param belongs to the context; `get1_ip_asc` returns a copy we free.
    let ip = unsafe {
        let param = X509_STORE_CTX_get0_param(ctx as *mut X509StoreContextRef as *mut c_void);
        if param.is_null() {
            return false;
        }
        let text = X509_VERIFY_PARAM_get1_ip_asc(param);
        if text.is_null() {
            return false;
        }
        let ip = std::ffi::CStr::from_ptr(text).to_string_lossy().into_owned();
        CRYPTO_free(text as *mut c_void, c"ssl.rs".as_ptr(), 0);
        ip
    };
    let Ok(ip) = ip.parse::<std::net::IpAddr>() else {
        return false;
    };
    let Some(name) = reverse_dns(ip) else {
        tracing::error!("TLS: no host name for {ip} to verify its certificate against (PEER_IDENTITY_DNS)");
        return false;
    };
    let Some(cert) = ctx.current_cert() else {
        return false;
    };
    // SAFETY: an `X509Ref` is the `X509` itself; `X509_check_host` only reads it and `name`.
    let rc = unsafe {
        X509_check_host(
            cert as *const openssl::x509::X509Ref as *mut c_void,
            name.as_ptr() as *const c_char,
            name.len(),
            0,
            std::ptr::null_mut(),
        )
    };
    rc == 1
}

/// The host name of `ip` by reverse DNS, or `None`.
fn reverse_dns(ip: std::net::IpAddr) -> Option<String> {
    let addr: std::net::SocketAddr = (ip, 0).into();
    let (storage, len) = socket_addr_to_raw(&addr);
    let mut host = [0 as c_char; 1025];
    // SAFETY: `storage` holds a sockaddr of `len` bytes; `host` is writable for its length.
    let rc = unsafe {
        libc::getnameinfo(
            &storage as *const libc::sockaddr_storage as *const libc::sockaddr,
            len,
            host.as_mut_ptr(),
            host.len() as libc::socklen_t,
            std::ptr::null_mut(),
            0,
            libc::NI_NAMEREQD,
        )
    };
    if rc != 0 {
        return None;
    }
    // SAFETY: getnameinfo succeeded and NUL-terminated `host`.
    let name = unsafe { std::ffi::CStr::from_ptr(host.as_ptr()) }.to_string_lossy().into_owned();
    Some(name)
}

fn socket_addr_to_raw(addr: &std::net::SocketAddr) -> (libc::sockaddr_storage, libc::socklen_t) {
    // SAFETY: all-zero is a valid sockaddr_storage.
    let mut storage: libc::sockaddr_storage = unsafe { std::mem::zeroed() };
    let len = match addr {
        std::net::SocketAddr::V4(v4) => {
            let sin = libc::sockaddr_in {
                sin_family: libc::AF_INET as libc::sa_family_t,
                sin_port: v4.port().to_be(),
                sin_addr: libc::in_addr { s_addr: u32::from_ne_bytes(v4.ip().octets()) },
                sin_zero: [0; 8],
            };
            // SAFETY: sockaddr_storage is large enough and suitably aligned for sockaddr_in.
            unsafe { (&mut storage as *mut libc::sockaddr_storage as *mut libc::sockaddr_in).write(sin) };
            std::mem::size_of::<libc::sockaddr_in>()
        }
        std::net::SocketAddr::V6(v6) => {
            let sin6 = libc::sockaddr_in6 {
                sin6_family: libc::AF_INET6 as libc::sa_family_t,
                sin6_port: v6.port().to_be(),
                sin6_flowinfo: 0,
                sin6_addr: libc::in6_addr { s6_addr: v6.ip().octets() },
                sin6_scope_id: v6.scope_id(),
            };
            // SAFETY: sockaddr_storage is large enough and suitably aligned for sockaddr_in6.
            unsafe { (&mut storage as *mut libc::sockaddr_storage as *mut libc::sockaddr_in6).write(sin6) };
            std::mem::size_of::<libc::sockaddr_in6>()
        }
    };
    (storage, len as libc::socklen_t)
}
