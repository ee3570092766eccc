//! The plain data types of the C API: scalar typedefs, enums and public structs, with the exact
//! names, values and layouts of the upstream `cassandra.h` (checked by `ctests/header/layout.c`);
//! the `u32` argument form of each enum (`ffi_enum!`, in `enum_args`) and `UserData`, the `void*`
//! that travels with a callback. The bottom layer: it uses no other module of the crate.
#![allow(non_camel_case_types)]

mod enum_args;

pub(crate) use enum_args::ffi_enum;

/// A C boolean: a 4-byte enum, not C99 `bool`.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum cass_bool_t {
    cass_false = 0,
    cass_true = 1,
}

impl From<bool> for cass_bool_t {
    fn from(b: bool) -> Self {
        if b {
            cass_bool_t::cass_true
        } else {
            cass_bool_t::cass_false
        }
    }
}

/// The argument form of `cass_bool_t`: any non-zero value is true, as in C.
#[repr(transparent)]
#[derive(Clone, Copy, Debug)]
pub(crate) struct cass_bool_arg(pub u32);

impl cass_bool_arg {
    pub(crate) fn get(self) -> bool {
        self.0 != 0
    }
}

pub(crate) type cass_float_t = f32;
pub(crate) type cass_double_t = f64;
pub(crate) type cass_int8_t = i8;
pub(crate) type cass_uint8_t = u8;
pub(crate) type cass_int16_t = i16;
#[allow(dead_code)] // only in the header (cassandra.h)
pub(crate) type cass_uint16_t = u16;
pub(crate) type cass_int32_t = i32;
pub(crate) type cass_uint32_t = u32;
pub(crate) type cass_int64_t = i64;
pub(crate) type cass_uint64_t = u64;
pub(crate) type cass_byte_t = cass_uint8_t;
/// A duration in microseconds.
pub(crate) type cass_duration_t = cass_uint64_t;

/// An IPv4 or IPv6 address: `address_length` (4 or 16) bytes of `address`, network order.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct CassInet {
    pub address: [cass_uint8_t; 16],
    pub address_length: cass_uint8_t,
}

/// A UUID split into its time part (with the version in the top 4 bits) and its clock sequence and
/// node part.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub(crate) struct CassUuid {
    pub time_and_version: cass_uint64_t,
    pub clock_seq_and_node: cass_uint64_t,
}

/// A server version.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub(crate) struct CassVersion {
    pub major_version: i32,
    pub minor_version: i32,
    pub patch_version: i32,
}

/// Consistency levels.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CassConsistency {
    CASS_CONSISTENCY_UNKNOWN = 0xFFFF,
    CASS_CONSISTENCY_ANY = 0x0000,
    CASS_CONSISTENCY_ONE = 0x0001,
    CASS_CONSISTENCY_TWO = 0x0002,
    CASS_CONSISTENCY_THREE = 0x0003,
    CASS_CONSISTENCY_QUORUM = 0x0004,
    CASS_CONSISTENCY_ALL = 0x0005,
    CASS_CONSISTENCY_LOCAL_QUORUM = 0x0006,
    CASS_CONSISTENCY_EACH_QUORUM = 0x0007,
    CASS_CONSISTENCY_SERIAL = 0x0008,
    CASS_CONSISTENCY_LOCAL_SERIAL = 0x0009,
    CASS_CONSISTENCY_LOCAL_ONE = 0x000A,
}
ffi_enum!(CassConsistencyArg => CassConsistency {
    CASS_CONSISTENCY_UNKNOWN, CASS_CONSISTENCY_ANY, CASS_CONSISTENCY_ONE, CASS_CONSISTENCY_TWO,
    CASS_CONSISTENCY_THREE, CASS_CONSISTENCY_QUORUM, CASS_CONSISTENCY_ALL,
    CASS_CONSISTENCY_LOCAL_QUORUM, CASS_CONSISTENCY_EACH_QUORUM, CASS_CONSISTENCY_SERIAL,
    CASS_CONSISTENCY_LOCAL_SERIAL, CASS_CONSISTENCY_LOCAL_ONE,
});

