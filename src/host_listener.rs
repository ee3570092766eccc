//! The host listener (`cass_cluster_set_host_listener_callback`): the crate's host events,
//! delivered to the C callback on the host event thread (`crate::future::callbacks`), in the order they happen.

use crate::ffi::UserData;
use crate::future::callbacks::dispatch_host;
use crate::types::{CassHostListenerEvent, CassInet};
use scylla::policies::host_listener::{HostEvent, HostEventContext, HostListener};
use std::net::{IpAddr, SocketAddr};

/// The C callback and its data, as the cluster keeps them.
#[derive(Clone, Copy)]
pub(crate) struct HostCallback {
    pub callback: extern "C" fn(CassHostListenerEvent, CassInet, *mut std::ffi::c_void),
    pub data: UserData,
}

impl std::fmt::Debug for HostCallback {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("HostCallback")
    }
}

fn inet(addr: SocketAddr) -> CassInet {
    match addr.ip() {
        IpAddr::V4(ip) => CassInet::v4(ip.octets()),
        IpAddr::V6(ip) => CassInet::v6(ip.octets()),
    }
}

impl HostCallback {
    fn send(&self, event: CassHostListenerEvent, addr: SocketAddr) {
        dispatch_host(self.callback, event, inet(addr), self.data);
    }
}

impl HostListener for HostCallback {
    fn on_event(&self, ctx: &HostEventContext, event: &HostEvent) {
        use CassHostListenerEvent::*;
        match event {
            HostEvent::Added => self.send(CASS_HOST_LISTENER_EVENT_ADD, ctx.addr()),
            HostEvent::Up => self.send(CASS_HOST_LISTENER_EVENT_UP, ctx.addr()),
            HostEvent::Down => self.send(CASS_HOST_LISTENER_EVENT_DOWN, ctx.addr()),
            HostEvent::Removed => self.send(CASS_HOST_LISTENER_EVENT_REMOVE, ctx.addr()),
            // The C API has no address change: the host leaves under its old address and
            // joins under the new one.
            HostEvent::AddressChanged { old_address, new_address } => {
                self.send(CASS_HOST_LISTENER_EVENT_REMOVE, *old_address);
                self.send(CASS_HOST_LISTENER_EVENT_ADD, *new_address);
            }
            _ => {}
        }
    }
}
