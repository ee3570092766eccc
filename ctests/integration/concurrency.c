/* Many requests at once on one session:
   - 100,000 prepared inserts (CONCURRENCY_INSERTS in the environment overrides the count) with
     1,000 in flight, driven by future callbacks: each callback checks its future, frees it and
     submits the next insert from the driver's thread; the main thread only waits for the last
     completion. Every insert succeeds; SELECT COUNT(*) and SUM(v) over the table (60 s timeout)
     find exactly the rows written;
   - the same session shared by 8 threads, each preparing the same statements concurrently and then
     running 2,000 insert + select pairs on its own keys, waiting for each future and checking the
     row read back; then a count of every row of the table. */
#include <pthread.h>
#include <time.h>

#include "test_util.h"

#define IN_FLIGHT 1000
#define THREADS 8
#define PER_THREAD 2000
#define THREAD_KEY_BASE 10000000

static CassSession* session;
static char ks[64];
static char insert_cql[256];
static char select_cql[256];

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- callback-driven inserts ---------------------------------------------------------------- */

static struct {
  pthread_mutex_t lock;
  pthread_cond_t all_done;
  const CassPrepared* insert;
  long total;     /* inserts to run */
  long issued;    /* submitted so far */
  long completed; /* callbacks run so far */
  long failed;
  CassError first_error;
  char first_message[256];
} flow;

static void on_insert_done(CassFuture* future, void* data);

/* Submits insert number k; its callback continues the chain. */
static void submit_insert(long k) {
  CassStatement* st = cass_prepared_bind(flow.insert);
  CassFuture* future;
  CHECK(st != NULL);
  CHECK_OK(cass_statement_bind_int32(st, 0, (cass_int32_t)k));
  CHECK_OK(cass_statement_bind_int64(st, 1, (cass_int64_t)k * 3));
  future = cass_session_execute(session, st);
  cass_statement_free(st);
  CHECK(future != NULL);
  CHECK_OK(cass_future_set_callback(future, on_insert_done, NULL));
  cass_future_free(future); /* the callback gets the future anyway */
}

static void on_insert_done(CassFuture* future, void* data) {
  CassError rc = cass_future_error_code(future);
  long next = -1;
  (void)data;
  pthread_mutex_lock(&flow.lock);
  if (rc != CASS_OK && flow.failed++ == 0) {
    const char* message = NULL;
    size_t length = 0;
    cass_future_error_message(future, &message, &length);
    flow.first_error = rc;
    snprintf(flow.first_message, sizeof flow.first_message, "%.*s", (int)length,
             message != NULL ? message : "");
  }
  flow.completed++;
  if (flow.issued < flow.total) {
    next = flow.issued++;
  }
  if (flow.completed == flow.total) {
    pthread_cond_signal(&flow.all_done);
  }
  pthread_mutex_unlock(&flow.lock);
  if (next >= 0) {
    submit_insert(next);
  }
}

static long insert_count(void) {
  const char* env = getenv("CONCURRENCY_INSERTS");
  long n = env != NULL && env[0] != '\0' ? atol(env) : 100000;
  CHECK(n > 0 && n < THREAD_KEY_BASE);
  return n;
}

static void test_callback_inserts(void) {
  long i, first;
  double t0, t1, t2;
  CassStatement* st;
  CassFuture* future;
  const CassResult* result;
  const CassRow* row;
  cass_int64_t count = -1, sum = -1;
  char cql[256];

  pthread_mutex_init(&flow.lock, NULL);
  pthread_cond_init(&flow.all_done, NULL);
  flow.insert = test_prepare(session, insert_cql);
  flow.total = insert_count();
  flow.issued = 0;
  flow.completed = 0;
  flow.failed = 0;

  t0 = now_s();
  /* Start IN_FLIGHT chains; the issued count is taken under the lock, as callbacks may already
     be running. */
  for (i = 0; i < IN_FLIGHT; i++) {
    pthread_mutex_lock(&flow.lock);
    first = flow.issued < flow.total ? flow.issued++ : -1;
    pthread_mutex_unlock(&flow.lock);
    if (first < 0) {
      break;
    }
    submit_insert(first);
  }
  pthread_mutex_lock(&flow.lock);
  while (flow.completed < flow.total) {
    pthread_cond_wait(&flow.all_done, &flow.lock);
  }
  pthread_mutex_unlock(&flow.lock);
  t1 = now_s();
  if (flow.failed != 0) {
    fprintf(stderr, "%ld of %ld inserts failed, first: %#x (%s): %s\n", flow.failed, flow.total,
            (unsigned)flow.first_error, cass_error_desc(flow.first_error), flow.first_message);
  }
  CHECK_EQ_INT(0, flow.failed);
  CHECK_EQ_INT(flow.total, flow.issued);

  snprintf(cql, sizeof cql, "SELECT COUNT(*), SUM(v) FROM %s.t", ks);
  st = cass_statement_new(cql, 0);
  CHECK_OK(cass_statement_set_request_timeout(st, 60000));
  future = cass_session_execute(session, st);
  CHECK_FUTURE_OK(future);
  result = cass_future_get_result(future);
  CHECK(result != NULL);
  CHECK_EQ_INT(1, cass_result_row_count(result));
  row = cass_result_first_row(result);
  CHECK_OK(cass_value_get_int64(cass_row_get_column(row, 0), &count));
  CHECK_OK(cass_value_get_int64(cass_row_get_column(row, 1), &sum));
  CHECK_EQ_INT(flow.total, count);
  CHECK_EQ_INT(3 * (flow.total * (flow.total - 1) / 2), sum);
  cass_result_free(result);
  cass_future_free(future);
  cass_statement_free(st);
  t2 = now_s();
  printf("concurrency: %ld callback-driven inserts (%d in flight) in %.2f s (%.0f/s), count in %.2f s\n",
         flow.total, IN_FLIGHT, t1 - t0, (double)flow.total / (t1 - t0), t2 - t1);

  cass_prepared_free(flow.insert);
  pthread_cond_destroy(&flow.all_done);
  pthread_mutex_destroy(&flow.lock);
}

