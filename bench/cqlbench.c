/*
  cqlbench: one benchmark client for any library exporting include/cassandra.h (ours or the
  reference C++ driver). Prints one line of key=value pairs per run. Used by bench/run.

    cqlbench insert|select HOST PORT N CONCURRENCY IO_THREADS
    cqlbench page HOST PORT N
    cqlbench connect HOST PORT REPS IO_THREADS CONNS_PER_HOST [USE_SCHEMA (1)]
    cqlbench ddl HOST PORT REPS
    cqlbench rss HOST PORT N

  Request loops (insert, select, rss): the future callback only hands the completed request back to
  the main thread (mutex + condition variable); the main thread checks the error, reads the row,
  frees the future and issues the next request, so every driver call but the callback happens on
  the application thread. The main thread waits at most 60 s for any completion.

  CQLBENCH_LOG=debug|info|warn turns the driver's logging up (default: errors only).
  Built with -DCQLBENCH_IMPL='"name"' to name the library in the output.
*/
#define _POSIX_C_SOURCE 200809L
#include <cassandra.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#ifndef CQLBENCH_IMPL
#define CQLBENCH_IMPL "unknown"
#endif

#define INSERT_CQL "INSERT INTO bench.kv (pk, v1, v2) VALUES (?, ?, ?)"
#define SELECT_CQL "SELECT v1, v2 FROM bench.kv WHERE pk = ?"
#define WIDE_CQL "SELECT * FROM bench.wide"
#define WAIT_LIMIT_S 60

/* ---------- time, rusage, rss ---------- */

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

typedef struct {
  double cpu_s;
  long csw;
} Usage;

static Usage usage_now(void) {
  struct rusage ru;
  Usage u;
  getrusage(RUSAGE_SELF, &ru);
  u.cpu_s = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 + (double)ru.ru_stime.tv_sec +
            (double)ru.ru_stime.tv_usec / 1e6;
  u.csw = ru.ru_nvcsw + ru.ru_nivcsw;
  return u;
}

static long rss_kb(void) {
  char line[256];
  long kb = -1;
  FILE* f = fopen("/proc/self/status", "r");
  if (!f) return -1;
  while (fgets(line, sizeof line, f)) {
    if (strncmp(line, "VmRSS:", 6) == 0) {
      kb = strtol(line + 6, NULL, 10);
      break;
    }
  }
  fclose(f);
  return kb;
}

static int cmp_double(const void* a, const void* b) {
  double x = *(const double*)a, y = *(const double*)b;
  return (x > y) - (x < y);
}

/* q-quantile of v[0..n) (sorts v). */
static double quantile(double* v, size_t n, double q) {
  size_t i;
  if (n == 0) return 0;
  qsort(v, n, sizeof *v, cmp_double);
  i = (size_t)(q * (double)(n - 1) + 0.5);
  return v[i < n ? i : n - 1];
}

static void die(const char* what, CassFuture* future) {
  const char* msg = "";
  size_t len = 0;
  if (future) cass_future_error_message(future, &msg, &len);
  fprintf(stderr, "cqlbench (%s): %s: %.*s\n", CQLBENCH_IMPL, what, (int)len, msg);
  exit(1);
}

/* Waits for a future at most WAIT_LIMIT_S; exits if it does not complete. */
static void wait_bounded(CassFuture* future, const char* what) {
  if (!cass_future_wait_timed(future, (cass_duration_t)WAIT_LIMIT_S * 1000000)) {
    fprintf(stderr, "cqlbench (%s): %s did not complete in %d s\n", CQLBENCH_IMPL, what, WAIT_LIMIT_S);
    exit(1);
  }
}

/* ---------- connection ---------- */

static CassCluster* make_cluster(const char* host, int port, unsigned io_threads, unsigned conns, int schema,
                                 int token_aware) {
  CassCluster* cluster = cass_cluster_new();
  cass_cluster_set_contact_points(cluster, host);
  cass_cluster_set_port(cluster, port);
  if (cass_cluster_set_num_threads_io(cluster, io_threads) != CASS_OK) die("num_threads_io", NULL);
  if (cass_cluster_set_core_connections_per_host(cluster, conns) != CASS_OK) die("core connections", NULL);
  cass_cluster_set_use_schema(cluster, schema ? cass_true : cass_false);
  cass_cluster_set_token_aware_routing(cluster, token_aware ? cass_true : cass_false);
  return cluster;
}

