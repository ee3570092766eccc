/* Execution profiles on one node: a profile whose consistency the node cannot satisfy (TWO with
   one replica) fails where the default profile works, on simple, prepared and batch requests; a
   statement's own consistency wins over its profile's; "" is the default profile; an unknown name
   fails with CASS_ERROR_LIB_EXECUTION_PROFILE_INVALID; a profile's request timeout applies; a
   profile with its own load balancing policy works; the cluster keeps a copy of each profile. */
#include "test_util.h"

static CassError run(CassSession* session, CassStatement* statement) {
  CassFuture* future = cass_session_execute(session, statement);
  CassError rc = cass_future_error_code(future);
  cass_future_free(future);
  return rc;
}

static CassError run_query(CassSession* session, const char* cql, const char* profile) {
  CassStatement* statement = cass_statement_new(cql, 0);
  CassError rc;
  if (profile != NULL) CHECK_OK(cass_statement_set_execution_profile(statement, profile));
  rc = run(session, statement);
  cass_statement_free(statement);
  return rc;
}

static CassError run_batch(CassSession* session, const char* insert, const char* profile) {
  CassBatch* batch = cass_batch_new(CASS_BATCH_TYPE_LOGGED);
  CassStatement* statement = cass_statement_new(insert, 0);
  CassFuture* future;
  CassError rc;
  CHECK_OK(cass_batch_add_statement(batch, statement));
  if (profile != NULL) CHECK_OK(cass_batch_set_execution_profile(batch, profile));
  future = cass_session_execute_batch(session, batch);
  rc = cass_future_error_code(future);
  cass_future_free(future);
  cass_statement_free(statement);
  cass_batch_free(batch);
  return rc;
}

