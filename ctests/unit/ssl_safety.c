/* NULL arguments to the cass_ssl_* functions and cass_cluster_set_ssl: refused or ignored, never a
   crash (the C++ driver dereferences them). */
// test-label: ours-only
#include "test_util.h"

int main(void) {
  CassSsl* ssl = cass_ssl_new();
  CassCluster* cluster = cass_cluster_new();
  CHECK(ssl != NULL);
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_ssl_add_trusted_cert(NULL, "x"));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_ssl_add_trusted_cert_n(ssl, NULL, 5));
  CHECK_ERR(CASS_ERROR_SSL_INVALID_CERT, cass_ssl_add_trusted_cert(ssl, NULL));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_ssl_set_cert(NULL, "x"));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_ssl_set_cert_n(ssl, NULL, 5));
  CHECK_ERR(CASS_ERROR_SSL_INVALID_CERT, cass_ssl_set_cert(ssl, NULL));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_ssl_set_private_key(NULL, "x", "y"));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_ssl_set_private_key_n(ssl, NULL, 5, NULL, 0));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_ssl_set_private_key_n(ssl, "x", 1, NULL, 3));
  CHECK_ERR(CASS_ERROR_SSL_INVALID_PRIVATE_KEY, cass_ssl_set_private_key(ssl, NULL, NULL));
  cass_ssl_set_verify_flags(NULL, CASS_SSL_VERIFY_NONE);
  cass_ssl_set_verify_flags(ssl, 0x7fff);
  cass_cluster_set_ssl(NULL, ssl);
  cass_cluster_set_ssl(cluster, ssl);
  cass_ssl_free(ssl);
  cass_cluster_set_ssl(cluster, NULL); /* turns TLS off, drops the cluster's reference */
  cass_ssl_free(NULL);
  cass_cluster_free(cluster);
  return 0;
}
