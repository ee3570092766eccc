/* Statements, paging and batches against the node:
   - 10,000 rows paged with page sizes 1, 100 and 5,000, both with cass_statement_set_paging_state
     and with the raw token functions: every row exactly once, in order;
   - LOGGED, UNLOGGED and COUNTER batches mixing simple and prepared statements;
   - lightweight transactions (IF NOT EXISTS) with the [applied] column and serial consistency;
   - statement settings: timestamp (WRITETIME), idempotence, request timeout, host pinning, node
     pinning from a coordinator, unknown execution profile, re-execution while a request is in
     flight. */
#include "test_util.h"

#define ROWS 10000

static CassSession* session;
static char ks[64];

static CassFuture* submit(CassStatement* st) { return cass_session_execute(session, st); }

static void run_batch(CassBatch* batch) {
  CassFuture* future = cass_session_execute_batch(session, batch);
  CHECK_FUTURE_OK(future);
  cass_future_free(future);
}

static void fill(void) {
  char cql[256];
  const CassPrepared* insert;
  int i, j;
  snprintf(cql, sizeof cql, "INSERT INTO %s.rows (p, c, v) VALUES (0, ?, ?)", ks);
  insert = test_prepare(session, cql);
  for (i = 0; i < ROWS; i += 500) {
    CassBatch* batch = cass_batch_new(CASS_BATCH_TYPE_UNLOGGED);
    for (j = i; j < i + 500; j++) {
      CassStatement* st = cass_prepared_bind(insert);
      CHECK_OK(cass_statement_bind_int32(st, 0, j));
      CHECK_OK(cass_statement_bind_int32(st, 1, j * 7));
      CHECK_OK(cass_batch_add_statement(batch, st));
      cass_statement_free(st);
    }
    run_batch(batch);
    cass_batch_free(batch);
  }
  cass_prepared_free(insert);
}

/* Reads every row with pages of `page_size`; with_token: through the raw token functions. */
static void page_through(int page_size, int with_token) {
  char cql[256];
  CassStatement* st;
  int expected = 0, pages = 0;
  snprintf(cql, sizeof cql, "SELECT c, v FROM %s.rows WHERE p = 0", ks);
  st = cass_statement_new(cql, 0);
  CHECK_OK(cass_statement_set_paging_size(st, page_size));
  for (;;) {
    const CassResult* result = test_run(session, st);
    CassIterator* it = cass_iterator_from_result(result);
    int more = cass_result_has_more_pages(result);
    while (cass_iterator_next(it)) {
      const CassRow* row = cass_iterator_get_row(it);
      cass_int32_t c, v;
      CHECK_OK(cass_value_get_int32(cass_row_get_column(row, 0), &c));
      CHECK_OK(cass_value_get_int32(cass_row_get_column(row, 1), &v));
      CHECK_EQ_INT(expected, c);
      CHECK_EQ_INT(expected * 7, v);
      expected++;
    }
    cass_iterator_free(it);
    pages++;
    CHECK((int)cass_result_row_count(result) <= page_size);
    if (!more) {
      const char* token;
      size_t size;
      CHECK_ERR(CASS_ERROR_LIB_NO_PAGING_STATE, cass_result_paging_state_token(result, &token, &size));
      cass_result_free(result);
      break;
    }
    if (with_token) {
      const char* token;
      size_t size;
      char copy[1024];
      CHECK_OK(cass_result_paging_state_token(result, &token, &size));
      CHECK(size > 0 && size <= sizeof copy);
      memcpy(copy, token, size);
      cass_result_free(result); /* the token was copied: the result may go */
      CHECK_OK(cass_statement_set_paging_state_token(st, copy, size));
    } else {
      CHECK_OK(cass_statement_set_paging_state(st, result));
      cass_result_free(result);
    }
  }
  CHECK_EQ_INT(ROWS, expected);
  CHECK(pages >= ROWS / page_size);
  cass_statement_free(st);
}

