/* cass_alloc_set_functions, called before anything else: the driver then allocates with the
   caller's functions (some of its memory comes from them and goes back to them). Ours only: the
   reference build (acsylla's wheel) aborts in this program. */
// test-label: ours-only
#include "test_util.h"

static size_t mallocs, reallocs, frees;

static void* counting_malloc(size_t size) {
  mallocs++;
  return malloc(size);
}

static void* counting_realloc(void* ptr, size_t size) {
  reallocs++;
  return realloc(ptr, size);
}

static void counting_free(void* ptr) {
  frees++;
  free(ptr);
}

int main(void) {
  CassCluster* cluster;
  CassStatement* statement;
  CassCollection* collection;
  int i;

  cass_alloc_set_functions(counting_malloc, counting_realloc, counting_free);
  cluster = cass_cluster_new();
  CHECK_OK(cass_cluster_set_contact_points(cluster, "127.0.0.1,127.0.0.2,127.0.0.3"));
  statement = cass_statement_new("INSERT INTO ks.t (k, v) VALUES (?, ?)", 2);
  collection = cass_collection_new(CASS_COLLECTION_TYPE_LIST, 4);
  for (i = 0; i < 100; i++) {
    CHECK_OK(cass_collection_append_int32(collection, i));
  }
  CHECK_OK(cass_statement_bind_collection(statement, 1, collection));
  cass_collection_free(collection);
  cass_statement_free(statement);
  cass_cluster_free(cluster);
  printf("malloc %zu, realloc %zu, free %zu\n", mallocs, reallocs, frees);
  CHECK(mallocs > 0);
  CHECK(frees > 0);
  return 0;
}
