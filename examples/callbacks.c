/*
  The same work as basic.c, driven by future callbacks instead of waits: each step starts the next
  one from the callback of the previous; the main thread only waits for the end.

  Usage: callbacks [HOST]   (default 127.0.0.1)
*/
#include <cassandra.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define ROWS 10

typedef struct {
  CassSession* session;
  pthread_mutex_t lock;
  pthread_cond_t cond;
  int inserted;
  int rows_seen;
  int failed;
  int done;
} Context;

static void finish(Context* ctx, int failed) {
  pthread_mutex_lock(&ctx->lock);
  ctx->failed |= failed;
  ctx->done = 1;
  pthread_cond_signal(&ctx->cond);
  pthread_mutex_unlock(&ctx->lock);
}

static int failed(CassFuture* future, const char* what) {
  CassError rc = cass_future_error_code(future);
  if (rc != CASS_OK) {
    const char* message;
    size_t length;
    cass_future_error_message(future, &message, &length);
    fprintf(stderr, "%s failed: %s: %.*s\n", what, cass_error_desc(rc), (int)length, message);
    return 1;
  }
  return 0;
}

static void execute(Context* ctx, CassStatement* statement, CassFutureCallback callback) {
  CassFuture* future = cass_session_execute(ctx->session, statement);
  cass_future_set_callback(future, callback, ctx);
  cass_future_free(future);
  cass_statement_free(statement);
}

static void on_select(CassFuture* future, void* data) {
  Context* ctx = (Context*)data;
  const CassResult* result;
  CassIterator* rows;
  int bad = 0;
  if (failed(future, "select")) {
    finish(ctx, 1);
    return;
  }
  result = cass_future_get_result(future);
  rows = cass_iterator_from_result(result);
  while (cass_iterator_next(rows)) {
    cass_int32_t n;
    const char* text;
    size_t length;
    const CassRow* row = cass_iterator_get_row(rows);
    cass_value_get_int32(cass_row_get_column(row, 0), &n);
    cass_value_get_string(cass_row_get_column(row, 1), &text, &length);
    printf("n=%d text=%.*s\n", n, (int)length, text);
    if (n != ctx->rows_seen || length != 5 || strncmp(text, "value", 5) != 0) bad = 1;
    ctx->rows_seen++;
  }
  cass_iterator_free(rows);
  cass_result_free(result);
  finish(ctx, bad || ctx->rows_seen != ROWS);
}

static void on_insert(CassFuture* future, void* data) {
  Context* ctx = (Context*)data;
  int all_done;
  if (failed(future, "insert")) {
    finish(ctx, 1);
    return;
  }
  pthread_mutex_lock(&ctx->lock);
  all_done = ++ctx->inserted == ROWS;
  pthread_mutex_unlock(&ctx->lock);
  if (all_done) {
    CassStatement* select = cass_statement_new("SELECT n, text FROM examples.callbacks WHERE key = 'cb'", 0);
    execute(ctx, select, on_select);
  }
}

static void on_truncate(CassFuture* future, void* data) {
  Context* ctx = (Context*)data;
  cass_int32_t i;
  if (failed(future, "truncate")) {
    finish(ctx, 1);
    return;
  }
  for (i = 0; i < ROWS; i++) {
    CassStatement* insert = cass_statement_new("INSERT INTO examples.callbacks (key, n, text) VALUES ('cb', ?, ?)", 2);
    cass_statement_bind_int32(insert, 0, i);
    cass_statement_bind_string(insert, 1, "value");
    execute(ctx, insert, on_insert);
  }
}

static void on_table(CassFuture* future, void* data) {
  Context* ctx = (Context*)data;
  if (failed(future, "create table")) {
    finish(ctx, 1);
    return;
  }
  execute(ctx, cass_statement_new("TRUNCATE examples.callbacks", 0), on_truncate);
}

static void on_keyspace(CassFuture* future, void* data) {
  Context* ctx = (Context*)data;
  if (failed(future, "create keyspace")) {
    finish(ctx, 1);
    return;
  }
  execute(ctx,
          cass_statement_new("CREATE TABLE IF NOT EXISTS examples.callbacks (key text, n int, text text, "
                             "PRIMARY KEY (key, n))", 0),
          on_table);
}

static void on_connect(CassFuture* future, void* data) {
  Context* ctx = (Context*)data;
  if (failed(future, "connect")) {
    finish(ctx, 1);
    return;
  }
  execute(ctx,
          cass_statement_new("CREATE KEYSPACE IF NOT EXISTS examples WITH replication = "
                             "{'class': 'SimpleStrategy', 'replication_factor': 1}", 0),
          on_keyspace);
}

int main(int argc, char* argv[]) {
  const char* host = argc > 1 ? argv[1] : "127.0.0.1";
  CassCluster* cluster = cass_cluster_new();
  Context ctx;
  CassFuture* future;

  memset(&ctx, 0, sizeof(ctx));
  pthread_mutex_init(&ctx.lock, NULL);
  pthread_cond_init(&ctx.cond, NULL);
  ctx.session = cass_session_new();
  cass_cluster_set_contact_points(cluster, host);

  future = cass_session_connect(ctx.session, cluster);
  cass_future_set_callback(future, on_connect, &ctx);
  cass_future_free(future);

  pthread_mutex_lock(&ctx.lock);
  while (!ctx.done) pthread_cond_wait(&ctx.cond, &ctx.lock);
  pthread_mutex_unlock(&ctx.lock);

  future = cass_session_close(ctx.session);
  cass_future_wait(future);
  cass_future_free(future);
  cass_session_free(ctx.session);
  cass_cluster_free(cluster);
  printf(ctx.failed ? "callbacks: FAILED\n" : "callbacks: OK\n");
  return ctx.failed ? 1 : 0;
}
