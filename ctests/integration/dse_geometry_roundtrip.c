/* Line strings and polygons (builders the reference build does not export), through a real
   node: bound to a simple statement into blob columns (Cassandra has no DSE geometry types)
   and appended to a list<blob>, read back as bytes pinned here (WKB, little endian). */
// test-label: ours-only
// test-node: tls
#define TEST_UTIL_TLS
#include <dse.h>

#include "test_util.h"

static const cass_byte_t LINE_STRING[] = {
  1, 2, 0, 0, 0, 2, 0, 0, 0,                       /* header, 2 points */
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f, /* (0, 1) */
  0, 0, 0, 0, 0, 0, 0, 0x40, 0, 0, 0, 0, 0, 0, 0x08, 0x40}; /* (2, 3) */
static const cass_byte_t POLYGON[] = {
  1, 3, 0, 0, 0, 1, 0, 0, 0, 3, 0, 0, 0,                  /* header, 1 ring, 3 points */
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,          /* (0, 0) */
  0, 0, 0, 0, 0, 0, 0xf0, 0x3f, 0, 0, 0, 0, 0, 0, 0, 0,    /* (1, 0) */
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f};   /* (0, 1) */
static const cass_byte_t EMPTY_LINE_STRING[] = {1, 2, 0, 0, 0, 0, 0, 0, 0};

static void check_bytes(const CassValue* value, const cass_byte_t* expected, size_t size) {
  const cass_byte_t* bytes;
  size_t len;
  CHECK_OK(cass_value_get_bytes(value, &bytes, &len));
  CHECK_EQ_INT(size, len);
  CHECK(memcmp(bytes, expected, size) == 0);
}

int main(void) {
  CassCluster* cluster;
  CassSession* session;
  CassStatement* st;
  CassFuture* future;
  CassCollection* list;
  const CassResult* result;
  const CassRow* row;
  CassIterator* items;
  DseLineString* ls = dse_line_string_new();
  DseLineString* empty = dse_line_string_new();
  DsePolygon* polygon = dse_polygon_new();
  char ks[64], cql[256];

  CHECK_OK(dse_line_string_add_point(ls, 0.0, 1.0));
  CHECK_OK(dse_line_string_add_point(ls, 2.0, 3.0));
  CHECK_OK(dse_line_string_finish(ls));
  CHECK_OK(dse_line_string_finish(empty));
  CHECK_OK(dse_polygon_start_ring(polygon));
  CHECK_OK(dse_polygon_add_point(polygon, 0.0, 0.0));
  CHECK_OK(dse_polygon_add_point(polygon, 1.0, 0.0));
  CHECK_OK(dse_polygon_add_point(polygon, 0.0, 1.0));
  CHECK_OK(dse_polygon_finish(polygon));

  test_connect(&cluster, &session);
  test_name(ks, sizeof ks, "dse_geometry");
  snprintf(cql, sizeof cql, "DROP KEYSPACE IF EXISTS %s", ks);
  test_execute(session, cql);
  snprintf(cql, sizeof cql,
           "CREATE KEYSPACE %s WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}", ks);
  test_execute(session, cql);
  snprintf(cql, sizeof cql, "CREATE TABLE %s.t (k int PRIMARY KEY, l blob, g blob, items list<blob>)", ks);
  test_execute(session, cql);

  snprintf(cql, sizeof cql, "INSERT INTO %s.t (k, l, g, items) VALUES (1, ?, ?, ?)", ks);
  st = cass_statement_new(cql, 3);
  CHECK_OK(cass_statement_bind_dse_line_string(st, 0, ls));
  CHECK_OK(cass_statement_bind_dse_polygon(st, 1, polygon));
  list = cass_collection_new(CASS_COLLECTION_TYPE_LIST, 3);
  CHECK_OK(cass_collection_append_dse_line_string(list, empty));
  CHECK_OK(cass_collection_append_dse_polygon(list, polygon));
  CHECK_OK(cass_collection_append_dse_line_string(list, ls));
  CHECK_OK(cass_statement_bind_collection(st, 2, list));
  cass_collection_free(list);
  future = cass_session_execute(session, st);
  CHECK_FUTURE_OK(future);
  cass_future_free(future);
  cass_statement_free(st);

  snprintf(cql, sizeof cql, "SELECT l, g, items FROM %s.t WHERE k = 1", ks);
  st = cass_statement_new(cql, 0);
  future = cass_session_execute(session, st);
  CHECK_FUTURE_OK(future);
  result = cass_future_get_result(future);
  row = cass_result_first_row(result);
  CHECK(row != NULL);
  check_bytes(cass_row_get_column(row, 0), LINE_STRING, sizeof LINE_STRING);
  check_bytes(cass_row_get_column(row, 1), POLYGON, sizeof POLYGON);
  items = cass_iterator_from_collection(cass_row_get_column(row, 2));
  CHECK(cass_iterator_next(items));
  check_bytes(cass_iterator_get_value(items), EMPTY_LINE_STRING, sizeof EMPTY_LINE_STRING);
  CHECK(cass_iterator_next(items));
  check_bytes(cass_iterator_get_value(items), POLYGON, sizeof POLYGON);
  CHECK(cass_iterator_next(items));
  check_bytes(cass_iterator_get_value(items), LINE_STRING, sizeof LINE_STRING);
  CHECK(!cass_iterator_next(items));
  cass_iterator_free(items);
  cass_result_free(result);
  cass_future_free(future);
  cass_statement_free(st);

  snprintf(cql, sizeof cql, "DROP KEYSPACE %s", ks);
  test_execute(session, cql);
  test_disconnect(cluster, session);
  dse_line_string_free(ls);
  dse_line_string_free(empty);
  dse_polygon_free(polygon);
  printf("dse_geometry_roundtrip: OK\n");
  return 0;
}