/// The kind of write that timed out or failed on the server.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CassWriteType {
    CASS_WRITE_TYPE_UNKNOWN = 0,
    CASS_WRITE_TYPE_SIMPLE = 1,
    CASS_WRITE_TYPE_BATCH = 2,
    CASS_WRITE_TYPE_UNLOGGED_BATCH = 3,
    CASS_WRITE_TYPE_COUNTER = 4,
    CASS_WRITE_TYPE_BATCH_LOG = 5,
    CASS_WRITE_TYPE_CAS = 6,
    CASS_WRITE_TYPE_VIEW = 7,
    CASS_WRITE_TYPE_CDC = 8,
}
ffi_enum!(CassWriteTypeArg => CassWriteType {
    CASS_WRITE_TYPE_UNKNOWN, CASS_WRITE_TYPE_SIMPLE, CASS_WRITE_TYPE_BATCH,
    CASS_WRITE_TYPE_UNLOGGED_BATCH, CASS_WRITE_TYPE_COUNTER, CASS_WRITE_TYPE_BATCH_LOG,
    CASS_WRITE_TYPE_CAS, CASS_WRITE_TYPE_VIEW, CASS_WRITE_TYPE_CDC,
});

/// The role of a column in its table.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CassColumnType {
    CASS_COLUMN_TYPE_REGULAR = 0,
    CASS_COLUMN_TYPE_PARTITION_KEY = 1,
    CASS_COLUMN_TYPE_CLUSTERING_KEY = 2,
    CASS_COLUMN_TYPE_STATIC = 3,
    #[allow(dead_code)] // only in the header: no column is reported as one
    CASS_COLUMN_TYPE_COMPACT_VALUE = 4,
}

/// The kind of a secondary index.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CassIndexType {
    CASS_INDEX_TYPE_UNKNOWN = 0,
    CASS_INDEX_TYPE_KEYS = 1,
    CASS_INDEX_TYPE_CUSTOM = 2,
    CASS_INDEX_TYPE_COMPOSITES = 3,
}

/// CQL value types; each value is the native protocol's type id.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CassValueType {
    CASS_VALUE_TYPE_UNKNOWN = 0xFFFF,
    CASS_VALUE_TYPE_CUSTOM = 0x0000,
    CASS_VALUE_TYPE_ASCII = 0x0001,
    CASS_VALUE_TYPE_BIGINT = 0x0002,
    CASS_VALUE_TYPE_BLOB = 0x0003,
    CASS_VALUE_TYPE_BOOLEAN = 0x0004,
    CASS_VALUE_TYPE_COUNTER = 0x0005,
    CASS_VALUE_TYPE_DECIMAL = 0x0006,
    CASS_VALUE_TYPE_DOUBLE = 0x0007,
    CASS_VALUE_TYPE_FLOAT = 0x0008,
    CASS_VALUE_TYPE_INT = 0x0009,
    CASS_VALUE_TYPE_TEXT = 0x000A,
    CASS_VALUE_TYPE_TIMESTAMP = 0x000B,
    CASS_VALUE_TYPE_UUID = 0x000C,
    CASS_VALUE_TYPE_VARCHAR = 0x000D,
    CASS_VALUE_TYPE_VARINT = 0x000E,
    CASS_VALUE_TYPE_TIMEUUID = 0x000F,
    CASS_VALUE_TYPE_INET = 0x0010,
    CASS_VALUE_TYPE_DATE = 0x0011,
    CASS_VALUE_TYPE_TIME = 0x0012,
    CASS_VALUE_TYPE_SMALL_INT = 0x0013,
    CASS_VALUE_TYPE_TINY_INT = 0x0014,
    CASS_VALUE_TYPE_DURATION = 0x0015,
    CASS_VALUE_TYPE_LIST = 0x0020,
    CASS_VALUE_TYPE_MAP = 0x0021,
    CASS_VALUE_TYPE_SET = 0x0022,
    CASS_VALUE_TYPE_UDT = 0x0030,
    CASS_VALUE_TYPE_TUPLE = 0x0031,
    CASS_VALUE_TYPE_LAST_ENTRY = 0x0032,
}
ffi_enum!(CassValueTypeArg => CassValueType {
    CASS_VALUE_TYPE_UNKNOWN, CASS_VALUE_TYPE_CUSTOM, CASS_VALUE_TYPE_ASCII, CASS_VALUE_TYPE_BIGINT,
    CASS_VALUE_TYPE_BLOB, CASS_VALUE_TYPE_BOOLEAN, CASS_VALUE_TYPE_COUNTER, CASS_VALUE_TYPE_DECIMAL,
    CASS_VALUE_TYPE_DOUBLE, CASS_VALUE_TYPE_FLOAT, CASS_VALUE_TYPE_INT, CASS_VALUE_TYPE_TEXT,
    CASS_VALUE_TYPE_TIMESTAMP, CASS_VALUE_TYPE_UUID, CASS_VALUE_TYPE_VARCHAR, CASS_VALUE_TYPE_VARINT,
    CASS_VALUE_TYPE_TIMEUUID, CASS_VALUE_TYPE_INET, CASS_VALUE_TYPE_DATE, CASS_VALUE_TYPE_TIME,
    CASS_VALUE_TYPE_SMALL_INT, CASS_VALUE_TYPE_TINY_INT, CASS_VALUE_TYPE_DURATION,
    CASS_VALUE_TYPE_LIST, CASS_VALUE_TYPE_MAP, CASS_VALUE_TYPE_SET, CASS_VALUE_TYPE_UDT,
    CASS_VALUE_TYPE_TUPLE, CASS_VALUE_TYPE_LAST_ENTRY,
});