int main(void) {
  CassCluster* cluster = test_cluster();
  CassSession* session = cass_session_new();
  CassExecProfile* profile;
  CassRetryPolicy* retry;
  CassFuture* future;
  CassStatement* statement;
  const CassPrepared* prepared;
  char ks[64], cql[256], insert[256];
  int i, timeouts = 0;

  /* "two": consistency TWO (one replica cannot satisfy it), and the fallthrough retry policy (the
     default policy would try the next host, and with none left the C++ driver reports
     CASS_ERROR_LIB_NO_HOSTS_AVAILABLE). Set on the cluster, then changed: the cluster keeps the
     copy it took. */
  profile = cass_execution_profile_new();
  retry = cass_retry_policy_fallthrough_new();
  CHECK_OK(cass_execution_profile_set_consistency(profile, CASS_CONSISTENCY_TWO));
  CHECK_OK(cass_execution_profile_set_retry_policy(profile, retry));
  cass_retry_policy_free(retry);
  CHECK_OK(cass_cluster_set_execution_profile(cluster, "two", profile));
  CHECK_OK(cass_execution_profile_set_consistency(profile, CASS_CONSISTENCY_ONE));
  cass_execution_profile_free(profile);

  /* "quick": a 1 ms request timeout. */
  profile = cass_execution_profile_new();
  CHECK_OK(cass_execution_profile_set_request_timeout(profile, 1));
  CHECK_OK(cass_cluster_set_execution_profile(cluster, "quick", profile));
  cass_execution_profile_free(profile);

  /* "own_policy": a round-robin policy of its own, with a deny list naming no node. */
  profile = cass_execution_profile_new();
  CHECK_OK(cass_execution_profile_set_load_balance_round_robin(profile));
  CHECK_OK(cass_execution_profile_set_blacklist_filtering(profile, "192.0.2.1"));
  CHECK_OK(cass_execution_profile_set_consistency(profile, CASS_CONSISTENCY_ONE));
  CHECK_OK(cass_execution_profile_set_request_timeout(profile, 0));
  CHECK_OK(cass_cluster_set_execution_profile(cluster, "own_policy", profile));
  cass_execution_profile_free(profile);

  future = cass_session_connect(session, cluster);
  CHECK_FUTURE_OK(future);
  cass_future_free(future);

  test_name(ks, sizeof ks, "exec_profiles");
  snprintf(cql, sizeof cql, "DROP KEYSPACE IF EXISTS %s", ks);
  test_execute(session, cql);
  snprintf(cql, sizeof cql,
           "CREATE KEYSPACE %s WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}", ks);
  test_execute(session, cql);
  snprintf(cql, sizeof cql, "CREATE TABLE %s.t (k int PRIMARY KEY, v int)", ks);
  test_execute(session, cql);
  snprintf(insert, sizeof insert, "INSERT INTO %s.t (k, v) VALUES (1, 1)", ks);

  /* Simple statements. */
  CHECK_OK(run_query(session, insert, NULL));
  CHECK_OK(run_query(session, insert, ""));
  CHECK_ERR(CASS_ERROR_SERVER_UNAVAILABLE, run_query(session, insert, "two"));
  CHECK_ERR(CASS_ERROR_LIB_EXECUTION_PROFILE_INVALID, run_query(session, insert, "nope"));
  CHECK_OK(run_query(session, insert, "own_policy"));

  /* The statement's own consistency wins over the profile's. */
  statement = cass_statement_new(insert, 0);
  CHECK_OK(cass_statement_set_execution_profile(statement, "two"));
  CHECK_OK(cass_statement_set_consistency(statement, CASS_CONSISTENCY_ONE));
  CHECK_OK(run(session, statement));
  /* Back to the default profile. */
  CHECK_OK(cass_statement_set_consistency(statement, CASS_CONSISTENCY_UNKNOWN));
  CHECK_ERR(CASS_ERROR_SERVER_UNAVAILABLE, run(session, statement));
  CHECK_OK(cass_statement_set_execution_profile(statement, NULL));
  CHECK_OK(run(session, statement));
  cass_statement_free(statement);

  /* Prepared statements. */
  snprintf(cql, sizeof cql, "INSERT INTO %s.t (k, v) VALUES (?, ?)", ks);
  future = cass_session_prepare(session, cql);
  CHECK_FUTURE_OK(future);
  prepared = cass_future_get_prepared(future);
  cass_future_free(future);
  statement = cass_prepared_bind(prepared);
  CHECK_OK(cass_statement_bind_int32(statement, 0, 2));
  CHECK_OK(cass_statement_bind_int32(statement, 1, 2));
  CHECK_OK(run(session, statement));
  CHECK_OK(cass_statement_set_execution_profile(statement, "two"));
  CHECK_ERR(CASS_ERROR_SERVER_UNAVAILABLE, run(session, statement));
  CHECK_OK(cass_statement_set_execution_profile(statement, "missing"));
  CHECK_ERR(CASS_ERROR_LIB_EXECUTION_PROFILE_INVALID, run(session, statement));
  CHECK_OK(cass_statement_set_execution_profile_n(statement, "own_policy_x", 10));
  CHECK_OK(run(session, statement));
  cass_statement_free(statement);
  cass_prepared_free(prepared);

  /* Batches. */
  CHECK_OK(run_batch(session, insert, NULL));
  CHECK_ERR(CASS_ERROR_SERVER_UNAVAILABLE, run_batch(session, insert, "two"));
  CHECK_ERR(CASS_ERROR_LIB_EXECUTION_PROFILE_INVALID, run_batch(session, insert, "nope"));
  CHECK_OK(run_batch(session, insert, "own_policy"));

  /* The profile's 1 ms timeout: a scan of the schema tables takes longer (tried a few times, as
     a fast answer is possible); the default profile's timeout lets the same query finish. */
  for (i = 0; i < 50 && timeouts == 0; i++) {
    CassError rc = run_query(session, "SELECT * FROM system_schema.columns", "quick");
    CHECK(rc == CASS_OK || rc == CASS_ERROR_LIB_REQUEST_TIMED_OUT);
    if (rc == CASS_ERROR_LIB_REQUEST_TIMED_OUT) timeouts++;
  }
  CHECK(timeouts > 0);
  CHECK_OK(run_query(session, "SELECT * FROM system_schema.columns", NULL));

  snprintf(cql, sizeof cql, "DROP KEYSPACE %s", ks);
  test_execute(session, cql);
  test_disconnect(cluster, session);
  printf("execution_profiles: OK\n");
  return 0;
}
