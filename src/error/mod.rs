//! Error codes (`CassError`) and their descriptions.
//!
//! A code is `CASS_ERROR(source, code)` = `(source << 24) | code`; server codes keep the native
//! protocol's error code under source 2.

mod exports;

/// Where an error comes from (the top byte of a `CassError`).
#[repr(C)]
#[allow(non_camel_case_types)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(dead_code)] // only in the header (cassandra.h)
pub(crate) enum CassErrorSource {
    CASS_ERROR_SOURCE_NONE = 0,
    CASS_ERROR_SOURCE_LIB = 1,
    CASS_ERROR_SOURCE_SERVER = 2,
    CASS_ERROR_SOURCE_SSL = 3,
    CASS_ERROR_SOURCE_COMPRESSION = 4,
}

/// The result of an operation: `CASS_OK` or an error code.
#[repr(C)]
#[allow(non_camel_case_types)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CassError {
    CASS_OK = 0,
    CASS_ERROR_LIB_BAD_PARAMS = 0x01000001,
    CASS_ERROR_LIB_NO_STREAMS = 0x01000002,
    CASS_ERROR_LIB_UNABLE_TO_INIT = 0x01000003,
    CASS_ERROR_LIB_MESSAGE_ENCODE = 0x01000004,
    CASS_ERROR_LIB_HOST_RESOLUTION = 0x01000005,
    CASS_ERROR_LIB_UNEXPECTED_RESPONSE = 0x01000006,
    CASS_ERROR_LIB_REQUEST_QUEUE_FULL = 0x01000007,
    CASS_ERROR_LIB_NO_AVAILABLE_IO_THREAD = 0x01000008,
    CASS_ERROR_LIB_WRITE_ERROR = 0x01000009,
    CASS_ERROR_LIB_NO_HOSTS_AVAILABLE = 0x0100000A,
    CASS_ERROR_LIB_INDEX_OUT_OF_BOUNDS = 0x0100000B,
    CASS_ERROR_LIB_INVALID_ITEM_COUNT = 0x0100000C,
    CASS_ERROR_LIB_INVALID_VALUE_TYPE = 0x0100000D,
    CASS_ERROR_LIB_REQUEST_TIMED_OUT = 0x0100000E,
    CASS_ERROR_LIB_UNABLE_TO_SET_KEYSPACE = 0x0100000F,
    CASS_ERROR_LIB_CALLBACK_ALREADY_SET = 0x01000010,
    CASS_ERROR_LIB_INVALID_STATEMENT_TYPE = 0x01000011,
    CASS_ERROR_LIB_NAME_DOES_NOT_EXIST = 0x01000012,
    CASS_ERROR_LIB_UNABLE_TO_DETERMINE_PROTOCOL = 0x01000013,
    CASS_ERROR_LIB_NULL_VALUE = 0x01000014,
    CASS_ERROR_LIB_NOT_IMPLEMENTED = 0x01000015,
    CASS_ERROR_LIB_UNABLE_TO_CONNECT = 0x01000016,
    CASS_ERROR_LIB_UNABLE_TO_CLOSE = 0x01000017,
    CASS_ERROR_LIB_NO_PAGING_STATE = 0x01000018,
    CASS_ERROR_LIB_PARAMETER_UNSET = 0x01000019,
    CASS_ERROR_LIB_INVALID_ERROR_RESULT_TYPE = 0x0100001A,
    CASS_ERROR_LIB_INVALID_FUTURE_TYPE = 0x0100001B,
    CASS_ERROR_LIB_INTERNAL_ERROR = 0x0100001C,
    CASS_ERROR_LIB_INVALID_CUSTOM_TYPE = 0x0100001D,
    CASS_ERROR_LIB_INVALID_DATA = 0x0100001E,
    CASS_ERROR_LIB_NOT_ENOUGH_DATA = 0x0100001F,
    CASS_ERROR_LIB_INVALID_STATE = 0x01000020,
    CASS_ERROR_LIB_NO_CUSTOM_PAYLOAD = 0x01000021,
    CASS_ERROR_LIB_EXECUTION_PROFILE_INVALID = 0x01000022,
    CASS_ERROR_LIB_NO_TRACING_ID = 0x01000023,
    CASS_ERROR_SERVER_SERVER_ERROR = 0x02000000,
    CASS_ERROR_SERVER_PROTOCOL_ERROR = 0x0200000A,
    CASS_ERROR_SERVER_BAD_CREDENTIALS = 0x02000100,
    CASS_ERROR_SERVER_UNAVAILABLE = 0x02001000,
    CASS_ERROR_SERVER_OVERLOADED = 0x02001001,
    CASS_ERROR_SERVER_IS_BOOTSTRAPPING = 0x02001002,
    CASS_ERROR_SERVER_TRUNCATE_ERROR = 0x02001003,
    CASS_ERROR_SERVER_WRITE_TIMEOUT = 0x02001100,
    CASS_ERROR_SERVER_READ_TIMEOUT = 0x02001200,
    CASS_ERROR_SERVER_READ_FAILURE = 0x02001300,
    CASS_ERROR_SERVER_FUNCTION_FAILURE = 0x02001400,
    CASS_ERROR_SERVER_WRITE_FAILURE = 0x02001500,
    CASS_ERROR_SERVER_SYNTAX_ERROR = 0x02002000,
    CASS_ERROR_SERVER_UNAUTHORIZED = 0x02002100,
    CASS_ERROR_SERVER_INVALID_QUERY = 0x02002200,
    CASS_ERROR_SERVER_CONFIG_ERROR = 0x02002300,
    CASS_ERROR_SERVER_ALREADY_EXISTS = 0x02002400,
    CASS_ERROR_SERVER_UNPREPARED = 0x02002500,
    CASS_ERROR_SSL_INVALID_CERT = 0x03000001,
    CASS_ERROR_SSL_INVALID_PRIVATE_KEY = 0x03000002,
    CASS_ERROR_SSL_NO_PEER_CERT = 0x03000003,
    CASS_ERROR_SSL_INVALID_PEER_CERT = 0x03000004,
    CASS_ERROR_SSL_IDENTITY_MISMATCH = 0x03000005,
    CASS_ERROR_SSL_PROTOCOL_ERROR = 0x03000006,
    CASS_ERROR_SSL_CLOSED = 0x03000007,
    #[allow(dead_code)] // only in the header: the end marker, never an error
    CASS_ERROR_LAST_ENTRY = 0x03000008,
}

