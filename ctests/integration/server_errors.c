/* Server errors: each ERROR response the node sends reaches C as its CASS_ERROR_SERVER_* code with
   the server's message, and cass_future_get_error_result() carries its details (syntax error,
   invalid query, already existing keyspace and table, unavailable replicas at consistency ALL, a
   failing user-defined function), with the C++ driver's defaults for the fields an error does not
   carry. Also the names of every consistency level and write type. */
#include "test_util.h"

static CassSession* session;
static char ks[64];

/* A (pointer, length) string from the error result must equal `expected`. */
static void check_str(const char* expected, const char* got, size_t got_length) {
  CHECK(got != NULL);
  if (strlen(expected) != got_length || memcmp(expected, got, got_length) != 0) {
    fprintf(stderr, "expected \"%s\", got \"%.*s\"\n", expected, (int)got_length, got);
    CHECK(0);
  }
}

/* The fields of the consistency/responses family hold their defaults. */
static void check_no_responses(const CassErrorResult* error) {
  CHECK_EQ_INT(CASS_CONSISTENCY_UNKNOWN, cass_error_result_consistency(error));
  CHECK_EQ_INT(-1, cass_error_result_responses_received(error));
  CHECK_EQ_INT(-1, cass_error_result_responses_required(error));
  CHECK_EQ_INT(-1, cass_error_result_num_failures(error));
  CHECK_EQ_INT(cass_false, cass_error_result_data_present(error));
  CHECK_EQ_INT(CASS_WRITE_TYPE_UNKNOWN, cass_error_result_write_type(error));
}

/* Neither keyspace, table nor function apply. The out-parameters stay untouched. */
static void check_no_names(const CassErrorResult* error) {
  const char* s = "untouched";
  size_t length = 9;
  CHECK_ERR(CASS_ERROR_LIB_INVALID_ERROR_RESULT_TYPE, cass_error_result_keyspace(error, &s, &length));
  CHECK_ERR(CASS_ERROR_LIB_INVALID_ERROR_RESULT_TYPE, cass_error_result_table(error, &s, &length));
  CHECK_ERR(CASS_ERROR_LIB_INVALID_ERROR_RESULT_TYPE, cass_error_result_function(error, &s, &length));
  CHECK_ERR(CASS_ERROR_LIB_INVALID_ERROR_RESULT_TYPE, cass_error_result_arg_type(error, 0, &s, &length));
  CHECK_EQ_INT(0, cass_error_num_arg_types(error));
  check_str("untouched", s, length);
}

static void test_syntax_and_invalid(void) {
  char cql[256];
  CassFuture* future = test_run_failing(session, "SELEC * FROM system.local", CASS_ERROR_SERVER_SYNTAX_ERROR);
  const CassErrorResult* error = cass_future_get_error_result(future);
  test_check_message(future, "SELEC");
  CHECK(error != NULL);
  CHECK_ERR(CASS_ERROR_SERVER_SYNTAX_ERROR, cass_error_result_code(error));
  check_no_responses(error);
  check_no_names(error);
  cass_error_result_free(error);
  cass_future_free(future);

  snprintf(cql, sizeof cql, "SELECT * FROM %s.no_such_table", ks);
  future = test_run_failing(session, cql, CASS_ERROR_SERVER_INVALID_QUERY);
  test_check_message(future, "no_such_table");
  error = cass_future_get_error_result(future);
  CHECK(error != NULL);
  CHECK_ERR(CASS_ERROR_SERVER_INVALID_QUERY, cass_error_result_code(error));
  check_no_responses(error);
  check_no_names(error);
  /* The error result is shared: a second one from the same future, freed independently. */
  {
    const CassErrorResult* again = cass_future_get_error_result(future);
    CHECK(again != NULL);
    CHECK_ERR(CASS_ERROR_SERVER_INVALID_QUERY, cass_error_result_code(again));
    cass_error_result_free(again);
  }
  cass_future_free(future);
  /* Still readable after the future is gone. */
  CHECK_ERR(CASS_ERROR_SERVER_INVALID_QUERY, cass_error_result_code(error));
  cass_error_result_free(error);

  /* A prepare the server rejects carries the error result too. */
  future = cass_session_prepare(session, "SELEC 1");
  cass_future_wait(future);
  CHECK_ERR(CASS_ERROR_SERVER_SYNTAX_ERROR, cass_future_error_code(future));
  error = cass_future_get_error_result(future);
  CHECK(error != NULL);
  CHECK_ERR(CASS_ERROR_SERVER_SYNTAX_ERROR, cass_error_result_code(error));
  cass_error_result_free(error);
  cass_future_free(future);
}

