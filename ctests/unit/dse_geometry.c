/* dse.h functions the reference build does not export, on our library only: points from WKT,
   the line string and polygon builders and their iterators over WKT, the append/set families
   checked against the custom class a typed collection, tuple or user type expects, batch
   execute_as, and NULL arguments. */
// test-label: ours-only
#include <dse.h>

#include "test_util.h"

#define POINT_CLASS "org.apache.cassandra.db.marshal.PointType"
#define LINE_STRING_CLASS "org.apache.cassandra.db.marshal.LineStringType"
#define POLYGON_CLASS "org.apache.cassandra.db.marshal.PolygonType"
#define DATE_RANGE_CLASS "org.apache.cassandra.db.marshal.DateRangeType"

static CassDataType* custom(const char* class_name) {
  CassDataType* t = cass_data_type_new(CASS_VALUE_TYPE_CUSTOM);
  CHECK_OK(cass_data_type_set_class_name(t, class_name));
  return t;
}

static void points_from_wkt(void) {
  cass_double_t x = 0, y = 0;
  static const char* bad[] = {"POINT (1)", "POINT (1 2 3)", "point (1 2)", "POINT EMPTY", "POINT (1, 2)",
                              "LINESTRING (1 2)", "", "POINT (1 2"};
  size_t i;
  CHECK_OK(dse_point_from_wkt("POINT (1.5 -2e3)", &x, &y));
  CHECK(x == 1.5 && y == -2000.0);
  CHECK_OK(dse_point_from_wkt("\tPOINT(.5 +3) anything after", &x, &y));
  CHECK(x == 0.5 && y == 3.0);
  /* _n reads exactly wkt_length bytes. */
  CHECK_OK(dse_point_from_wkt_n("POINT (7 8)garbage", 11, &x, &y));
  CHECK(x == 7.0 && y == 8.0);
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, dse_point_from_wkt_n("POINT (7 8)", 10, &x, &y));
  for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    x = y = 99.0;
    CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, dse_point_from_wkt(bad[i], &x, &y));
    CHECK(x == 99.0 && y == 99.0);
  }
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, dse_point_from_wkt(NULL, &x, &y));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, dse_point_from_wkt("POINT (1 2)", NULL, &y));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, dse_point_from_wkt("POINT (1 2)", &x, NULL));
}

static void line_string_iterator_over_wkt(void) {
  DseLineStringIterator* it = dse_line_string_iterator_new();
  cass_double_t x = 0, y = 0;
  CHECK(it != NULL);
  CHECK_EQ_INT(0, dse_line_string_iterator_num_points(it));
  CHECK_ERR(CASS_ERROR_LIB_INVALID_STATE, dse_line_string_iterator_next_point(it, &x, &y));
  CHECK_OK(dse_line_string_iterator_reset_with_wkt(it, "LINESTRING (0 1, 2 3 4 5)"));
  CHECK_EQ_INT(3, dse_line_string_iterator_num_points(it));
  CHECK_OK(dse_line_string_iterator_next_point(it, &x, &y));
  CHECK(x == 0.0 && y == 1.0);
  CHECK_OK(dse_line_string_iterator_next_point(it, &x, &y));
  CHECK(x == 2.0 && y == 3.0);
  CHECK_OK(dse_line_string_iterator_next_point(it, &x, &y));
  CHECK(x == 4.0 && y == 5.0);
  CHECK_ERR(CASS_ERROR_LIB_INVALID_STATE, dse_line_string_iterator_next_point(it, &x, &y));
  /* A refused text leaves the iterator as it was. */
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, dse_line_string_iterator_reset_with_wkt(it, "LINESTRING (0 1,)"));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, dse_line_string_iterator_reset_with_wkt(it, "POLYGON ((0 0, 1 1, 0 0))"));
  CHECK_EQ_INT(3, dse_line_string_iterator_num_points(it));
  CHECK_OK(dse_line_string_iterator_reset_with_wkt_n(it, "LINESTRING EMPTY and more", 16));
  CHECK_EQ_INT(0, dse_line_string_iterator_num_points(it));
  CHECK_ERR(CASS_ERROR_LIB_INVALID_STATE, dse_line_string_iterator_next_point(it, &x, &y));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, dse_line_string_iterator_reset_with_wkt(it, NULL));
  dse_line_string_iterator_free(it);
}

