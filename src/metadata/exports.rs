//! The `cass_*_meta_*` functions (cassandra.h, "Schema Metadata"), by topic.

mod function;
mod iter;
mod schema;
mod table;

pub use iter::MetaCursor;
