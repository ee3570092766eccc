/* A program built on libuv and OpenSSL (as the C++ driver's own users often are) includes their
   headers beside cassandra.h, in either order: nothing clashes, in C99 and in C++14.
   Needs libuv's header (Debian: libuv1-dev); without it CMake registers this test as skipped. */
// test-needs: uv.h libuv1-dev
#include <uv.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <cassandra.h>

#include <openssl/err.h>
#include <uv.h>

#include "test_util.h"

int main(void) {
  /* Compiling is the test; libuv's and OpenSSL's types stay usable beside the driver's. */
  uv_loop_t* loop = NULL;
  uv_tcp_t tcp;
  SSL_CTX* ctx = NULL;
  CassSsl* ssl = cass_ssl_new();
  memset(&tcp, 0, sizeof tcp);
  CHECK(loop == NULL);
  CHECK(ctx == NULL);
  CHECK(UV_EOF < 0);
  CHECK(ssl != NULL);
  cass_ssl_set_verify_flags(ssl, CASS_SSL_VERIFY_NONE);
  cass_ssl_free(ssl);
  return 0;
}