static void test_already_exists(void) {
  char cql[256];
  const char* s;
  size_t length;
  CassFuture* future;
  const CassErrorResult* error;

  snprintf(cql, sizeof cql,
           "CREATE KEYSPACE %s WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}", ks);
  future = test_run_failing(session, cql, CASS_ERROR_SERVER_ALREADY_EXISTS);
  test_check_message(future, ks);
  error = cass_future_get_error_result(future);
  CHECK(error != NULL);
  CHECK_ERR(CASS_ERROR_SERVER_ALREADY_EXISTS, cass_error_result_code(error));
  CHECK_OK(cass_error_result_keyspace(error, &s, &length));
  check_str(ks, s, length);
  CHECK_OK(cass_error_result_table(error, &s, &length));
  check_str("", s, length);
  CHECK_ERR(CASS_ERROR_LIB_INVALID_ERROR_RESULT_TYPE, cass_error_result_function(error, &s, &length));
  CHECK_ERR(CASS_ERROR_LIB_INVALID_ERROR_RESULT_TYPE, cass_error_result_arg_type(error, 0, &s, &length));
  CHECK_EQ_INT(0, cass_error_num_arg_types(error));
  check_no_responses(error);
  cass_future_free(future);
  /* The strings live as long as the error result, not the future. */
  CHECK_OK(cass_error_result_keyspace(error, &s, &length));
  check_str(ks, s, length);
  cass_error_result_free(error);

  snprintf(cql, sizeof cql, "CREATE TABLE %s.t (id int PRIMARY KEY, v int)", ks);
  future = test_run_failing(session, cql, CASS_ERROR_SERVER_ALREADY_EXISTS);
  error = cass_future_get_error_result(future);
  CHECK(error != NULL);
  CHECK_ERR(CASS_ERROR_SERVER_ALREADY_EXISTS, cass_error_result_code(error));
  CHECK_OK(cass_error_result_keyspace(error, &s, &length));
  check_str(ks, s, length);
  CHECK_OK(cass_error_result_table(error, &s, &length));
  check_str("t", s, length);
  check_no_responses(error);
  cass_error_result_free(error);
  cass_future_free(future);
}

