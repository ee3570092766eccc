/* Timestamp generators. A monotonic generator (shared by two sessions) gives every write its own,
   increasing microsecond timestamp, also under many concurrent inserts; the server-side generator
   lets the node assign them (Cassandra's own are whole milliseconds, times 1000, when writes are
   a few milliseconds apart); a statement's or batch's own timestamp wins over either. */
#include "test_util.h"

#include <sys/time.h>
#include <time.h>

#define CONCURRENT 500

static long long now_us(void) {
  struct timeval tv;
  gettimeofday(&tv, NULL);
  return (long long)tv.tv_sec * 1000000LL + tv.tv_usec;
}

static void sleep_ms(long ms) {
  struct timespec ts;
  ts.tv_sec = ms / 1000;
  ts.tv_nsec = (ms % 1000) * 1000000L;
  nanosleep(&ts, NULL);
}

static CassSession* connect_with(CassCluster* cluster) {
  CassSession* session = cass_session_new();
  CassFuture* future = cass_session_connect(session, cluster);
  CHECK_FUTURE_OK(future);
  cass_future_free(future);
  return session;
}

static void close_session(CassSession* session) {
  CassFuture* future = cass_session_close(session);
  cass_future_wait(future);
  cass_future_free(future);
  cass_session_free(session);
}

/* Inserts rows first..first+count-1 concurrently, alternating between the two sessions. */
static void insert_concurrently(CassSession* a, CassSession* b, const char* ks, int first, int count) {
  CassFuture* futures[CONCURRENT];
  char cql[256];
  int i;
  snprintf(cql, sizeof cql, "INSERT INTO %s.t (k, v) VALUES (?, 0)", ks);
  for (i = 0; i < count; i++) {
    CassStatement* statement = cass_statement_new(cql, 1);
    CHECK_OK(cass_statement_bind_int32(statement, 0, first + i));
    futures[i] = cass_session_execute(i % 2 ? b : a, statement);
    cass_statement_free(statement);
  }
  for (i = 0; i < count; i++) {
    CHECK_FUTURE_OK(futures[i]);
    cass_future_free(futures[i]);
  }
}

/* WRITETIME(v) of rows first..first+count-1, in row order. */
static void write_times(CassSession* session, const char* ks, int first, int count, long long* out) {
  char cql[256];
  int i;
  snprintf(cql, sizeof cql, "SELECT WRITETIME(v) FROM %s.t WHERE k = ?", ks);
  for (i = 0; i < count; i++) {
    CassStatement* statement = cass_statement_new(cql, 1);
    CassFuture* future;
    const CassResult* result;
    const CassRow* row;
    cass_int64_t value;
    CHECK_OK(cass_statement_bind_int32(statement, 0, first + i));
    future = cass_session_execute(session, statement);
    CHECK_FUTURE_OK(future);
    result = cass_future_get_result(future);
    row = cass_result_first_row(result);
    CHECK(row != NULL);
    CHECK_OK(cass_value_get_int64(cass_row_get_column(row, 0), &value));
    out[i] = value;
    cass_result_free(result);
    cass_future_free(future);
    cass_statement_free(statement);
  }
}

static int compare(const void* a, const void* b) {
  long long x = *(const long long*)a, y = *(const long long*)b;
  return x < y ? -1 : x > y;
}

/* Sequential inserts a few ms apart; returns how many WRITETIMEs are whole milliseconds. */
static int whole_ms_writes(CassSession* session, const char* ks, int first, int count) {
  long long times[16];
  char cql[256];
  int i, whole = 0;
  snprintf(cql, sizeof cql, "INSERT INTO %s.t (k, v) VALUES (?, 1)", ks);
  for (i = 0; i < count; i++) {
    CassStatement* statement = cass_statement_new(cql, 1);
    CassFuture* future;
    CHECK_OK(cass_statement_bind_int32(statement, 0, first + i));
    future = cass_session_execute(session, statement);
    CHECK_FUTURE_OK(future);
    cass_future_free(future);
    cass_statement_free(statement);
    sleep_ms(3);
  }
  write_times(session, ks, first, count, times);
  for (i = 0; i < count; i++) {
    if (times[i] % 1000 == 0) whole++;
  }
  return whole;
}

