/* Extra safety of this library: NULL handles, unknown enum values, non-UTF-8 text and NULL
   out-pointers give an error code (or NULL, 0, cass_false), never a crash. The C++ driver crashes on
   most of these, so this test runs on our library only. */
// test-label: ours-only
#include "test_util.h"

int main(void) {
  CassCluster* cluster = cass_cluster_new();
  CassSession* session = cass_session_new();
  CassStatement* statement = cass_statement_new("SELECT * FROM t WHERE k = ?", 1);
  CassFuture* future;
  const char* text = "x";
  size_t length = 7;
  const char bad_utf8[] = {'1', '2', '7', (char)0xC3, (char)0x28, 0};

  /* NULL handles. */
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_cluster_set_contact_points(NULL, "127.0.0.1"));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_cluster_set_port(NULL, 9042));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_cluster_set_consistency(NULL, CASS_CONSISTENCY_ONE));
  cass_cluster_set_connect_timeout(NULL, 1);
  cass_cluster_set_credentials(NULL, "a", "b");
  cass_cluster_free(NULL);
  cass_session_free(NULL);
  cass_statement_free(NULL);
  cass_future_free(NULL);
  cass_result_free(NULL);
  cass_iterator_free(NULL);
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_statement_bind_int32(NULL, 0, 1));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_statement_bind_string_n(statement, 0, NULL, 5));
  CHECK(cass_result_row_count(NULL) == 0);
  CHECK(cass_result_first_row(NULL) == NULL);
  CHECK(cass_row_get_column(NULL, 0) == NULL);
  CHECK(cass_row_get_column_by_name(NULL, "k") == NULL);
  CHECK(cass_iterator_from_result(NULL) == NULL);
  CHECK(cass_iterator_next(NULL) == cass_false);
  CHECK(cass_iterator_get_row(NULL) == NULL);
  CHECK_ERR(CASS_ERROR_LIB_NULL_VALUE, cass_value_get_int32(NULL, NULL));
  CHECK(cass_value_is_null(NULL) == cass_true);
  CHECK_EQ_INT(CASS_VALUE_TYPE_UNKNOWN, cass_value_type(NULL));
  CHECK(cass_future_ready(NULL) == cass_false);
  cass_future_wait(NULL);
  CHECK(cass_future_wait_timed(NULL, 10) == cass_false);
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_future_error_code(NULL));
  cass_future_error_message(NULL, &text, &length);
  CHECK(text != NULL && length == 0);
  CHECK(cass_future_get_result(NULL) == NULL);
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_future_set_callback(NULL, NULL, NULL));

  future = cass_session_execute(NULL, statement);
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_future_error_code(future));
  cass_future_free(future);
  future = cass_session_connect(session, NULL);
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_future_error_code(future));
  cass_future_free(future);
  future = cass_session_close(NULL);
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_future_error_code(future));
  cass_future_free(future);

  /* Unknown enum values. */
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_cluster_set_consistency(cluster, (CassConsistency)12345));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_cluster_set_serial_consistency(cluster, (CassConsistency)-1));
  CHECK_EQ_STR("", cass_log_level_string((CassLogLevel)999));
  CHECK_EQ_STR("", cass_error_desc((CassError)0x7fffffff));
  cass_log_set_level((CassLogLevel)4242);

  /* Text that is not UTF-8. */
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_cluster_set_contact_points(cluster, bad_utf8));
  CHECK(cass_statement_new(bad_utf8, 0) == NULL);
  future = cass_session_connect_keyspace(session, cluster, bad_utf8);
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_future_error_code(future));
  cass_future_free(future);

  /* NULL out-pointers and indexes past the end. */
  CHECK_ERR(CASS_ERROR_LIB_INDEX_OUT_OF_BOUNDS, cass_statement_bind_int32(statement, 1, 1));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_result_column_name(NULL, 0, &text, &length));

  cass_statement_free(statement);
  cass_session_free(session);
  cass_cluster_free(cluster);
  return 0;
}