/// Clustering order of a clustering column.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CassClusteringOrder {
    CASS_CLUSTERING_ORDER_NONE = 0,
    CASS_CLUSTERING_ORDER_ASC = 1,
    CASS_CLUSTERING_ORDER_DESC = 2,
}

/// Collection kinds (the same numbers as their value types).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CassCollectionType {
    CASS_COLLECTION_TYPE_LIST = 0x0020,
    CASS_COLLECTION_TYPE_MAP = 0x0021,
    CASS_COLLECTION_TYPE_SET = 0x0022,
}
ffi_enum!(CassCollectionTypeArg => CassCollectionType {
    CASS_COLLECTION_TYPE_LIST, CASS_COLLECTION_TYPE_MAP, CASS_COLLECTION_TYPE_SET,
});

/// Batch kinds.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CassBatchType {
    CASS_BATCH_TYPE_LOGGED = 0x00,
    CASS_BATCH_TYPE_UNLOGGED = 0x01,
    CASS_BATCH_TYPE_COUNTER = 0x02,
}
ffi_enum!(CassBatchTypeArg => CassBatchType {
    CASS_BATCH_TYPE_LOGGED, CASS_BATCH_TYPE_UNLOGGED, CASS_BATCH_TYPE_COUNTER,
});

/// What an iterator walks over.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CassIteratorType {
    CASS_ITERATOR_TYPE_RESULT = 0,
    CASS_ITERATOR_TYPE_ROW = 1,
    CASS_ITERATOR_TYPE_COLLECTION = 2,
    CASS_ITERATOR_TYPE_MAP = 3,
    CASS_ITERATOR_TYPE_TUPLE = 4,
    CASS_ITERATOR_TYPE_USER_TYPE_FIELD = 5,
    CASS_ITERATOR_TYPE_META_FIELD = 6,
    CASS_ITERATOR_TYPE_KEYSPACE_META = 7,
    CASS_ITERATOR_TYPE_TABLE_META = 8,
    CASS_ITERATOR_TYPE_TYPE_META = 9,
    CASS_ITERATOR_TYPE_FUNCTION_META = 10,
    CASS_ITERATOR_TYPE_AGGREGATE_META = 11,
    CASS_ITERATOR_TYPE_COLUMN_META = 12,
    CASS_ITERATOR_TYPE_INDEX_META = 13,
    CASS_ITERATOR_TYPE_MATERIALIZED_VIEW_META = 14,
}

/// Log levels, most severe first.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum CassLogLevel {
    CASS_LOG_DISABLED = 0,
    CASS_LOG_CRITICAL = 1,
    CASS_LOG_ERROR = 2,
    CASS_LOG_WARN = 3,
    CASS_LOG_INFO = 4,
    CASS_LOG_DEBUG = 5,
    CASS_LOG_TRACE = 6,
    CASS_LOG_LAST_ENTRY = 7,
}
ffi_enum!(CassLogLevelArg => CassLogLevel {
    CASS_LOG_DISABLED, CASS_LOG_CRITICAL, CASS_LOG_ERROR, CASS_LOG_WARN, CASS_LOG_INFO,
    CASS_LOG_DEBUG, CASS_LOG_TRACE, CASS_LOG_LAST_ENTRY,
});

/// TLS peer verification flags (a bit set).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(dead_code)] // only in the header (cassandra.h)
pub(crate) enum CassSslVerifyFlags {
    CASS_SSL_VERIFY_NONE = 0x00,
    CASS_SSL_VERIFY_PEER_CERT = 0x01,
    CASS_SSL_VERIFY_PEER_IDENTITY = 0x02,
    CASS_SSL_VERIFY_PEER_IDENTITY_DNS = 0x04,
}