static cass_int64_t select_int64(const char* cql) {
  CassStatement* st = cass_statement_new(cql, 0);
  const CassResult* result = test_run(session, st);
  cass_int64_t value = -1;
  CHECK_EQ_INT(1, cass_result_row_count(result));
  CHECK_OK(cass_value_get_int64(cass_row_get_column(cass_result_first_row(result), 0), &value));
  cass_result_free(result);
  cass_statement_free(st);
  return value;
}

static void batches(void) {
  char cql[256];
  const CassPrepared* insert;
  const CassPrepared* bump;
  CassBatch* batch;
  CassStatement* st;
  int kind;

  snprintf(cql, sizeof cql, "INSERT INTO %s.kv (k, v) VALUES (?, ?)", ks);
  insert = test_prepare(session, cql);
  for (kind = 0; kind < 2; kind++) {
    batch = cass_batch_new(kind == 0 ? CASS_BATCH_TYPE_LOGGED : CASS_BATCH_TYPE_UNLOGGED);
    CHECK_OK(cass_batch_set_consistency(batch, CASS_CONSISTENCY_ONE));
    st = cass_prepared_bind(insert);
    CHECK_OK(cass_statement_bind_string(st, 0, kind == 0 ? "logged-prepared" : "unlogged-prepared"));
    CHECK_OK(cass_statement_bind_int32(st, 1, 1));
    CHECK_OK(cass_batch_add_statement(batch, st));
    cass_statement_free(st);
    snprintf(cql, sizeof cql, "INSERT INTO %s.kv (k, v) VALUES (?, ?)", ks);
    st = cass_statement_new(cql, 2);
    CHECK_OK(cass_statement_bind_string(st, 0, kind == 0 ? "logged-simple" : "unlogged-simple"));
    CHECK_OK(cass_statement_bind_int32(st, 1, 2));
    CHECK_OK(cass_batch_add_statement(batch, st));
    cass_statement_free(st);
    snprintf(cql, sizeof cql, "INSERT INTO %s.kv (k, v) VALUES ('%s-literal', 3)", ks,
             kind == 0 ? "logged" : "unlogged");
    st = cass_statement_new(cql, 0);
    CHECK_OK(cass_batch_add_statement(batch, st));
    cass_statement_free(st);
    run_batch(batch);
    cass_batch_free(batch);
  }
  snprintf(cql, sizeof cql, "SELECT COUNT(*) FROM %s.kv", ks);
  CHECK_EQ_INT(6, select_int64(cql));

  snprintf(cql, sizeof cql, "UPDATE %s.counts SET n = n + ? WHERE k = ?", ks);
  bump = test_prepare(session, cql);
  batch = cass_batch_new(CASS_BATCH_TYPE_COUNTER);
  st = cass_prepared_bind(bump);
  CHECK_OK(cass_statement_bind_int64(st, 0, 5));
  CHECK_OK(cass_statement_bind_string(st, 1, "a"));
  CHECK_OK(cass_batch_add_statement(batch, st));
  cass_statement_free(st);
  st = cass_statement_new(cql, 2);
  CHECK_OK(cass_statement_bind_int64(st, 0, 7));
  CHECK_OK(cass_statement_bind_string(st, 1, "a"));
  CHECK_OK(cass_batch_add_statement(batch, st));
  cass_statement_free(st);
  run_batch(batch);
  run_batch(batch); /* a batch can be executed again */
  cass_batch_free(batch);
  snprintf(cql, sizeof cql, "SELECT n FROM %s.counts WHERE k = 'a'", ks);
  CHECK_EQ_INT(24, select_int64(cql));

  /* a counter update in a logged batch is a server error */
  batch = cass_batch_new(CASS_BATCH_TYPE_LOGGED);
  st = cass_prepared_bind(bump);
  CHECK_OK(cass_statement_bind_int64(st, 0, 1));
  CHECK_OK(cass_statement_bind_string(st, 1, "a"));
  CHECK_OK(cass_batch_add_statement(batch, st));
  cass_statement_free(st);
  {
    CassFuture* future = cass_session_execute_batch(session, batch);
    CHECK_ERR(CASS_ERROR_SERVER_INVALID_QUERY, cass_future_error_code(future));
    cass_future_free(future);
  }
  cass_batch_free(batch);
  cass_prepared_free(bump);
  cass_prepared_free(insert);
}

