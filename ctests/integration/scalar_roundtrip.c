/* Scalar values against a real node: every scalar type bound by index and read back, NULLs,
   result metadata, column lookup by name, type checks of the getters, server errors, and execute
   after close. */
#include "test_util.h"

static const CassResult* select_one(CassSession* session, const char* query) {
  CassStatement* statement = cass_statement_new(query, 0);
  CassFuture* future = cass_session_execute(session, statement);
  const CassResult* result;
  CHECK_FUTURE_OK(future);
  result = cass_future_get_result(future);
  CHECK(result != NULL);
  cass_future_free(future);
  cass_statement_free(statement);
  return result;
}

int main(void) {
  CassCluster* cluster;
  CassSession* session;
  char ks[64], query[512];
  CassStatement* insert;
  CassFuture* future;
  const CassResult* result;
  const CassRow* row;
  CassUuid uuid = {0x11e7ab1234567890ULL, 0x8123456789abcdefULL}, uuid_out;
  const cass_byte_t blob[] = {0, 1, 2, 254, 255};
  const char* text;
  const cass_byte_t* bytes;
  size_t length;
  cass_bool_t b;
  cass_int8_t i8;
  cass_int16_t i16;
  cass_int32_t i32;
  cass_int64_t i64;
  cass_float_t f;
  cass_double_t d;

  test_connect(&cluster, &session);
  test_name(ks, sizeof ks, "scalar_roundtrip");
  snprintf(query, sizeof query, "DROP KEYSPACE IF EXISTS %s", ks);
  test_execute(session, query);
  snprintf(query, sizeof query,
           "CREATE KEYSPACE %s WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}", ks);
  test_execute(session, query);
  snprintf(query, sizeof query,
           "CREATE TABLE %s.t (k text PRIMARY KEY, b boolean, i8 tinyint, i16 smallint, i32 int, i64 bigint, "
           "f float, d double, s text, a ascii, x blob, u uuid, tu timeuuid)", ks);
  test_execute(session, query);

  snprintf(query, sizeof query,
           "INSERT INTO %s.t (k, b, i8, i16, i32, i64, f, d, s, a, x, u, tu) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
           ks);
  insert = cass_statement_new(query, 13);
  CHECK_OK(cass_statement_bind_string(insert, 0, "full"));
  CHECK_OK(cass_statement_bind_bool(insert, 1, cass_true));
  CHECK_OK(cass_statement_bind_int8(insert, 2, -128));
  CHECK_OK(cass_statement_bind_int16(insert, 3, 32767));
  CHECK_OK(cass_statement_bind_int32(insert, 4, -2147483647 - 1));
  CHECK_OK(cass_statement_bind_int64(insert, 5, 9223372036854775807LL));
  CHECK_OK(cass_statement_bind_float(insert, 6, 1.5f));
  CHECK_OK(cass_statement_bind_double(insert, 7, -0.25));
  CHECK_OK(cass_statement_bind_string_n(insert, 8, "h\xc3\xa9llo wide", 7));
  CHECK_OK(cass_statement_bind_string(insert, 9, "plain"));
  CHECK_OK(cass_statement_bind_bytes(insert, 10, blob, sizeof blob));
  CHECK_OK(cass_statement_bind_uuid(insert, 11, uuid));
  CHECK_OK(cass_statement_bind_uuid(insert, 12, uuid));
  CHECK_ERR(CASS_ERROR_LIB_INDEX_OUT_OF_BOUNDS, cass_statement_bind_int32(insert, 13, 1));
  future = cass_session_execute(session, insert);
  CHECK_FUTURE_OK(future);
  CHECK(cass_future_coordinator(future) != NULL);
  CHECK(cass_future_get_error_result(future) == NULL);
  CHECK(cass_future_get_prepared(future) == NULL);
  CHECK_EQ_INT(0, cass_future_custom_payload_item_count(future));
  {
    const char* name;
    const cass_byte_t* value;
    size_t name_length, value_size;
    CHECK_ERR(CASS_ERROR_LIB_INDEX_OUT_OF_BOUNDS,
              cass_future_custom_payload_item(future, 0, &name, &name_length, &value, &value_size));
  }
  {
    CassUuid trace;
    CHECK_ERR(CASS_ERROR_LIB_NO_TRACING_ID, cass_future_tracing_id(future, &trace));
  }
  cass_future_free(future);

  /* The same statement again with NULLs, changed after the first execute. */
  CHECK_OK(cass_statement_bind_string(insert, 0, "nulls"));
  {
    size_t i;
    for (i = 1; i < 13; i++) CHECK_OK(cass_statement_bind_null(insert, i));
  }
  future = cass_session_execute(session, insert);
  CHECK_FUTURE_OK(future);
  cass_future_free(future);
  cass_statement_free(insert);

  snprintf(query, sizeof query, "SELECT k, b, i8, i16, i32, i64, f, d, s, a, x, u, tu FROM %s.t WHERE k = 'full'", ks);
  result = select_one(session, query);
  CHECK_EQ_INT(1, cass_result_row_count(result));
  CHECK_EQ_INT(13, cass_result_column_count(result));
  CHECK_OK(cass_result_column_name(result, 4, &text, &length));
  CHECK(length == 3 && strncmp(text, "i32", 3) == 0);
  CHECK_ERR(CASS_ERROR_LIB_INDEX_OUT_OF_BOUNDS, cass_result_column_name(result, 13, &text, &length));
  CHECK_EQ_INT(CASS_VALUE_TYPE_BOOLEAN, cass_result_column_type(result, 1));
  CHECK_EQ_INT(CASS_VALUE_TYPE_TINY_INT, cass_result_column_type(result, 2));
  CHECK_EQ_INT(CASS_VALUE_TYPE_BIGINT, cass_result_column_type(result, 5));
  CHECK_EQ_INT(CASS_VALUE_TYPE_VARCHAR, cass_result_column_type(result, 8));
  CHECK_EQ_INT(CASS_VALUE_TYPE_ASCII, cass_result_column_type(result, 9));
  CHECK_EQ_INT(CASS_VALUE_TYPE_BLOB, cass_result_column_type(result, 10));
  CHECK_EQ_INT(CASS_VALUE_TYPE_UUID, cass_result_column_type(result, 11));
  CHECK_EQ_INT(CASS_VALUE_TYPE_TIMEUUID, cass_result_column_type(result, 12));
  CHECK_EQ_INT(CASS_VALUE_TYPE_UNKNOWN, cass_result_column_type(result, 13));
  CHECK(cass_result_has_more_pages(result) == cass_false);

  row = cass_result_first_row(result);
  CHECK(row != NULL);
  CHECK(cass_value_is_null(cass_row_get_column(row, 1)) == cass_false);
  CHECK_OK(cass_value_get_bool(cass_row_get_column(row, 1), &b));
  CHECK(b == cass_true);
  CHECK_OK(cass_value_get_int8(cass_row_get_column(row, 2), &i8));
  CHECK_EQ_INT(-128, i8);
  CHECK_OK(cass_value_get_int16(cass_row_get_column_by_name(row, "i16"), &i16));
  CHECK_EQ_INT(32767, i16);
  CHECK_OK(cass_value_get_int32(cass_row_get_column_by_name(row, "I32"), &i32));
  CHECK_EQ_INT(-2147483647 - 1, i32);
  CHECK(cass_row_get_column_by_name(row, "\"I32\"") == NULL);
  CHECK(cass_row_get_column_by_name(row, "missing") == NULL);
  CHECK(cass_row_get_column(row, 13) == NULL);
  CHECK_OK(cass_value_get_int64(cass_row_get_column(row, 5), &i64));
  CHECK(i64 == 9223372036854775807LL);
  CHECK_OK(cass_value_get_float(cass_row_get_column(row, 6), &f));
  CHECK(f == 1.5f);
  CHECK_OK(cass_value_get_double(cass_row_get_column(row, 7), &d));
  CHECK(d == -0.25);
  CHECK_OK(cass_value_get_string(cass_row_get_column(row, 8), &text, &length));
  CHECK(length == 7 && memcmp(text, "h\xc3\xa9llo ", 7) == 0);
  CHECK_OK(cass_value_get_string(cass_row_get_column(row, 9), &text, &length));
  CHECK(length == 5 && memcmp(text, "plain", 5) == 0);
  CHECK_OK(cass_value_get_bytes(cass_row_get_column(row, 10), &bytes, &length));
  CHECK(length == sizeof blob && memcmp(bytes, blob, sizeof blob) == 0);
  CHECK_OK(cass_value_get_uuid(cass_row_get_column(row, 11), &uuid_out));
  CHECK(uuid_out.time_and_version == uuid.time_and_version && uuid_out.clock_seq_and_node == uuid.clock_seq_and_node);
  CHECK_OK(cass_value_get_uuid(cass_row_get_column(row, 12), &uuid_out));
  CHECK(uuid_out.time_and_version == uuid.time_and_version);
  CHECK_EQ_INT(CASS_VALUE_TYPE_INT, cass_value_type(cass_row_get_column(row, 4)));
  /* Getters check the type. */
  CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE, cass_value_get_int32(cass_row_get_column(row, 5), &i32));
  CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE, cass_value_get_int64(cass_row_get_column(row, 4), &i64));
  CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE, cass_value_get_uuid(cass_row_get_column(row, 8), &uuid_out));
  cass_result_free(result);

  snprintf(query, sizeof query, "SELECT b, i32, s, x FROM %s.t WHERE k = 'nulls'", ks);
  result = select_one(session, query);
  row = cass_result_first_row(result);
  CHECK(cass_value_is_null(cass_row_get_column(row, 0)) == cass_true);
  CHECK_ERR(CASS_ERROR_LIB_NULL_VALUE, cass_value_get_bool(cass_row_get_column(row, 0), &b));
  CHECK_ERR(CASS_ERROR_LIB_NULL_VALUE, cass_value_get_int32(cass_row_get_column(row, 1), &i32));
  CHECK_ERR(CASS_ERROR_LIB_NULL_VALUE, cass_value_get_string(cass_row_get_column(row, 2), &text, &length));
  CHECK_ERR(CASS_ERROR_LIB_NULL_VALUE, cass_value_get_bytes(cass_row_get_column(row, 3), &bytes, &length));
  cass_result_free(result);

  /* An empty result. */
  snprintf(query, sizeof query, "SELECT k FROM %s.t WHERE k = 'none'", ks);
  result = select_one(session, query);
  CHECK_EQ_INT(0, cass_result_row_count(result));
  CHECK(cass_result_first_row(result) == NULL);
  cass_result_free(result);

  /* Server errors keep their protocol code. */
  {
    CassStatement* bad = cass_statement_new("SELEC nonsense", 0);
    const CassErrorResult* details;
    future = cass_session_execute(session, bad);
    CHECK_ERR(CASS_ERROR_SERVER_SYNTAX_ERROR, cass_future_error_code(future));
    cass_future_error_message(future, &text, &length);
    CHECK(length > 0);
    details = cass_future_get_error_result(future);
    CHECK(details != NULL);
    CHECK_ERR(CASS_ERROR_SERVER_SYNTAX_ERROR, cass_error_result_code(details));
    cass_error_result_free(details);
    /* The C++ driver also reports the coordinator of a server error; we do not yet (README). */
    CHECK(cass_future_get_result(future) == NULL);
    cass_future_free(future);
    cass_statement_free(bad);
    bad = cass_statement_new("SELECT * FROM no_such_keyspace.no_such_table", 0);
    future = cass_session_execute(session, bad);
    CHECK_ERR(CASS_ERROR_SERVER_INVALID_QUERY, cass_future_error_code(future));
    cass_future_free(future);
    cass_statement_free(bad);
  }

  snprintf(query, sizeof query, "DROP KEYSPACE %s", ks);
  test_execute(session, query);

  /* After close, execute fails cleanly. */
  future = cass_session_close(session);
  CHECK_FUTURE_OK(future);
  cass_future_free(future);
  {
    CassStatement* statement = cass_statement_new("SELECT release_version FROM system.local", 0);
    future = cass_session_execute(session, statement);
    CHECK_ERR(CASS_ERROR_LIB_NO_HOSTS_AVAILABLE, cass_future_error_code(future));
    cass_future_free(future);
    cass_statement_free(statement);
  }
  cass_session_free(session);
  cass_cluster_free(cluster);
  return 0;
}
