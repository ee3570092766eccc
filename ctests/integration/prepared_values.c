/* Prepared statements and values: parameter names and data types as the server reports them
   (UDT keyspace, type and field names, collection sub types), bind-time type checks, binding by
   index, by name and with named markers (:name), and values read back through prepared selects. */
#include "test_util.h"

static CassSession* session;
static char ks[64];

static void check_name(const CassPrepared* prepared, size_t index, const char* expected) {
  const char* name;
  size_t len;
  CHECK_OK(cass_prepared_parameter_name(prepared, index, &name, &len));
  CHECK_EQ_INT(strlen(expected), len);
  CHECK(memcmp(name, expected, len) == 0);
}

int main(void) {
  CassCluster* cluster;
  char cql[512];
  const CassPrepared* insert;
  const CassPrepared* select;
  const CassPrepared* named;
  const CassDataType* t;
  const CassDataType* sub;
  CassStatement* st;
  CassUserType* udt;
  CassCollection* coll;
  const CassResult* result;
  const CassRow* row;
  const char* s;
  size_t len;
  cass_int32_t i32;
  cass_int64_t i64;

  test_connect(&cluster, &session);
  test_name(ks, sizeof ks, "prepared_values");
  snprintf(cql, sizeof cql, "DROP KEYSPACE IF EXISTS %s", ks);
  test_execute(session, cql);
  snprintf(cql, sizeof cql,
           "CREATE KEYSPACE %s WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}", ks);
  test_execute(session, cql);
  snprintf(cql, sizeof cql, "CREATE TYPE %s.point (x int, y int, label text)", ks);
  test_execute(session, cql);
  snprintf(cql, sizeof cql,
           "CREATE TABLE %s.p (id int PRIMARY KEY, \"Mixed\" bigint, pts list<frozen<point>>, "
           "tags map<text, frozen<set<int>>>, origin frozen<point>)",
           ks);
  test_execute(session, cql);

  snprintf(cql, sizeof cql, "INSERT INTO %s.p (id, \"Mixed\", pts, tags, origin) VALUES (?, ?, ?, ?, ?)", ks);
  insert = test_prepare(session, cql);
  check_name(insert, 0, "id");
  check_name(insert, 1, "Mixed");
  check_name(insert, 4, "origin");
  CHECK_ERR(CASS_ERROR_LIB_INDEX_OUT_OF_BOUNDS, cass_prepared_parameter_name(insert, 5, &s, &len));
  CHECK(cass_prepared_parameter_data_type(insert, 5) == NULL);
  CHECK_EQ_INT(CASS_VALUE_TYPE_INT, cass_data_type_type(cass_prepared_parameter_data_type(insert, 0)));
  CHECK_EQ_INT(CASS_VALUE_TYPE_BIGINT, cass_data_type_type(cass_prepared_parameter_data_type_by_name(insert, "\"Mixed\"")));
  CHECK_EQ_INT(CASS_VALUE_TYPE_BIGINT, cass_data_type_type(cass_prepared_parameter_data_type_by_name(insert, "mixed")));
  CHECK(cass_prepared_parameter_data_type_by_name(insert, "\"mixed\"") == NULL);
  CHECK(cass_prepared_parameter_data_type_by_name(insert, "nope") == NULL);
  CHECK_EQ_INT(CASS_VALUE_TYPE_INT, cass_data_type_type(cass_prepared_parameter_data_type_by_name_n(insert, "idXX", 2)));

  t = cass_prepared_parameter_data_type_by_name(insert, "pts");
  CHECK_EQ_INT(CASS_VALUE_TYPE_LIST, cass_data_type_type(t));
  sub = cass_data_type_sub_data_type(t, 0);
  CHECK_EQ_INT(CASS_VALUE_TYPE_UDT, cass_data_type_type(sub));
  CHECK_OK(cass_data_type_type_name(sub, &s, &len));
  CHECK(len == 5 && memcmp(s, "point", 5) == 0);
  CHECK_OK(cass_data_type_keyspace(sub, &s, &len));
  CHECK(len == strlen(ks) && memcmp(s, ks, len) == 0);
  CHECK_EQ_INT(3, cass_data_type_sub_type_count(sub));
  CHECK_OK(cass_data_type_sub_type_name(sub, 2, &s, &len));
  CHECK(len == 5 && memcmp(s, "label", 5) == 0);
  CHECK_EQ_INT(CASS_VALUE_TYPE_VARCHAR, cass_data_type_type(cass_data_type_sub_data_type(sub, 2)));
  t = cass_prepared_parameter_data_type(insert, 3);
  CHECK_EQ_INT(CASS_VALUE_TYPE_MAP, cass_data_type_type(t));
  CHECK_EQ_INT(CASS_VALUE_TYPE_VARCHAR, cass_data_type_type(cass_data_type_sub_data_type(t, 0)));
  CHECK_EQ_INT(CASS_VALUE_TYPE_SET, cass_data_type_type(cass_data_type_sub_data_type(t, 1)));

  /* bind-time checks against the marker types */
  st = cass_prepared_bind(insert);
  CHECK(st != NULL);
  CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE, cass_statement_bind_int64(st, 0, 1));
  CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE, cass_statement_bind_string(st, 0, "1"));
  CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE, cass_statement_bind_int32_by_name(st, "Mixed", 1));
  CHECK_ERR(CASS_ERROR_LIB_NAME_DOES_NOT_EXIST, cass_statement_bind_int32_by_name(st, "nope", 1));
  CHECK_ERR(CASS_ERROR_LIB_INDEX_OUT_OF_BOUNDS, cass_statement_bind_int32(st, 5, 1));
  coll = cass_collection_new(CASS_COLLECTION_TYPE_SET, 1);
  CHECK_OK(cass_collection_append_int32(coll, 1));
  CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE, cass_statement_bind_collection(st, 2, coll)); /* a set for a list */
  cass_collection_free(coll);

  CHECK_OK(cass_statement_bind_int32(st, 0, 7));
  CHECK_OK(cass_statement_bind_int64_by_name(st, "\"Mixed\"", -5));
  coll = cass_collection_new_from_data_type(cass_prepared_parameter_data_type(insert, 2), 2);
  udt = cass_user_type_new_from_data_type(cass_data_type_sub_data_type(cass_prepared_parameter_data_type(insert, 2), 0));
  CHECK_OK(cass_user_type_set_int32_by_name(udt, "x", 1));
  CHECK_OK(cass_user_type_set_int32_by_name(udt, "y", 2));
  CHECK_OK(cass_user_type_set_string_by_name(udt, "label", "a"));
  CHECK_OK(cass_collection_append_user_type(coll, udt));
  CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE, cass_collection_append_int32(coll, 3));
  CHECK_OK(cass_statement_bind_collection_by_name(st, "pts", coll));
  CHECK_OK(cass_statement_bind_user_type(st, 4, udt));
  cass_user_type_free(udt);
  cass_collection_free(coll);
  coll = cass_collection_new(CASS_COLLECTION_TYPE_MAP, 1);
  {
    CassCollection* set = cass_collection_new(CASS_COLLECTION_TYPE_SET, 2);
    CHECK_OK(cass_collection_append_int32(set, 10));
    CHECK_OK(cass_collection_append_int32(set, 20));
    CHECK_OK(cass_collection_append_string(coll, "k"));
    CHECK_OK(cass_collection_append_collection(coll, set));
    cass_collection_free(set);
  }
  CHECK_OK(cass_statement_bind_collection(st, 3, coll));
  cass_collection_free(coll);
  cass_result_free(test_run(session, st));
  cass_statement_free(st);

  /* named markers */
  snprintf(cql, sizeof cql, "SELECT \"Mixed\", pts, tags, origin FROM %s.p WHERE id = :wanted", ks);
  named = test_prepare(session, cql);
  check_name(named, 0, "wanted");
  st = cass_prepared_bind(named);
  CHECK_OK(cass_statement_bind_int32_by_name(st, "wanted", 7));
  result = test_run(session, st);
  CHECK_EQ_INT(1, cass_result_row_count(result));
  row = cass_result_first_row(result);
  CHECK_OK(cass_value_get_int64(cass_row_get_column_by_name(row, "\"Mixed\""), &i64));
  CHECK_EQ_INT(-5, i64);
  {
    CassIterator* it = cass_iterator_from_collection(cass_row_get_column(row, 1));
    CassIterator* fields;
    CHECK(cass_iterator_next(it));
    fields = cass_iterator_fields_from_user_type(cass_iterator_get_value(it));
    CHECK(cass_iterator_next(fields));
    CHECK_OK(cass_value_get_int32(cass_iterator_get_user_type_field_value(fields), &i32));
    CHECK_EQ_INT(1, i32);
    cass_iterator_free(fields);
    CHECK(!cass_iterator_next(it));
    cass_iterator_free(it);
  }
  {
    CassIterator* it = cass_iterator_from_map(cass_row_get_column(row, 2));
    CassIterator* set;
    CHECK(cass_iterator_next(it));
    CHECK_OK(cass_value_get_string(cass_iterator_get_map_key(it), &s, &len));
    CHECK(len == 1 && s[0] == 'k');
    set = cass_iterator_from_collection(cass_iterator_get_map_value(it));
    CHECK(cass_iterator_next(set));
    CHECK_OK(cass_value_get_int32(cass_iterator_get_value(set), &i32));
    CHECK_EQ_INT(10, i32);
    cass_iterator_free(set);
    cass_iterator_free(it);
  }
  cass_result_free(result);
  cass_statement_free(st);

  /* a prepared select by index, with a NULL result column */
  snprintf(cql, sizeof cql, "SELECT id, origin FROM %s.p WHERE id = ?", ks);
  select = test_prepare(session, cql);
  st = cass_prepared_bind(select);
  CHECK_OK(cass_statement_bind_int32(st, 0, 8));
  result = test_run(session, st);
  CHECK_EQ_INT(0, cass_result_row_count(result));
  cass_result_free(result);
  cass_statement_free(st);

  /* prepare errors come back as server errors */
  {
    CassFuture* future = cass_session_prepare(session, "SELECT * FROM no_such_keyspace.t");
    CHECK_ERR(CASS_ERROR_SERVER_INVALID_QUERY, cass_future_error_code(future));
    CHECK(cass_future_get_prepared(future) == NULL);
    cass_future_free(future);
  }

  /* prepared from an existing statement: bound statements inherit its consistency (THREE cannot
     be met by this replication factor 1 keyspace, so they fail, while a plain preparation works) */
  {
    const CassPrepared* inherited;
    CassFuture* future;
    snprintf(cql, sizeof cql, "SELECT id FROM %s.p WHERE id = ?", ks);
    st = cass_statement_new(cql, 1);
    CHECK_OK(cass_statement_set_consistency(st, CASS_CONSISTENCY_THREE));
    future = cass_session_prepare_from_existing(session, st);
    cass_statement_free(st);
    CHECK_FUTURE_OK(future);
    inherited = cass_future_get_prepared(future);
    cass_future_free(future);
    st = cass_prepared_bind(inherited);
    CHECK_OK(cass_statement_bind_int32(st, 0, 9));
    future = cass_session_execute(session, st);
    CHECK(cass_future_error_code(future) != CASS_OK);
    cass_future_free(future);
    CHECK_OK(cass_statement_set_consistency(st, CASS_CONSISTENCY_ONE));
    cass_result_free(test_run(session, st));
    cass_statement_free(st);
    cass_prepared_free(inherited);
  }

  cass_prepared_free(insert);
  cass_prepared_free(named);
  /* a prepared statement outlives its session */
  test_disconnect(cluster, session);
  st = cass_prepared_bind(select);
  CHECK_OK(cass_statement_bind_int32(st, 0, 1));
  cass_statement_free(st);
  cass_prepared_free(select);
  printf("prepared_values: OK\n");
  return 0;
}
