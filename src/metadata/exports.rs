//! The `cass_*_meta_*` functions (cassandra.h, "Schema Metadata"), by topic.
#![allow(unreachable_pub)] // the C ABI: reached from C, not from Rust

mod function;
mod iter;
mod schema;
mod table;

pub use iter::MetaCursor;
