/* NULL handles and invalid arguments on the load balancing, reconnection, timestamp generator and
   execution profile functions: errors, never crashes. Ours only: the C++ driver dereferences NULL
   handles and stores any consistency value. */
// test-label: ours-only
#include "test_util.h"

int main(void) {
  CassCluster* cluster = cass_cluster_new();
  CassExecProfile* profile = cass_execution_profile_new();
  const char bad_utf8[] = {'d', (char)0xff, 'c', 0};

  /* NULL cluster: ignored, or CASS_ERROR_LIB_BAD_PARAMS. */
  cass_cluster_set_load_balance_round_robin(NULL);
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_cluster_set_load_balance_dc_aware(NULL, "dc1", 0, cass_false));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_cluster_set_load_balance_rack_aware(NULL, "dc1", "r1"));
  cass_cluster_set_token_aware_routing_shuffle_replicas(NULL, cass_true);
  cass_cluster_set_latency_aware_routing(NULL, cass_true);
  cass_cluster_set_latency_aware_routing_settings(NULL, 2.0, 1, 1, 1, 1);
  cass_cluster_set_whitelist_filtering(NULL, "127.0.0.1");
  cass_cluster_set_blacklist_filtering(NULL, "127.0.0.1");
  cass_cluster_set_whitelist_dc_filtering(NULL, "dc1");
  cass_cluster_set_blacklist_dc_filtering(NULL, "dc1");
  cass_cluster_set_constant_reconnect(NULL, 10);
  cass_cluster_set_reconnect_wait_time(NULL, 10);
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_cluster_set_exponential_reconnect(NULL, 2000, 60000));
  cass_cluster_set_timestamp_gen(NULL, NULL);
  cass_cluster_set_timestamp_gen(cluster, NULL);
  cass_timestamp_gen_free(NULL);
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_cluster_set_execution_profile(NULL, "p", profile));

  /* Text that is not UTF-8. */
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_cluster_set_load_balance_dc_aware(cluster, bad_utf8, 0, cass_false));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_cluster_set_load_balance_rack_aware(cluster, "dc1", bad_utf8));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_execution_profile_set_whitelist_filtering(profile, bad_utf8));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_cluster_set_execution_profile(cluster, bad_utf8, profile));
  cass_cluster_set_whitelist_filtering(cluster, bad_utf8);
  cass_cluster_set_whitelist_filtering_n(cluster, NULL, 5);

  /* NULL profile. */
  cass_execution_profile_free(NULL);
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_execution_profile_set_request_timeout(NULL, 10));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_execution_profile_set_consistency(NULL, CASS_CONSISTENCY_ONE));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_execution_profile_set_serial_consistency(NULL, CASS_CONSISTENCY_SERIAL));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_execution_profile_set_load_balance_round_robin(NULL));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_execution_profile_set_load_balance_dc_aware(NULL, "dc1", 0, cass_false));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_execution_profile_set_token_aware_routing(NULL, cass_true));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_execution_profile_set_token_aware_routing_shuffle_replicas(NULL, cass_true));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_execution_profile_set_latency_aware_routing(NULL, cass_true));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_execution_profile_set_latency_aware_routing_settings(NULL, 2.0, 1, 1, 1, 1));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_execution_profile_set_whitelist_filtering(NULL, "127.0.0.1"));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_execution_profile_set_blacklist_filtering(NULL, "127.0.0.1"));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_execution_profile_set_whitelist_dc_filtering(NULL, "dc1"));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_execution_profile_set_blacklist_dc_filtering(NULL, "dc1"));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_execution_profile_set_retry_policy(NULL, NULL));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_execution_profile_set_constant_speculative_execution_policy(NULL, 1, 1));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_execution_profile_set_no_speculative_execution_policy(NULL));

  /* A consistency outside the enum. */
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_execution_profile_set_consistency(profile, (CassConsistency)77));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_execution_profile_set_serial_consistency(profile, (CassConsistency)77));

  cass_execution_profile_free(profile);
  cass_cluster_free(cluster);
  printf("policy_settings_safety: OK\n");
  return 0;
}
