/* A warning the server attaches to a response reaches the log callback at WARN, in the C++
   driver's words ("Server-side warning: ..."): an aggregate without a partition key draws one. */
#include "test_util.h"

#include <pthread.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int warnings_seen;

static void on_log(const CassLogMessage* message, void* data) {
  (void)data;
  if (message->severity == CASS_LOG_WARN && strncmp(message->message, "Server-side warning: ", 21) == 0 &&
      strstr(message->message, "Aggregation query used without partition key") != NULL) {
    pthread_mutex_lock(&lock);
    warnings_seen++;
    pthread_mutex_unlock(&lock);
  }
}

int main(void) {
  CassCluster* cluster;
  CassSession* session;
  const CassResult* result;
  int seen;

  cass_log_set_level(CASS_LOG_WARN);
  cass_log_set_callback(on_log, NULL);
  test_connect(&cluster, &session);
  result = test_query(session, "SELECT count(*) FROM system_schema.keyspaces");
  cass_result_free(result);
  test_disconnect(cluster, session);
  cass_log_set_callback(NULL, NULL);
  pthread_mutex_lock(&lock);
  seen = warnings_seen;
  pthread_mutex_unlock(&lock);
  printf("server-side warnings logged: %d\n", seen);
  CHECK_EQ_INT(1, seen);
  return 0;
}
