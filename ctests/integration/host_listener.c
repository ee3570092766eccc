/* Host listener: the ADD or UP event of the node reaches the callback before the connect future
   completes (waited on and with a future callback), with the node's address; NULL removes the
   callback (ours only). */
#include <pthread.h>

#include "test_util.h"

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int event_count;
static CassHostListenerEvent first_event;
static char first_address[CASS_INET_STRING_LENGTH];
static int seen_before_connect_callback = -1;

static void on_host(CassHostListenerEvent event, const CassInet address, void* data) {
  CHECK(data == (void*)&event_count);
  pthread_mutex_lock(&lock);
  if (event_count++ == 0) {
    first_event = event;
    cass_inet_string(address, first_address);
  }
  pthread_mutex_unlock(&lock);
}

static void on_connected(CassFuture* future, void* data) {
  (void)future;
  (void)data;
  pthread_mutex_lock(&lock);
  seen_before_connect_callback = event_count;
  pthread_mutex_unlock(&lock);
}

static void check_first_event(void) {
  pthread_mutex_lock(&lock);
  CHECK(event_count >= 1);
  CHECK(first_event == CASS_HOST_LISTENER_EVENT_ADD || first_event == CASS_HOST_LISTENER_EVENT_UP);
  CHECK_EQ_STR(test_host(), first_address);
  pthread_mutex_unlock(&lock);
}

int main(void) {
  /* Waiting on the connect future. */
  CassCluster* cluster = test_cluster();
  CHECK_OK(cass_cluster_set_host_listener_callback(cluster, on_host, &event_count));
  CassSession* session = cass_session_new();
  CassFuture* connect = cass_session_connect(session, cluster);
  CHECK_FUTURE_OK(connect);
  check_first_event();
  cass_future_free(connect);
  CassFuture* close = cass_session_close(session);
  cass_future_wait(close);
  cass_future_free(close);
  cass_session_free(session);

  /* With a callback on the connect future: the events came first. */
  pthread_mutex_lock(&lock);
  event_count = 0;
  first_address[0] = '\0';
  pthread_mutex_unlock(&lock);
  session = cass_session_new();
  connect = cass_session_connect(session, cluster);
  CHECK_OK(cass_future_set_callback(connect, on_connected, NULL));
  CHECK_FUTURE_OK(connect);
  cass_future_free(connect);
  for (int i = 0; i < 500; i++) {
    pthread_mutex_lock(&lock);
    int seen = seen_before_connect_callback;
    pthread_mutex_unlock(&lock);
    if (seen >= 0) break;
    struct timespec ms = {0, 10 * 1000 * 1000};
    nanosleep(&ms, NULL);
  }
  pthread_mutex_lock(&lock);
  CHECK(seen_before_connect_callback >= 1);
  pthread_mutex_unlock(&lock);
  check_first_event();
  close = cass_session_close(session);
  cass_future_wait(close);
  cass_future_free(close);
  cass_session_free(session);

  /* NULL removes the callback: no more events. (The reference calls the NULL pointer and crashes,
     so this part runs on our library only.) */
  if (strcmp(test_impl(), "reference") == 0) {
    cass_cluster_free(cluster);
    return 0;
  }
  CHECK_OK(cass_cluster_set_host_listener_callback(cluster, NULL, NULL));
  pthread_mutex_lock(&lock);
  event_count = 0;
  pthread_mutex_unlock(&lock);
  session = cass_session_new();
  connect = cass_session_connect(session, cluster);
  CHECK_FUTURE_OK(connect);
  cass_future_free(connect);
  close = cass_session_close(session);
  cass_future_wait(close);
  cass_future_free(close);
  cass_session_free(session);
  pthread_mutex_lock(&lock);
  CHECK_EQ_INT(0, event_count);
  pthread_mutex_unlock(&lock);

  cass_cluster_free(cluster);
  return 0;
}