static void connect_or_die(CassSession* session, CassCluster* cluster) {
  CassFuture* f = cass_session_connect(session, cluster);
  wait_bounded(f, "connect");
  if (cass_future_error_code(f) != CASS_OK) die("connect", f);
  cass_future_free(f);
}

static void close_session(CassSession* session) {
  CassFuture* f = cass_session_close(session);
  wait_bounded(f, "close");
  cass_future_free(f);
}

static const CassPrepared* prepare_or_die(CassSession* session, const char* cql) {
  const CassPrepared* prepared;
  CassFuture* f = cass_session_prepare(session, cql);
  wait_bounded(f, "prepare");
  if (cass_future_error_code(f) != CASS_OK) die("prepare", f);
  prepared = cass_future_get_prepared(f);
  cass_future_free(f);
  return prepared;
}

static void simple_or_die(CassSession* session, const char* cql) {
  CassStatement* st = cass_statement_new(cql, 0);
  CassFuture* f = cass_session_execute(session, st);
  cass_statement_free(st);
  wait_bounded(f, cql);
  if (cass_future_error_code(f) != CASS_OK) die(cql, f);
  cass_future_free(f);
}

/* ---------- request loop with C in flight ---------- */

typedef struct {
  CassFuture* future;
  double submitted;
  int index;
} Slot;

/* Completed slot indexes, appended by the callback, taken by the main thread. */
static struct {
  pthread_mutex_t lock;
  pthread_cond_t cond;
  int* ready;
  size_t count;
} done = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, NULL, 0};

static void on_complete(CassFuture* future, void* data) {
  (void)future;
  pthread_mutex_lock(&done.lock);
  done.ready[done.count++] = ((Slot*)data)->index;
  pthread_cond_signal(&done.cond);
  pthread_mutex_unlock(&done.lock);
}

typedef struct {
  CassSession* session;
  const CassPrepared* prepared;
  int is_select;
  Slot* slots;
  int* taken;
  long concurrency;
  long next_key;
  long errors;
} Loop;

static void submit(Loop* loop, Slot* slot) {
  long key = loop->next_key++;
  CassStatement* st = cass_prepared_bind(loop->prepared);
  cass_statement_bind_int64(st, 0, key);
  if (!loop->is_select) {
    cass_statement_bind_int64(st, 1, key * 2);
    cass_statement_bind_int64(st, 2, key * 3);
  }
  slot->submitted = now_s();
  slot->future = cass_session_execute(loop->session, st);
  cass_statement_free(st);
  cass_future_set_callback(slot->future, on_complete, slot);
}

/* Checks a completed request; returns 0 if it failed. */
static int check(Loop* loop, CassFuture* future) {
  const CassResult* result;
  const CassRow* row;
  cass_int64_t v1 = 0, v2 = 0;
  if (cass_future_error_code(future) != CASS_OK) {
    if (loop->errors == 0) {
      const char* msg;
      size_t len;
      cass_future_error_message(future, &msg, &len);
      fprintf(stderr, "cqlbench (%s): first request error: %.*s\n", CQLBENCH_IMPL, (int)len, msg);
    }
    return 0;
  }
  if (!loop->is_select) return 1;
  result = cass_future_get_result(future);
  row = result ? cass_result_first_row(result) : NULL;
  if (!row || cass_value_get_int64(cass_row_get_column(row, 0), &v1) != CASS_OK ||
      cass_value_get_int64(cass_row_get_column(row, 1), &v2) != CASS_OK) {
    if (loop->errors == 0) fprintf(stderr, "cqlbench (%s): select returned no readable row\n", CQLBENCH_IMPL);
    if (result) cass_result_free(result);
    return 0;
  }
  cass_result_free(result);
  return 1;
}