static void polygon_iterator_over_wkt(void) {
  DsePolygonIterator* it = dse_polygon_iterator_new();
  cass_double_t x = 0, y = 0;
  cass_uint32_t n = 0;
  CHECK(it != NULL);
  CHECK_EQ_INT(0, dse_polygon_iterator_num_rings(it));
  CHECK_ERR(CASS_ERROR_LIB_INVALID_STATE, dse_polygon_iterator_next_num_points(it, &n));
  CHECK_OK(dse_polygon_iterator_reset_with_wkt(it, "POLYGON ((0 0, 3 0, 0 3, 0 0), (1 1, 1 2, 2 1, 1 1))"));
  CHECK_EQ_INT(2, dse_polygon_iterator_num_rings(it));
  CHECK_ERR(CASS_ERROR_LIB_INVALID_STATE, dse_polygon_iterator_next_point(it, &x, &y));
  CHECK_OK(dse_polygon_iterator_next_num_points(it, &n));
  CHECK_EQ_INT(4, n);
  CHECK_OK(dse_polygon_iterator_next_point(it, &x, &y));
  CHECK(x == 0.0 && y == 0.0);
  CHECK_OK(dse_polygon_iterator_next_point(it, &x, &y));
  CHECK(x == 3.0 && y == 0.0);
  /* The next count only after the ring's last point. */
  CHECK_ERR(CASS_ERROR_LIB_INVALID_STATE, dse_polygon_iterator_next_num_points(it, &n));
  CHECK_OK(dse_polygon_iterator_next_point(it, &x, &y));
  CHECK_OK(dse_polygon_iterator_next_point(it, &x, &y));
  CHECK(x == 0.0 && y == 0.0);
  CHECK_ERR(CASS_ERROR_LIB_INVALID_STATE, dse_polygon_iterator_next_point(it, &x, &y));
  CHECK_OK(dse_polygon_iterator_next_num_points(it, &n));
  CHECK_EQ_INT(4, n);
  CHECK_OK(dse_polygon_iterator_next_point(it, &x, &y));
  CHECK(x == 1.0 && y == 1.0);
  CHECK_OK(dse_polygon_iterator_next_point(it, &x, &y));
  CHECK_OK(dse_polygon_iterator_next_point(it, &x, &y));
  CHECK(x == 2.0 && y == 1.0);
  CHECK_OK(dse_polygon_iterator_next_point(it, &x, &y));
  CHECK_ERR(CASS_ERROR_LIB_INVALID_STATE, dse_polygon_iterator_next_point(it, &x, &y));
  CHECK_ERR(CASS_ERROR_LIB_INVALID_STATE, dse_polygon_iterator_next_num_points(it, &n));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, dse_polygon_iterator_reset_with_wkt(it, "POLYGON (0 0, 1 1)"));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, dse_polygon_iterator_reset_with_wkt(it, "POLYGON ((0 0, 1 1), )"));
  CHECK_EQ_INT(2, dse_polygon_iterator_num_rings(it));
  CHECK_OK(dse_polygon_iterator_reset_with_wkt_n(it, "POLYGON EMPTY", 13));
  CHECK_EQ_INT(0, dse_polygon_iterator_num_rings(it));
  CHECK_ERR(CASS_ERROR_LIB_INVALID_STATE, dse_polygon_iterator_next_num_points(it, &n));
  dse_polygon_iterator_free(it);
}