/// Every error code with its description, sorted by value.
const DESCRIPTIONS: &[(CassError, &std::ffi::CStr)] = &[
    (CassError::CASS_ERROR_LIB_BAD_PARAMS, c"Bad parameters"),
    (CassError::CASS_ERROR_LIB_NO_STREAMS, c"No streams available"),
    (CassError::CASS_ERROR_LIB_UNABLE_TO_INIT, c"Unable to initialize"),
    (CassError::CASS_ERROR_LIB_MESSAGE_ENCODE, c"Unable to encode message"),
    (CassError::CASS_ERROR_LIB_HOST_RESOLUTION, c"Unable to resolve host"),
    (CassError::CASS_ERROR_LIB_UNEXPECTED_RESPONSE, c"Unexpected response from server"),
    (CassError::CASS_ERROR_LIB_REQUEST_QUEUE_FULL, c"The request queue is full"),
    (CassError::CASS_ERROR_LIB_NO_AVAILABLE_IO_THREAD, c"No available IO threads"),
    (CassError::CASS_ERROR_LIB_WRITE_ERROR, c"Write error"),
    (CassError::CASS_ERROR_LIB_NO_HOSTS_AVAILABLE, c"No hosts available"),
    (CassError::CASS_ERROR_LIB_INDEX_OUT_OF_BOUNDS, c"Index out of bounds"),
    (CassError::CASS_ERROR_LIB_INVALID_ITEM_COUNT, c"Invalid item count"),
    (CassError::CASS_ERROR_LIB_INVALID_VALUE_TYPE, c"Invalid value type"),
    (CassError::CASS_ERROR_LIB_REQUEST_TIMED_OUT, c"Request timed out"),
    (CassError::CASS_ERROR_LIB_UNABLE_TO_SET_KEYSPACE, c"Unable to set keyspace"),
    (CassError::CASS_ERROR_LIB_CALLBACK_ALREADY_SET, c"Callback already set"),
    (CassError::CASS_ERROR_LIB_INVALID_STATEMENT_TYPE, c"Invalid statement type"),
    (CassError::CASS_ERROR_LIB_NAME_DOES_NOT_EXIST, c"No value or column for name"),
    (CassError::CASS_ERROR_LIB_UNABLE_TO_DETERMINE_PROTOCOL, c"Unable to find supported protocol version"),
    (CassError::CASS_ERROR_LIB_NULL_VALUE, c"NULL value specified"),
    (CassError::CASS_ERROR_LIB_NOT_IMPLEMENTED, c"Not implemented"),
    (CassError::CASS_ERROR_LIB_UNABLE_TO_CONNECT, c"Unable to connect"),
    (CassError::CASS_ERROR_LIB_UNABLE_TO_CLOSE, c"Unable to close"),
    (CassError::CASS_ERROR_LIB_NO_PAGING_STATE, c"No paging state"),
    (CassError::CASS_ERROR_LIB_PARAMETER_UNSET, c"Parameter unset"),
    (CassError::CASS_ERROR_LIB_INVALID_ERROR_RESULT_TYPE, c"Invalid error result type"),
    (CassError::CASS_ERROR_LIB_INVALID_FUTURE_TYPE, c"Invalid future type"),
    (CassError::CASS_ERROR_LIB_INTERNAL_ERROR, c"Internal error"),
    (CassError::CASS_ERROR_LIB_INVALID_CUSTOM_TYPE, c"Invalid custom type"),
    (CassError::CASS_ERROR_LIB_INVALID_DATA, c"Invalid data"),
    (CassError::CASS_ERROR_LIB_NOT_ENOUGH_DATA, c"Not enough data"),
    (CassError::CASS_ERROR_LIB_INVALID_STATE, c"Invalid state"),
    (CassError::CASS_ERROR_LIB_NO_CUSTOM_PAYLOAD, c"No custom payload"),
    (CassError::CASS_ERROR_LIB_EXECUTION_PROFILE_INVALID, c"Invalid execution profile specified"),
    (CassError::CASS_ERROR_LIB_NO_TRACING_ID, c"No tracing ID"),
    (CassError::CASS_ERROR_SERVER_SERVER_ERROR, c"Server error"),
    (CassError::CASS_ERROR_SERVER_PROTOCOL_ERROR, c"Protocol error"),
    (CassError::CASS_ERROR_SERVER_BAD_CREDENTIALS, c"Bad credentials"),
    (CassError::CASS_ERROR_SERVER_UNAVAILABLE, c"Unavailable"),
    (CassError::CASS_ERROR_SERVER_OVERLOADED, c"Overloaded"),
    (CassError::CASS_ERROR_SERVER_IS_BOOTSTRAPPING, c"Is bootstrapping"),
    (CassError::CASS_ERROR_SERVER_TRUNCATE_ERROR, c"Truncate error"),
    (CassError::CASS_ERROR_SERVER_WRITE_TIMEOUT, c"Write timeout"),
    (CassError::CASS_ERROR_SERVER_READ_TIMEOUT, c"Read timeout"),
    (CassError::CASS_ERROR_SERVER_READ_FAILURE, c"Read failure"),
    (CassError::CASS_ERROR_SERVER_FUNCTION_FAILURE, c"Function failure"),
    (CassError::CASS_ERROR_SERVER_WRITE_FAILURE, c"Write failure"),
    (CassError::CASS_ERROR_SERVER_SYNTAX_ERROR, c"Syntax error"),
    (CassError::CASS_ERROR_SERVER_UNAUTHORIZED, c"Unauthorized"),
    (CassError::CASS_ERROR_SERVER_INVALID_QUERY, c"Invalid query"),
    (CassError::CASS_ERROR_SERVER_CONFIG_ERROR, c"Configuration error"),
    (CassError::CASS_ERROR_SERVER_ALREADY_EXISTS, c"Already exists"),
    (CassError::CASS_ERROR_SERVER_UNPREPARED, c"Unprepared"),
    (CassError::CASS_ERROR_SSL_INVALID_CERT, c"Unable to load certificate"),
    (CassError::CASS_ERROR_SSL_INVALID_PRIVATE_KEY, c"Unable to load private key"),
    (CassError::CASS_ERROR_SSL_NO_PEER_CERT, c"No peer certificate"),
    (CassError::CASS_ERROR_SSL_INVALID_PEER_CERT, c"Invalid peer certificate"),
    (CassError::CASS_ERROR_SSL_IDENTITY_MISMATCH, c"Certificate does not match host or IP address"),
    (CassError::CASS_ERROR_SSL_PROTOCOL_ERROR, c"Protocol error"),
    (CassError::CASS_ERROR_SSL_CLOSED, c"Connection closed"),
];

