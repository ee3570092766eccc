/* Connection settings: every setter's validation as upstream, a session connecting with all of them
   set, the application name and version reaching the server (system_views.clients), and requests
   in flight completing with write coalescing off (0), short (the default) and in milliseconds. */
#include "test_util.h"

#define IN_FLIGHT 64

static void run_with_coalesce_delay(cass_int64_t delay_us) {
  CassCluster* cluster = test_cluster();
  CassSession* session = cass_session_new();
  CassFuture* futures[IN_FLIGHT];
  CassStatement* st = cass_statement_new("SELECT release_version FROM system.local", 0);
  CassFuture* connect;
  int i;
  CHECK_OK(cass_cluster_set_coalesce_delay(cluster, delay_us));
  connect = cass_session_connect(session, cluster);
  CHECK_FUTURE_OK(connect);
  cass_future_free(connect);
  for (i = 0; i < IN_FLIGHT; i++) futures[i] = cass_session_execute(session, st);
  for (i = 0; i < IN_FLIGHT; i++) {
    const CassResult* result;
    CHECK_FUTURE_OK(futures[i]);
    result = cass_future_get_result(futures[i]);
    CHECK(cass_result_row_count(result) == 1);
    cass_result_free(result);
    cass_future_free(futures[i]);
  }
  cass_statement_free(st);
  test_disconnect(cluster, session);
}

int main(void) {
  CassCluster* cluster = test_cluster();
  CassSession* session = cass_session_new();
  CassFuture* future;
  CassStatement* st;
  const CassResult* result;
  CassIterator* rows;
  char app[64];
  int found = 0;

  test_name(app, sizeof app, "settings_app");
  cass_cluster_set_application_name(cluster, app);
  cass_cluster_set_application_version(cluster, "9.8.7");
  cass_cluster_set_connection_heartbeat_interval(cluster, 1);
  cass_cluster_set_connection_idle_timeout(cluster, 5);
  cass_cluster_set_tcp_nodelay(cluster, cass_true);
  cass_cluster_set_tcp_keepalive(cluster, cass_true, 10);
  cass_cluster_set_max_schema_wait_time(cluster, 5000);
  CHECK_OK(cass_cluster_set_local_address(cluster, "127.0.0.1"));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_cluster_set_local_port_range(cluster, 100, 200));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_cluster_set_local_port_range(cluster, 50000, 40000));
  CHECK_OK(cass_cluster_set_local_port_range(cluster, 40000, 50000));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_cluster_set_constant_speculative_execution_policy(cluster, -1, 2));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_cluster_set_constant_speculative_execution_policy(cluster, 10, -1));
  CHECK_OK(cass_cluster_set_constant_speculative_execution_policy(cluster, 500, 2));
  CHECK_OK(cass_cluster_set_no_speculative_execution_policy(cluster));
  CHECK_OK(cass_cluster_set_constant_speculative_execution_policy(cluster, 500, 1));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_cluster_set_queue_size_io(cluster, 0));
  CHECK_OK(cass_cluster_set_queue_size_io(cluster, 8192));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_cluster_set_coalesce_delay(cluster, -1));
  CHECK_OK(cass_cluster_set_coalesce_delay(cluster, 200));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_cluster_set_new_request_ratio(cluster, 0));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_cluster_set_new_request_ratio(cluster, 101));
  CHECK_OK(cass_cluster_set_new_request_ratio(cluster, 50));
  CHECK_OK(cass_cluster_set_max_reusable_write_objects(cluster, 16));
  cass_cluster_set_monitor_reporting_interval(cluster, 0);
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_cluster_set_core_connections_per_host(cluster, 0));
  CHECK_OK(cass_cluster_set_core_connections_per_host(cluster, 2));

  future = cass_session_connect(session, cluster);
  CHECK_FUTURE_OK(future);
  cass_future_free(future);

  st = cass_statement_new("SELECT client_options FROM system_views.clients", 0);
  future = cass_session_execute(session, st);
  CHECK_FUTURE_OK(future);
  result = cass_future_get_result(future);
  rows = cass_iterator_from_result(result);
  while (cass_iterator_next(rows)) {
    const CassValue* options = cass_row_get_column(cass_iterator_get_row(rows), 0);
    CassIterator* it = cass_iterator_from_map(options);
    int name_ok = 0, version_ok = 0;
    if (it == NULL) continue;
    while (cass_iterator_next(it)) {
      const char *k, *v;
      size_t kl, vl;
      CHECK_OK(cass_value_get_string(cass_iterator_get_map_key(it), &k, &kl));
      CHECK_OK(cass_value_get_string(cass_iterator_get_map_value(it), &v, &vl));
      if (kl == 16 && memcmp(k, "APPLICATION_NAME", 16) == 0 && vl == strlen(app) && memcmp(v, app, vl) == 0) name_ok = 1;
      if (kl == 19 && memcmp(k, "APPLICATION_VERSION", 19) == 0 && vl == 5 && memcmp(v, "9.8.7", 5) == 0) version_ok = 1;
    }
    cass_iterator_free(it);
    if (name_ok && version_ok) found = 1;
  }
  cass_iterator_free(rows);
  cass_result_free(result);
  cass_future_free(future);
  cass_statement_free(st);
  CHECK(found);

  test_disconnect(cluster, session);
  run_with_coalesce_delay(0);
  run_with_coalesce_delay(200);
  run_with_coalesce_delay(2000);
  printf("connection_settings: OK\n");
  return 0;
}
