/* Session metrics: after some requests the latency histogram (µs) and the mean rate are filled
   in and ordered, the session has connections, no errors were counted; a request that times out
   on the client side is counted in errors.request_timeouts; metrics of a session that never
   connected are all zero; speculative execution metrics are zero when no policy is set. */
#include "test_util.h"

/* Runs `cql` with a 1 ms request timeout; whether it timed out on the client side. */
static int times_out(CassSession* session, const char* cql) {
  CassStatement* statement = cass_statement_new(cql, 0);
  CHECK_OK(cass_statement_set_request_timeout(statement, 1));
  CassFuture* future = cass_session_execute(session, statement);
  CassError rc = cass_future_error_code(future);
  CHECK(rc == CASS_OK || rc == CASS_ERROR_LIB_REQUEST_TIMED_OUT);
  cass_future_free(future);
  cass_statement_free(statement);
  return rc == CASS_ERROR_LIB_REQUEST_TIMED_OUT;
}

int main(void) {
  CassMetrics metrics;
  CassSpeculativeExecutionMetrics speculative;

  /* Never connected: all zero. */
  CassSession* idle = cass_session_new();
  memset(&metrics, 0xAB, sizeof(metrics));
  cass_session_get_metrics(idle, &metrics);
  CHECK_EQ_INT(0, metrics.requests.max);
  CHECK_EQ_INT(0, metrics.stats.total_connections);
  CHECK(metrics.requests.mean_rate == 0.0);
  cass_session_free(idle);

  CassCluster* cluster;
  CassSession* session;
  test_connect(&cluster, &session);

  char keyspace[64], cql[4096];
  test_name(keyspace, sizeof(keyspace), "metrics");
  snprintf(cql, sizeof(cql), "DROP KEYSPACE IF EXISTS %s", keyspace);
  test_execute(session, cql);
  snprintf(cql, sizeof(cql),
           "CREATE KEYSPACE %s WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}",
           keyspace);
  test_execute(session, cql);
  snprintf(cql, sizeof(cql), "CREATE TABLE %s.t (k int PRIMARY KEY, v text)", keyspace);
  test_execute(session, cql);

  /* Requests of different sizes, so that latencies differ. */
  for (int i = 0; i < 200; i++) {
    snprintf(cql, sizeof(cql), "INSERT INTO %s.t (k, v) VALUES (%d, '%0*d')", keyspace, i, 1 + (i % 100) * 10, i);
    test_execute(session, cql);
  }
  snprintf(cql, sizeof(cql), "SELECT * FROM %s.t", keyspace);
  for (int i = 0; i < 20; i++) test_execute(session, cql);

  cass_session_get_metrics(session, &metrics);
  CHECK(metrics.requests.min > 0);
  CHECK(metrics.requests.min <= metrics.requests.median);
  CHECK(metrics.requests.median <= metrics.requests.percentile_75th);
  CHECK(metrics.requests.percentile_75th <= metrics.requests.percentile_95th);
  CHECK(metrics.requests.percentile_95th <= metrics.requests.percentile_98th);
  CHECK(metrics.requests.percentile_98th <= metrics.requests.percentile_99th);
  CHECK(metrics.requests.percentile_99th <= metrics.requests.percentile_999th);
  CHECK(metrics.requests.percentile_999th <= metrics.requests.max);
  CHECK(metrics.requests.mean >= metrics.requests.min && metrics.requests.mean <= metrics.requests.max);
  CHECK(metrics.requests.stddev > 0);
  /* Latencies are microseconds: a local request takes more than 10 µs and less than 10 s. */
  CHECK(metrics.requests.median > 10 && metrics.requests.median < 10000000);
  CHECK(metrics.requests.mean_rate > 0.0);
  CHECK(metrics.stats.total_connections > 0);
  CHECK_EQ_INT(0, metrics.errors.connection_timeouts);
  CHECK_EQ_INT(0, metrics.errors.request_timeouts);

  /* No speculative execution policy: nothing speculative. (Checked before the timeouts: the
     reference counts an answer that arrives after its request timed out as an aborted
     speculative execution.) */
  memset(&speculative, 0xAB, sizeof(speculative));
  cass_session_get_speculative_execution_metrics(session, &speculative);
  CHECK_EQ_INT(0, speculative.count);
  CHECK(speculative.percentage == 0.0);

  /* Client-side timeouts are counted (a local read can beat 1 ms: try until some time out). */
  snprintf(cql, sizeof(cql), "SELECT * FROM %s.t", keyspace);
  int timeouts = 0;
  for (int i = 0; i < 200 && timeouts < 3; i++) timeouts += times_out(session, cql);
  CHECK(timeouts > 0);
  cass_session_get_metrics(session, &metrics);
  CHECK_EQ_INT(timeouts, metrics.errors.request_timeouts);

  snprintf(cql, sizeof(cql), "DROP KEYSPACE %s", keyspace);
  test_execute(session, cql);
  test_disconnect(cluster, session);
  return 0;
}
