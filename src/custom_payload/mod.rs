//! `CassCustomPayload`: name/bytes pairs a C program builds for a request. The `scylla` crate never
//! sends custom payloads, so attaching one to a statement or batch fails with
//! `CASS_ERROR_LIB_NOT_IMPLEMENTED`; the object itself works as documented.

mod exports;
use crate::ffi::{Handle, Owned};

/// A custom payload C owns (Box; `cass_custom_payload_free`).
#[derive(Default)]
pub(crate) struct CassCustomPayload {
    items: Vec<(String, Vec<u8>)>,
}

impl Handle for CassCustomPayload {
    type Ownership = Owned;
}

impl CassCustomPayload {
    fn set(&mut self, name: &str, value: &[u8]) {
        match self.items.iter_mut().find(|(n, _)| n == name) {
            Some((_, v)) => *v = value.to_vec(),
            None => self.items.push((name.to_string(), value.to_vec())),
        }
    }

    fn remove(&mut self, name: &str) {
        self.items.retain(|(n, _)| n != name);
    }
}
