/* TLS against the tls node (server certificate signed by CASSANDRA_TLS_CA, SAN with the node's
   IP address and DNS:localhost; no client certificate needed): each verify mode connects with the
   right CA, a foreign CA and no CA fail peer verification, an identity check by host name fails
   (the node's address has no such name), and invalid PEM input is refused by the cass_ssl_*
   setters with the SSL_INVALID_* codes. */
// test-node: tls
#define TEST_UTIL_TLS
#include "test_util.h"

/* A throwaway self-signed CA that signed nothing the node uses. */
static const char* WRONG_CA =
  "-----BEGIN CERTIFICATE-----\n"
  "MIIBhjCCAS2gAwIBAgIUMsjh1AChBHOnzqNd8oDpJsZK0kswCgYIKoZIzj0EAwIw\n"
  "GDEWMBQGA1UEAwwNd3JvbmctdGVzdC1jYTAgFw0yNjExMjQwMzM5NDVaGA8yMTI2\n"
  "MTAzMTAzMzk0NVowGDEWMBQGA1UEAwwNd3JvbmctdGVzdC1jYTBZMBMGByqGSM49\n"
  "AgEGCCqGSM49AwEHA0IABO/1WSISADv+9S08WlPcy2W/SLs+BdMgAb9V0F3oJLvF\n"
  "+iE/AWmmpRQfgj+thK7AMP42vnwfjMPrU7qaUS8AYxijUzBRMB0GA1UdDgQWBBRm\n"
  "QrbS/S/QdtT0mmNHcDKy9fN1aTAfBgNVHSMEGDAWgBRmQrbS/S/QdtT0mmNHcDKy\n"
  "9fN1aTAPBgNVHRMBAf8EBTADAQH/MAoGCCqGSM49BAMCA0cAMEQCICcfu9IOFZhh\n"
  "vLIonSREK44UmtExmCD4J3CSugzkfCGyAiA1tI+OGRTsWeNdozYAjt3KSlERkFlt\n"
  "rz86jdhbJiCOWg==\n"
  "-----END CERTIFICATE-----\n";

static const char* NOT_PEM = "-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n";

/* New TLS settings trusting `ca` (NULL: none) with `flags`. */
static CassSsl* ssl_with(const char* ca, int flags) {
  CassSsl* ssl = cass_ssl_new();
  CHECK(ssl != NULL);
  if (ca != NULL) {
    CHECK_OK(cass_ssl_add_trusted_cert(ssl, ca));
  }
  cass_ssl_set_verify_flags(ssl, flags);
  return ssl;
}

static void check_connect(CassError expected, const char* ca, int flags) {
  CassSsl* ssl = ssl_with(ca, flags);
  CHECK_ERR(expected, test_connect_ssl(ssl));
  cass_ssl_free(ssl);
}

