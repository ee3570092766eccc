//! A drop-in replacement for the ScyllaDB/DataStax C/C++ driver: the `cassandra.h` API on top of
//! the `scylla` crate. Modules follow the order of the header's sections.

pub mod ffi;

pub mod types;

// Exports, in the order of cassandra.h's sections (the generated header follows this order).
pub mod execution_profile;

pub mod cluster;

pub mod host_listener;

pub mod session;

pub mod metrics;

pub mod metadata;

pub mod ssl;

pub mod authenticator;

pub mod future;

pub mod statement;

// Prepared statements are part of the statement family; the alias keeps `crate::prepared` paths.
pub use statement::prepared;

pub mod batch;

pub mod data_type;

pub mod collection;

pub mod tuple;

pub mod user_type;

pub mod result;

pub mod error_result;

pub mod iterator;

pub mod value;

pub mod uuid;

pub mod policies;

pub mod custom_payload;

pub mod error;

pub mod logging;

pub mod inet;

pub mod date_time;

pub mod alloc;

// dse.h (its own header) and the modules without exports.
pub mod dse;

pub mod encode;

pub mod node;

pub mod runtime;

/// The library's own allocations: mimalloc, or the caller's functions (`cass_alloc_set_functions`);
/// see `ffi::allocator`.
#[global_allocator]
static ALLOCATOR: ffi::allocator::LibraryAllocator = ffi::allocator::LibraryAllocator;
