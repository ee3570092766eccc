/* Load balancing, reconnection, timestamp generator and execution profile settings: every
   setter's argument validation as upstream (no server needed). */
#include "test_util.h"

static void cluster_settings(void) {
  CassCluster* cluster = cass_cluster_new();
  CassTimestampGen* gen;
  CHECK(cluster != NULL);

  cass_cluster_set_load_balance_round_robin(cluster);
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_cluster_set_load_balance_dc_aware(cluster, NULL, 0, cass_false));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_cluster_set_load_balance_dc_aware(cluster, "", 0, cass_false));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_cluster_set_load_balance_dc_aware_n(cluster, "dc1", 0, 0, cass_false));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_cluster_set_load_balance_dc_aware_n(cluster, NULL, 3, 0, cass_false));
  CHECK_OK(cass_cluster_set_load_balance_dc_aware(cluster, "dc1", 2, cass_true));
  CHECK_OK(cass_cluster_set_load_balance_dc_aware_n(cluster, "dc1xyz", 3, 0, cass_false));

  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_cluster_set_load_balance_rack_aware(cluster, NULL, "rack1"));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_cluster_set_load_balance_rack_aware(cluster, "dc1", NULL));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_cluster_set_load_balance_rack_aware(cluster, "", "rack1"));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_cluster_set_load_balance_rack_aware(cluster, "dc1", ""));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_cluster_set_load_balance_rack_aware_n(cluster, "dc1", 3, "rack1", 0));
  CHECK_OK(cass_cluster_set_load_balance_rack_aware(cluster, "dc1", "rack1"));
  CHECK_OK(cass_cluster_set_load_balance_rack_aware_n(cluster, "dc1x", 3, "rack1x", 5));

  cass_cluster_set_token_aware_routing(cluster, cass_true);
  cass_cluster_set_token_aware_routing_shuffle_replicas(cluster, cass_false);
  cass_cluster_set_latency_aware_routing(cluster, cass_true);
  cass_cluster_set_latency_aware_routing_settings(cluster, 2.0, 100, 10000, 100, 50);

  cass_cluster_set_whitelist_filtering(cluster, "127.0.0.1, 127.0.0.2");
  cass_cluster_set_whitelist_filtering(cluster, "");
  cass_cluster_set_whitelist_filtering_n(cluster, "127.0.0.1", 9);
  cass_cluster_set_blacklist_filtering(cluster, "127.0.0.3");
  cass_cluster_set_blacklist_filtering_n(cluster, "", 0);
  cass_cluster_set_whitelist_dc_filtering(cluster, "dc1,dc2");
  cass_cluster_set_whitelist_dc_filtering_n(cluster, "dc1", 3);
  cass_cluster_set_blacklist_dc_filtering(cluster, "dc3");
  cass_cluster_set_blacklist_dc_filtering_n(cluster, "", 0);

  /* Reconnection: base and max must be > 1, and max >= base. */
  cass_cluster_set_constant_reconnect(cluster, 0);
  cass_cluster_set_constant_reconnect(cluster, 500);
  cass_cluster_set_reconnect_wait_time(cluster, 1000);
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_cluster_set_exponential_reconnect(cluster, 0, 1000));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_cluster_set_exponential_reconnect(cluster, 1, 1000));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_cluster_set_exponential_reconnect(cluster, 100, 1));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_cluster_set_exponential_reconnect(cluster, 2000, 1000));
  CHECK_OK(cass_cluster_set_exponential_reconnect(cluster, 2, 2));
  CHECK_OK(cass_cluster_set_exponential_reconnect(cluster, 2000, 60000));

  /* Timestamp generators: the cluster keeps its own reference. */
  gen = cass_timestamp_gen_server_side_new();
  CHECK(gen != NULL);
  cass_cluster_set_timestamp_gen(cluster, gen);
  cass_timestamp_gen_free(gen);
  gen = cass_timestamp_gen_monotonic_new();
  CHECK(gen != NULL);
  cass_cluster_set_timestamp_gen(cluster, gen);
  cass_timestamp_gen_free(gen);
  gen = cass_timestamp_gen_monotonic_new_with_settings(-1, 0);
  CHECK(gen != NULL);
  cass_cluster_set_timestamp_gen(cluster, gen);
  cass_timestamp_gen_free(gen);
  gen = cass_timestamp_gen_monotonic_new_with_settings(500000, 2000);
  CHECK(gen != NULL);
  cass_cluster_set_timestamp_gen(cluster, gen);

  cass_cluster_free(cluster);
  /* Still usable after the cluster that used it is gone. */
  cass_timestamp_gen_free(gen);
}