static cass_bool_t applied(const CassResult* result) {
  cass_bool_t b = cass_false;
  CHECK_OK(cass_value_get_bool(cass_row_get_column_by_name(cass_result_first_row(result), "[applied]"), &b));
  return b;
}

static void lwt(void) {
  char cql[256];
  CassStatement* st;
  const CassResult* result;
  snprintf(cql, sizeof cql, "INSERT INTO %s.kv (k, v) VALUES ('lwt', 1) IF NOT EXISTS", ks);
  st = cass_statement_new(cql, 0);
  CHECK_OK(cass_statement_set_serial_consistency(st, CASS_CONSISTENCY_LOCAL_SERIAL));
  result = test_run(session, st);
  CHECK(applied(result) == cass_true);
  cass_result_free(result);
  CHECK_OK(cass_statement_set_serial_consistency(st, CASS_CONSISTENCY_SERIAL));
  result = test_run(session, st);
  CHECK(applied(result) == cass_false);
  CHECK_EQ_INT(3, cass_result_column_count(result)); /* [applied], k, v of the existing row */
  cass_result_free(result);
  cass_statement_free(st);

  /* a conditional batch */
  {
    CassBatch* batch = cass_batch_new(CASS_BATCH_TYPE_LOGGED);
    snprintf(cql, sizeof cql, "UPDATE %s.kv SET v = 2 WHERE k = 'lwt' IF v = 1", ks);
    st = cass_statement_new(cql, 0);
    CHECK_OK(cass_batch_add_statement(batch, st));
    cass_statement_free(st);
    CHECK_OK(cass_batch_set_serial_consistency(batch, CASS_CONSISTENCY_SERIAL));
    {
      CassFuture* future = cass_session_execute_batch(session, batch);
      CHECK_FUTURE_OK(future);
      result = cass_future_get_result(future);
      CHECK(applied(result) == cass_true);
      cass_result_free(result);
      cass_future_free(future);
    }
    cass_batch_free(batch);
  }
}

