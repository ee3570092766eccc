/* Smoke test of the integration plumbing: connect to the node, read one row of system.local. */
#include "test_util.h"

int main(void) {
  CassCluster* cluster = NULL;
  CassSession* session = NULL;
  CassStatement* statement;
  CassFuture* future;
  const CassResult* result;
  const CassRow* row;
  const char* version = NULL;
  size_t version_length = 0;

  test_connect(&cluster, &session);

  statement = cass_statement_new("SELECT release_version FROM system.local", 0);
  future = cass_session_execute(session, statement);
  CHECK_FUTURE_OK(future);
  result = cass_future_get_result(future);
  CHECK(result != NULL);
  CHECK_EQ_INT(1, cass_result_row_count(result));
  row = cass_result_first_row(result);
  CHECK(row != NULL);
  CHECK_OK(cass_value_get_string(cass_row_get_column(row, 0), &version, &version_length));
  CHECK(version_length > 0);
  printf("release_version %.*s (%s)\n", (int)version_length, version, test_impl());

  cass_result_free(result);
  cass_future_free(future);
  cass_statement_free(statement);
  test_disconnect(cluster, session);
  return 0;
}