/* ---- one session, many threads ---------------------------------------------------------------- */

typedef struct {
  int index;
  const CassPrepared* insert; /* shared, prepared by the main thread */
  int done;
} Worker;

static void* worker_main(void* arg) {
  Worker* w = (Worker*)arg;
  /* The same SELECT prepared by every thread at once. */
  const CassPrepared* select = test_prepare(session, select_cql);
  int i;
  for (i = 0; i < PER_THREAD; i++) {
    cass_int32_t k = THREAD_KEY_BASE + w->index * PER_THREAD + i;
    cass_int64_t v = (cass_int64_t)k * 7 + w->index, got = -1;
    CassStatement* st = cass_prepared_bind(w->insert);
    CassFuture* future;
    const CassResult* result;
    CHECK_OK(cass_statement_bind_int32(st, 0, k));
    CHECK_OK(cass_statement_bind_int64(st, 1, v));
    future = cass_session_execute(session, st);
    CHECK_FUTURE_OK(future);
    cass_future_free(future);
    cass_statement_free(st);

    st = cass_prepared_bind(select);
    CHECK_OK(cass_statement_bind_int32_by_name(st, "k", k));
    future = cass_session_execute(session, st);
    CHECK_FUTURE_OK(future);
    result = cass_future_get_result(future);
    CHECK(result != NULL);
    CHECK_EQ_INT(1, cass_result_row_count(result));
    CHECK_OK(cass_value_get_int64(cass_row_get_column_by_name(cass_result_first_row(result), "v"), &got));
    CHECK_EQ_INT(v, got);
    cass_result_free(result);
    cass_future_free(future);
    cass_statement_free(st);
  }
  cass_prepared_free(select);
  w->done = PER_THREAD;
  return NULL;
}

static void test_threads(void) {
  pthread_t threads[THREADS];
  Worker workers[THREADS];
  const CassPrepared* insert = test_prepare(session, insert_cql);
  char cql[256];
  CassStatement* st;
  CassFuture* future;
  const CassResult* result;
  cass_int64_t count = -1;
  double t0 = now_s();
  int i;

  for (i = 0; i < THREADS; i++) {
    workers[i].index = i;
    workers[i].insert = insert;
    workers[i].done = 0;
    CHECK(pthread_create(&threads[i], NULL, worker_main, &workers[i]) == 0);
  }
  for (i = 0; i < THREADS; i++) {
    CHECK(pthread_join(threads[i], NULL) == 0);
    CHECK_EQ_INT(PER_THREAD, workers[i].done);
  }
  cass_prepared_free(insert);

  snprintf(cql, sizeof cql, "SELECT COUNT(*) FROM %s.t", ks);
  st = cass_statement_new(cql, 0);
  CHECK_OK(cass_statement_set_request_timeout(st, 60000));
  future = cass_session_execute(session, st);
  CHECK_FUTURE_OK(future);
  result = cass_future_get_result(future);
  CHECK_OK(cass_value_get_int64(cass_row_get_column(cass_result_first_row(result), 0), &count));
  CHECK_EQ_INT(flow.total + THREADS * PER_THREAD, count); /* with the callback-driven rows */
  cass_result_free(result);
  cass_future_free(future);
  cass_statement_free(st);
  printf("concurrency: %d threads x %d insert+select in %.2f s\n", THREADS, PER_THREAD, now_s() - t0);
}

int main(void) {
  CassCluster* cluster;
  char cql[256];

  test_connect(&cluster, &session);
  test_name(ks, sizeof ks, "concurrency");
  snprintf(cql, sizeof cql, "DROP KEYSPACE IF EXISTS %s", ks);
  test_execute(session, cql);
  snprintf(cql, sizeof cql,
           "CREATE KEYSPACE %s WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}", ks);
  test_execute(session, cql);
  snprintf(cql, sizeof cql, "CREATE TABLE %s.t (k int PRIMARY KEY, v bigint)", ks);
  test_execute(session, cql);
  snprintf(insert_cql, sizeof insert_cql, "INSERT INTO %s.t (k, v) VALUES (?, ?)", ks);
  snprintf(select_cql, sizeof select_cql, "SELECT k, v FROM %s.t WHERE k = ?", ks);

  test_callback_inserts();
  test_threads();

  snprintf(cql, sizeof cql, "DROP KEYSPACE %s", ks);
  test_execute(session, cql);
  test_disconnect(cluster, session);
  printf("concurrency: OK\n");
  return 0;
}
