/*
 * test_util.h: small helpers for the C tests under ctests/ (C99, header only).
 *
 * Every check prints "file:line: ..." to stderr and ends the program with exit status 1,
 * so one failed check fails the ctest test. A test program passes by returning 0 from main.
 *
 *   CHECK(cond)                  cond must hold
 *   CHECK_EQ_INT(expected, got)  two integers (printed as long long and hex) must be equal
 *   CHECK_EQ_STR(expected, got)  two NUL-terminated strings must be equal (NULL is shown as such)
 *   CHECK_OK(expr)               a CassError expression must be CASS_OK (prints cass_error_desc)
 *   CHECK_ERR(expected, expr)    a CassError expression must be the given code
 *   CHECK_FUTURE_OK(future)      waits for the future; it must succeed (prints its error message)
 *
 *   test_host()                  the node's address: $CASS_TEST_HOST, default "127.0.0.1"
 *   test_port()                  $CASS_TEST_PORT, default 9042
 *   test_impl()                  which library this program runs on: $CASS_TEST_IMPL, "ours" or
 *                                "reference" (set by ctest; default "ours")
 *   test_name(buf, size, base)   "<base>_<impl>" into buf: a keyspace or table name that the .ours
 *                                and .reference runs of one test, which ctest -j may run at the same
 *                                time on the same node, do not share
 *   test_cluster()               a new cluster for test_host()/test_port(), with the credentials
 *                                or TLS settings the node variant needs (see below)
 *   test_connect(&cluster, &session)   test_cluster() and a session connected with it; checks
 *                                every step. Free both with test_disconnect().
 *   test_execute(session, cql)   runs one statement, checks it succeeded, frees everything
 *
 * Unit tests (no server) use only the CHECK macros. Tests that are compiled as C++ too
 * (ctests/header/) may include this header as well.
 */
#ifndef SCYLLA_CPP_DRIVER_TEST_UTIL_H
#define SCYLLA_CPP_DRIVER_TEST_UTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cassandra.h>

/* static inline: a helper a test does not call is not compiled into it (even at -O0), so a test
 * needs from the library only the functions it really uses. */
static inline void test_fail_at(const char* file, int line, const char* what) {
  fprintf(stderr, "%s:%d: FAILED: %s\n", file, line, what);
  fflush(stderr);
  exit(1);
}

