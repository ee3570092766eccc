//! dse.h's generated value setters (`value_setters`); each topic's other functions are in its
//! module's `exports.rs`.
#![allow(unreachable_pub)] // the C ABI: reached from C, not from Rust

mod value_setters;