/* Runs n requests with loop->concurrency in flight; latencies (µs) into lat[0..n) if lat. */
static void run_requests(Loop* loop, long n, double* lat) {
  long issued = 0, finished = 0, i;
  long c = loop->concurrency < n ? loop->concurrency : n;
  for (i = 0; i < c; i++) submit(loop, &loop->slots[i]), issued++;
  while (finished < n) {
    size_t k, count;
    pthread_mutex_lock(&done.lock);
    while (done.count == 0) {
      struct timespec deadline;
      clock_gettime(CLOCK_REALTIME, &deadline);
      deadline.tv_sec += WAIT_LIMIT_S;
      if (pthread_cond_timedwait(&done.cond, &done.lock, &deadline) == ETIMEDOUT && done.count == 0) {
        fprintf(stderr, "cqlbench (%s): no completion in %d s (%ld of %ld done)\n", CQLBENCH_IMPL, WAIT_LIMIT_S,
                finished, n);
        exit(1);
      }
    }
    count = done.count;
    memcpy(loop->taken, done.ready, count * sizeof *loop->taken);
    done.count = 0;
    pthread_mutex_unlock(&done.lock);
    for (k = 0; k < count; k++) {
      Slot* slot = &loop->slots[loop->taken[k]];
      double t = now_s();
      if (!check(loop, slot->future)) loop->errors++;
      cass_future_free(slot->future);
      slot->future = NULL;
      if (lat) lat[finished] = (t - slot->submitted) * 1e6;
      finished++;
      if (issued < n) submit(loop, slot), issued++;
    }
  }
}

static void loop_init(Loop* loop, CassSession* session, const CassPrepared* prepared, int is_select, long c) {
  long i;
  memset(loop, 0, sizeof *loop);
  loop->session = session;
  loop->prepared = prepared;
  loop->is_select = is_select;
  loop->concurrency = c;
  loop->slots = calloc((size_t)c, sizeof *loop->slots);
  loop->taken = calloc((size_t)c, sizeof *loop->taken);
  done.ready = calloc((size_t)c, sizeof *done.ready);
  if (!loop->slots || !loop->taken || !done.ready) die("out of memory", NULL);
  for (i = 0; i < c; i++) loop->slots[i].index = (int)i;
}

static int requests_mode(const char* mode, const char* host, int port, long n, long c, unsigned io) {
  int is_select = strcmp(mode, "select") == 0;
  CassCluster* cluster = make_cluster(host, port, io, 1, 0, 0);
  CassSession* session = cass_session_new();
  const CassPrepared* prepared;
  double* lat = malloc((size_t)n * sizeof *lat);
  double t0, t1;
  Usage u0, u1;
  Loop loop;
  if (!lat) die("out of memory", NULL);
  connect_or_die(session, cluster);
  prepared = prepare_or_die(session, is_select ? SELECT_CQL : INSERT_CQL);
  loop_init(&loop, session, prepared, is_select, c);
  run_requests(&loop, n / 10 > 0 ? n / 10 : 1, NULL);
  loop.errors = 0;
  u0 = usage_now();
  t0 = now_s();
  run_requests(&loop, n, lat);
  t1 = now_s();
  u1 = usage_now();
  printf("impl=%s workload=%s n=%ld c=%ld io_threads=%u ops_per_s=%.0f cpu_us_per_op=%.3f csw_per_op=%.4f "
         "p50_us=%.1f p99_us=%.1f errors=%ld rss_kb=%ld wall_s=%.3f\n",
         CQLBENCH_IMPL, mode, n, c, io, (double)n / (t1 - t0), (u1.cpu_s - u0.cpu_s) * 1e6 / (double)n,
         (double)(u1.csw - u0.csw) / (double)n, quantile(lat, (size_t)n, 0.5), quantile(lat, (size_t)n, 0.99),
         loop.errors, rss_kb(), t1 - t0);
  fflush(stdout);
  cass_prepared_free(prepared);
  close_session(session);
  cass_session_free(session);
  cass_cluster_free(cluster);
  free(lat);
  return loop.errors != 0;
}

static int rss_mode(const char* host, int port, long n) {
  CassCluster* cluster = make_cluster(host, port, 1, 1, 0, 0);
  CassSession* session = cass_session_new();
  const CassPrepared* prepared;
  long rss_start = rss_kb(), rss_connected, rss_after;
  double t0, t1;
  Loop loop;
  connect_or_die(session, cluster);
  prepared = prepare_or_die(session, INSERT_CQL);
  rss_connected = rss_kb();
  loop_init(&loop, session, prepared, 0, 256);
  t0 = now_s();
  run_requests(&loop, n, NULL);
  t1 = now_s();
  rss_after = rss_kb();
  printf("impl=%s workload=rss n=%ld c=256 rss_start_kb=%ld rss_connected_kb=%ld rss_after_kb=%ld "
         "ops_per_s=%.0f errors=%ld\n",
         CQLBENCH_IMPL, n, rss_start, rss_connected, rss_after, (double)n / (t1 - t0), loop.errors);
  fflush(stdout);
  cass_prepared_free(prepared);
  close_session(session);
  cass_session_free(session);
  cass_cluster_free(cluster);
  return loop.errors != 0;
}

