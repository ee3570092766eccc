//! dse.h's generated value setters (`value_setters`); each topic's other functions are in its
//! module's `exports.rs`.

mod value_setters;