/// Native protocol versions.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(dead_code)] // only in the header (cassandra.h)
pub(crate) enum CassProtocolVersion {
    CASS_PROTOCOL_VERSION_V1 = 0x01,
    CASS_PROTOCOL_VERSION_V2 = 0x02,
    CASS_PROTOCOL_VERSION_V3 = 0x03,
    CASS_PROTOCOL_VERSION_V4 = 0x04,
    CASS_PROTOCOL_VERSION_V5 = 0x05,
    CASS_PROTOCOL_VERSION_DSEV1 = 0x41,
    CASS_PROTOCOL_VERSION_DSEV2 = 0x42,
}

/// Host listener events.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CassHostListenerEvent {
    CASS_HOST_LISTENER_EVENT_UP = 0,
    CASS_HOST_LISTENER_EVENT_DOWN = 1,
    CASS_HOST_LISTENER_EVENT_ADD = 2,
    CASS_HOST_LISTENER_EVENT_REMOVE = 3,
}

/// Request latencies (microseconds) and rates, connection counts and timeout counts of a session.
/// The nested structs are named here; upstream declares them anonymous (same layout and access).
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct CassMetricsRequests {
    pub min: cass_uint64_t,
    pub max: cass_uint64_t,
    pub mean: cass_uint64_t,
    pub stddev: cass_uint64_t,
    pub median: cass_uint64_t,
    pub percentile_75th: cass_uint64_t,
    pub percentile_95th: cass_uint64_t,
    pub percentile_98th: cass_uint64_t,
    pub percentile_99th: cass_uint64_t,
    pub percentile_999th: cass_uint64_t,
    pub mean_rate: cass_double_t,
    pub one_minute_rate: cass_double_t,
    pub five_minute_rate: cass_double_t,
    pub fifteen_minute_rate: cass_double_t,
}

/// Connection statistics of `CassMetrics`; all but `total_connections` are deprecated (always 0).
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct CassMetricsStats {
    pub total_connections: cass_uint64_t,
    pub available_connections: cass_uint64_t,
    pub exceeded_pending_requests_water_mark: cass_uint64_t,
    pub exceeded_write_bytes_water_mark: cass_uint64_t,
}

/// Error counters of `CassMetrics`; `pending_request_timeouts` is deprecated (always 0).
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct CassMetricsErrors {
    pub connection_timeouts: cass_uint64_t,
    pub pending_request_timeouts: cass_uint64_t,
    pub request_timeouts: cass_uint64_t,
}

/// A snapshot of a session's metrics.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct CassMetrics {
    pub requests: CassMetricsRequests,
    pub stats: CassMetricsStats,
    pub errors: CassMetricsErrors,
}

/// Metrics of speculative executions: latencies (microseconds) of aborted speculative attempts,
/// their count, and their share of all requests.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct CassSpeculativeExecutionMetrics {
    pub min: cass_uint64_t,
    pub max: cass_uint64_t,
    pub mean: cass_uint64_t,
    pub stddev: cass_uint64_t,
    pub median: cass_uint64_t,
    pub percentile_75th: cass_uint64_t,
    pub percentile_95th: cass_uint64_t,
    pub percentile_98th: cass_uint64_t,
    pub percentile_99th: cass_uint64_t,
    pub percentile_999th: cass_uint64_t,
    pub count: cass_uint64_t,
    pub percentage: cass_double_t,
}

/// `void (*)(CassHostListenerEvent event, const CassInet address, void* data)`.
pub(crate) type CassHostListenerCallback =
    Option<extern "C" fn(event: CassHostListenerEvent, address: CassInet, data: *mut std::ffi::c_void)>;

/// `void* (*)(size_t size)`.
pub(crate) type CassMallocFunction = Option<extern "C" fn(size: usize) -> *mut std::ffi::c_void>;
/// `void* (*)(void* ptr, size_t size)`.
pub(crate) type CassReallocFunction =
    Option<extern "C" fn(ptr: *mut std::ffi::c_void, size: usize) -> *mut std::ffi::c_void>;
/// `void (*)(void* ptr)`.
pub(crate) type CassFreeFunction = Option<extern "C" fn(ptr: *mut std::ffi::c_void)>;

/// A C `void*` that travels with a callback. The C caller promises it may be used from any thread.
#[derive(Clone, Copy)]
pub(crate) struct UserData(pub *mut std::ffi::c_void);

impl Default for UserData {
    /// NULL.
    fn default() -> Self {
        UserData(std::ptr::null_mut())
    }
}
// SAFETY: the C API documents that callback data is handed back on library threads; the pointer is
// never dereferenced by us.
unsafe impl Send for UserData {}
// SAFETY: see above; the pointer is only copied, never dereferenced by us.
unsafe impl Sync for UserData {}
