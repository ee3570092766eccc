/* Heartbeats are logged in the C++ driver's words: with a 1 s heartbeat interval, an idle session
   logs "Heartbeat completed on host <address>" at TRACE within a few seconds. */
#include "test_util.h"

#include <pthread.h>
#include <time.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int heartbeats_seen;

static void on_log(const CassLogMessage* message, void* data) {
  (void)data;
  if (message->severity == CASS_LOG_TRACE && strncmp(message->message, "Heartbeat completed on host ", 28) == 0) {
    pthread_mutex_lock(&lock);
    heartbeats_seen++;
    pthread_mutex_unlock(&lock);
  }
}

int main(void) {
  CassCluster* cluster;
  CassSession* session;
  CassFuture* future;
  int seen = 0;

  cass_log_set_level(CASS_LOG_TRACE);
  cass_log_set_callback(on_log, NULL);
  cluster = test_cluster();
  cass_cluster_set_connection_heartbeat_interval(cluster, 1);
  session = cass_session_new();
  future = cass_session_connect(session, cluster);
  CHECK_FUTURE_OK(future);
  cass_future_free(future);
  /* Idle for up to 6 s, until a heartbeat has been logged. */
  for (int i = 0; i < 60 && seen == 0; i++) {
    struct timespec pause = {0, 100 * 1000 * 1000};
    nanosleep(&pause, NULL);
    pthread_mutex_lock(&lock);
    seen = heartbeats_seen;
    pthread_mutex_unlock(&lock);
  }
  test_disconnect(cluster, session);
  cass_log_set_level(CASS_LOG_WARN);
  cass_log_set_callback(NULL, NULL);
  printf("heartbeats logged: %d\n", seen);
  CHECK(seen >= 1);
  return 0;
}