static void builders(DseLineString** ls_out, DsePolygon** polygon_out) {
  DseLineString* ls = dse_line_string_new();
  DsePolygon* polygon = dse_polygon_new();
  CHECK(ls != NULL && polygon != NULL);
  dse_line_string_reserve(ls, 2);
  CHECK_OK(dse_line_string_finish(ls)); /* empty is fine */
  CHECK_OK(dse_line_string_add_point(ls, 0.0, 0.0));
  CHECK_ERR(CASS_ERROR_LIB_INVALID_STATE, dse_line_string_finish(ls)); /* one point is not */
  CHECK_OK(dse_line_string_add_point(ls, 1.0, 1.0));
  CHECK_OK(dse_line_string_finish(ls));
  dse_line_string_reset(ls);
  CHECK_OK(dse_line_string_add_point(ls, 2.0, 2.0));
  CHECK_OK(dse_line_string_add_point(ls, 3.0, 3.0));
  CHECK_OK(dse_line_string_finish(ls));

  dse_polygon_reserve(polygon, 1, 4);
  CHECK_ERR(CASS_ERROR_LIB_INVALID_STATE, dse_polygon_add_point(polygon, 0.0, 0.0)); /* no ring */
  CHECK_OK(dse_polygon_start_ring(polygon));
  CHECK_OK(dse_polygon_add_point(polygon, 0.0, 0.0));
  CHECK_OK(dse_polygon_add_point(polygon, 1.0, 0.0));
  CHECK_ERR(CASS_ERROR_LIB_INVALID_STATE, dse_polygon_finish(polygon)); /* two points */
  CHECK_ERR(CASS_ERROR_LIB_INVALID_STATE, dse_polygon_start_ring(polygon));
  CHECK_OK(dse_polygon_add_point(polygon, 0.0, 1.0));
  CHECK_OK(dse_polygon_add_point(polygon, 0.0, 0.0));
  CHECK_OK(dse_polygon_finish(polygon));
  CHECK_ERR(CASS_ERROR_LIB_INVALID_STATE, dse_polygon_add_point(polygon, 5.0, 5.0)); /* finished */
  *ls_out = ls;
  *polygon_out = polygon;
}