/* ---------- page: N executions of the 5,000-row select, every cell read ---------- */

/* Reads one cell by its type; returns 0 on a read error. */
static int read_value(const CassValue* v, double* sum) {
  CassError rc;
  switch (cass_value_type(v)) {
    case CASS_VALUE_TYPE_BIGINT:
    case CASS_VALUE_TYPE_TIMESTAMP: {
      cass_int64_t x;
      rc = cass_value_get_int64(v, &x);
      *sum += (double)(x & 0xff);
      break;
    }
    case CASS_VALUE_TYPE_INT: {
      cass_int32_t x;
      rc = cass_value_get_int32(v, &x);
      *sum += (double)(x & 0xff);
      break;
    }
    case CASS_VALUE_TYPE_TEXT:
    case CASS_VALUE_TYPE_VARCHAR:
    case CASS_VALUE_TYPE_ASCII: {
      const char* s;
      size_t len;
      rc = cass_value_get_string(v, &s, &len);
      *sum += (double)len;
      break;
    }
    case CASS_VALUE_TYPE_DOUBLE: {
      cass_double_t x;
      rc = cass_value_get_double(v, &x);
      *sum += x;
      break;
    }
    case CASS_VALUE_TYPE_BOOLEAN: {
      cass_bool_t x;
      rc = cass_value_get_bool(v, &x);
      *sum += x ? 1 : 0;
      break;
    }
    case CASS_VALUE_TYPE_UUID:
    case CASS_VALUE_TYPE_TIMEUUID: {
      CassUuid u;
      rc = cass_value_get_uuid(v, &u);
      *sum += (double)(u.clock_seq_and_node & 0xff);
      break;
    }
    case CASS_VALUE_TYPE_BLOB: {
      const cass_byte_t* b;
      size_t len;
      rc = cass_value_get_bytes(v, &b, &len);
      *sum += len ? b[0] : 0;
      break;
    }
    default:
      return 0;
  }
  return rc == CASS_OK;
}

static int page_mode(const char* host, int port, long n) {
  CassCluster* cluster = make_cluster(host, port, 1, 1, 0, 0);
  CassSession* session = cass_session_new();
  const CassPrepared* prepared;
  double* wall = malloc((size_t)n * sizeof *wall);
  double t0, t1, sum = 0;
  long i, errors = 0, rows_total = 0, rows_per_page = 0, cols = 0;
  Usage u0, u1;
  if (!wall) die("out of memory", NULL);
  connect_or_die(session, cluster);
  prepared = prepare_or_die(session, WIDE_CQL);
  u0 = usage_now();
  t0 = now_s();
  for (i = 0; i < n; i++) {
    double s = now_s();
    CassStatement* st = cass_prepared_bind(prepared);
    CassFuture* f;
    const CassResult* result;
    CassIterator* rows;
    long rows_seen = 0;
    cass_statement_set_paging_size(st, 5000);
    f = cass_session_execute(session, st);
    cass_statement_free(st);
    wait_bounded(f, "page");
    if (cass_future_error_code(f) != CASS_OK || !(result = cass_future_get_result(f))) {
      if (errors++ == 0) {
        const char* msg;
        size_t len;
        cass_future_error_message(f, &msg, &len);
        fprintf(stderr, "cqlbench (%s): page error: %.*s\n", CQLBENCH_IMPL, (int)len, msg);
      }
      cass_future_free(f);
      continue;
    }
    cols = (long)cass_result_column_count(result);
    rows = cass_iterator_from_result(result);
    while (cass_iterator_next(rows)) {
      const CassRow* row = cass_iterator_get_row(rows);
      long k;
      for (k = 0; k < cols; k++) {
        if (!read_value(cass_row_get_column(row, (size_t)k), &sum)) {
          if (errors++ == 0) fprintf(stderr, "cqlbench (%s): cannot read column %ld\n", CQLBENCH_IMPL, k);
        }
      }
      rows_seen++;
    }
    cass_iterator_free(rows);
    cass_result_free(result);
    cass_future_free(f);
    if (rows_seen != 5000 && errors++ == 0)
      fprintf(stderr, "cqlbench (%s): page had %ld rows, expected 5000\n", CQLBENCH_IMPL, rows_seen);
    rows_total += rows_seen;
    rows_per_page = rows_seen;
    wall[i] = (now_s() - s) * 1e6;
  }
  t1 = now_s();
  u1 = usage_now();
  printf("impl=%s workload=page n=%ld rows=%ld cols=%ld us_per_page=%.1f p50_us=%.1f cpu_us_per_page=%.1f "
         "cpu_ns_per_row=%.1f errors=%ld rss_kb=%ld checksum=%.0f\n",
         CQLBENCH_IMPL, n, rows_per_page, cols, (t1 - t0) * 1e6 / (double)n, quantile(wall, (size_t)n, 0.5),
         (u1.cpu_s - u0.cpu_s) * 1e6 / (double)n,
         rows_total ? (u1.cpu_s - u0.cpu_s) * 1e9 / (double)rows_total : 0.0, errors, rss_kb(), sum);
  fflush(stdout);
  cass_prepared_free(prepared);
  close_session(session);
  cass_session_free(session);
  cass_cluster_free(cluster);
  free(wall);
  return errors != 0;
}

