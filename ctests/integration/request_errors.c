/* Request errors the driver itself handles:
   - client-side request timeouts: a 1 ms statement timeout on a SELECT of a few megabytes fails
     with CASS_ERROR_LIB_REQUEST_TIMED_OUT (no error result), and the session keeps working (the
     late response is dropped; the same statement without the timeout reads every row); the same
     with a 1 ms cluster-level timeout on a second session, where a statement's own timeout
     overrides the cluster's;
   - a forced re-prepare: after DROP TABLE and CREATE TABLE with the same definition the node has
     forgotten the prepared statements of the table (their ids stay the same), so it answers an
     execution of the old prepared statement with UNPREPARED; the driver prepares again and
     retries, invisibly: the old prepared SELECT and INSERT succeed. */
#include "test_util.h"

#define ROWS 2000
#define BLOB_SIZE 2048
#define ATTEMPTS 20

static CassSession* session;
static char ks[64];

/* ROWS rows of BLOB_SIZE bytes each in ks.big: a full scan is a response of several megabytes. */
static void fill_big(void) {
  char cql[256];
  const CassPrepared* insert;
  CassFuture* futures[100];
  cass_byte_t* blob = (cass_byte_t*)malloc(BLOB_SIZE);
  int i, j;
  CHECK(blob != NULL);
  for (i = 0; i < BLOB_SIZE; i++) {
    blob[i] = (cass_byte_t)(i * 31 + 7);
  }
  snprintf(cql, sizeof cql, "INSERT INTO %s.big (k, data) VALUES (?, ?)", ks);
  insert = test_prepare(session, cql);
  for (i = 0; i < ROWS; i += 100) {
    for (j = 0; j < 100; j++) {
      CassStatement* st = cass_prepared_bind(insert);
      CHECK_OK(cass_statement_bind_int32(st, 0, i + j));
      CHECK_OK(cass_statement_bind_bytes(st, 1, blob, BLOB_SIZE));
      futures[j] = cass_session_execute(session, st);
      cass_statement_free(st);
    }
    for (j = 0; j < 100; j++) {
      CHECK_FUTURE_OK(futures[j]);
      cass_future_free(futures[j]);
    }
  }
  cass_prepared_free(insert);
  free(blob);
}

/* Runs `st` on `on` until it times out (at most ATTEMPTS times); a run that beats the timeout must
   succeed. Checks the timed-out future. */
static void expect_timeout(CassSession* on, CassStatement* st) {
  int attempt;
  for (attempt = 0; attempt < ATTEMPTS; attempt++) {
    CassFuture* future = cass_session_execute(on, st);
    CassError rc = cass_future_error_code(future);
    if (rc == CASS_ERROR_LIB_REQUEST_TIMED_OUT) {
      const char* message = NULL;
      size_t length = 0;
      cass_future_error_message(future, &message, &length);
      CHECK(message != NULL && length > 0);
      CHECK(cass_future_get_result(future) == NULL);
      CHECK(cass_future_get_error_result(future) == NULL); /* not a server error */
      printf("request_errors: timed out on attempt %d: %.*s\n", attempt + 1, (int)length, message);
      cass_future_free(future);
      return;
    }
    test_check_future_at(__FILE__, __LINE__, "a request that beat the 1 ms timeout", future);
    cass_future_free(future);
  }
  fprintf(stderr, "no timeout in %d attempts\n", ATTEMPTS);
  CHECK(0);
}

/* Runs `st` on `on`: must succeed and return every row of ks.big. */
static void expect_all_rows(CassSession* on, CassStatement* st) {
  CassFuture* future = cass_session_execute(on, st);
  const CassResult* result;
  CHECK_FUTURE_OK(future);
  result = cass_future_get_result(future);
  CHECK(result != NULL);
  CHECK_EQ_INT(ROWS, cass_result_row_count(result));
  cass_result_free(result);
  cass_future_free(future);
}

static void test_request_timeout(void) {
  char cql[256];
  CassStatement* st;
  CassCluster* fast_cluster;
  CassSession* fast;
  CassFuture* future;
  int i;

  fill_big();
  snprintf(cql, sizeof cql, "SELECT k, data FROM %s.big", ks);
  st = cass_statement_new(cql, 0);
  CHECK_OK(cass_statement_set_paging_size(st, -1)); /* one response with every row */
  CHECK_OK(cass_statement_set_request_timeout(st, 60000));
  expect_all_rows(session, st); /* warm: the data is read once without timeout */

  CHECK_OK(cass_statement_set_request_timeout(st, 1));
  expect_timeout(session, st);
  /* Timed-out requests in a row, their responses arriving late on the same connections. */
  for (i = 0; i < 5; i++) {
    CassFuture* f = cass_session_execute(session, st);
    CassError rc = cass_future_error_code(f);
    CHECK(rc == CASS_ERROR_LIB_REQUEST_TIMED_OUT || rc == CASS_OK);
    cass_future_free(f);
  }
  /* The session still works, the late responses are dropped. */
  CHECK_OK(cass_statement_set_request_timeout(st, 60000));
  expect_all_rows(session, st);
  test_execute(session, "SELECT release_version FROM system.local");

  /* The cluster's timeout: 1 ms for every request of a second session. */
  fast_cluster = test_cluster();
  cass_cluster_set_request_timeout(fast_cluster, 1);
  fast = cass_session_new();
  future = cass_session_connect(fast, fast_cluster);
  CHECK_FUTURE_OK(future);
  cass_future_free(future);
  cass_statement_free(st);
  st = cass_statement_new(cql, 0);
  CHECK_OK(cass_statement_set_paging_size(st, -1));
  expect_timeout(fast, st);
  /* A statement's own timeout wins over the cluster's. */
  CHECK_OK(cass_statement_set_request_timeout(st, 60000));
  expect_all_rows(fast, st);
  /* 0: no timeout at all. */
  CHECK_OK(cass_statement_set_request_timeout(st, 0));
  expect_all_rows(fast, st);
  cass_statement_free(st);
  test_disconnect(fast_cluster, fast);
}

