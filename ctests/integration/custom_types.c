/* Custom types: Cassandra 5's vector<float, n> (a custom type on protocol v4) written with
   bind_custom and bind_bytes, read back as CUSTOM with the server's class name and its raw bytes;
   prepared markers check the class name.
   Not here on purpose: a column of a custom type the scylla crate cannot parse (such as
   'org.apache.cassandra.db.marshal.LexicalUUIDType') makes the crate's schema metadata refresh
   fail for every session of the cluster, so the shared test node must never hold one (README,
   support matrix). */
#include "test_util.h"

#define VECTOR_CLASS                                                                      \
  "org.apache.cassandra.db.marshal.VectorType(org.apache.cassandra.db.marshal.FloatType , 3)"

static CassSession* session;

static CassFuture* run(CassStatement* statement) {
  CassFuture* future = cass_session_execute(session, statement);
  cass_future_wait(future);
  return future;
}

static void encode_floats(cass_byte_t* out, const float* values, int n) {
  int i;
  for (i = 0; i < n; i++) {
    union {
      float f;
      cass_uint32_t u;
    } bits;
    bits.f = values[i];
    out[4 * i] = (cass_byte_t)(bits.u >> 24);
    out[4 * i + 1] = (cass_byte_t)(bits.u >> 16);
    out[4 * i + 2] = (cass_byte_t)(bits.u >> 8);
    out[4 * i + 3] = (cass_byte_t)bits.u;
  }
}

int main(void) {
  CassCluster* cluster;
  char ks[64], cql[512];
  CassStatement* st;
  CassFuture* future;
  const CassResult* result;
  const CassPrepared* prepared;
  const CassValue* v;
  const CassDataType* t;
  const cass_byte_t* bytes;
  const char* s;
  size_t len;
  const float a[3] = {1.5f, -2.25f, 3.0f}, b[3] = {0.0f, 100.0f, -0.5f};
  cass_byte_t va[12], vb[12];

  encode_floats(va, a, 3);
  encode_floats(vb, b, 3);
  test_connect(&cluster, &session);
  test_name(ks, sizeof ks, "custom_types");
  snprintf(cql, sizeof cql, "DROP KEYSPACE IF EXISTS %s", ks);
  test_execute(session, cql);
  snprintf(cql, sizeof cql,
           "CREATE KEYSPACE %s WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}", ks);
  test_execute(session, cql);
  snprintf(cql, sizeof cql, "CREATE TABLE %s.v (k int PRIMARY KEY, e vector<float, 3>)", ks);
  test_execute(session, cql);

  /* simple statement, custom with its class name */
  snprintf(cql, sizeof cql, "INSERT INTO %s.v (k, e) VALUES (?, ?)", ks);
  st = cass_statement_new(cql, 2);
  CHECK_OK(cass_statement_bind_int32(st, 0, 1));
  CHECK_OK(cass_statement_bind_custom(st, 1, VECTOR_CLASS, va, sizeof va));
  future = run(st);
  CHECK_FUTURE_OK(future);
  cass_future_free(future);
  cass_statement_free(st);

  /* prepared: the marker reports the class; bytes and the right class are accepted */
  future = cass_session_prepare(session, cql);
  CHECK_FUTURE_OK(future);
  prepared = cass_future_get_prepared(future);
  cass_future_free(future);
  t = cass_prepared_parameter_data_type(prepared, 1);
  CHECK_EQ_INT(CASS_VALUE_TYPE_CUSTOM, cass_data_type_type(t));
  CHECK_OK(cass_data_type_class_name(t, &s, &len));
  printf("prepared marker class: %.*s\n", (int)len, s);
  CHECK(len == strlen(VECTOR_CLASS) && memcmp(s, VECTOR_CLASS, len) == 0);
  st = cass_prepared_bind(prepared);
  CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE, cass_statement_bind_custom(st, 1, "some.other.Type", vb, sizeof vb));
  CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE, cass_statement_bind_float(st, 1, 1.0f));
  CHECK_OK(cass_statement_bind_custom_n(st, 1, VECTOR_CLASS "garbage", strlen(VECTOR_CLASS), vb, sizeof vb));
  CHECK_OK(cass_statement_bind_int32(st, 0, 2));
  future = run(st);
  CHECK_FUTURE_OK(future);
  cass_future_free(future);
  CHECK_OK(cass_statement_bind_int32(st, 0, 3));
  CHECK_OK(cass_statement_bind_bytes(st, 1, va, sizeof va));
  future = run(st);
  CHECK_FUTURE_OK(future);
  cass_future_free(future);
  cass_statement_free(st);
  cass_prepared_free(prepared);

  snprintf(cql, sizeof cql, "SELECT e FROM %s.v WHERE k IN (1, 2, 3)", ks);
  st = cass_statement_new(cql, 0);
  future = run(st);
  CHECK_FUTURE_OK(future);
  result = cass_future_get_result(future);
  CHECK_EQ_INT(3, cass_result_row_count(result));
  CHECK_EQ_INT(CASS_VALUE_TYPE_CUSTOM, cass_result_column_type(result, 0));
  CHECK_OK(cass_data_type_class_name(cass_result_column_data_type(result, 0), &s, &len));
  CHECK(len == strlen(VECTOR_CLASS) && memcmp(s, VECTOR_CLASS, len) == 0);
  {
    CassIterator* it = cass_iterator_from_result(result);
    int k = 0;
    while (cass_iterator_next(it)) {
      const cass_byte_t* expected = (k == 1) ? vb : va; /* rows come in key order 1, 2, 3 */
      v = cass_row_get_column(cass_iterator_get_row(it), 0);
      CHECK_EQ_INT(CASS_VALUE_TYPE_CUSTOM, cass_value_type(v));
      CHECK_OK(cass_value_get_bytes(v, &bytes, &len));
      CHECK_EQ_INT(12, len);
      CHECK(memcmp(bytes, expected, 12) == 0);
      k++;
    }
    cass_iterator_free(it);
  }
  cass_result_free(result);
  cass_future_free(future);
  cass_statement_free(st);

  test_disconnect(cluster, session);
  printf("custom_types: OK\n");
  return 0;
}
