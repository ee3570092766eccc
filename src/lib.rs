//! A drop-in replacement for the ScyllaDB/DataStax C/C++ driver: the `cassandra.h` API on top of
//! the `scylla` crate. Modules follow the order of the header's sections.

pub mod ffi;

pub mod error;
pub mod types;

pub mod authenticator;
pub mod batch;
pub mod cluster;
pub mod collection;
pub mod custom_payload;
pub mod data_type;
pub mod date_time;
pub mod dse;
pub mod elements;
pub mod encode;
pub mod error_result;
pub mod execution_profile;
pub mod future;
pub mod host_listener;
pub mod inet;
pub mod iterator;
pub mod logging;
pub mod metadata;
pub mod metrics;
pub mod node;
pub mod policies;
pub mod prepared;
pub mod result;
pub mod runtime;
pub mod session;
pub mod ssl;
pub mod statement;
pub mod tuple;
pub mod user_type;
pub mod uuid;
pub mod value;

/// The library's own allocations: mimalloc, or the caller's functions (`cass_alloc_set_functions`);
/// see `ffi::allocator`.
#[global_allocator]
static ALLOCATOR: ffi::allocator::LibraryAllocator = ffi::allocator::LibraryAllocator;