/* ---------- connect: time from cass_session_connect to the future's completion ----------
   and, measured apart (schema_ms), to a schema snapshot in hand: connect, then
   cass_session_get_schema_meta and its first keyspace (USE_SCHEMA 1 only). */

static int connect_mode(const char* host, int port, long reps, unsigned io, unsigned conns, int schema) {
  double* ms = malloc((size_t)reps * sizeof *ms);
  double* schema_ms = malloc((size_t)reps * sizeof *schema_ms);
  long i, errors = 0;
  double lo = 1e300, hi = 0;
  if (!ms || !schema_ms) die("out of memory", NULL);
  for (i = 0; i < reps; i++) {
    CassCluster* cluster = make_cluster(host, port, io, conns, schema, 1);
    CassSession* session = cass_session_new();
    double t0 = now_s();
    CassFuture* f = cass_session_connect(session, cluster);
    wait_bounded(f, "connect");
    ms[i] = (now_s() - t0) * 1e3;
    if (cass_future_error_code(f) != CASS_OK && errors++ == 0) {
      const char* msg;
      size_t len;
      cass_future_error_message(f, &msg, &len);
      fprintf(stderr, "cqlbench (%s): connect: %.*s\n", CQLBENCH_IMPL, (int)len, msg);
    }
    cass_future_free(f);
    schema_ms[i] = 0;
    if (schema) {
      const CassSchemaMeta* meta = cass_session_get_schema_meta(session);
      CassIterator* keyspaces = cass_iterator_keyspaces_from_schema_meta(meta);
      schema_ms[i] = (now_s() - t0) * 1e3;
      (void)cass_iterator_next(keyspaces); /* the first keyspace (none from the null server) */
      cass_iterator_free(keyspaces);
      cass_schema_meta_free(meta);
    }
    close_session(session);
    cass_session_free(session);
    cass_cluster_free(cluster);
    if (ms[i] < lo) lo = ms[i];
    if (ms[i] > hi) hi = ms[i];
  }
  printf("impl=%s workload=connect host=%s reps=%ld io_threads=%u conns_per_host=%u schema=%d connect_ms=%.2f "
         "min_ms=%.2f max_ms=%.2f schema_ms=%.2f errors=%ld\n",
         CQLBENCH_IMPL, host, reps, io, conns, schema, quantile(ms, (size_t)reps, 0.5), lo, hi,
         quantile(schema_ms, (size_t)reps, 0.5), errors);
  fflush(stdout);
  free(ms);
  free(schema_ms);
  return errors != 0;
}

/* ---------- ddl: CREATE TABLE and ALTER TABLE latency against a real node ---------- */

static double timed_ddl(CassSession* session, const char* cql, long* errors) {
  CassStatement* st = cass_statement_new(cql, 0);
  double t0 = now_s();
  CassFuture* f = cass_session_execute(session, st);
  double ms;
  cass_statement_free(st);
  wait_bounded(f, cql);
  ms = (now_s() - t0) * 1e3;
  if (cass_future_error_code(f) != CASS_OK) {
    const char* msg;
    size_t len;
    cass_future_error_message(f, &msg, &len);
    fprintf(stderr, "cqlbench (%s): %s: %.*s\n", CQLBENCH_IMPL, cql, (int)len, msg);
    (*errors)++;
  }
  cass_future_free(f);
  return ms;
}

