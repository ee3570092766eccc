/* Several I/O threads (4, with 2 core connections per host each): the session keeps 2 connections
   per host per I/O thread (metrics); a keyspace chosen with USE holds for every request, whichever
   I/O thread runs it; prepared statements, simple statements with values and batches run across
   all of them with many requests in flight; everything written is read back. */
#include "test_util.h"

#define IO_THREADS 4
#define CORE 2
#define ROWS 64

int main(void) {
  CassCluster* cluster = test_cluster();
  CassSession* session = cass_session_new();
  CassFuture* futures[ROWS];
  CassMetrics metrics;
  char keyspace[64], cql[512];
  const CassPrepared* insert;
  const CassResult* result;
  CassStatement* st;
  CassBatch* batch;
  CassFuture* future;
  int i;

  CHECK_OK(cass_cluster_set_num_threads_io(cluster, IO_THREADS));
  CHECK_OK(cass_cluster_set_core_connections_per_host(cluster, CORE));
  future = cass_session_connect(session, cluster);
  CHECK_FUTURE_OK(future);
  cass_future_free(future);

  /* One node: the core connections of every I/O thread. */
  cass_session_get_metrics(session, &metrics);
  CHECK_EQ_INT(IO_THREADS * CORE, metrics.stats.total_connections);

  test_name(keyspace, sizeof keyspace, "io_threads");
  snprintf(cql, sizeof cql, "DROP KEYSPACE IF EXISTS %s", keyspace);
  test_execute(session, cql);
  snprintf(cql, sizeof cql,
           "CREATE KEYSPACE %s WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}",
           keyspace);
  test_execute(session, cql);
  snprintf(cql, sizeof cql, "USE %s", keyspace);
  test_execute(session, cql);
  /* Unqualified names from here on: each needs the keyspace of USE, on every I/O thread. */
  test_execute(session, "CREATE TABLE kv (k int PRIMARY KEY, v text)");

  insert = test_prepare(session, "INSERT INTO kv (k, v) VALUES (?, ?)");
  for (i = 0; i < ROWS; i++) {
    if (i % 2 == 0) {
      st = cass_prepared_bind(insert);
    } else {
      st = cass_statement_new("INSERT INTO kv (k, v) VALUES (?, ?)", 2);
    }
    CHECK_OK(cass_statement_bind_int32(st, 0, i));
    CHECK_OK(cass_statement_bind_string(st, 1, "value"));
    futures[i] = cass_session_execute(session, st);
    cass_statement_free(st);
  }
  for (i = 0; i < ROWS; i++) {
    CHECK_FUTURE_OK(futures[i]);
    cass_future_free(futures[i]);
  }

  /* Batches, each on the next I/O thread. */
  for (i = 0; i < IO_THREADS; i++) {
    batch = cass_batch_new(CASS_BATCH_TYPE_LOGGED);
    st = cass_prepared_bind(insert);
    CHECK_OK(cass_statement_bind_int32(st, 0, ROWS + i));
    CHECK_OK(cass_statement_bind_string(st, 1, "batched"));
    CHECK_OK(cass_batch_add_statement(batch, st));
    cass_statement_free(st);
    future = cass_session_execute_batch(session, batch);
    CHECK_FUTURE_OK(future);
    cass_future_free(future);
    cass_batch_free(batch);
  }

  /* Read back on every I/O thread in turn. */
  for (i = 0; i < IO_THREADS; i++) {
    result = test_query(session, "SELECT k FROM kv");
    CHECK_EQ_INT(ROWS + IO_THREADS, (int)cass_result_row_count(result));
    cass_result_free(result);
  }

  cass_prepared_free(insert);
  snprintf(cql, sizeof cql, "DROP KEYSPACE %s", keyspace);
  test_execute(session, cql);
  test_disconnect(cluster, session);
  printf("io_threads: OK\n");
  return 0;
}