static void settings(void) {
  char cql[256];
  CassStatement* st;
  CassFuture* first;
  CassFuture* second;
  const CassResult* result;
  const CassNode* node;

  snprintf(cql, sizeof cql, "INSERT INTO %s.kv (k, v) VALUES ('ts', 1)", ks);
  st = cass_statement_new(cql, 0);
  CHECK_OK(cass_statement_set_timestamp(st, 1234567890123LL));
  CHECK_OK(cass_statement_set_is_idempotent(st, cass_true));
  CHECK_OK(cass_statement_set_request_timeout(st, 10000));
  CHECK_OK(cass_statement_set_consistency(st, CASS_CONSISTENCY_LOCAL_ONE));
  CHECK_OK(cass_statement_set_keyspace(st, ks));
  cass_result_free(test_run(session, st));
  cass_statement_free(st);
  snprintf(cql, sizeof cql, "SELECT WRITETIME(v) FROM %s.kv WHERE k = 'ts'", ks);
  CHECK_EQ_INT(1234567890123LL, select_int64(cql));

  /* pinned to a host, then to the node that coordinated an earlier request */
  snprintf(cql, sizeof cql, "SELECT v FROM %s.kv WHERE k = 'ts'", ks);
  st = cass_statement_new(cql, 0);
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_statement_set_host(st, "not an address", 9042));
  CHECK_OK(cass_statement_set_host(st, test_host(), test_port()));
  first = submit(st);
  CHECK_FUTURE_OK(first);
  node = cass_future_coordinator(first);
  CHECK(node != NULL);
  CHECK_OK(cass_statement_set_node(st, node));
  cass_future_free(first);
  cass_result_free(test_run(session, st));

  /* executed twice, changed in between, while the first is still in flight */
  CHECK_OK(cass_statement_set_paging_size(st, 10));
  first = submit(st);
  CHECK_OK(cass_statement_set_paging_size(st, -1));
  CHECK_OK(cass_statement_set_tracing(st, cass_true));
  second = submit(st);
  cass_statement_free(st); /* both requests keep their own snapshot */
  CHECK_FUTURE_OK(first);
  CHECK_FUTURE_OK(second);
  result = cass_future_get_result(second);
  CHECK_EQ_INT(1, cass_result_row_count(result));
  cass_result_free(result);
  cass_future_free(first);
  cass_future_free(second);

  /* an execution profile the cluster does not have */
  st = cass_statement_new(cql, 0);
  CHECK_OK(cass_statement_set_execution_profile(st, "no-such-profile"));
  first = submit(st);
  CHECK_ERR(CASS_ERROR_LIB_EXECUTION_PROFILE_INVALID, cass_future_error_code(first));
  cass_future_free(first);
  CHECK_OK(cass_statement_set_execution_profile(st, NULL));
  cass_result_free(test_run(session, st));
  cass_statement_free(st);

  /* retry policies on a statement and a batch (each keeps its own reference) */
  {
    CassRetryPolicy* fallthrough = cass_retry_policy_fallthrough_new();
    CassRetryPolicy* base = cass_retry_policy_default_new();
    CassRetryPolicy* logging = cass_retry_policy_logging_new(base);
    CassBatch* batch = cass_batch_new(CASS_BATCH_TYPE_UNLOGGED);
    CHECK(fallthrough != NULL && logging != NULL);
    CHECK(cass_retry_policy_logging_new(logging) == NULL); /* no logging of logging */
    st = cass_statement_new(cql, 0);
    CHECK_OK(cass_statement_set_retry_policy(st, fallthrough));
    cass_retry_policy_free(fallthrough);
    cass_result_free(test_run(session, st));
    cass_statement_free(st);
    snprintf(cql, sizeof cql, "INSERT INTO %s.kv (k, v) VALUES ('retry', 1)", ks);
    st = cass_statement_new(cql, 0);
    CHECK_OK(cass_batch_add_statement(batch, st));
    cass_statement_free(st);
    CHECK_OK(cass_batch_set_retry_policy(batch, logging));
    cass_retry_policy_free(logging);
    cass_retry_policy_free(base);
    run_batch(batch);
    cass_batch_free(batch);
    snprintf(cql, sizeof cql, "SELECT v FROM %s.kv WHERE k = 'ts'", ks);
  }

  /* key indexes only on simple statements, within the markers */
  st = cass_statement_new(cql, 1);
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_statement_add_key_index(st, 1));
  CHECK_OK(cass_statement_add_key_index(st, 0));
  cass_statement_free(st);
}

int main(void) {
  CassCluster* cluster;
  char cql[512];
  int with_token;

  test_connect(&cluster, &session);
  test_name(ks, sizeof ks, "statements_paging");
  snprintf(cql, sizeof cql, "DROP KEYSPACE IF EXISTS %s", ks);
  test_execute(session, cql);
  snprintf(cql, sizeof cql,
           "CREATE KEYSPACE %s WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}", ks);
  test_execute(session, cql);
  snprintf(cql, sizeof cql, "CREATE TABLE %s.rows (p int, c int, v int, PRIMARY KEY (p, c))", ks);
  test_execute(session, cql);
  snprintf(cql, sizeof cql, "CREATE TABLE %s.kv (k text PRIMARY KEY, v int)", ks);
  test_execute(session, cql);
  snprintf(cql, sizeof cql, "CREATE TABLE %s.counts (k text PRIMARY KEY, n counter)", ks);
  test_execute(session, cql);

  fill();
  for (with_token = 0; with_token < 2; with_token++) {
    page_through(5000, with_token);
    page_through(100, with_token);
    page_through(1, with_token);
  }
  batches();
  lwt();
  settings();

  test_disconnect(cluster, session);
  printf("statements_paging: OK\n");
  return 0;
}
