/* Tracing: a traced request's future gives the trace id, and completes only once the trace is
   readable (within cass_cluster_set_tracing_max_wait_time), so reading system_traces right away
   finds it. An untraced request has no trace id. */
#include "test_util.h"

static const CassResult* run(CassSession* session, CassStatement* st, CassFuture** future_out) {
  CassFuture* future = cass_session_execute(session, st);
  CHECK_FUTURE_OK(future);
  *future_out = future;
  return cass_future_get_result(future);
}

int main(void) {
  CassCluster* cluster = test_cluster();
  CassSession* session = cass_session_new();
  CassFuture* future;
  CassStatement* st;
  const CassResult* result;
  CassUuid id;
  int round;

  cass_cluster_set_tracing_max_wait_time(cluster, 2000);
  cass_cluster_set_tracing_retry_wait_time(cluster, 5);
  cass_cluster_set_tracing_consistency(cluster, CASS_CONSISTENCY_ONE);
  future = cass_session_connect(session, cluster);
  CHECK_FUTURE_OK(future);
  cass_future_free(future);

  st = cass_statement_new("SELECT release_version FROM system.local", 0);
  result = run(session, st, &future);
  CHECK_ERR(CASS_ERROR_LIB_NO_TRACING_ID, cass_future_tracing_id(future, &id));
  cass_result_free(result);
  cass_future_free(future);

  CHECK_OK(cass_statement_set_tracing(st, cass_true));
  for (round = 0; round < 3; round++) {
    CassStatement* lookup;
    CassFuture* lookup_future;
    const CassResult* trace;
    result = run(session, st, &future);
    CHECK_OK(cass_future_tracing_id(future, &id));
    cass_result_free(result);
    cass_future_free(future);
    lookup = cass_statement_new("SELECT session_id FROM system_traces.sessions WHERE session_id = ?", 1);
    CHECK_OK(cass_statement_bind_uuid(lookup, 0, id));
    trace = run(session, lookup, &lookup_future);
    CHECK_EQ_INT(1, cass_result_row_count(trace));
    cass_result_free(trace);
    cass_future_free(lookup_future);
    cass_statement_free(lookup);
  }
  cass_statement_free(st);
  test_disconnect(cluster, session);
  printf("tracing: OK\n");
  return 0;
}
