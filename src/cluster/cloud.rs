//! Cloud secure connection bundles (`cass_cluster_set_cloud_secure_connection_bundle*`): a zip
//! file with `config.json` (the metadata service's host and port), `ca.crt`, `cert` and `key`.
//! The bundle is read and checked when set, as in the C++ driver; connecting through the cloud's
//! SNI proxy is not implemented, so a session connecting with a bundle fails and says so.

use super::CassCluster;
use crate::error::CassError;
use crate::ffi::strings::str_n;
use crate::ffi::with;
use std::ffi::c_char;
use std::io::Read;
use std::sync::Arc;

/// What a valid bundle holds.
#[derive(Debug)]
#[allow(dead_code)] // checked as upstream checks a bundle; connecting through its SNI proxy is not supported
pub(crate) struct CloudBundle {
    pub host: String,
    pub port: i64,
    pub ca: openssl::x509::X509,
    pub cert: openssl::x509::X509,
    pub key: openssl::pkey::PKey<openssl::pkey::Private>,
}

/// The message of a connect attempt with a bundle.
pub(crate) const NOT_SUPPORTED: &str =
    "Connecting with a cloud secure connection bundle (through the cloud's SNI proxy) is not supported by this driver";

impl CloudBundle {
    /// Reads and checks the bundle at `path`; the error says what is wrong.
    pub(crate) fn load(path: &str) -> Result<CloudBundle, String> {
        let file = std::fs::File::open(path)
            .map_err(|e| format!("Unable to open zip file {path}; file does not exist or is invalid ({e})"))?;
        let mut zip = zip::ZipArchive::new(file)
            .map_err(|e| format!("Unable to open zip file {path}; file does not exist or is invalid ({e})"))?;
        let mut read = |name: &str, what: &str| -> Result<Vec<u8>, String> {
            let mut entry = zip.by_name(name).map_err(|_| format!("Missing {what} {name}"))?;
            let mut contents = Vec::new();
            entry.read_to_end(&mut contents).map_err(|e| format!("Unable to read {name}: {e}"))?;
            Ok(contents)
        };
        let config = read("config.json", "configuration file")?;
        let ca = read("ca.crt", "certificate authority file")?;
        let cert = read("cert", "certificate file")?;
        let key = read("key", "key file")?;
        let config: serde_json::Value =
            serde_json::from_slice(&config).map_err(|_| "Invalid configuration".to_string())?;
        let host = config.get("host").and_then(|v| v.as_str()).ok_or("Missing host")?.to_string();
        let port = config.get("port").and_then(|v| v.as_i64()).ok_or("Missing port")?;
        let ca = openssl::x509::X509::from_pem(&ca).map_err(|_| "Invalid CA certificate ca.crt".to_string())?;
        let cert = openssl::x509::X509::from_pem(&cert).map_err(|_| "Invalid client certificate cert".to_string())?;
        let key = openssl::pkey::PKey::private_key_from_pem(&key)
            .map_err(|_| "Invalid client private key key".to_string())?;
        Ok(CloudBundle { host, port, ca, cert, key })
    }
}

pub(crate) fn set_bundle(cluster: *mut CassCluster, path: *const c_char, path_length: usize) -> CassError {
    with(cluster, CassError::CASS_ERROR_LIB_BAD_PARAMS, |cluster| {
        let Ok(path) = str_n(path, path_length) else {
            return CassError::CASS_ERROR_LIB_BAD_PARAMS;
        };
        let mut conflicts = Vec::new();
        if !cluster.config.contact_points.is_empty() {
            conflicts.push("Contact points");
        }
        if cluster.config.ssl.is_some() {
            conflicts.push("SSL context");
        }
        if !conflicts.is_empty() {
            tracing::error!("{} must not be specified with cloud secure connection bundle", conflicts.join(" and "));
            return CassError::CASS_ERROR_LIB_BAD_PARAMS;
        }
        match CloudBundle::load(path) {
            Ok(bundle) => {
                cluster.config.cloud_bundle = Some(Arc::new(bundle));
                CassError::CASS_OK
            }
            Err(e) => {
                tracing::error!("Unable to load cloud secure connection bundle: {e}");
                CassError::CASS_ERROR_LIB_BAD_PARAMS
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn self_signed() -> (Vec<u8>, Vec<u8>) {
        let key = openssl::pkey::PKey::from_rsa(openssl::rsa::Rsa::generate(2048).unwrap()).unwrap();
        let mut name = openssl::x509::X509NameBuilder::new().unwrap();
        name.append_entry_by_text("CN", "bundle-test").unwrap();
        let name = name.build();
        let mut cert = openssl::x509::X509Builder::new().unwrap();
        cert.set_subject_name(&name).unwrap();
        cert.set_issuer_name(&name).unwrap();
        cert.set_pubkey(&key).unwrap();
        cert.set_not_before(&openssl::asn1::Asn1Time::days_from_now(0).unwrap()).unwrap();
        cert.set_not_after(&openssl::asn1::Asn1Time::days_from_now(1).unwrap()).unwrap();
        cert.sign(&key, openssl::hash::MessageDigest::sha256()).unwrap();
        (cert.build().to_pem().unwrap(), key.private_key_to_pem_pkcs8().unwrap())
    }

    fn write_bundle(path: &std::path::Path, entries: &[(&str, &[u8])]) {
        let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
        for (name, contents) in entries {
            zip.start_file(*name, zip::write::SimpleFileOptions::default()).unwrap();
            zip.write_all(contents).unwrap();
        }
        zip.finish().unwrap();
    }

    #[test]
    fn loads_a_valid_bundle_and_names_what_is_missing() {
        let dir = std::env::temp_dir().join(format!("cloud-bundle-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let (cert, key) = self_signed();
        let config = br#"{"host": "db.example.com", "port": 30443, "keyspace": "ks"}"#;
        let good = dir.join("good.zip");
        write_bundle(&good, &[("config.json", config), ("ca.crt", &cert), ("cert", &cert), ("key", &key)]);
        let bundle = CloudBundle::load(good.to_str().unwrap()).unwrap();
        assert_eq!((bundle.host.as_str(), bundle.port), ("db.example.com", 30443));

        let no_key = dir.join("no_key.zip");
        write_bundle(&no_key, &[("config.json", config), ("ca.crt", &cert), ("cert", &cert)]);
        assert_eq!(CloudBundle::load(no_key.to_str().unwrap()).unwrap_err(), "Missing key file key");

        let no_port = dir.join("no_port.zip");
        write_bundle(
            &no_port,
            &[("config.json", br#"{"host": "h"}"#), ("ca.crt", &cert), ("cert", &cert), ("key", &key)],
        );
        assert_eq!(CloudBundle::load(no_port.to_str().unwrap()).unwrap_err(), "Missing port");

        let bad_ca = dir.join("bad_ca.zip");
        write_bundle(&bad_ca, &[("config.json", config), ("ca.crt", b"nope"), ("cert", &cert), ("key", &key)]);
        assert!(CloudBundle::load(bad_ca.to_str().unwrap()).unwrap_err().contains("Invalid CA certificate"));

        assert!(CloudBundle::load(dir.join("absent.zip").to_str().unwrap()).is_err());
        std::fs::write(dir.join("text.zip"), "not a zip").unwrap();
        assert!(CloudBundle::load(dir.join("text.zip").to_str().unwrap())
            .unwrap_err()
            .contains("Unable to open zip file"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