static void setters_check_the_class(DseLineString* ls, DsePolygon* polygon) {
  DseDateRange range;
  CassDataType* point_t = custom(POINT_CLASS);
  CassDataType* ls_t = custom(LINE_STRING_CLASS);
  CassDataType* polygon_t = custom(POLYGON_CLASS);
  CassDataType* range_t = custom(DATE_RANGE_CLASS);
  CassDataType* list_t = cass_data_type_new(CASS_VALUE_TYPE_LIST);
  CassDataType* tuple_t = cass_data_type_new_tuple(4);
  CassDataType* udt_t = cass_data_type_new_udt(4);
  CassCollection* list;
  CassCollection* untyped;
  CassTuple* tuple;
  CassUserType* udt;
  CassBatch* batch;

  dse_date_range_init(&range, dse_date_range_bound_init(DSE_DATE_RANGE_PRECISION_DAY, 0),
                      dse_date_range_bound_unbounded());

  CHECK_OK(cass_data_type_add_sub_type(list_t, point_t));
  list = cass_collection_new_from_data_type(list_t, 2);
  CHECK_OK(cass_collection_append_dse_point(list, 1.0, 2.0));
  CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE, cass_collection_append_dse_line_string(list, ls));
  CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE, cass_collection_append_dse_polygon(list, polygon));
  CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE, cass_collection_append_dse_date_range(list, &range));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_collection_append_dse_line_string(list, NULL));
  cass_collection_free(list);
  untyped = cass_collection_new(CASS_COLLECTION_TYPE_LIST, 4);
  CHECK_OK(cass_collection_append_dse_point(untyped, 1.0, 2.0));
  CHECK_OK(cass_collection_append_dse_line_string(untyped, ls));
  CHECK_OK(cass_collection_append_dse_polygon(untyped, polygon));
  CHECK_OK(cass_collection_append_dse_date_range(untyped, &range));
  cass_collection_free(untyped);

  CHECK_OK(cass_data_type_add_sub_type(tuple_t, point_t));
  CHECK_OK(cass_data_type_add_sub_type(tuple_t, ls_t));
  CHECK_OK(cass_data_type_add_sub_type(tuple_t, polygon_t));
  CHECK_OK(cass_data_type_add_sub_type(tuple_t, range_t));
  tuple = cass_tuple_new_from_data_type(tuple_t);
  CHECK_OK(cass_tuple_set_dse_point(tuple, 0, 1.0, 2.0));
  CHECK_OK(cass_tuple_set_dse_line_string(tuple, 1, ls));
  CHECK_OK(cass_tuple_set_dse_polygon(tuple, 2, polygon));
  CHECK_OK(cass_tuple_set_dse_date_range(tuple, 3, &range));
  CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE, cass_tuple_set_dse_point(tuple, 1, 1.0, 2.0));
  CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE, cass_tuple_set_dse_date_range(tuple, 0, &range));
  CHECK_ERR(CASS_ERROR_LIB_INDEX_OUT_OF_BOUNDS, cass_tuple_set_dse_point(tuple, 4, 1.0, 2.0));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_tuple_set_dse_date_range(tuple, 3, NULL));
  cass_tuple_free(tuple);

  CHECK_OK(cass_data_type_add_sub_type_by_name(udt_t, "p", point_t));
  CHECK_OK(cass_data_type_add_sub_type_by_name(udt_t, "l", ls_t));
  CHECK_OK(cass_data_type_add_sub_type_by_name(udt_t, "g", polygon_t));
  CHECK_OK(cass_data_type_add_sub_type_by_name(udt_t, "r", range_t));
  udt = cass_user_type_new_from_data_type(udt_t);
  CHECK_OK(cass_user_type_set_dse_point(udt, 0, 1.0, 2.0));
  CHECK_OK(cass_user_type_set_dse_point_by_name(udt, "p", 1.0, 2.0));
  CHECK_OK(cass_user_type_set_dse_line_string_by_name(udt, "l", ls));
  CHECK_OK(cass_user_type_set_dse_line_string(udt, 1, ls));
  CHECK_OK(cass_user_type_set_dse_polygon_by_name_n(udt, "gx", 1, polygon));
  CHECK_OK(cass_user_type_set_dse_polygon(udt, 2, polygon));
  CHECK_OK(cass_user_type_set_dse_date_range_by_name(udt, "r", &range));
  CHECK_OK(cass_user_type_set_dse_date_range_by_name_n(udt, "r", 1, &range));
  CHECK_OK(cass_user_type_set_dse_date_range(udt, 3, &range));
  CHECK_OK(cass_user_type_set_dse_point_by_name_n(udt, "p", 1, 3.0, 4.0));
  CHECK_OK(cass_user_type_set_dse_line_string_by_name_n(udt, "l", 1, ls));
  CHECK_OK(cass_user_type_set_dse_polygon_by_name(udt, "g", polygon));
  CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE, cass_user_type_set_dse_polygon_by_name(udt, "p", polygon));
  CHECK_ERR(CASS_ERROR_LIB_NAME_DOES_NOT_EXIST, cass_user_type_set_dse_point_by_name(udt, "zz", 1.0, 2.0));
  CHECK_ERR(CASS_ERROR_LIB_INDEX_OUT_OF_BOUNDS, cass_user_type_set_dse_date_range(udt, 4, &range));
  cass_user_type_free(udt);

  /* Statements: line strings and polygons bind like points and date ranges. */
  {
    CassStatement* st = cass_statement_new("INSERT INTO t (a, b) VALUES (?, ?)", 2);
    CHECK_OK(cass_statement_bind_dse_line_string(st, 0, ls));
    CHECK_OK(cass_statement_bind_dse_polygon(st, 1, polygon));
    CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_statement_bind_dse_polygon(st, 1, NULL));
    CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_statement_bind_dse_date_range(st, 1, NULL));
    CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_statement_bind_dse_point_by_name(st, NULL, 1.0, 2.0));
    CHECK_OK(cass_statement_bind_dse_line_string_by_name(st, "a", ls));
    CHECK_OK(cass_statement_bind_dse_polygon_by_name_n(st, "bc", 1, polygon));
    CHECK_OK(cass_statement_bind_dse_line_string_by_name_n(st, "a", 1, ls));
    CHECK_OK(cass_statement_bind_dse_polygon_by_name(st, "b", polygon));
    CHECK_OK(cass_statement_bind_dse_date_range_by_name(st, "b", &range));
    cass_statement_free(st);
  }

  /* Proxy execution is accepted (and not sent: no custom payloads). */
  batch = cass_batch_new(CASS_BATCH_TYPE_LOGGED);
  CHECK_OK(cass_batch_set_execute_as(batch, "alice"));
  CHECK_OK(cass_batch_set_execute_as_n(batch, "bob and more", 3));
  CHECK_OK(cass_batch_set_execute_as(batch, NULL));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_batch_set_execute_as_n(batch, "\xff\xfe", 2));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_batch_set_execute_as(NULL, "alice"));
  cass_batch_free(batch);

  cass_data_type_free(point_t);
  cass_data_type_free(ls_t);
  cass_data_type_free(polygon_t);
  cass_data_type_free(range_t);
  cass_data_type_free(list_t);
  cass_data_type_free(tuple_t);
  cass_data_type_free(udt_t);
}