static void test_unavailable(void) {
  char ks3[80];
  char cql[256];
  CassCluster* cluster_all = test_cluster();
  CassSession* session_all = cass_session_new();
  CassFuture* future;
  const CassErrorResult* error;

  snprintf(ks3, sizeof ks3, "%s_rf3", ks);
  snprintf(cql, sizeof cql, "DROP KEYSPACE IF EXISTS %s", ks3);
  test_execute(session, cql);
  snprintf(cql, sizeof cql,
           "CREATE KEYSPACE %s WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}", ks3);
  test_execute(session, cql);
  snprintf(cql, sizeof cql, "CREATE TABLE %s.t (id int PRIMARY KEY, v int)", ks3);
  test_execute(session, cql);

  /* Three replicas required, one node alive. */
  CHECK_OK(cass_cluster_set_consistency(cluster_all, CASS_CONSISTENCY_ALL));
  future = cass_session_connect(session_all, cluster_all);
  CHECK_FUTURE_OK(future);
  cass_future_free(future);

  /* One node only: the default retry policy answers a first Unavailable by trying the next host;
     with no next host the request fails with CASS_ERROR_LIB_NO_HOSTS_AVAILABLE and no error result. */
  snprintf(cql, sizeof cql, "INSERT INTO %s.t (id, v) VALUES (1, 1)", ks3);
  future = test_run_failing(session_all, cql, CASS_ERROR_LIB_NO_HOSTS_AVAILABLE);
  CHECK(cass_future_get_error_result(future) == NULL);
  cass_future_free(future);

  /* The fallthrough policy hands the server's error over, with its details. */
  {
    CassRetryPolicy* fallthrough = cass_retry_policy_fallthrough_new();
    CassStatement* statement = cass_statement_new(cql, 0);
    CHECK_OK(cass_statement_set_retry_policy(statement, fallthrough));
    future = cass_session_execute(session_all, statement);
    CHECK_ERR(CASS_ERROR_SERVER_UNAVAILABLE, cass_future_error_code(future));
    test_check_message(future, "ALL");
    error = cass_future_get_error_result(future);
    CHECK(error != NULL);
    CHECK_ERR(CASS_ERROR_SERVER_UNAVAILABLE, cass_error_result_code(error));
    CHECK_EQ_INT(CASS_CONSISTENCY_ALL, cass_error_result_consistency(error));
    CHECK_EQ_INT(3, cass_error_result_responses_required(error));
    CHECK_EQ_INT(1, cass_error_result_responses_received(error));
    CHECK_EQ_INT(-1, cass_error_result_num_failures(error));
    CHECK_EQ_INT(cass_false, cass_error_result_data_present(error));
    CHECK_EQ_INT(CASS_WRITE_TYPE_UNKNOWN, cass_error_result_write_type(error));
    check_no_names(error);
    cass_error_result_free(error);
    cass_future_free(future);
    cass_statement_free(statement);
    cass_retry_policy_free(fallthrough);
  }

  test_disconnect(cluster_all, session_all);
  snprintf(cql, sizeof cql, "DROP KEYSPACE %s", ks3);
  test_execute(session, cql);
}

static void test_function_failure(void) {
  char cql[512];
  const char* s;
  size_t length;
  CassFuture* future;
  const CassErrorResult* error;

  snprintf(cql, sizeof cql,
           "CREATE FUNCTION %s.boom(x int, y text) RETURNS NULL ON NULL INPUT RETURNS int "
           "LANGUAGE java AS 'throw new RuntimeException(\"boom\");'",
           ks);
  test_execute(session, cql);
  snprintf(cql, sizeof cql, "INSERT INTO %s.t (id, v) VALUES (1, 1)", ks);
  test_execute(session, cql);

  snprintf(cql, sizeof cql, "SELECT %s.boom(v, 'a') FROM %s.t WHERE id = 1", ks, ks);
  future = test_run_failing(session, cql, CASS_ERROR_SERVER_FUNCTION_FAILURE);
  test_check_message(future, "boom");
  error = cass_future_get_error_result(future);
  CHECK(error != NULL);
  CHECK_ERR(CASS_ERROR_SERVER_FUNCTION_FAILURE, cass_error_result_code(error));
  CHECK_OK(cass_error_result_keyspace(error, &s, &length));
  check_str(ks, s, length);
  CHECK_OK(cass_error_result_function(error, &s, &length));
  check_str("boom", s, length);
  CHECK_ERR(CASS_ERROR_LIB_INVALID_ERROR_RESULT_TYPE, cass_error_result_table(error, &s, &length));
  CHECK_EQ_INT(2, cass_error_num_arg_types(error));
  CHECK_OK(cass_error_result_arg_type(error, 0, &s, &length));
  check_str("int", s, length);
  CHECK_OK(cass_error_result_arg_type(error, 1, &s, &length));
  check_str("text", s, length);
  /* index == count is undefined in the C++ driver (it reads past the end); index > count is not. */
  CHECK_ERR(CASS_ERROR_LIB_INDEX_OUT_OF_BOUNDS, cass_error_result_arg_type(error, 3, &s, &length));
  check_no_responses(error);
  cass_error_result_free(error);
  cass_future_free(future);
}

static void test_success_has_no_error_result(void) {
  CassStatement* statement = cass_statement_new("SELECT release_version FROM system.local", 0);
  CassFuture* future = cass_session_execute(session, statement);
  CHECK_FUTURE_OK(future);
  CHECK(cass_future_get_error_result(future) == NULL);
  cass_future_free(future);
  cass_statement_free(statement);
}