static void profile_settings(void) {
  CassCluster* cluster = cass_cluster_new();
  CassExecProfile* profile = cass_execution_profile_new();
  CassRetryPolicy* retry = cass_retry_policy_default_new();
  CHECK(profile != NULL);

  CHECK_OK(cass_execution_profile_set_request_timeout(profile, 0));
  CHECK_OK(cass_execution_profile_set_request_timeout(profile, CASS_UINT64_MAX));
  CHECK_OK(cass_execution_profile_set_request_timeout(profile, 500));
  CHECK_OK(cass_execution_profile_set_consistency(profile, CASS_CONSISTENCY_QUORUM));
  CHECK_OK(cass_execution_profile_set_consistency(profile, CASS_CONSISTENCY_UNKNOWN));
  CHECK_OK(cass_execution_profile_set_serial_consistency(profile, CASS_CONSISTENCY_LOCAL_SERIAL));

  CHECK_OK(cass_execution_profile_set_load_balance_round_robin(profile));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_execution_profile_set_load_balance_dc_aware(profile, NULL, 0, cass_false));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_execution_profile_set_load_balance_dc_aware(profile, "", 0, cass_false));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS,
            cass_execution_profile_set_load_balance_dc_aware_n(profile, "dc1", 0, 0, cass_false));
  CHECK_OK(cass_execution_profile_set_load_balance_dc_aware(profile, "dc1", 1, cass_false));
  CHECK_OK(cass_execution_profile_set_load_balance_dc_aware_n(profile, "dc1", 3, 0, cass_true));
  CHECK_OK(cass_execution_profile_set_token_aware_routing(profile, cass_false));
  CHECK_OK(cass_execution_profile_set_token_aware_routing_shuffle_replicas(profile, cass_false));
  CHECK_OK(cass_execution_profile_set_latency_aware_routing(profile, cass_true));
  CHECK_OK(cass_execution_profile_set_latency_aware_routing_settings(profile, 1.5, 50, 5000, 50, 10));

  CHECK_OK(cass_execution_profile_set_whitelist_filtering(profile, "127.0.0.1"));
  CHECK_OK(cass_execution_profile_set_whitelist_filtering(profile, ""));
  CHECK_OK(cass_execution_profile_set_whitelist_filtering_n(profile, "127.0.0.1,127.0.0.2", 19));
  CHECK_OK(cass_execution_profile_set_blacklist_filtering(profile, "127.0.0.3"));
  CHECK_OK(cass_execution_profile_set_blacklist_filtering_n(profile, "", 0));
  CHECK_OK(cass_execution_profile_set_whitelist_dc_filtering(profile, "dc1"));
  CHECK_OK(cass_execution_profile_set_whitelist_dc_filtering_n(profile, "dc1,dc2", 7));
  CHECK_OK(cass_execution_profile_set_blacklist_dc_filtering(profile, "dc3"));
  CHECK_OK(cass_execution_profile_set_blacklist_dc_filtering_n(profile, "", 0));

  CHECK_OK(cass_execution_profile_set_retry_policy(profile, retry));
  CHECK_OK(cass_execution_profile_set_retry_policy(profile, NULL));
  CHECK_OK(cass_execution_profile_set_retry_policy(profile, retry));
  cass_retry_policy_free(retry);

  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_execution_profile_set_constant_speculative_execution_policy(profile, -1, 2));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_execution_profile_set_constant_speculative_execution_policy(profile, 10, -1));
  CHECK_OK(cass_execution_profile_set_constant_speculative_execution_policy(profile, 10, 2));
  CHECK_OK(cass_execution_profile_set_no_speculative_execution_policy(profile));

  /* Named on the cluster: a non-empty name and a profile are required. */
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_cluster_set_execution_profile(cluster, "", profile));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_cluster_set_execution_profile(cluster, NULL, profile));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_cluster_set_execution_profile(cluster, "p", NULL));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_cluster_set_execution_profile_n(cluster, "p", 0, profile));
  CHECK_OK(cass_cluster_set_execution_profile(cluster, "p", profile));
  CHECK_OK(cass_cluster_set_execution_profile(cluster, "p", profile));
  CHECK_OK(cass_cluster_set_execution_profile_n(cluster, "p2xyz", 2, profile));
  /* The cluster stores a copy: the profile may go first. */
  cass_execution_profile_free(profile);
  cass_cluster_free(cluster);
}

int main(void) {
  cluster_settings();
  profile_settings();
  printf("policy_settings: OK\n");
  return 0;
}
