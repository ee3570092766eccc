/* Cluster settings: accepted values, rejected values and the codes for each, as upstream. */
#include "test_util.h"

int main(void) {
  CassCluster* cluster = cass_cluster_new();
  CassUuid id = {0x1234, 0x5678};

  CHECK_OK(cass_cluster_set_contact_points(cluster, "127.0.0.1,127.0.0.2"));
  CHECK_OK(cass_cluster_set_contact_points(cluster, ""));
  CHECK_OK(cass_cluster_set_contact_points_n(cluster, "localhost,junk", 9));
  CHECK_OK(cass_cluster_set_port(cluster, 9042));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_cluster_set_port(cluster, 0));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_cluster_set_port(cluster, -5));
  CHECK_OK(cass_cluster_set_protocol_version(cluster, CASS_PROTOCOL_VERSION_V4));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_cluster_set_protocol_version(cluster, 1));
  CHECK_OK(cass_cluster_set_num_threads_io(cluster, 2));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_cluster_set_num_threads_io(cluster, 0));
  CHECK_OK(cass_cluster_set_consistency(cluster, CASS_CONSISTENCY_QUORUM));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_cluster_set_consistency(cluster, CASS_CONSISTENCY_UNKNOWN));
  CHECK_OK(cass_cluster_set_serial_consistency(cluster, CASS_CONSISTENCY_LOCAL_SERIAL));
  CHECK_OK(cass_cluster_set_serial_consistency(cluster, CASS_CONSISTENCY_ANY));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_cluster_set_serial_consistency(cluster, CASS_CONSISTENCY_UNKNOWN));
  cass_cluster_set_connect_timeout(cluster, 100);
  cass_cluster_set_request_timeout(cluster, 0);
  cass_cluster_set_resolve_timeout(cluster, 100);
  cass_cluster_set_credentials(cluster, "user", "pass");
  cass_cluster_set_credentials_n(cluster, "user", 4, "pass", 4);
  cass_cluster_set_client_id(cluster, id);
  cass_cluster_free(cluster);

  {
    CassSession* session = cass_session_new();
    CassUuid client_id = cass_session_get_client_id(session);
    CHECK(client_id.time_and_version != 0 || client_id.clock_seq_and_node != 0);
    cass_session_free(session);
  }

  CHECK_EQ_STR("WARN", cass_log_level_string(CASS_LOG_WARN));
  CHECK_EQ_STR("TRACE", cass_log_level_string(CASS_LOG_TRACE));
  CHECK_EQ_STR("Unable to set keyspace", cass_error_desc(CASS_ERROR_LIB_UNABLE_TO_SET_KEYSPACE));
  CHECK_EQ_STR("Invalid query", cass_error_desc(CASS_ERROR_SERVER_INVALID_QUERY));
  return 0;
}
