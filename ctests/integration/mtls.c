/* TLS with client certificates against the mtls node (it requires one): the client certificate
   with its plain key, or with its encrypted key and the password, connects; without a client
   certificate the connect fails. */
// test-node: mtls
#define TEST_UTIL_TLS
#include "test_util.h"

int main(void) {
  TestTlsFiles files = test_tls_files();
  CassCluster* cluster;
  CassSession* session;
  CassSsl* ssl;

  /* test_util's TLS cluster (CA, PEER_CERT, client certificate and plain key). */
  test_connect(&cluster, &session);
  test_execute(session, "SELECT release_version FROM system.local");
  test_disconnect(cluster, session);

  /* Encrypted key with its password, and identity verification. */
  ssl = cass_ssl_new();
  CHECK_OK(cass_ssl_add_trusted_cert(ssl, files.ca));
  cass_ssl_set_verify_flags(ssl, CASS_SSL_VERIFY_PEER_CERT | CASS_SSL_VERIFY_PEER_IDENTITY);
  CHECK_OK(cass_ssl_set_cert(ssl, files.client_cert));
  CHECK_ERR(CASS_ERROR_SSL_INVALID_PRIVATE_KEY, cass_ssl_set_private_key(ssl, files.encrypted_key, "wrong"));
  CHECK_OK(cass_ssl_set_private_key(ssl, files.encrypted_key, files.key_password));
  CHECK_OK(test_connect_ssl(ssl));
  cass_ssl_free(ssl);

  /* Plain key, no verification of the node. */
  ssl = cass_ssl_new();
  cass_ssl_set_verify_flags(ssl, CASS_SSL_VERIFY_NONE);
  CHECK_OK(cass_ssl_set_cert(ssl, files.client_cert));
  CHECK_OK(cass_ssl_set_private_key(ssl, files.client_key, NULL));
  CHECK_OK(test_connect_ssl(ssl));
  cass_ssl_free(ssl);

  /* No client certificate: the node refuses the connection. */
  ssl = cass_ssl_new();
  CHECK_OK(cass_ssl_add_trusted_cert(ssl, files.ca));
  CHECK(test_connect_ssl(ssl) != CASS_OK);
  cass_ssl_free(ssl);

  test_tls_files_free(&files);
  return 0;
}