impl CassError {
    /// The fixed description of a code ("" for `CASS_OK` and unknown codes).
    pub(crate) fn desc_cstr(code: u32) -> &'static std::ffi::CStr {
        match Self::lookup(code) {
            Some(i) => DESCRIPTIONS[i].1,
            None => c"",
        }
    }

    /// The code with the given numeric value, if it is one.
    pub(crate) fn from_u32(code: u32) -> Option<CassError> {
        if code == 0 {
            return Some(CassError::CASS_OK);
        }
        Self::lookup(code).map(|i| DESCRIPTIONS[i].0)
    }

    fn lookup(code: u32) -> Option<usize> {
        DESCRIPTIONS.binary_search_by_key(&code, |(e, _)| *e as u32).ok()
    }
    /// The server error code for a native protocol ERROR code.
    pub(crate) fn from_server_code(code: i32) -> CassError {
        CassError::from_u32(0x0200_0000 | (code as u32 & 0x00FF_FFFF))
            .unwrap_or(CassError::CASS_ERROR_SERVER_SERVER_ERROR)
    }
}

/// The argument form of `CassError` (any `u32` C passes).
#[repr(transparent)]
#[derive(Clone, Copy, Debug)]
pub(crate) struct CassErrorArg(pub u32);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions_and_values() {
        assert_eq!(CassError::desc_cstr(0x0100000A).to_str().unwrap(), "No hosts available");
        assert_eq!(CassError::desc_cstr(0).to_str().unwrap(), "");
        assert_eq!(CassError::desc_cstr(0x12345).to_str().unwrap(), "");
        assert_eq!(CassError::from_server_code(0x2200), CassError::CASS_ERROR_SERVER_INVALID_QUERY);
        assert_eq!(CassError::from_server_code(0x7777), CassError::CASS_ERROR_SERVER_SERVER_ERROR);
    }

    #[test]
    fn table_is_sorted_and_complete() {
        assert!(DESCRIPTIONS.windows(2).all(|w| (w[0].0 as u32) < (w[1].0 as u32)));
        assert_eq!(DESCRIPTIONS.len(), 60);
    }
}
