//! A drop-in replacement for the ScyllaDB/DataStax C/C++ driver: the `cassandra.h` API on top of
//! the `scylla` crate. Modules follow the order of the header's sections.
//!
//! Each module is declared twice: `pub` for the normal build (cbindgen puts in the header only what
//! public modules hold), crate-private with `--cfg scylla_private_modules`, the build in which
//! `scripts/test-all` denies `unreachable_pub` and dead code (Rust cannot see what C calls).
//!
//! The exports' doc comments are the C headers' documentation and use Doxygen's tags
//! (`@param[in] name`), which rustdoc would otherwise read as links.
#![allow(rustdoc::broken_intra_doc_links)]

#[cfg(not(scylla_private_modules))]
pub mod ffi;
#[cfg(scylla_private_modules)]
pub(crate) mod ffi;

#[cfg(not(scylla_private_modules))]
pub mod types;
#[cfg(scylla_private_modules)]
pub(crate) mod types;

// Exports, in the order of cassandra.h's sections (the generated header follows this order).
#[cfg(not(scylla_private_modules))]
pub mod execution_profile;
#[cfg(scylla_private_modules)]
pub(crate) mod execution_profile;

#[cfg(not(scylla_private_modules))]
pub mod cluster;
#[cfg(scylla_private_modules)]
pub(crate) mod cluster;

#[cfg(not(scylla_private_modules))]
pub mod host_listener;
#[cfg(scylla_private_modules)]
pub(crate) mod host_listener;

#[cfg(not(scylla_private_modules))]
pub mod session;
#[cfg(scylla_private_modules)]
pub(crate) mod session;

#[cfg(not(scylla_private_modules))]
pub mod metrics;
#[cfg(scylla_private_modules)]
pub(crate) mod metrics;

#[cfg(not(scylla_private_modules))]
pub mod metadata;
#[cfg(scylla_private_modules)]
pub(crate) mod metadata;

#[cfg(not(scylla_private_modules))]
pub mod ssl;
#[cfg(scylla_private_modules)]
pub(crate) mod ssl;

#[cfg(not(scylla_private_modules))]
pub mod authenticator;
#[cfg(scylla_private_modules)]
pub(crate) mod authenticator;

#[cfg(not(scylla_private_modules))]
pub mod future;
#[cfg(scylla_private_modules)]
pub(crate) mod future;

#[cfg(not(scylla_private_modules))]
pub mod statement;
#[cfg(scylla_private_modules)]
pub(crate) mod statement;

// Prepared statements are part of the statement family; the alias keeps `crate::prepared` paths.
pub use statement::prepared;

#[cfg(not(scylla_private_modules))]
pub mod batch;
#[cfg(scylla_private_modules)]
pub(crate) mod batch;

#[cfg(not(scylla_private_modules))]
pub mod data_type;
#[cfg(scylla_private_modules)]
pub(crate) mod data_type;

#[cfg(not(scylla_private_modules))]
pub mod collection;
#[cfg(scylla_private_modules)]
pub(crate) mod collection;

#[cfg(not(scylla_private_modules))]
pub mod tuple;
#[cfg(scylla_private_modules)]
pub(crate) mod tuple;

#[cfg(not(scylla_private_modules))]
pub mod user_type;
#[cfg(scylla_private_modules)]
pub(crate) mod user_type;

#[cfg(not(scylla_private_modules))]
pub mod result;
#[cfg(scylla_private_modules)]
pub(crate) mod result;

#[cfg(not(scylla_private_modules))]
pub mod error_result;
#[cfg(scylla_private_modules)]
pub(crate) mod error_result;

#[cfg(not(scylla_private_modules))]
pub mod iterator;
#[cfg(scylla_private_modules)]
pub(crate) mod iterator;

#[cfg(not(scylla_private_modules))]
pub mod value;
#[cfg(scylla_private_modules)]
pub(crate) mod value;

#[cfg(not(scylla_private_modules))]
pub mod uuid;
#[cfg(scylla_private_modules)]
pub(crate) mod uuid;

#[cfg(not(scylla_private_modules))]
pub mod policies;
#[cfg(scylla_private_modules)]
pub(crate) mod policies;

#[cfg(not(scylla_private_modules))]
pub mod custom_payload;
#[cfg(scylla_private_modules)]
pub(crate) mod custom_payload;

#[cfg(not(scylla_private_modules))]
pub mod error;
#[cfg(scylla_private_modules)]
pub(crate) mod error;

#[cfg(not(scylla_private_modules))]
pub mod logging;
#[cfg(scylla_private_modules)]
pub(crate) mod logging;

#[cfg(not(scylla_private_modules))]
pub mod inet;
#[cfg(scylla_private_modules)]
pub(crate) mod inet;

#[cfg(not(scylla_private_modules))]
pub mod date_time;
#[cfg(scylla_private_modules)]
pub(crate) mod date_time;

#[cfg(not(scylla_private_modules))]
pub mod alloc;
#[cfg(scylla_private_modules)]
pub(crate) mod alloc;

// dse.h (its own header) and the modules without exports.
#[cfg(not(scylla_private_modules))]
pub mod dse;
#[cfg(scylla_private_modules)]
pub(crate) mod dse;

#[cfg(not(scylla_private_modules))]
pub mod encode;
#[cfg(scylla_private_modules)]
pub(crate) mod encode;

#[cfg(not(scylla_private_modules))]
pub mod node;
#[cfg(scylla_private_modules)]
pub(crate) mod node;

#[cfg(not(scylla_private_modules))]
pub mod runtime;
#[cfg(scylla_private_modules)]
pub(crate) mod runtime;

/// The library's own allocations: mimalloc, or the caller's functions (`cass_alloc_set_functions`);
/// see `ffi::allocator`.
#[global_allocator]
static ALLOCATOR: ffi::allocator::LibraryAllocator = ffi::allocator::LibraryAllocator;
