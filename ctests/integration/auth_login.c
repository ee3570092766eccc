/* Plain-text credentials against the PasswordAuthenticator node: the right password connects,
   queries and reads the schema; a wrong one fails the connect with CASS_ERROR_SERVER_BAD_CREDENTIALS, and so does none,
   in the C++ driver's words. */
// test-node: auth
#include "test_util.h"

int main(void) {
  CassCluster* cluster;
  CassSession* session;
  CassFuture* future;
  const char* message;
  size_t length;

  test_connect(&cluster, &session); /* credentials from the node's environment */
  test_execute(session, "SELECT release_version FROM system.local");
  /* The schema snapshot is read with the same credentials (ours: on a connection of its own
     while connecting). */
  {
    const CassSchemaMeta* meta = cass_session_get_schema_meta(session);
    CHECK(cass_schema_meta_keyspace_by_name(meta, "system_schema") != NULL);
    CHECK(cass_schema_meta_keyspace_by_name(meta, "system_auth") != NULL);
    CHECK(cass_schema_meta_version(meta).major_version >= 4);
    cass_schema_meta_free(meta);
  }
  test_disconnect(cluster, session);

  cluster = cass_cluster_new();
  session = cass_session_new();
  CHECK_OK(cass_cluster_set_contact_points(cluster, test_host()));
  CHECK_OK(cass_cluster_set_port(cluster, test_port()));
  cass_cluster_set_credentials(cluster, "cassandra", "not-the-password");
  future = cass_session_connect(session, cluster);
  CHECK_ERR(CASS_ERROR_SERVER_BAD_CREDENTIALS, cass_future_error_code(future));
  cass_future_error_message(future, &message, &length);
  CHECK(length > 0);
  cass_future_free(future);
  cass_session_free(session);
  cass_cluster_free(cluster);

  cluster = cass_cluster_new();
  session = cass_session_new();
  CHECK_OK(cass_cluster_set_contact_points(cluster, test_host()));
  CHECK_OK(cass_cluster_set_port(cluster, test_port()));
  future = cass_session_connect(session, cluster);
  CHECK_ERR(CASS_ERROR_SERVER_BAD_CREDENTIALS, cass_future_error_code(future));
  cass_future_error_message(future, &message, &length);
  CHECK(strstr(message, "Authentication required but no auth provider set") != NULL);
  CHECK(strstr(message, "SessionBuilder") == NULL);
  cass_future_free(future);
  cass_session_free(session);
  cass_cluster_free(cluster);
  return 0;
}
