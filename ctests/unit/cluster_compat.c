/* Cluster settings that acsylla sets on every cluster, and the cloud bundle's checks: the values
   acsylla uses are accepted; a missing or invalid bundle, or a bundle on a cluster that already
   has contact points, is refused with CASS_ERROR_LIB_BAD_PARAMS. */
#include <dse.h>

#include "test_util.h"

static void on_host(CassHostListenerEvent event, const CassInet address, void* data) {
  (void)event;
  (void)address;
  (void)data;
}

int main(void) {
  CassCluster* cluster = cass_cluster_new();
  CHECK_OK(cass_cluster_set_use_beta_protocol_version(cluster, cass_false));
  CHECK_OK(cass_cluster_set_protocol_version(cluster, 4));
  /* The newest beta version is accepted; the version can then not be set explicitly. */
  CHECK_OK(cass_cluster_set_use_beta_protocol_version(cluster, cass_true));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_cluster_set_protocol_version(cluster, 4));
  CHECK_OK(cass_cluster_set_use_beta_protocol_version(cluster, cass_false));
  CHECK_OK(cass_cluster_set_protocol_version(cluster, 4));
  CHECK_OK(cass_cluster_set_no_compact(cluster, cass_false));
  CHECK_OK(cass_cluster_set_prepare_on_all_hosts(cluster, cass_true));
  CHECK_OK(cass_cluster_set_prepare_on_all_hosts(cluster, cass_false));
  CHECK_OK(cass_cluster_set_prepare_on_up_or_add_host(cluster, cass_true));
  CHECK_OK(cass_cluster_set_use_hostname_resolution(cluster, cass_false));
  CHECK_OK(cass_cluster_set_use_hostname_resolution(cluster, cass_true));
  CHECK_OK(cass_cluster_set_use_randomized_contact_points(cluster, cass_true));
  CHECK_OK(cass_cluster_set_host_listener_callback(cluster, on_host, NULL));
  CHECK_OK(cass_cluster_set_dse_plaintext_authenticator(cluster, "user", "pass"));
  CHECK_OK(cass_cluster_set_dse_plaintext_authenticator_proxy(cluster, "user", "pass", "other"));

  /* Cloud bundles. */
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS,
            cass_cluster_set_cloud_secure_connection_bundle(cluster, "/nonexistent/bundle.zip"));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_cluster_set_cloud_secure_connection_bundle(cluster, "/etc/hostname"));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS,
            cass_cluster_set_cloud_secure_connection_bundle_no_ssl_lib_init(cluster, "/nonexistent/bundle.zip"));
  CHECK_OK(cass_cluster_set_contact_points(cluster, "127.0.0.1"));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_cluster_set_cloud_secure_connection_bundle(cluster, "/etc/hostname"));
  cass_cluster_free(cluster);
  return 0;
}
