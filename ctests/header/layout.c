/* Pins the ABI of the public types: sizes, field offsets and enum values of cassandra.h and dse.h.
   Compiled as C99 and as C++14; it only has to compile (and run, trivially). */
#include <cassandra.h>
#include <dse.h>
#include <stddef.h>

#if defined(__cplusplus)
#define STATIC_ASSERT(cond, msg) static_assert(cond, #msg)
#else
#define STATIC_ASSERT(cond, msg) typedef char static_assert_##msg[(cond) ? 1 : -1]
#endif

STATIC_ASSERT(sizeof(cass_bool_t) == 4, bool_size);
STATIC_ASSERT(cass_false == 0 && cass_true == 1, bool_values);
STATIC_ASSERT(sizeof(CassInet) == 17, inet_size);
STATIC_ASSERT(offsetof(CassInet, address_length) == 16, inet_length_offset);
STATIC_ASSERT(sizeof(CassUuid) == 16, uuid_size);
STATIC_ASSERT(offsetof(CassUuid, clock_seq_and_node) == 8, uuid_offset);
STATIC_ASSERT(sizeof(CassVersion) == 12, version_size);
STATIC_ASSERT(offsetof(CassVersion, patch_version) == 8, version_offset);
STATIC_ASSERT(sizeof(CassLogMessage) == 1064, log_message_size);
STATIC_ASSERT(offsetof(CassLogMessage, severity) == 8, log_severity_offset);
STATIC_ASSERT(offsetof(CassLogMessage, file) == 16, log_file_offset);
STATIC_ASSERT(offsetof(CassLogMessage, line) == 24, log_line_offset);
STATIC_ASSERT(offsetof(CassLogMessage, function) == 32, log_function_offset);
STATIC_ASSERT(offsetof(CassLogMessage, message) == 40, log_message_offset);
STATIC_ASSERT(sizeof(((CassLogMessage*)0)->message) == CASS_LOG_MAX_MESSAGE_SIZE, log_message_inline);
STATIC_ASSERT(sizeof(CassMetrics) == 168, metrics_size);
STATIC_ASSERT(offsetof(CassMetrics, requests.mean_rate) == 80, metrics_rate_offset);
STATIC_ASSERT(offsetof(CassMetrics, requests.fifteen_minute_rate) == 104, metrics_rate15_offset);
STATIC_ASSERT(offsetof(CassMetrics, stats.total_connections) == 112, metrics_stats_offset);
STATIC_ASSERT(offsetof(CassMetrics, errors.connection_timeouts) == 144, metrics_errors_offset);
STATIC_ASSERT(offsetof(CassMetrics, errors.request_timeouts) == 160, metrics_request_timeouts_offset);
STATIC_ASSERT(sizeof(CassSpeculativeExecutionMetrics) == 96, spec_metrics_size);
STATIC_ASSERT(offsetof(CassSpeculativeExecutionMetrics, count) == 80, spec_count_offset);
STATIC_ASSERT(offsetof(CassSpeculativeExecutionMetrics, percentage) == 88, spec_percentage_offset);
STATIC_ASSERT(sizeof(CassAuthenticatorCallbacks) == 32, auth_callbacks_size);
STATIC_ASSERT(offsetof(CassAuthenticatorCallbacks, cleanup_callback) == 24, auth_cleanup_offset);
STATIC_ASSERT(sizeof(DseDateRange) == 40, date_range_size);

STATIC_ASSERT(sizeof(CassConsistency) == 4 && sizeof(CassError) == 4 && sizeof(CassValueType) == 4, enum_sizes);
STATIC_ASSERT(CASS_CONSISTENCY_UNKNOWN == 0xFFFF && CASS_CONSISTENCY_LOCAL_ONE == 10, consistency_values);
STATIC_ASSERT(CASS_VALUE_TYPE_UDT == 0x30 && CASS_VALUE_TYPE_TUPLE == 0x31 && CASS_VALUE_TYPE_LAST_ENTRY == 0x32,
              value_type_values);
STATIC_ASSERT(CASS_VALUE_TYPE_DURATION == 0x15 && CASS_VALUE_TYPE_SET == 0x22, value_type_values2);
STATIC_ASSERT(CASS_ERROR_LIB_NULL_VALUE == 16777236, null_value_code);
STATIC_ASSERT(CASS_ERROR_LIB_NO_TRACING_ID == 0x01000023 && CASS_ERROR_LAST_ENTRY == 0x03000008, error_values);
STATIC_ASSERT(CASS_ERROR(CASS_ERROR_SOURCE_SERVER, 0x2200) == CASS_ERROR_SERVER_INVALID_QUERY, error_macro);
STATIC_ASSERT(CASS_ERROR_SSL_CLOSED == 0x03000007, ssl_values);
STATIC_ASSERT(CASS_LOG_TRACE == 6 && CASS_LOG_LAST_ENTRY == 7, log_values);
STATIC_ASSERT(CASS_ITERATOR_TYPE_MATERIALIZED_VIEW_META == 14, iterator_values);
STATIC_ASSERT(CASS_HOST_LISTENER_EVENT_REMOVE == 3, host_listener_values);
STATIC_ASSERT(CASS_PROTOCOL_VERSION_DSEV2 == 0x42, protocol_values);
STATIC_ASSERT(CASS_SSL_VERIFY_PEER_IDENTITY_DNS == 4, ssl_verify_values);
STATIC_ASSERT(CASS_WRITE_TYPE_CDC == 8 && CASS_BATCH_TYPE_COUNTER == 2, write_batch_values);
STATIC_ASSERT(CASS_COLLECTION_TYPE_SET == 0x22 && CASS_CLUSTERING_ORDER_DESC == 2, collection_values);
STATIC_ASSERT(CASS_COLUMN_TYPE_COMPACT_VALUE == 4 && CASS_INDEX_TYPE_COMPOSITES == 3, column_index_values);
STATIC_ASSERT(DSE_DATE_RANGE_PRECISION_UNBOUNDED == 0xFF && DSE_DATE_RANGE_PRECISION_MILLISECOND == 6, dse_values);
STATIC_ASSERT(CASS_VERSION_MAJOR == 2 && CASS_VERSION_MINOR == 16 && CASS_VERSION_PATCH == 2, version_macros);
STATIC_ASSERT(CASS_INET_STRING_LENGTH == 46 && CASS_UUID_STRING_LENGTH == 37 && CASS_INET_V6_LENGTH == 16,
              length_macros);

/* The X-macros expand over every entry. */
#define COUNT(...) +1
STATIC_ASSERT(0 CASS_CONSISTENCY_MAPPING(COUNT) == 12, consistency_mapping);
STATIC_ASSERT(0 CASS_WRITE_TYPE_MAPPING(COUNT) == 8, write_type_mapping);
STATIC_ASSERT(0 CASS_VALUE_TYPE_MAPPING(COUNT) == 27, value_type_mapping);
STATIC_ASSERT(0 CASS_LOG_LEVEL_MAPPING(COUNT) == 7, log_level_mapping);
STATIC_ASSERT(0 CASS_ERROR_MAPPING(COUNT) == 60, error_mapping);
#define SUM_CODES(source, name, code, desc) +((name) == CASS_ERROR(source, code))
STATIC_ASSERT(0 CASS_ERROR_MAPPING(SUM_CODES) == 60, error_mapping_codes);

int main(void) { return 0; }
