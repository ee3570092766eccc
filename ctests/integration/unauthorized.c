/* Authorization errors against the PasswordAuthenticator + CassandraAuthorizer node: a role
   created by the superuser without permissions logs in, and reading or writing a table it was not
   granted fails with CASS_ERROR_SERVER_UNAUTHORIZED, the server's message and an error result of
   that code (with the defaults for the fields an Unauthorized error does not carry). The same
   session works after the errors: a GRANT SELECT (the node has no permission cache) lets the read
   through while a write stays refused. The role and keyspace are dropped at the end. */
// test-node: auth
#include "test_util.h"

static char role[64];
static char ks[64];

/* An Unauthorized error result: its code, and the defaults of every other field. */
static void check_unauthorized_result(CassFuture* future) {
  const CassErrorResult* error = cass_future_get_error_result(future);
  const char* s = "untouched";
  size_t length = 9;
  CHECK(error != NULL);
  CHECK_ERR(CASS_ERROR_SERVER_UNAUTHORIZED, cass_error_result_code(error));
  CHECK_EQ_INT(CASS_CONSISTENCY_UNKNOWN, cass_error_result_consistency(error));
  CHECK_EQ_INT(-1, cass_error_result_responses_received(error));
  CHECK_EQ_INT(-1, cass_error_result_responses_required(error));
  CHECK_EQ_INT(-1, cass_error_result_num_failures(error));
  CHECK_EQ_INT(cass_false, cass_error_result_data_present(error));
  CHECK_EQ_INT(CASS_WRITE_TYPE_UNKNOWN, cass_error_result_write_type(error));
  CHECK_ERR(CASS_ERROR_LIB_INVALID_ERROR_RESULT_TYPE, cass_error_result_keyspace(error, &s, &length));
  CHECK_ERR(CASS_ERROR_LIB_INVALID_ERROR_RESULT_TYPE, cass_error_result_table(error, &s, &length));
  CHECK_ERR(CASS_ERROR_LIB_INVALID_ERROR_RESULT_TYPE, cass_error_result_function(error, &s, &length));
  CHECK_EQ_INT(0, cass_error_num_arg_types(error));
  CHECK(length == 9 && memcmp(s, "untouched", 9) == 0);
  cass_error_result_free(error);
}

/* A session logged in as `user`/`password`. */
static void connect_as(const char* user, const char* password, CassCluster** cluster_out,
                       CassSession** session_out) {
  CassCluster* cluster = test_cluster();
  CassSession* session = cass_session_new();
  CassFuture* future;
  cass_cluster_set_credentials(cluster, user, password);
  future = cass_session_connect(session, cluster);
  CHECK_FUTURE_OK(future);
  cass_future_free(future);
  *cluster_out = cluster;
  *session_out = session;
}

int main(void) {
  CassCluster* admin_cluster;
  CassSession* admin;
  CassCluster* user_cluster;
  CassSession* user;
  CassFuture* future;
  char cql[512];
  char select_cql[256];
  char insert_cql[256];

  test_name(role, sizeof role, "unauthorized_role");
  test_name(ks, sizeof ks, "unauthorized");

  /* As the superuser: the role (no permissions), a keyspace and a table with one row. */
  test_connect(&admin_cluster, &admin);
  snprintf(cql, sizeof cql, "DROP ROLE IF EXISTS %s", role);
  test_execute(admin, cql);
  snprintf(cql, sizeof cql, "CREATE ROLE IF NOT EXISTS %s WITH PASSWORD = 'p' AND LOGIN = true", role);
  test_execute(admin, cql);
  snprintf(cql, sizeof cql, "DROP KEYSPACE IF EXISTS %s", ks);
  test_execute(admin, cql);
  snprintf(cql, sizeof cql,
           "CREATE KEYSPACE %s WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}", ks);
  test_execute(admin, cql);
  snprintf(cql, sizeof cql, "CREATE TABLE %s.t (k int PRIMARY KEY, v int)", ks);
  test_execute(admin, cql);
  snprintf(cql, sizeof cql, "INSERT INTO %s.t (k, v) VALUES (1, 10)", ks);
  test_execute(admin, cql);

  /* The role logs in; the system tables are readable by every role. */
  connect_as(role, "p", &user_cluster, &user);
  test_execute(user, "SELECT release_version FROM system.local");

  /* Reading and writing the table are refused. */
  snprintf(select_cql, sizeof select_cql, "SELECT v FROM %s.t WHERE k = 1", ks);
  snprintf(insert_cql, sizeof insert_cql, "INSERT INTO %s.t (k, v) VALUES (2, 20)", ks);
  future = test_run_failing(user, select_cql, CASS_ERROR_SERVER_UNAUTHORIZED);
  test_check_message(future, "SELECT");
  test_check_message(future, role);
  check_unauthorized_result(future);
  CHECK(cass_future_get_result(future) == NULL);
  cass_future_free(future);

  future = test_run_failing(user, insert_cql, CASS_ERROR_SERVER_UNAUTHORIZED);
  test_check_message(future, "MODIFY");
  check_unauthorized_result(future);
  cass_future_free(future);

  /* Preparing is allowed (permissions are checked on execution); executing is refused. */
  future = cass_session_prepare(user, select_cql);
  cass_future_wait(future);
  if (cass_future_error_code(future) == CASS_OK) {
    const CassPrepared* prepared = cass_future_get_prepared(future);
    CassStatement* bound = cass_prepared_bind(prepared);
    CassFuture* executed = cass_session_execute(user, bound);
    CHECK_ERR(CASS_ERROR_SERVER_UNAUTHORIZED, cass_future_error_code(executed));
    check_unauthorized_result(executed);
    cass_future_free(executed);
    cass_statement_free(bound);
    cass_prepared_free(prepared);
  } else {
    CHECK_ERR(CASS_ERROR_SERVER_UNAUTHORIZED, cass_future_error_code(future));
    check_unauthorized_result(future);
  }
  cass_future_free(future);

  /* Granted SELECT: the same session now reads, and still may not write. */
  snprintf(cql, sizeof cql, "GRANT SELECT ON TABLE %s.t TO %s", ks, role);
  test_execute(admin, cql);
  {
    CassStatement* statement = cass_statement_new(select_cql, 0);
    const CassResult* result;
    cass_int32_t v = 0;
    future = cass_session_execute(user, statement);
    CHECK_FUTURE_OK(future);
    result = cass_future_get_result(future);
    CHECK(result != NULL);
    CHECK_EQ_INT(1, cass_result_row_count(result));
    CHECK_OK(cass_value_get_int32(cass_row_get_column(cass_result_first_row(result), 0), &v));
    CHECK_EQ_INT(10, v);
    cass_result_free(result);
    cass_future_free(future);
    cass_statement_free(statement);
  }
  future = test_run_failing(user, insert_cql, CASS_ERROR_SERVER_UNAUTHORIZED);
  check_unauthorized_result(future);
  cass_future_free(future);

  /* Managing roles needs more than a login. */
  snprintf(cql, sizeof cql, "CREATE ROLE %s_other", role);
  future = test_run_failing(user, cql, CASS_ERROR_SERVER_UNAUTHORIZED);
  check_unauthorized_result(future);
  cass_future_free(future);

  test_disconnect(user_cluster, user);

  snprintf(cql, sizeof cql, "DROP ROLE %s", role);
  test_execute(admin, cql);
  snprintf(cql, sizeof cql, "DROP KEYSPACE %s", ks);
  test_execute(admin, cql);
  test_disconnect(admin_cluster, admin);
  printf("unauthorized: OK\n");
  return 0;
}