int main(void) {
  CassTimestampGen* monotonic = cass_timestamp_gen_monotonic_new_with_settings(1000000, 1000);
  CassTimestampGen* server_side = cass_timestamp_gen_server_side_new();
  CassCluster* cluster_a = test_cluster();
  CassCluster* cluster_b = test_cluster();
  CassCluster* cluster_server = test_cluster();
  CassSession *a, *b, *server;
  static long long times[CONCURRENT];
  char ks[64], cql[256];
  long long before, after;
  int i, whole;

  /* One generator for two clusters; C's reference goes at once. */
  cass_cluster_set_timestamp_gen(cluster_a, monotonic);
  cass_cluster_set_timestamp_gen(cluster_b, monotonic);
  cass_timestamp_gen_free(monotonic);
  cass_cluster_set_timestamp_gen(cluster_server, server_side);
  cass_timestamp_gen_free(server_side);
  a = connect_with(cluster_a);
  b = connect_with(cluster_b);
  server = connect_with(cluster_server);

  test_name(ks, sizeof ks, "timestamp_gen");
  snprintf(cql, sizeof cql, "DROP KEYSPACE IF EXISTS %s", ks);
  test_execute(a, cql);
  snprintf(cql, sizeof cql,
           "CREATE KEYSPACE %s WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}", ks);
  test_execute(a, cql);
  snprintf(cql, sizeof cql, "CREATE TABLE %s.t (k int PRIMARY KEY, v int)", ks);
  test_execute(a, cql);

  /* Monotonic, shared: all distinct, within the time the inserts took. */
  before = now_us();
  insert_concurrently(a, b, ks, 0, CONCURRENT);
  after = now_us();
  write_times(a, ks, 0, CONCURRENT, times);
  qsort(times, CONCURRENT, sizeof times[0], compare);
  for (i = 1; i < CONCURRENT; i++) {
    CHECK(times[i - 1] < times[i]);
  }
  CHECK(times[0] >= before - 1000000);
  CHECK(times[CONCURRENT - 1] <= after + 1000000);

  /* Client-side microseconds are rarely whole milliseconds; the node's are (unless another
     client's write landed in the same millisecond). */
  whole = whole_ms_writes(a, ks, 1000, 8);
  CHECK(whole <= 2);
  whole = whole_ms_writes(server, ks, 2000, 8);
  CHECK(whole >= 5);

  /* A statement's own timestamp wins, with either generator; so does a batch's. */
  for (i = 0; i < 2; i++) {
    CassSession* session = i == 0 ? a : server;
    CassStatement* statement;
    CassBatch* batch;
    CassFuture* future;
    long long got;
    snprintf(cql, sizeof cql, "INSERT INTO %s.t (k, v) VALUES (%d, 2)", ks, 3000 + i);
    statement = cass_statement_new(cql, 0);
    CHECK_OK(cass_statement_set_timestamp(statement, 1234567));
    future = cass_session_execute(session, statement);
    CHECK_FUTURE_OK(future);
    cass_future_free(future);
    cass_statement_free(statement);
    write_times(session, ks, 3000 + i, 1, &got);
    CHECK_EQ_INT(1234567, got);

    snprintf(cql, sizeof cql, "INSERT INTO %s.t (k, v) VALUES (%d, 3)", ks, 4000 + i);
    statement = cass_statement_new(cql, 0);
    batch = cass_batch_new(CASS_BATCH_TYPE_LOGGED);
    CHECK_OK(cass_batch_add_statement(batch, statement));
    CHECK_OK(cass_batch_set_timestamp(batch, 7654321));
    future = cass_session_execute_batch(session, batch);
    CHECK_FUTURE_OK(future);
    cass_future_free(future);
    cass_batch_free(batch);
    cass_statement_free(statement);
    write_times(session, ks, 4000 + i, 1, &got);
    CHECK_EQ_INT(7654321, got);
  }

  snprintf(cql, sizeof cql, "DROP KEYSPACE %s", ks);
  test_execute(a, cql);
  close_session(a);
  close_session(b);
  close_session(server);
  cass_cluster_free(cluster_a);
  cass_cluster_free(cluster_b);
  cass_cluster_free(cluster_server);
  printf("timestamp_gen: OK\n");
  return 0;
}