static int ddl_mode(const char* host, int port, long reps) {
  CassCluster* cluster = make_cluster(host, port, 1, 1, 1, 1);
  CassSession* session = cass_session_new();
  double* create_ms = malloc((size_t)reps * sizeof *create_ms);
  double* alter_ms = malloc((size_t)reps * sizeof *alter_ms);
  long i, errors = 0;
  char cql[160];
  if (!create_ms || !alter_ms) die("out of memory", NULL);
  cass_cluster_set_request_timeout(cluster, 30000);
  connect_or_die(session, cluster);
  simple_or_die(session, "DROP KEYSPACE IF EXISTS bench_ddl");
  simple_or_die(session,
                "CREATE KEYSPACE IF NOT EXISTS bench_ddl WITH replication = "
                "{'class': 'SimpleStrategy', 'replication_factor': 1}");
  for (i = 0; i < reps; i++) {
    snprintf(cql, sizeof cql, "CREATE TABLE bench_ddl.t%ld (k int PRIMARY KEY, v int)", i);
    create_ms[i] = timed_ddl(session, cql, &errors);
    snprintf(cql, sizeof cql, "ALTER TABLE bench_ddl.t%ld ADD w int", i);
    alter_ms[i] = timed_ddl(session, cql, &errors);
  }
  simple_or_die(session, "DROP KEYSPACE IF EXISTS bench_ddl");
  printf("impl=%s workload=ddl reps=%ld create_ms=%.1f create_p90_ms=%.1f alter_ms=%.1f alter_p90_ms=%.1f "
         "errors=%ld\n",
         CQLBENCH_IMPL, reps, quantile(create_ms, (size_t)reps, 0.5), quantile(create_ms, (size_t)reps, 0.9),
         quantile(alter_ms, (size_t)reps, 0.5), quantile(alter_ms, (size_t)reps, 0.9), errors);
  fflush(stdout);
  close_session(session);
  cass_session_free(session);
  cass_cluster_free(cluster);
  free(create_ms);
  free(alter_ms);
  return errors != 0;
}

/* ---------- main ---------- */

static long arg_long(int argc, char** argv, int i, long fallback) {
  return i < argc ? strtol(argv[i], NULL, 10) : fallback;
}

static void usage(void) {
  fprintf(stderr,
          "usage: cqlbench insert|select HOST PORT N CONCURRENCY IO_THREADS\n"
          "       cqlbench page HOST PORT N\n"
          "       cqlbench connect HOST PORT REPS IO_THREADS CONNS_PER_HOST [USE_SCHEMA]\n"
          "       cqlbench ddl HOST PORT REPS\n"
          "       cqlbench rss HOST PORT N\n");
  exit(2);
}

int main(int argc, char** argv) {
  const char *mode, *host, *level = getenv("CQLBENCH_LOG");
  int port;
  if (argc < 5) usage();
  mode = argv[1];
  host = argv[2];
  port = (int)strtol(argv[3], NULL, 10);
  if (!level || !*level) cass_log_set_level(CASS_LOG_ERROR);
  else if (strcmp(level, "debug") == 0) cass_log_set_level(CASS_LOG_DEBUG);
  else if (strcmp(level, "info") == 0) cass_log_set_level(CASS_LOG_INFO);
  else cass_log_set_level(CASS_LOG_WARN);

  if (strcmp(mode, "insert") == 0 || strcmp(mode, "select") == 0) {
    long n = arg_long(argc, argv, 4, 200000), c = arg_long(argc, argv, 5, 256);
    if (n < 1 || c < 1) usage();
    return requests_mode(mode, host, port, n, c, (unsigned)arg_long(argc, argv, 6, 1));
  }
  if (strcmp(mode, "page") == 0) {
    long n = arg_long(argc, argv, 4, 100);
    if (n < 1) usage();
    return page_mode(host, port, n);
  }
  if (strcmp(mode, "connect") == 0) {
    long reps = arg_long(argc, argv, 4, 5);
    if (reps < 1) usage();
    return connect_mode(host, port, reps, (unsigned)arg_long(argc, argv, 5, 1), (unsigned)arg_long(argc, argv, 6, 1),
                        (int)arg_long(argc, argv, 7, 1));
  }
  if (strcmp(mode, "ddl") == 0) {
    long reps = arg_long(argc, argv, 4, 10);
    if (reps < 1) usage();
    return ddl_mode(host, port, reps);
  }
  if (strcmp(mode, "rss") == 0) {
    long n = arg_long(argc, argv, 4, 1000000);
    if (n < 1) usage();
    return rss_mode(host, port, n);
  }
  usage();
  return 2;
}
