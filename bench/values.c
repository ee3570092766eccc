/* Nanoseconds per value for binding and for reading values through the C API, one library per
   run (bench/run-values.sh builds it against ours and the reference and runs both).
     values HOST PORT NAME
   Binding: 1M cass_statement_bind_* calls per type on one statement (no execution).
   Reading: a 1,000-row result of 5 columns read 200 times (1M values), per getter; the rows come
   from the local test node (the read itself is client-side). CPU time of the calling thread. */
#define _POSIX_C_SOURCE 200809L
#include <cassandra.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define N 1000000

static double now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static void must(CassFuture* f, const char* what) {
  if (cass_future_error_code(f) != CASS_OK) {
    const char* m;
    size_t l;
    cass_future_error_message(f, &m, &l);
    fprintf(stderr, "%s: %.*s\n", what, (int)l, m);
    exit(1);
  }
}

static void exec(CassSession* s, const char* cql) {
  CassStatement* st = cass_statement_new(cql, 0);
  CassFuture* f = cass_session_execute(s, st);
  must(f, cql);
  cass_future_free(f);
  cass_statement_free(st);
}

int main(int argc, char** argv) {
  const char* host = argc > 1 ? argv[1] : "127.0.0.1";
  int port = argc > 2 ? atoi(argv[2]) : 9042;
  const char* name = argc > 3 ? argv[3] : "lib";
  CassCluster* cluster = cass_cluster_new();
  CassSession* session = cass_session_new();
  CassStatement* st;
  CassFuture* f;
  const CassPrepared* prepared;
  const CassResult* result;
  CassUuid uuid = {0x11e7ab1234567890ULL, 0x8123456789abcdefULL};
  double t0;
  long i, sink = 0;
  int pass;
  char cql[256];

  cass_cluster_set_contact_points(cluster, host);
  cass_cluster_set_port(cluster, port);
  f = cass_session_connect(session, cluster);
  must(f, "connect");
  cass_future_free(f);
  exec(session, "CREATE KEYSPACE IF NOT EXISTS bench_values WITH replication = "
                "{'class': 'SimpleStrategy', 'replication_factor': 1}");
  exec(session, "CREATE TABLE IF NOT EXISTS bench_values.t (k int PRIMARY KEY, i int, b bigint, s text, "
                "d double, u uuid)");

  /* binding, on a simple statement (no type checks) and on a prepared one (checked) */
  st = cass_statement_new("INSERT INTO bench_values.t (k, i, b, s, d, u) VALUES (?, ?, ?, ?, ?, ?)", 6);
  t0 = now_ns();
  for (i = 0; i < N; i++) cass_statement_bind_int32(st, (size_t)(i % 6), (cass_int32_t)i);
  printf("%s bind int32 simple      %6.1f ns/value\n", name, (now_ns() - t0) / N);
  t0 = now_ns();
  for (i = 0; i < N; i++) cass_statement_bind_string(st, (size_t)(i % 6), "a short text value");
  printf("%s bind string simple     %6.1f ns/value\n", name, (now_ns() - t0) / N);
  cass_statement_free(st);

  f = cass_session_prepare(session, "INSERT INTO bench_values.t (k, i, b, s, d, u) VALUES (?, ?, ?, ?, ?, ?)");
  must(f, "prepare");
  prepared = cass_future_get_prepared(f);
  cass_future_free(f);
  st = cass_prepared_bind(prepared);
  t0 = now_ns();
  for (i = 0; i < N; i++) cass_statement_bind_int32(st, 1, (cass_int32_t)i);
  printf("%s bind int32 prepared    %6.1f ns/value\n", name, (now_ns() - t0) / N);
  t0 = now_ns();
  for (i = 0; i < N; i++) cass_statement_bind_int64(st, 2, (cass_int64_t)i);
  printf("%s bind int64 prepared    %6.1f ns/value\n", name, (now_ns() - t0) / N);
  t0 = now_ns();
  for (i = 0; i < N; i++) cass_statement_bind_string(st, 3, "a short text value");
  printf("%s bind string prepared   %6.1f ns/value\n", name, (now_ns() - t0) / N);
  t0 = now_ns();
  for (i = 0; i < N; i++) cass_statement_bind_uuid_by_name(st, "u", uuid);
  printf("%s bind uuid by name      %6.1f ns/value\n", name, (now_ns() - t0) / N);
  t0 = now_ns();
  for (i = 0; i < N / 10; i++) {
    CassCollection* c = cass_collection_new(CASS_COLLECTION_TYPE_LIST, 10);
    int j;
    for (j = 0; j < 10; j++) cass_collection_append_int32(c, j);
    cass_collection_free(c);
  }
  printf("%s collection append      %6.1f ns/value (incl. new/free per 10)\n", name, (now_ns() - t0) / N);

  for (i = 0; i < 1000; i++) {
    cass_statement_bind_int32(st, 0, (cass_int32_t)i);
    cass_statement_bind_int32(st, 1, (cass_int32_t)i);
    cass_statement_bind_int64(st, 2, (cass_int64_t)i * 1000);
    cass_statement_bind_string(st, 3, "a short text value");
    cass_statement_bind_double(st, 4, (double)i / 3);
    cass_statement_bind_uuid(st, 5, uuid);
    f = cass_session_execute(session, st);
    must(f, "insert");
    cass_future_free(f);
  }
  cass_statement_free(st);
  cass_prepared_free(prepared);

  snprintf(cql, sizeof cql, "SELECT i, b, s, d, u FROM bench_values.t");
  st = cass_statement_new(cql, 0);
  f = cass_session_execute(session, st);
  must(f, "select");
  result = cass_future_get_result(f);
  cass_future_free(f);
  cass_statement_free(st);
  if (cass_result_row_count(result) != 1000) {
    fprintf(stderr, "expected 1000 rows\n");
    return 1;
  }

  /* reading: 200 passes over 1,000 rows x 5 columns */
  t0 = now_ns();
  for (pass = 0; pass < 200; pass++) {
    CassIterator* it = cass_iterator_from_result(result);
    while (cass_iterator_next(it)) {
      const CassRow* row = cass_iterator_get_row(it);
      cass_int32_t iv;
      cass_int64_t bv;
      const char* s;
      size_t len;
      cass_double_t dv;
      CassUuid uv;
      cass_value_get_int32(cass_row_get_column(row, 0), &iv);
      cass_value_get_int64(cass_row_get_column(row, 1), &bv);
      cass_value_get_string(cass_row_get_column(row, 2), &s, &len);
      cass_value_get_double(cass_row_get_column(row, 3), &dv);
      cass_value_get_uuid(cass_row_get_column(row, 4), &uv);
      sink += iv + (long)bv + (long)len + (long)dv + (long)uv.clock_seq_and_node;
    }
    cass_iterator_free(it);
  }
  printf("%s read 5 columns         %6.1f ns/value (row iteration included)\n", name, (now_ns() - t0) / N);
  t0 = now_ns();
  for (pass = 0; pass < 200; pass++) {
    CassIterator* it = cass_iterator_from_result(result);
    while (cass_iterator_next(it)) {
      const CassRow* row = cass_iterator_get_row(it);
      cass_int64_t bv;
      int c;
      for (c = 0; c < 5; c++) cass_value_get_int64(cass_row_get_column_by_name(row, "b"), &bv), sink += (long)bv;
    }
    cass_iterator_free(it);
  }
  printf("%s read by name           %6.1f ns/value\n", name, (now_ns() - t0) / N);
  cass_result_free(result);
  f = cass_session_close(session);
  cass_future_wait(f);
  cass_future_free(f);
  cass_session_free(session);
  cass_cluster_free(cluster);
  return sink == 42 ? 1 : 0;
}