#define CHECK(cond)                                  \
  do {                                               \
    if (!(cond)) {                                   \
      test_fail_at(__FILE__, __LINE__, "CHECK(" #cond ")"); \
    }                                                \
  } while (0)

#define CHECK_EQ_INT(expected, got)                                                           \
  do {                                                                                        \
    long long test_util_e_ = (long long)(expected);                                           \
    long long test_util_g_ = (long long)(got);                                                \
    if (test_util_e_ != test_util_g_) {                                                       \
      fprintf(stderr, "%s:%d: FAILED: CHECK_EQ_INT(%s, %s): expected %lld (%#llx), got %lld (%#llx)\n", \
              __FILE__, __LINE__, #expected, #got, test_util_e_, (unsigned long long)test_util_e_, \
              test_util_g_, (unsigned long long)test_util_g_);                                \
      fflush(stderr);                                                                         \
      exit(1);                                                                                \
    }                                                                                         \
  } while (0)

#define CHECK_EQ_STR(expected, got)                                                     \
  do {                                                                                  \
    const char* test_util_e_ = (expected);                                              \
    const char* test_util_g_ = (got);                                                   \
    if (test_util_e_ == NULL || test_util_g_ == NULL                                    \
            ? test_util_e_ != test_util_g_                                              \
            : strcmp(test_util_e_, test_util_g_) != 0) {                                \
      fprintf(stderr, "%s:%d: FAILED: CHECK_EQ_STR(%s, %s): expected %s%s%s, got %s%s%s\n", \
              __FILE__, __LINE__, #expected, #got,                                     \
              test_util_e_ ? "\"" : "", test_util_e_ ? test_util_e_ : "NULL", test_util_e_ ? "\"" : "", \
              test_util_g_ ? "\"" : "", test_util_g_ ? test_util_g_ : "NULL", test_util_g_ ? "\"" : ""); \
      fflush(stderr);                                                                   \
      exit(1);                                                                          \
    }                                                                                   \
  } while (0)

static inline void test_check_error_at(const char* file, int line, const char* expr,
                                                 CassError expected, CassError got) {
  if (expected != got) {
    fprintf(stderr, "%s:%d: FAILED: %s: expected %#x (%s), got %#x (%s)\n", file, line, expr,
            (unsigned)expected, expected == CASS_OK ? "CASS_OK" : cass_error_desc(expected),
            (unsigned)got, got == CASS_OK ? "CASS_OK" : cass_error_desc(got));
    fflush(stderr);
    exit(1);
  }
}

#define CHECK_OK(expr) test_check_error_at(__FILE__, __LINE__, #expr, CASS_OK, (expr))
#define CHECK_ERR(expected, expr) test_check_error_at(__FILE__, __LINE__, #expr, (expected), (expr))

/* Waits for the future; on failure prints its code, description and message, and exits 1. */
static inline void test_check_future_at(const char* file, int line, const char* expr,
                                                  CassFuture* future) {
  CassError rc;
  if (future == NULL) {
    test_fail_at(file, line, "future is NULL");
  }
  rc = cass_future_error_code(future);
  if (rc != CASS_OK) {
    const char* message = NULL;
    size_t length = 0;
    cass_future_error_message(future, &message, &length);
    fprintf(stderr, "%s:%d: FAILED: %s: %#x (%s): %.*s\n", file, line, expr, (unsigned)rc,
            cass_error_desc(rc), (int)length, message ? message : "");
    fflush(stderr);
    exit(1);
  }
}

#define CHECK_FUTURE_OK(future) test_check_future_at(__FILE__, __LINE__, #future, (future))

static inline const char* test_host(void) {
  const char* host = getenv("CASS_TEST_HOST");
  return host != NULL && host[0] != '\0' ? host : "127.0.0.1";
}

static inline int test_port(void) {
  const char* port = getenv("CASS_TEST_PORT");
  return port != NULL && port[0] != '\0' ? atoi(port) : 9042;
}

static inline const char* test_impl(void) {
  const char* impl = getenv("CASS_TEST_IMPL");
  return impl != NULL && impl[0] != '\0' ? impl : "ours";
}

static inline const char* test_name(char* buf, size_t size, const char* base) {
  int n = snprintf(buf, size, "%s_%s", base, test_impl());
  CHECK(n > 0 && (size_t)n < size);
  return buf;
}

/* Reads a whole file into a NUL-terminated malloc'd buffer (for PEM files); exits 1 on failure. */
static inline char* test_read_file(const char* path) {
  FILE* file = fopen(path, "rb");
  char* data;
  long size;
  if (file == NULL) {
    fprintf(stderr, "FAILED: cannot open %s\n", path);
    exit(1);
  }
  CHECK(fseek(file, 0, SEEK_END) == 0);
  size = ftell(file);
  CHECK(size >= 0);
  CHECK(fseek(file, 0, SEEK_SET) == 0);
  data = (char*)malloc((size_t)size + 1);
  CHECK(data != NULL);
  CHECK(fread(data, 1, (size_t)size, file) == (size_t)size);
  data[size] = '\0';
  fclose(file);
  return data;
}

/* A cluster for the test node: contact point test_host(), port test_port(), and what the node
 * variant asks for (run-integration.sh exports scripts/cassandra's environment):
 * CASSANDRA_USERNAME/CASSANDRA_PASSWORD set: plain-text credentials (auth);
 * CASSANDRA_TLS=1: TLS trusting CASSANDRA_TLS_CA and verifying the peer certificate, plus the
 * client certificate and key when CASSANDRA_TLS_REQUIRE_CLIENT_CERT=1 (tls, mtls). */
static inline CassCluster* test_cluster(void) {
  CassCluster* cluster = cass_cluster_new();
  const char* username = getenv("CASSANDRA_USERNAME");
  const char* tls = getenv("CASSANDRA_TLS");
  CHECK(cluster != NULL);
  CHECK_OK(cass_cluster_set_contact_points(cluster, test_host()));
  CHECK_OK(cass_cluster_set_port(cluster, test_port()));
  if (username != NULL && username[0] != '\0') {
    const char* password = getenv("CASSANDRA_PASSWORD");
    cass_cluster_set_credentials(cluster, username, password != NULL ? password : "");
  }
#if defined(TEST_UTIL_TLS) /* the cass_ssl_* functions: define before including in TLS tests */
  if (tls != NULL && strcmp(tls, "1") == 0) {
    CassSsl* ssl = cass_ssl_new();
    const char* ca_path = getenv("CASSANDRA_TLS_CA");
    const char* need_cert = getenv("CASSANDRA_TLS_REQUIRE_CLIENT_CERT");
    char* pem;
    CHECK(ssl != NULL);
    CHECK(ca_path != NULL);
    pem = test_read_file(ca_path);
    CHECK_OK(cass_ssl_add_trusted_cert(ssl, pem));
    free(pem);
    cass_ssl_set_verify_flags(ssl, CASS_SSL_VERIFY_PEER_CERT);
    if (need_cert != NULL && strcmp(need_cert, "1") == 0) {
      const char* cert_path = getenv("CASSANDRA_TLS_CLIENT_CERT");
      const char* key_path = getenv("CASSANDRA_TLS_CLIENT_KEY");
      CHECK(cert_path != NULL && key_path != NULL);
      pem = test_read_file(cert_path);
      CHECK_OK(cass_ssl_set_cert(ssl, pem));
      free(pem);
      pem = test_read_file(key_path);
      CHECK_OK(cass_ssl_set_private_key(ssl, pem, ""));
      free(pem);
    }
    cass_cluster_set_ssl(cluster, ssl);
    cass_ssl_free(ssl);
  }
#else
  CHECK(tls == NULL || strcmp(tls, "1") != 0);
#endif
  return cluster;
}

/* test_cluster() and a session connected with it. Free both with test_disconnect(). */
static inline void test_connect(CassCluster** cluster_out, CassSession** session_out) {
  CassCluster* cluster = test_cluster();
  CassSession* session = cass_session_new();
  CassFuture* future;
  CHECK(session != NULL);
  future = cass_session_connect(session, cluster);
  CHECK_FUTURE_OK(future);
  cass_future_free(future);
  *cluster_out = cluster;
  *session_out = session;
}

static inline void test_disconnect(CassCluster* cluster, CassSession* session) {
  if (session != NULL) {
    CassFuture* future = cass_session_close(session);
    cass_future_wait(future);
    cass_future_free(future);
    cass_session_free(session);
  }
  if (cluster != NULL) {
    cass_cluster_free(cluster);
  }
}

/* Runs one CQL statement without values and checks that it succeeded. */
static inline void test_execute_at(const char* file, int line, CassSession* session,
                                             const char* cql) {
  CassStatement* statement = cass_statement_new(cql, 0);
  CassFuture* future = cass_session_execute(session, statement);
  test_check_future_at(file, line, cql, future);
  cass_future_free(future);
  cass_statement_free(statement);
}

#define test_execute(session, cql) test_execute_at(__FILE__, __LINE__, (session), (cql))

/* Prepares `cql`; fails the test when that fails. Free the result with cass_prepared_free(). */
static inline const CassPrepared* test_prepare_at(const char* file, int line, CassSession* session,
                                                  const char* cql) {
  CassFuture* future = cass_session_prepare(session, cql);
  const CassPrepared* prepared;
  test_check_future_at(file, line, cql, future);
  prepared = cass_future_get_prepared(future);
  if (prepared == NULL) test_fail_at(file, line, "cass_future_get_prepared returned NULL");
  cass_future_free(future);
  return prepared;
}

#define test_prepare(session, cql) test_prepare_at(__FILE__, __LINE__, (session), (cql))

/* Executes `statement`; fails the test when that fails. Free the result with cass_result_free(). */
static inline const CassResult* test_run_at(const char* file, int line, CassSession* session,
                                            CassStatement* statement) {
  CassFuture* future = cass_session_execute(session, statement);
  const CassResult* result;
  test_check_future_at(file, line, "cass_session_execute", future);
  result = cass_future_get_result(future);
  if (result == NULL) test_fail_at(file, line, "cass_future_get_result returned NULL");
  cass_future_free(future);
  return result;
}

#define test_run(session, statement) test_run_at(__FILE__, __LINE__, (session), (statement))

/* Executes the simple statement `cql` (no values) and returns its result. */
static inline const CassResult* test_query_at(const char* file, int line, CassSession* session,
                                              const char* cql) {
  CassStatement* statement = cass_statement_new(cql, 0);
  const CassResult* result = test_run_at(file, line, session, statement);
  cass_statement_free(statement);
  return result;
}

#define test_query(session, cql) test_query_at(__FILE__, __LINE__, (session), (cql))

/* Runs the simple statement `cql`, which must fail with `expected` (its message is printed when the
 * code differs); returns the future, waited for. Free it with cass_future_free(). */
static inline CassFuture* test_run_failing_at(const char* file, int line, CassSession* session,
                                              const char* cql, CassError expected) {
  CassStatement* statement = cass_statement_new(cql, 0);
  CassFuture* future = cass_session_execute(session, statement);
  const char* message = NULL;
  size_t length = 0;
  cass_statement_free(statement);
  cass_future_wait(future);
  cass_future_error_message(future, &message, &length);
  if (cass_future_error_code(future) != expected) {
    fprintf(stderr, "%s: %.*s\n", cql, (int)length, message != NULL ? message : "");
  }
  test_check_error_at(file, line, cql, expected, cass_future_error_code(future));
  return future;
}

#define test_run_failing(session, cql, expected) \
  test_run_failing_at(__FILE__, __LINE__, (session), (cql), (expected))

/* The future's error message must be the server's: non-empty and containing `part`. */
static inline void test_check_message_at(const char* file, int line, CassFuture* future,
                                         const char* part) {
  const char* message = NULL;
  size_t length = 0;
  char copy[1024];
  cass_future_error_message(future, &message, &length);
  if (message == NULL || length == 0 || length >= sizeof copy) {
    test_fail_at(file, line, "the error message is missing, empty or too long");
  }
  memcpy(copy, message, length);
  copy[length] = '\0';
  if (strstr(copy, part) == NULL) {
    fprintf(stderr, "message \"%s\" does not contain \"%s\"\n", copy, part);
    test_fail_at(file, line, "the error message lacks the expected text");
  }
}

#define test_check_message(future, part) test_check_message_at(__FILE__, __LINE__, (future), (part))

#if defined(TEST_UTIL_TLS)
/* The text of the file named by the environment variable `variable`, which must be set. Free it. */
static inline char* test_env_file(const char* variable) {
  const char* path = getenv(variable);
  CHECK(path != NULL);
  return test_read_file(path);
}

/* The files of the tls and mtls test nodes (scripts/cassandra env): the CA, the client certificate,
 * its key plain and encrypted (PEM text), and the encrypted key's password. */
typedef struct {
  char* ca;
  char* client_cert;
  char* client_key;
  char* encrypted_key;
  const char* key_password;
} TestTlsFiles;

static inline TestTlsFiles test_tls_files(void) {
  TestTlsFiles files;
  files.ca = test_env_file("CASSANDRA_TLS_CA");
  files.client_cert = test_env_file("CASSANDRA_TLS_CLIENT_CERT");
  files.client_key = test_env_file("CASSANDRA_TLS_CLIENT_KEY");
  files.encrypted_key = test_env_file("CASSANDRA_TLS_CLIENT_KEY_ENCRYPTED");
  files.key_password = getenv("CASSANDRA_TLS_CLIENT_KEY_PASSWORD");
  CHECK(files.key_password != NULL);
  return files;
}

static inline void test_tls_files_free(TestTlsFiles* files) {
  free(files->ca);
  free(files->client_cert);
  free(files->client_key);
  free(files->encrypted_key);
}

/* Connects to the test node with `ssl` (NULL: no TLS), not with test_cluster()'s settings, and
 * returns the connect's error code. A failure must come with a message (printed); after a success
 * a query runs and the session closes. */
static inline CassError test_connect_ssl(CassSsl* ssl) {
  CassCluster* cluster = cass_cluster_new();
  CassSession* session = cass_session_new();
  CassFuture* future;
  CassError rc;
  CHECK_OK(cass_cluster_set_contact_points(cluster, test_host()));
  CHECK_OK(cass_cluster_set_port(cluster, test_port()));
  cass_cluster_set_connect_timeout(cluster, 5000);
  if (ssl != NULL) {
    cass_cluster_set_ssl(cluster, ssl);
  }
  future = cass_session_connect(session, cluster);
  rc = cass_future_error_code(future);
  if (rc != CASS_OK) {
    const char* message;
    size_t length;
    cass_future_error_message(future, &message, &length);
    fprintf(stderr, "connect: %s: %.*s\n", cass_error_desc(rc), (int)length, message);
    CHECK(length > 0);
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
#endif

#endif /* SCYLLA_CPP_DRIVER_TEST_UTIL_H */
