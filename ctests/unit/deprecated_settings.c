/* Settings the C++ driver deprecated and ignores are accepted (CASS_OK), and the log callback can
   be read back: the one set, with its data; a callable one after logging was turned off. */
#include "test_util.h"

static void on_log(const CassLogMessage* message, void* data) {
  (void)message;
  (void)data;
}

int main(void) {
  CassCluster* cluster = cass_cluster_new();
  CassLogCallback callback = NULL;
  void* data = NULL;
  int marker = 0;

  CHECK_OK(cass_cluster_set_max_connections_per_host(cluster, 4));
  CHECK_OK(cass_cluster_set_max_concurrent_creation(cluster, 1));
  CHECK_OK(cass_cluster_set_max_concurrent_requests_threshold(cluster, 100));
  CHECK_OK(cass_cluster_set_max_requests_per_flush(cluster, 128));
  CHECK_OK(cass_cluster_set_write_bytes_high_water_mark(cluster, 64 * 1024));
  CHECK_OK(cass_cluster_set_write_bytes_low_water_mark(cluster, 32 * 1024));
  CHECK_OK(cass_cluster_set_pending_requests_high_water_mark(cluster, 256));
  CHECK_OK(cass_cluster_set_pending_requests_low_water_mark(cluster, 128));
  CHECK_OK(cass_cluster_set_queue_size_event(cluster, 8192));
  cass_cluster_free(cluster);

  cass_log_set_queue_size(1024);
  cass_log_set_callback(on_log, &marker);
  cass_log_get_callback_and_data(&callback, &data);
  CHECK(callback == on_log);
  CHECK(data == &marker);
  cass_log_set_callback(NULL, NULL);
  callback = NULL;
  cass_log_get_callback_and_data(&callback, &data);
  CHECK(callback != NULL);
  cass_log_cleanup();
  return 0;
}
