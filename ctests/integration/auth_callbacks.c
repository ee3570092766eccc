/* Custom authenticator callbacks against the PasswordAuthenticator node: the initial callback
   answers with SASL PLAIN credentials written into cass_authenticator_response(), the success
   callback runs, every exchange is cleaned up, exchange data travels between the callbacks of one
   exchange, and the cluster's data cleanup runs once the cluster and session are freed. An error
   set by the initial callback fails the connect. */
// test-node: auth
#include <pthread.h>

#include "test_util.h"

typedef struct {
  pthread_mutex_t lock;
  char credentials[256];
  size_t credentials_size;
  int fail;
  int initial, success, cleanup, data_cleanup, class_name_ok, exchange_data_ok;
} Auth;

static int marker;

static void on_initial(CassAuthenticator* auth, void* data) {
  Auth* a = (Auth*)data;
  size_t length = 0;
  const char* class_name = cass_authenticator_class_name(auth, &length);
  pthread_mutex_lock(&a->lock);
  a->initial++;
  if (class_name != NULL && length > 0 && strstr(class_name, "PasswordAuthenticator") != NULL) a->class_name_ok++;
  pthread_mutex_unlock(&a->lock);
  cass_authenticator_set_exchange_data(auth, &marker);
  if (a->fail) {
    cass_authenticator_set_error(auth, "refused by the test's authenticator");
    return;
  }
  memcpy(cass_authenticator_response(auth, a->credentials_size), a->credentials, a->credentials_size);
}

static void on_challenge(CassAuthenticator* auth, void* data, const char* token, size_t token_size) {
  (void)data;
  (void)token;
  (void)token_size;
  cass_authenticator_set_error(auth, "no challenge expected");
}

static void on_success(CassAuthenticator* auth, void* data, const char* token, size_t token_size) {
  Auth* a = (Auth*)data;
  (void)token;
  (void)token_size;
  pthread_mutex_lock(&a->lock);
  a->success++;
  if (cass_authenticator_exchange_data(auth) == &marker) a->exchange_data_ok++;
  pthread_mutex_unlock(&a->lock);
}

static void on_cleanup(CassAuthenticator* auth, void* data) {
  Auth* a = (Auth*)data;
  (void)auth;
  pthread_mutex_lock(&a->lock);
  a->cleanup++;
  pthread_mutex_unlock(&a->lock);
}

static void on_data_cleanup(void* data) {
  Auth* a = (Auth*)data;
  pthread_mutex_lock(&a->lock);
  a->data_cleanup++;
  pthread_mutex_unlock(&a->lock);
}

static CassCluster* cluster_with(Auth* auth) {
  CassAuthenticatorCallbacks callbacks = {on_initial, on_challenge, on_success, on_cleanup};
  CassCluster* cluster = cass_cluster_new();
  CHECK_OK(cass_cluster_set_contact_points(cluster, test_host()));
  CHECK_OK(cass_cluster_set_port(cluster, test_port()));
  CHECK_OK(cass_cluster_set_authenticator_callbacks(cluster, &callbacks, on_data_cleanup, auth));
  return cluster;
}

static void prepare(Auth* auth, int fail) {
  const char* username = getenv("CASSANDRA_USERNAME");
  const char* password = getenv("CASSANDRA_PASSWORD");
  size_t u, p;
  memset(auth, 0, sizeof *auth);
  pthread_mutex_init(&auth->lock, NULL);
  CHECK(username != NULL && password != NULL);
  u = strlen(username);
  p = strlen(password);
  CHECK(u + p + 2 <= sizeof auth->credentials);
  /* SASL PLAIN: authorization id (empty), NUL, user name, NUL, password. */
  auth->credentials[0] = '\0';
  memcpy(auth->credentials + 1, username, u);
  auth->credentials[1 + u] = '\0';
  memcpy(auth->credentials + 2 + u, password, p);
  auth->credentials_size = u + p + 2;
  auth->fail = fail;
}

int main(void) {
  Auth auth;
  CassCluster* cluster;
  CassSession* session;
  CassFuture* future;

  prepare(&auth, 0);
  cluster = cluster_with(&auth);
  session = cass_session_new();
  future = cass_session_connect(session, cluster);
  CHECK_FUTURE_OK(future);
  cass_future_free(future);
  test_execute(session, "SELECT release_version FROM system.local");
  test_disconnect(cluster, session);
  printf("initial %d, success %d, cleanup %d, data cleanup %d\n", auth.initial, auth.success, auth.cleanup,
         auth.data_cleanup);
  CHECK(auth.initial >= 1);
  CHECK_EQ_INT(auth.initial, auth.class_name_ok);
  CHECK_EQ_INT(auth.initial, auth.success);
  CHECK_EQ_INT(auth.success, auth.exchange_data_ok);
  CHECK_EQ_INT(auth.initial, auth.cleanup);
  CHECK_EQ_INT(1, auth.data_cleanup);

  prepare(&auth, 1);
  cluster = cluster_with(&auth);
  session = cass_session_new();
  future = cass_session_connect(session, cluster);
  CHECK(cass_future_error_code(future) != CASS_OK);
  cass_future_free(future);
  cass_session_free(session);
  cass_cluster_free(cluster);
  CHECK(auth.initial >= 1);
  CHECK_EQ_INT(0, auth.success);
  CHECK_EQ_INT(1, auth.data_cleanup);
  return 0;
}
