/* A program that uses OpenSSL itself includes its headers before cassandra.h (and after): the
   header must not declare any OpenSSL function of its own, in C99 and in C++14. */
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <cassandra.h>

#include "test_util.h"

int main(void) {
  /* Compiling is the test; OpenSSL's own types stay usable beside the driver's. */
  SSL_CTX* ctx = NULL;
  CassSsl* ssl = cass_ssl_new();
  CHECK(ssl != NULL);
  CHECK(ctx == NULL);
  cass_ssl_set_verify_flags(ssl, CASS_SSL_VERIFY_NONE);
  cass_ssl_free(ssl);
  return 0;
}
