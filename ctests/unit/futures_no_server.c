/* Futures and connect errors without a server: a contact point where nothing listens fails with
   CASS_ERROR_LIB_NO_HOSTS_AVAILABLE within the connect timeout; callbacks fire exactly once, at once
   when set on a completed future; a second callback is refused; waits on completed futures return. */
#include "test_util.h"
#include <pthread.h>
#include <time.h>

static int calls;
static void count_call(CassFuture* future, void* data) {
  (void)future;
  CHECK(data == (void*)&calls);
  __sync_fetch_and_add(&calls, 1);
}

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(void) {
  CassCluster* cluster = cass_cluster_new();
  CassSession* session = cass_session_new();
  CassStatement* statement = cass_statement_new("SELECT release_version FROM system.local", 0);
  CassFuture* future;
  const char* message;
  size_t length;
  double start;

  /* Not connected yet: execute fails at once. */
  future = cass_session_execute(session, statement);
  CHECK_ERR(CASS_ERROR_LIB_NO_HOSTS_AVAILABLE, cass_future_error_code(future));
  CHECK(cass_future_get_result(future) == NULL);
  cass_future_free(future);

  /* Nothing listens on port 1. */
  CHECK_OK(cass_cluster_set_contact_points(cluster, "127.0.0.1"));
  CHECK_OK(cass_cluster_set_port(cluster, 1));
  cass_cluster_set_connect_timeout(cluster, 2000);
  start = now_s();
  future = cass_session_connect(session, cluster);
  CHECK_OK(cass_future_set_callback(future, count_call, &calls));
  CHECK_ERR(CASS_ERROR_LIB_CALLBACK_ALREADY_SET, cass_future_set_callback(future, count_call, &calls));
  cass_future_wait(future);
  CHECK(now_s() - start < 2.0 + 1.0);
  CHECK_ERR(CASS_ERROR_LIB_NO_HOSTS_AVAILABLE, cass_future_error_code(future));
  cass_future_error_message(future, &message, &length);
  CHECK(length > 0 && message != NULL);
  CHECK(cass_future_ready(future) == cass_true);
  CHECK(cass_future_wait_timed(future, 1) == cass_true);
  cass_future_free(future);
  /* The callback ran exactly once (it may run on another thread just before the wait returned). */
  start = now_s();
  while (__sync_fetch_and_add(&calls, 0) == 0 && now_s() - start < 5) {
  }
  CHECK_EQ_INT(1, calls);

  /* A callback set on a completed future is called at once, on this thread. */
  future = cass_session_execute(session, statement);
  cass_future_wait(future);
  CHECK_OK(cass_future_set_callback(future, count_call, &calls));
  CHECK_EQ_INT(2, calls);
  CHECK_ERR(CASS_ERROR_LIB_NO_HOSTS_AVAILABLE, cass_future_error_code(future));
  cass_future_free(future);

  cass_statement_free(statement);
  cass_session_free(session);
  cass_cluster_free(cluster);
  return 0;
}