static void test_names(void) {
  CHECK_EQ_STR("UNKNOWN", cass_consistency_string(CASS_CONSISTENCY_UNKNOWN));
  CHECK_EQ_STR("ANY", cass_consistency_string(CASS_CONSISTENCY_ANY));
  CHECK_EQ_STR("ONE", cass_consistency_string(CASS_CONSISTENCY_ONE));
  CHECK_EQ_STR("TWO", cass_consistency_string(CASS_CONSISTENCY_TWO));
  CHECK_EQ_STR("THREE", cass_consistency_string(CASS_CONSISTENCY_THREE));
  CHECK_EQ_STR("QUORUM", cass_consistency_string(CASS_CONSISTENCY_QUORUM));
  CHECK_EQ_STR("ALL", cass_consistency_string(CASS_CONSISTENCY_ALL));
  CHECK_EQ_STR("LOCAL_QUORUM", cass_consistency_string(CASS_CONSISTENCY_LOCAL_QUORUM));
  CHECK_EQ_STR("EACH_QUORUM", cass_consistency_string(CASS_CONSISTENCY_EACH_QUORUM));
  CHECK_EQ_STR("SERIAL", cass_consistency_string(CASS_CONSISTENCY_SERIAL));
  CHECK_EQ_STR("LOCAL_SERIAL", cass_consistency_string(CASS_CONSISTENCY_LOCAL_SERIAL));
  CHECK_EQ_STR("LOCAL_ONE", cass_consistency_string(CASS_CONSISTENCY_LOCAL_ONE));

  CHECK_EQ_STR("", cass_write_type_string(CASS_WRITE_TYPE_UNKNOWN));
  CHECK_EQ_STR("SIMPLE", cass_write_type_string(CASS_WRITE_TYPE_SIMPLE));
  CHECK_EQ_STR("BATCH", cass_write_type_string(CASS_WRITE_TYPE_BATCH));
  CHECK_EQ_STR("UNLOGGED_BATCH", cass_write_type_string(CASS_WRITE_TYPE_UNLOGGED_BATCH));
  CHECK_EQ_STR("COUNTER", cass_write_type_string(CASS_WRITE_TYPE_COUNTER));
  CHECK_EQ_STR("BATCH_LOG", cass_write_type_string(CASS_WRITE_TYPE_BATCH_LOG));
  CHECK_EQ_STR("CAS", cass_write_type_string(CASS_WRITE_TYPE_CAS));
  CHECK_EQ_STR("VIEW", cass_write_type_string(CASS_WRITE_TYPE_VIEW));
  CHECK_EQ_STR("CDC", cass_write_type_string(CASS_WRITE_TYPE_CDC));

  /* The X-macros of the header agree with the functions. */
#define XX(value, name) CHECK_EQ_STR(name, cass_consistency_string(value));
  CASS_CONSISTENCY_MAPPING(XX)
#undef XX
#define XX(value, name) CHECK_EQ_STR(name, cass_write_type_string(value));
  CASS_WRITE_TYPE_MAPPING(XX)
#undef XX
}

int main(void) {
  CassCluster* cluster;
  char cql[256];

  test_names();
  test_connect(&cluster, &session);
  test_name(ks, sizeof ks, "server_errors");
  snprintf(cql, sizeof cql, "DROP KEYSPACE IF EXISTS %s", ks);
  test_execute(session, cql);
  snprintf(cql, sizeof cql,
           "CREATE KEYSPACE %s WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}", ks);
  test_execute(session, cql);
  snprintf(cql, sizeof cql, "CREATE TABLE %s.t (id int PRIMARY KEY, v int)", ks);
  test_execute(session, cql);

  test_success_has_no_error_result();
  test_syntax_and_invalid();
  test_already_exists();
  test_function_failure();
  test_unavailable();

  snprintf(cql, sizeof cql, "DROP KEYSPACE %s", ks);
  test_execute(session, cql);
  test_disconnect(cluster, session);
  return 0;
}
