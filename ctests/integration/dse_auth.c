/* dse.h authentication against Cassandra's PasswordAuthenticator node: the DSE plain-text
   authenticator logs in (also with an authorization id, which Cassandra ignores), a wrong password
   fails with BAD_CREDENTIALS, the GSSAPI authenticator is not built in (NOT_IMPLEMENTED, as in the
   reference build), and cass_statement_set_execute_as is accepted and the statement runs. */
// test-node: auth
#include <dse.h>

#include "test_util.h"

static CassError connect_with(CassCluster* cluster, CassSession** session_out) {
  CassSession* session = cass_session_new();
  CassFuture* future = cass_session_connect(session, cluster);
  CassError rc = cass_future_error_code(future);
  cass_future_free(future);
  *session_out = session;
  return rc;
}

static CassCluster* bare_cluster(void) {
  CassCluster* cluster = cass_cluster_new();
  CHECK_OK(cass_cluster_set_contact_points(cluster, test_host()));
  CHECK_OK(cass_cluster_set_port(cluster, test_port()));
  return cluster;
}

int main(void) {
  const char* user = getenv("CASSANDRA_USERNAME");
  const char* pass = getenv("CASSANDRA_PASSWORD");
  CHECK(user != NULL && pass != NULL);
  CassSession* session;

  /* Plain text. */
  CassCluster* cluster = bare_cluster();
  CHECK_OK(cass_cluster_set_dse_plaintext_authenticator(cluster, user, pass));
  CHECK_OK(connect_with(cluster, &session));
  CassStatement* statement = cass_statement_new("SELECT release_version FROM system.local", 0);
  CHECK_OK(cass_statement_set_execute_as(statement, user));
  CassFuture* future = cass_session_execute(session, statement);
  CHECK_FUTURE_OK(future);
  const CassResult* result = cass_future_get_result(future);
  CHECK_EQ_INT(1, cass_result_row_count(result));
  cass_result_free(result);
  cass_future_free(future);
  cass_statement_free(statement);
  test_disconnect(cluster, session);

  /* With an authorization id (proxy login): Cassandra logs in as the user. */
  cluster = bare_cluster();
  CHECK_OK(cass_cluster_set_dse_plaintext_authenticator_proxy(cluster, user, pass, user));
  CHECK_OK(connect_with(cluster, &session));
  test_execute(session, "SELECT release_version FROM system.local");
  test_disconnect(cluster, session);

  /* Lengths given: only the first bytes count. */
  cluster = bare_cluster();
  char padded_user[64];
  snprintf(padded_user, sizeof(padded_user), "%sXYZ", user);
  CHECK_OK(cass_cluster_set_dse_plaintext_authenticator_n(cluster, padded_user, strlen(user), pass, strlen(pass)));
  CHECK_OK(connect_with(cluster, &session));
  test_disconnect(cluster, session);

  /* Wrong password. */
  cluster = bare_cluster();
  CHECK_OK(cass_cluster_set_dse_plaintext_authenticator(cluster, user, "not-the-password"));
  CHECK_ERR(CASS_ERROR_SERVER_BAD_CREDENTIALS, connect_with(cluster, &session));
  cass_session_free(session);
  cass_cluster_free(cluster);

  /* GSSAPI: not available in this build, as in the reference build. */
  cluster = bare_cluster();
  CHECK_ERR(CASS_ERROR_LIB_NOT_IMPLEMENTED, cass_cluster_set_dse_gssapi_authenticator(cluster, "dse", "user@REALM"));
  CHECK_ERR(CASS_ERROR_LIB_NOT_IMPLEMENTED,
            cass_cluster_set_dse_gssapi_authenticator_proxy(cluster, "dse", "user@REALM", "other"));
  cass_cluster_free(cluster);
  return 0;
}