/* The old prepared SELECT must find (k, v). */
static void expect_row(const CassPrepared* select, int k, int v) {
  CassStatement* st = cass_prepared_bind(select);
  CassFuture* future;
  const CassResult* result;
  cass_int32_t got = -1;
  CHECK_OK(cass_statement_bind_int32(st, 0, k));
  future = cass_session_execute(session, st);
  CHECK_FUTURE_OK(future);
  result = cass_future_get_result(future);
  CHECK(result != NULL);
  CHECK_EQ_INT(1, cass_result_row_count(result));
  CHECK_OK(cass_value_get_int32(cass_row_get_column(cass_result_first_row(result), 0), &got));
  CHECK_EQ_INT(v, got);
  cass_result_free(result);
  cass_future_free(future);
  cass_statement_free(st);
}

static void recreate_table(void) {
  char cql[256];
  snprintf(cql, sizeof cql, "DROP TABLE %s.t", ks);
  test_execute(session, cql);
  snprintf(cql, sizeof cql, "CREATE TABLE %s.t (k int PRIMARY KEY, v int)", ks);
  test_execute(session, cql);
}

static void test_reprepare(void) {
  char cql[256];
  const CassPrepared* select;
  const CassPrepared* insert;
  CassStatement* st;
  CassFuture* future;
  int round;

  snprintf(cql, sizeof cql, "CREATE TABLE %s.t (k int PRIMARY KEY, v int)", ks);
  test_execute(session, cql);
  snprintf(cql, sizeof cql, "INSERT INTO %s.t (k, v) VALUES (1, 100)", ks);
  test_execute(session, cql);
  snprintf(cql, sizeof cql, "SELECT v FROM %s.t WHERE k = ?", ks);
  select = test_prepare(session, cql);
  snprintf(cql, sizeof cql, "INSERT INTO %s.t (k, v) VALUES (?, ?)", ks);
  insert = test_prepare(session, cql);
  expect_row(select, 1, 100);

  for (round = 0; round < 2; round++) {
    /* The node forgets the table's prepared statements. */
    recreate_table();
    snprintf(cql, sizeof cql, "INSERT INTO %s.t (k, v) VALUES (2, %d)", ks, 200 + round);
    test_execute(session, cql);
    /* The old prepared SELECT: UNPREPARED, prepared again, retried. */
    expect_row(select, 2, 200 + round);

    /* The same for the old prepared INSERT (after another drop and create). */
    recreate_table();
    st = cass_prepared_bind(insert);
    CHECK_OK(cass_statement_bind_int32(st, 0, 3));
    CHECK_OK(cass_statement_bind_int32(st, 1, 300 + round));
    future = cass_session_execute(session, st);
    CHECK_FUTURE_OK(future);
    cass_future_free(future);
    cass_statement_free(st);
    expect_row(select, 3, 300 + round);
  }

  /* A statement bound from the old preparation, several in flight at once after the drop. */
  recreate_table();
  {
    CassFuture* futures[20];
    int i;
    for (i = 0; i < 20; i++) {
      st = cass_prepared_bind(insert);
      CHECK_OK(cass_statement_bind_int32(st, 0, 10 + i));
      CHECK_OK(cass_statement_bind_int32(st, 1, 1000 + i));
      futures[i] = cass_session_execute(session, st);
      cass_statement_free(st);
    }
    for (i = 0; i < 20; i++) {
      CHECK_FUTURE_OK(futures[i]);
      cass_future_free(futures[i]);
    }
    for (i = 0; i < 20; i++) {
      expect_row(select, 10 + i, 1000 + i);
    }
  }

  cass_prepared_free(insert);
  cass_prepared_free(select);
}

int main(void) {
  CassCluster* cluster;
  char cql[256];

  test_connect(&cluster, &session);
  test_name(ks, sizeof ks, "request_errors");
  snprintf(cql, sizeof cql, "DROP KEYSPACE IF EXISTS %s", ks);
  test_execute(session, cql);
  snprintf(cql, sizeof cql,
           "CREATE KEYSPACE %s WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}", ks);
  test_execute(session, cql);
  snprintf(cql, sizeof cql, "CREATE TABLE %s.big (k int PRIMARY KEY, data blob)", ks);
  test_execute(session, cql);

  test_request_timeout();
  test_reprepare();

  snprintf(cql, sizeof cql, "DROP KEYSPACE %s", ks);
  test_execute(session, cql);
  test_disconnect(cluster, session);
  printf("request_errors: OK\n");
  return 0;
}