int main(void) {
  TestTlsFiles files = test_tls_files();
  CassSsl* ssl;
  CassCluster* cluster;
  CassSession* session;

  /* test_util's TLS cluster (CA + PEER_CERT). */
  test_connect(&cluster, &session);
  test_execute(session, "SELECT release_version FROM system.local");
  test_disconnect(cluster, session);

  /* The verify modes that must accept the node. */
  check_connect(CASS_OK, files.ca, CASS_SSL_VERIFY_PEER_CERT);
  check_connect(CASS_OK, files.ca, CASS_SSL_VERIFY_PEER_IDENTITY);
  check_connect(CASS_OK, files.ca, CASS_SSL_VERIFY_PEER_CERT | CASS_SSL_VERIFY_PEER_IDENTITY);
  check_connect(CASS_OK, NULL, CASS_SSL_VERIFY_NONE);
  check_connect(CASS_OK, WRONG_CA, CASS_SSL_VERIFY_NONE);

  /* Default flags (PEER_CERT): the right CA connects, no CA does not. */
  ssl = cass_ssl_new_no_lib_init();
  CHECK(ssl != NULL);
  CHECK_OK(cass_ssl_add_trusted_cert_n(ssl, files.ca, strlen(files.ca)));
  CHECK_OK(test_connect_ssl(ssl));
  cass_ssl_free(ssl);
  ssl = cass_ssl_new();
  CHECK_ERR(CASS_ERROR_SSL_INVALID_PEER_CERT, test_connect_ssl(ssl));
  cass_ssl_free(ssl);

  /* A foreign CA fails the chain check. */
  check_connect(CASS_ERROR_SSL_INVALID_PEER_CERT, WRONG_CA, CASS_SSL_VERIFY_PEER_CERT);
  check_connect(CASS_ERROR_SSL_INVALID_PEER_CERT, WRONG_CA,
                CASS_SSL_VERIFY_PEER_CERT | CASS_SSL_VERIFY_PEER_IDENTITY);

  /* By host name: the node's address has no name the certificate matches. */
  check_connect(CASS_ERROR_SSL_IDENTITY_MISMATCH, files.ca,
                CASS_SSL_VERIFY_PEER_CERT | CASS_SSL_VERIFY_PEER_IDENTITY_DNS);

  /* The cluster keeps its own reference: the settings may be freed before the connect. */
  ssl = ssl_with(files.ca, CASS_SSL_VERIFY_PEER_CERT);
  cluster = cass_cluster_new();
  CHECK_OK(cass_cluster_set_contact_points(cluster, test_host()));
  CHECK_OK(cass_cluster_set_port(cluster, test_port()));
  cass_cluster_set_ssl(cluster, ssl);
  cass_ssl_free(ssl);
  session = cass_session_new();
  {
    CassFuture* future = cass_session_connect(session, cluster);
    CHECK_FUTURE_OK(future);
    cass_future_free(future);
  }
  test_execute(session, "SELECT release_version FROM system.local");
  test_disconnect(cluster, session);

  /* Invalid PEM input. */
  ssl = cass_ssl_new();
  CHECK_ERR(CASS_ERROR_SSL_INVALID_CERT, cass_ssl_add_trusted_cert(ssl, "not a certificate"));
  CHECK_ERR(CASS_ERROR_SSL_INVALID_CERT, cass_ssl_add_trusted_cert(ssl, NOT_PEM));
  CHECK_ERR(CASS_ERROR_SSL_INVALID_CERT, cass_ssl_add_trusted_cert(ssl, ""));
  CHECK_ERR(CASS_ERROR_SSL_INVALID_CERT, cass_ssl_add_trusted_cert_n(ssl, files.ca, 20));
  CHECK_ERR(CASS_ERROR_SSL_INVALID_CERT, cass_ssl_set_cert(ssl, "not a certificate"));
  CHECK_ERR(CASS_ERROR_SSL_INVALID_CERT, cass_ssl_set_cert(ssl, NOT_PEM));
  CHECK_ERR(CASS_ERROR_SSL_INVALID_CERT, cass_ssl_set_cert_n(ssl, files.client_cert, 30));
  CHECK_ERR(CASS_ERROR_SSL_INVALID_PRIVATE_KEY, cass_ssl_set_private_key(ssl, "not a key", ""));
  CHECK_ERR(CASS_ERROR_SSL_INVALID_PRIVATE_KEY, cass_ssl_set_private_key(ssl, files.client_cert, ""));
  CHECK_ERR(CASS_ERROR_SSL_INVALID_PRIVATE_KEY,
            cass_ssl_set_private_key(ssl, files.encrypted_key, "not-the-password"));
  CHECK_ERR(CASS_ERROR_SSL_INVALID_PRIVATE_KEY, cass_ssl_set_private_key_n(ssl, files.client_key, 40, "", 0));
  /* Valid input. */
  CHECK_OK(cass_ssl_add_trusted_cert(ssl, WRONG_CA));
  CHECK_OK(cass_ssl_set_cert(ssl, files.client_cert));
  CHECK_OK(cass_ssl_set_cert_n(ssl, files.client_cert, strlen(files.client_cert)));
  CHECK_OK(cass_ssl_set_private_key(ssl, files.client_key, ""));
  CHECK_OK(cass_ssl_set_private_key(ssl, files.encrypted_key, files.key_password));
  CHECK_OK(cass_ssl_set_private_key_n(ssl, files.encrypted_key, strlen(files.encrypted_key),
                                      files.key_password, strlen(files.key_password)));
  cass_ssl_free(ssl);

  test_tls_files_free(&files);
  return 0;
}
