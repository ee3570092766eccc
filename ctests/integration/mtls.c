/* TLS with client certificates against the mtls node (it requires one): the client certificate
   with its plain key, or with its encrypted key and the password, connects; without a client
   certificate the connect fails. */
// test-node: mtls
#define TEST_UTIL_TLS
#include "test_util.h"

static char* env_file(const char* variable) {
  const char* path = getenv(variable);
  CHECK(path != NULL);
  return test_read_file(path);
}

/* Connects with `ssl` and returns the connect's error code; on success runs a query. */
static CassError connect_with(CassSsl* ssl) {
  CassCluster* cluster = cass_cluster_new();
  CassSession* session = cass_session_new();
  CassFuture* future;
  CassError rc;
  CHECK_OK(cass_cluster_set_contact_points(cluster, test_host()));
  CHECK_OK(cass_cluster_set_port(cluster, test_port()));
  cass_cluster_set_ssl(cluster, ssl);
  future = cass_session_connect(session, cluster);
  rc = cass_future_error_code(future);
  if (rc != CASS_OK) {
    const char* message;
    size_t length;
    cass_future_error_message(future, &message, &length);
    fprintf(stderr, "connect: %s: %.*s\n", cass_error_desc(rc), (int)length, message);
  }
  cass_future_free(future);
  if (rc == CASS_OK) {
    test_execute(session, "SELECT release_version FROM system.local");
    future = cass_session_close(session);
    cass_future_wait(future);
    cass_future_free(future);
  }
  cass_session_free(session);
  cass_cluster_free(cluster);
  return rc;
}

int main(void) {
  char* ca = env_file("CASSANDRA_TLS_CA");
  char* client_cert = env_file("CASSANDRA_TLS_CLIENT_CERT");
  char* client_key = env_file("CASSANDRA_TLS_CLIENT_KEY");
  char* encrypted_key = env_file("CASSANDRA_TLS_CLIENT_KEY_ENCRYPTED");
  const char* key_password = getenv("CASSANDRA_TLS_CLIENT_KEY_PASSWORD");
  CassCluster* cluster;
  CassSession* session;
  CassSsl* ssl;
  CHECK(key_password != NULL);

  /* test_util's TLS cluster (CA, PEER_CERT, client certificate and plain key). */
  test_connect(&cluster, &session);
  test_execute(session, "SELECT release_version FROM system.local");
  test_disconnect(cluster, session);

  /* Encrypted key with its password, and identity verification. */
  ssl = cass_ssl_new();
  CHECK_OK(cass_ssl_add_trusted_cert(ssl, ca));
  cass_ssl_set_verify_flags(ssl, CASS_SSL_VERIFY_PEER_CERT | CASS_SSL_VERIFY_PEER_IDENTITY);
  CHECK_OK(cass_ssl_set_cert(ssl, client_cert));
  CHECK_ERR(CASS_ERROR_SSL_INVALID_PRIVATE_KEY, cass_ssl_set_private_key(ssl, encrypted_key, "wrong"));
  CHECK_OK(cass_ssl_set_private_key(ssl, encrypted_key, key_password));
  CHECK_OK(connect_with(ssl));
  cass_ssl_free(ssl);

  /* Plain key, no verification of the node. */
  ssl = cass_ssl_new();
  cass_ssl_set_verify_flags(ssl, CASS_SSL_VERIFY_NONE);
  CHECK_OK(cass_ssl_set_cert(ssl, client_cert));
  CHECK_OK(cass_ssl_set_private_key(ssl, client_key, NULL));
  CHECK_OK(connect_with(ssl));
  cass_ssl_free(ssl);

  /* No client certificate: the node refuses the connection. */
  ssl = cass_ssl_new();
  CHECK_OK(cass_ssl_add_trusted_cert(ssl, ca));
  CHECK(connect_with(ssl) != CASS_OK);
  cass_ssl_free(ssl);

  free(ca);
  free(client_cert);
  free(client_key);
  free(encrypted_key);
  return 0;
}
