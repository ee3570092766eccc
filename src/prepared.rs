//! `CassPrepared`: a prepared statement. Declared here so futures can hand one out; preparing
//! (`cass_session_prepare`) arrives with the statements issue, so today no future carries one.

/// A prepared statement (opaque to C).
pub struct CassPrepared {
    _private: (),
}
