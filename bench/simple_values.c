/* Round trips of simple statements with bound values: N sequential INSERTs (one in flight) of a
   simple statement with two values against the local node; prints the mean latency and the client
   CPU per request. A driver that prepares such statements before every execution pays two round
   trips per request; one that caches the preparation pays one.
     simple_values HOST PORT N NAME        (bench/run-simple-values.sh runs ours and the reference) */
#define _POSIX_C_SOURCE 200809L
#include <cassandra.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double seconds(clockid_t clock) {
  struct timespec ts;
  clock_gettime(clock, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void must(CassFuture* f, const char* what) {
  if (cass_future_error_code(f) != CASS_OK) {
    const char* m;
    size_t l;
    cass_future_error_message(f, &m, &l);
    fprintf(stderr, "%s: %.*s\n", what, (int)l, m);
    exit(1);
  }
  cass_future_free(f);
}

static void exec(CassSession* s, const char* cql) {
  CassStatement* st = cass_statement_new(cql, 0);
  must(cass_session_execute(s, st), cql);
  cass_statement_free(st);
}

int main(int argc, char** argv) {
  CassCluster* cluster = cass_cluster_new();
  CassSession* session = cass_session_new();
  long n = argc > 3 ? atol(argv[3]) : 5000, i;
  double wall, cpu;
  cass_cluster_set_contact_points(cluster, argc > 1 ? argv[1] : "127.0.0.1");
  cass_cluster_set_port(cluster, argc > 2 ? atoi(argv[2]) : 9042);
  must(cass_session_connect(session, cluster), "connect");
  exec(session, "CREATE KEYSPACE IF NOT EXISTS bench_values WITH replication = "
                "{'class': 'SimpleStrategy', 'replication_factor': 1}");
  exec(session, "CREATE TABLE IF NOT EXISTS bench_values.sv (k int PRIMARY KEY, v text)");
  wall = seconds(CLOCK_MONOTONIC);
  cpu = seconds(CLOCK_PROCESS_CPUTIME_ID);
  for (i = 0; i < n; i++) {
    CassStatement* st = cass_statement_new("INSERT INTO bench_values.sv (k, v) VALUES (?, ?)", 2);
    cass_statement_bind_int32(st, 0, (cass_int32_t)i);
    cass_statement_bind_string(st, 1, "value");
    must(cass_session_execute(session, st), "insert");
    cass_statement_free(st);
  }
  wall = seconds(CLOCK_MONOTONIC) - wall;
  cpu = seconds(CLOCK_PROCESS_CPUTIME_ID) - cpu;
  printf("impl=%s workload=simple-values n=%ld latency_us=%.1f cpu_us_per_op=%.1f\n", argc > 4 ? argv[4] : "?", n,
         wall * 1e6 / (double)n, cpu * 1e6 / (double)n);
  must(cass_session_close(session), "close");
  cass_session_free(session);
  cass_cluster_free(cluster);
  return 0;
}