static void null_arguments(void) {
  cass_double_t x, y;
  cass_uint32_t n;
  DseDateRange range;
  DseLineStringIterator* it = dse_line_string_iterator_new();
  DsePolygonIterator* pit = dse_polygon_iterator_new();
  dse_line_string_free(NULL);
  dse_line_string_reset(NULL);
  dse_line_string_reserve(NULL, 10);
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, dse_line_string_add_point(NULL, 1.0, 1.0));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, dse_line_string_finish(NULL));
  dse_polygon_free(NULL);
  dse_polygon_reset(NULL);
  dse_polygon_reserve(NULL, 1, 1);
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, dse_polygon_start_ring(NULL));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, dse_polygon_add_point(NULL, 1.0, 1.0));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, dse_polygon_finish(NULL));
  dse_line_string_iterator_free(NULL);
  dse_polygon_iterator_free(NULL);
  CHECK_EQ_INT(0, dse_line_string_iterator_num_points(NULL));
  CHECK_EQ_INT(0, dse_polygon_iterator_num_rings(NULL));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, dse_line_string_iterator_next_point(NULL, &x, &y));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, dse_line_string_iterator_reset_with_wkt(NULL, "LINESTRING EMPTY"));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, dse_polygon_iterator_next_point(NULL, &x, &y));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, dse_polygon_iterator_next_num_points(NULL, &n));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, dse_polygon_iterator_reset_with_wkt(NULL, "POLYGON EMPTY"));
  CHECK_ERR(CASS_ERROR_LIB_NULL_VALUE, dse_line_string_iterator_reset(it, NULL));
  CHECK_ERR(CASS_ERROR_LIB_NULL_VALUE, dse_polygon_iterator_reset(pit, NULL));
  CHECK_OK(dse_line_string_iterator_reset_with_wkt(it, "LINESTRING (1 2)"));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, dse_line_string_iterator_next_point(it, NULL, &y));
  CHECK_OK(dse_line_string_iterator_next_point(it, &x, &y)); /* the point was not used up */
  CHECK_OK(dse_polygon_iterator_reset_with_wkt(pit, "POLYGON ((1 2, 3 4, 5 6))"));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, dse_polygon_iterator_next_num_points(pit, NULL));
  CHECK_OK(dse_polygon_iterator_next_num_points(pit, &n));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, dse_polygon_iterator_next_point(pit, &x, NULL));
  CHECK_OK(dse_polygon_iterator_next_point(pit, &x, &y));
  CHECK(x == 1.0 && y == 2.0);
  CHECK(dse_date_range_init(NULL, dse_date_range_bound_unbounded(), dse_date_range_bound_unbounded()) == NULL);
  CHECK(dse_date_range_init_single_date(NULL, dse_date_range_bound_unbounded()) == NULL);
  CHECK_ERR(CASS_ERROR_LIB_NULL_VALUE, cass_value_get_dse_point(NULL, &x, &y));
  CHECK_ERR(CASS_ERROR_LIB_NULL_VALUE, cass_value_get_dse_date_range(NULL, &range));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_statement_bind_dse_point(NULL, 0, 1.0, 2.0));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_collection_append_dse_point(NULL, 1.0, 2.0));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_tuple_set_dse_point(NULL, 0, 1.0, 2.0));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_user_type_set_dse_point(NULL, 0, 1.0, 2.0));
  dse_line_string_iterator_free(it);
  dse_polygon_iterator_free(pit);
}

int main(void) {
  DseLineString* ls;
  DsePolygon* polygon;
  points_from_wkt();
  line_string_iterator_over_wkt();
  polygon_iterator_over_wkt();
  builders(&ls, &polygon);
  setters_check_the_class(ls, polygon);
  dse_line_string_free(ls);
  dse_polygon_free(polygon);
  null_arguments();
  printf("dse_geometry: OK\n");
  return 0;
}
