/* Callbacks that wait: with one I/O thread, a future callback that blocks in cass_future_wait on
   another, unfinished request returns once that request completes (no deadlock, no abort). Also: a
   callback fires after the future was freed, and results outlive their session.
   The C++ driver forbids waiting inside a callback (it deadlocks its I/O thread), so this runs on our
   library only. */
// test-label: ours-only
#include "test_util.h"
#include <pthread.h>

typedef struct {
  CassSession* session;
  pthread_mutex_t lock;
  pthread_cond_t cond;
  int done;
  CassError inner_code;
  size_t inner_rows;
} Context;

static void on_outer(CassFuture* future, void* data) {
  Context* ctx = (Context*)data;
  CassStatement* statement = cass_statement_new("SELECT release_version FROM system.local", 0);
  CassFuture* inner = cass_session_execute(ctx->session, statement);
  const CassResult* result;
  (void)future;
  cass_future_wait(inner); /* blocks this library thread until the inner request completes */
  ctx->inner_code = cass_future_error_code(inner);
  result = cass_future_get_result(inner);
  ctx->inner_rows = cass_result_row_count(result);
  cass_result_free(result);
  cass_future_free(inner);
  cass_statement_free(statement);
  pthread_mutex_lock(&ctx->lock);
  ctx->done++;
  pthread_cond_signal(&ctx->cond);
  pthread_mutex_unlock(&ctx->lock);
}

static void on_freed(CassFuture* future, void* data) {
  Context* ctx = (Context*)data;
  CHECK(future != NULL);
  CHECK_OK(cass_future_error_code(future));
  pthread_mutex_lock(&ctx->lock);
  ctx->done++;
  pthread_cond_signal(&ctx->cond);
  pthread_mutex_unlock(&ctx->lock);
}

int main(void) {
  CassCluster* cluster = test_cluster();
  Context ctx;
  CassFuture* future;
  CassStatement* statement = cass_statement_new("SELECT release_version FROM system.local", 0);
  const CassResult* kept;

  memset(&ctx, 0, sizeof ctx);
  pthread_mutex_init(&ctx.lock, NULL);
  pthread_cond_init(&ctx.cond, NULL);
  CHECK_OK(cass_cluster_set_num_threads_io(cluster, 1));
  ctx.session = cass_session_new();
  future = cass_session_connect(ctx.session, cluster);
  CHECK_FUTURE_OK(future);
  cass_future_free(future);

  /* A callback that waits on another request. */
  future = cass_session_execute(ctx.session, statement);
  CHECK_OK(cass_future_set_callback(future, on_outer, &ctx));
  cass_future_free(future);

  /* A callback on a future freed before completion. */
  future = cass_session_execute(ctx.session, statement);
  CHECK_OK(cass_future_set_callback(future, on_freed, &ctx));
  cass_future_free(future);

  pthread_mutex_lock(&ctx.lock);
  while (ctx.done < 2) pthread_cond_wait(&ctx.cond, &ctx.lock);
  pthread_mutex_unlock(&ctx.lock);
  CHECK_OK(ctx.inner_code);
  CHECK_EQ_INT(1, ctx.inner_rows);

  /* A result outlives its session and its statement. */
  future = cass_session_execute(ctx.session, statement);
  CHECK_FUTURE_OK(future);
  kept = cass_future_get_result(future);
  cass_future_free(future);
  cass_statement_free(statement);
  future = cass_session_close(ctx.session);
  cass_future_wait(future);
  cass_future_free(future);
  cass_session_free(ctx.session);
  cass_cluster_free(cluster);
  {
    const char* version;
    size_t length;
    CHECK_OK(cass_value_get_string(cass_row_get_column(cass_result_first_row(kept), 0), &version, &length));
    CHECK(length > 0 && version[0] == '5');
  }
  cass_result_free(kept);
  return 0;
}
