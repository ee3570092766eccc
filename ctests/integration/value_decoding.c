/* Unusual bytes the server accepts, written raw (cass_statement_bind_bytes) into typed columns and
   read back: each library must decode them as the reference C++ driver does.
   - an empty value of a non-text type is NULL (top level and inside a tuple or user type);
     empty text and blob stay empty, non-NULL values;
   - a duration with bytes after its three numbers decodes (they are ignored);
   - a decimal without varint bytes is CASS_ERROR_LIB_NOT_ENOUGH_DATA;
   - cass_value_get_bytes on a collection starts after the element count (also nested);
   - a negative length inside a tuple is a NULL field;
   - before the first cass_iterator_next() a value iterator's current item is a placeholder (not
     NULL, type unknown); after the end it is the last item, also for user type fields.
   Two places where the reference contradicts itself, and this library keeps one answer:
   - a tuple or user type value shorter than its type: cass_value_item_count() reports every
     declared field on both; the reference's iterator stops at the end of the data, ours yields
     the missing fields as NULL values;
   - empty values in the second and later rows of a result: the reference reads them as non-NULL
     values without data (getters: CASS_ERROR_LIB_NOT_ENOUGH_DATA), unlike in the first row; ours
     reads them as NULL in every row. */
#include "test_util.h"

static CassSession* session;
static char ks[64];
static int next_key = 1;
static const CassResult* result;

static void unhex(const char* text, cass_byte_t* out, size_t* size) {
  size_t n = 0;
  unsigned byte;
  while (text[0] != '\0') {
    CHECK(sscanf(text, "%2x", &byte) == 1);
    out[n++] = (cass_byte_t)byte;
    text += 2;
  }
  *size = n;
}

static void write_raw(int key, const char* column, const char* hex) {
  char cql[256];
  cass_byte_t bytes[256];
  size_t size;
  CassStatement* st;
  CassFuture* future;
  unhex(hex, bytes, &size);
  snprintf(cql, sizeof cql, "INSERT INTO %s.t (k, %s) VALUES (?, ?)", ks, column);
  st = cass_statement_new(cql, 2);
  CHECK_OK(cass_statement_bind_int32(st, 0, key));
  CHECK_OK(cass_statement_bind_bytes(st, 1, bytes, size));
  future = cass_session_execute(session, st);
  CHECK_FUTURE_OK(future);
  cass_future_free(future);
  cass_statement_free(st);
}

/* Writes `hex` into `column` of a new row and returns the value read back (valid until the next
   call). */
static const CassValue* roundtrip(const char* column, const char* hex) {
  char cql[256];
  CassStatement* st;
  const CassRow* row;
  int key = next_key++;
  write_raw(key, column, hex);
  if (result != NULL) cass_result_free(result);
  snprintf(cql, sizeof cql, "SELECT %s FROM %s.t WHERE k = ?", column, ks);
  st = cass_statement_new(cql, 1);
  CHECK_OK(cass_statement_bind_int32(st, 0, key));
  result = test_run(session, st);
  cass_statement_free(st);
  row = cass_result_first_row(result);
  CHECK(row != NULL);
  return cass_row_get_column(row, 0);
}

static void check_bytes(const CassValue* value, const char* hex) {
  const cass_byte_t* bytes;
  cass_byte_t expected[256];
  size_t size, expected_size;
  unhex(hex, expected, &expected_size);
  CHECK_OK(cass_value_get_bytes(value, &bytes, &size));
  CHECK_EQ_INT(expected_size, size);
  CHECK(memcmp(bytes, expected, size) == 0);
}

/* Counts what an iterator yields (at most 16), and frees it. */
static size_t count_items(CassIterator* it) {
  size_t n = 0;
  CHECK(it != NULL);
  while (n < 16 && cass_iterator_next(it)) n++;
  cass_iterator_free(it);
  return n;
}

static int is_reference(void) { return strcmp(test_impl(), "reference") == 0; }

static void empty_values(void) {
  const CassValue* v;
  cass_int32_t i;
  const char* text;
  size_t size;
  static const char* const non_text[] = {"c_int", "c_bigint", "c_boolean", "c_double", "c_uuid",
                                         "c_inet", "c_decimal", "c_tuple",
                                         "c_udt", NULL};
  int k;
  for (k = 0; non_text[k] != NULL; k++) {
    v = roundtrip(non_text[k], "");
    if (!cass_value_is_null(v)) {
      fprintf(stderr, "empty %s is not NULL\n", non_text[k]);
      CHECK(0);
    }
  }
  v = roundtrip("c_int", "");
  CHECK_ERR(CASS_ERROR_LIB_NULL_VALUE, cass_value_get_int32(v, &i));
  CHECK_EQ_INT(0, cass_value_item_count(roundtrip("c_tuple", "")));

  /* text, blob and varint have an empty form */
  v = roundtrip("c_text", "");
  CHECK(!cass_value_is_null(v));
  CHECK_OK(cass_value_get_string(v, &text, &size));
  CHECK_EQ_INT(0, size);
  CHECK(!cass_value_is_null(roundtrip("c_blob", "")));
  CHECK(!cass_value_is_null(roundtrip("c_varint", "")));
}

static void later_rows(void) {
  char cql[256];
  const CassResult* rows;
  CassIterator* it;
  cass_int32_t i;
  int n = 0;
  /* one partition, two rows: both with an empty int */
  write_raw(1000, "c_int", "");
  write_raw(1001, "c_int", "");
  snprintf(cql, sizeof cql, "SELECT c_int FROM %s.t WHERE k IN (1000, 1001)", ks);
  rows = test_query(session, cql);
  CHECK_EQ_INT(2, cass_result_row_count(rows));
  it = cass_iterator_from_result(rows);
  while (cass_iterator_next(it)) {
    const CassValue* v = cass_row_get_column(cass_iterator_get_row(it), 0);
    if (n == 0 || !is_reference()) {
      CHECK(cass_value_is_null(v));
      CHECK_ERR(CASS_ERROR_LIB_NULL_VALUE, cass_value_get_int32(v, &i));
    } else {
      /* the reference's second row: an empty, non-NULL int */
      CHECK(!cass_value_is_null(v));
      CHECK_ERR(CASS_ERROR_LIB_NOT_ENOUGH_DATA, cass_value_get_int32(v, &i));
    }
    n++;
  }
  CHECK_EQ_INT(2, n);
  cass_iterator_free(it);
  cass_result_free(rows);
}

static void durations_and_decimals(void) {
  const CassValue* v;
  cass_int32_t months = 0, days = 0, scale = 0;
  cass_int64_t nanos = 0;
  const cass_byte_t* varint;
  size_t size;

  v = roundtrip("c_duration", "020406dead");
  CHECK_OK(cass_value_get_duration(v, &months, &days, &nanos));
  CHECK_EQ_INT(1, months);
  CHECK_EQ_INT(2, days);
  CHECK_EQ_INT(3, nanos);

  v = roundtrip("c_decimal", "00000002");
  CHECK(!cass_value_is_null(v));
  CHECK_ERR(CASS_ERROR_LIB_NOT_ENOUGH_DATA, cass_value_get_decimal(v, &varint, &size, &scale));
  v = roundtrip("c_decimal", "0000000207");
  CHECK_OK(cass_value_get_decimal(v, &varint, &size, &scale));
  CHECK_EQ_INT(2, scale);
  CHECK_EQ_INT(1, size);
  CHECK_EQ_INT(7, varint[0]);
}

static void tuples_and_user_types(void) {
  const CassValue* v;
  const CassValue* field;
  CassIterator* it;
  cass_int32_t i;
  size_t n;

  /* an empty int and a NULL text inside a tuple */
  v = roundtrip("c_tuple", "00000000ffffffff0000000800000000000000ff");
  it = cass_iterator_from_tuple(v);
  CHECK(cass_iterator_next(it));
  field = cass_iterator_get_value(it);
  CHECK(cass_value_is_null(field));
  CHECK_ERR(CASS_ERROR_LIB_NULL_VALUE, cass_value_get_int32(field, &i));
  CHECK(cass_iterator_next(it));
  CHECK(cass_value_is_null(cass_iterator_get_value(it)));
  CHECK(cass_iterator_next(it));
  CHECK(!cass_value_is_null(cass_iterator_get_value(it)));
  CHECK(!cass_iterator_next(it));
  cass_iterator_free(it);

  /* a tuple with one of its three fields */
  v = roundtrip("c_tuple", "00000004000000ff");
  CHECK_EQ_INT(3, cass_value_item_count(v));
  it = cass_iterator_from_tuple(v);
  CHECK(cass_iterator_next(it));
  CHECK_OK(cass_value_get_int32(cass_iterator_get_value(it), &i));
  CHECK_EQ_INT(255, i);
  if (is_reference()) {
    CHECK(!cass_iterator_next(it));
  } else {
    CHECK(cass_iterator_next(it));
    CHECK(cass_value_is_null(cass_iterator_get_value(it)));
    CHECK_EQ_INT(CASS_VALUE_TYPE_VARCHAR, cass_value_type(cass_iterator_get_value(it)));
    CHECK(cass_iterator_next(it));
    CHECK(cass_value_is_null(cass_iterator_get_value(it)));
    CHECK(!cass_iterator_next(it));
  }
  cass_iterator_free(it);

  /* a user type value with only its first field, an empty int */
  v = roundtrip("c_udt", "00000000");
  CHECK_EQ_INT(3, cass_value_item_count(v));
  it = cass_iterator_fields_from_user_type(v);
  CHECK(cass_iterator_next(it));
  CHECK(cass_value_is_null(cass_iterator_get_user_type_field_value(it)));
  cass_iterator_free(it);
  n = count_items(cass_iterator_fields_from_user_type(v));
  CHECK_EQ_INT(is_reference() ? 1 : 3, n);
}

static void check_placeholder(const CassValue* value) {
  cass_int32_t i;
  CHECK(value != NULL);
  CHECK(!cass_value_is_null(value));
  CHECK_EQ_INT(CASS_VALUE_TYPE_UNKNOWN, cass_value_type(value));
  CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE, cass_value_get_int32(value, &i));
}

static void iterator_ends(void) {
  const CassValue* v;
  CassIterator* it;
  const char* name;
  size_t size;
  cass_int32_t i;

  v = roundtrip("c_udt", "0000000400000005000000017800000003020406");
  it = cass_iterator_fields_from_user_type(v);
  check_placeholder(cass_iterator_get_user_type_field_value(it));
  while (cass_iterator_next(it)) {
  }
  CHECK_OK(cass_iterator_get_user_type_field_name(it, &name, &size));
  CHECK_EQ_INT(1, size);
  CHECK(name[0] == 'c');
  CHECK(cass_value_is_duration(cass_iterator_get_user_type_field_value(it)));
  cass_iterator_free(it);

  v = roundtrip("c_list", "000000010000000400000007");
  it = cass_iterator_from_collection(v);
  check_placeholder(cass_iterator_get_value(it));
  CHECK(cass_iterator_next(it));
  CHECK(!cass_iterator_next(it));
  CHECK_OK(cass_value_get_int32(cass_iterator_get_value(it), &i));
  CHECK_EQ_INT(7, i);
  cass_iterator_free(it);

  v = roundtrip("c_tuple", "00000004000000ff");
  it = cass_iterator_from_tuple(v);
  check_placeholder(cass_iterator_get_value(it));
  cass_iterator_free(it);
}

static void collection_bytes(void) {
  const CassValue* v;
  CassIterator* it;
  CassIterator* inner;
  const CassValue* tuple;

  v = roundtrip("c_list", "000000020000000400000007ffffffff");
  CHECK_EQ_INT(2, cass_value_item_count(v));
  check_bytes(v, "0000000400000007ffffffff");

  v = roundtrip("c_list", "00000000");
  CHECK(!cass_value_is_null(v));
  CHECK_EQ_INT(0, cass_value_item_count(v));
  check_bytes(v, "");

  /* list<frozen<tuple<int, frozen<list<int>>>>>: [(5, [9])] */
  v = roundtrip("c_nested", "000000010000001800000004000000050000000c0000000100000004" "00000009");
  it = cass_iterator_from_collection(v);
  CHECK(cass_iterator_next(it));
  tuple = cass_iterator_get_value(it);
  inner = cass_iterator_from_tuple(tuple);
  CHECK(cass_iterator_next(inner));
  CHECK(cass_iterator_next(inner));
  CHECK_EQ_INT(CASS_VALUE_TYPE_LIST, cass_value_type(cass_iterator_get_value(inner)));
  CHECK_EQ_INT(1, cass_value_item_count(cass_iterator_get_value(inner)));
  check_bytes(cass_iterator_get_value(inner), "0000000400000009");
  cass_iterator_free(inner);
  cass_iterator_free(it);
}

int main(void) {
  CassCluster* cluster;
  char cql[1024];

  test_connect(&cluster, &session);
  test_name(ks, sizeof ks, "value_decoding");
  snprintf(cql, sizeof cql, "DROP KEYSPACE IF EXISTS %s", ks);
  test_execute(session, cql);
  snprintf(cql, sizeof cql,
           "CREATE KEYSPACE %s WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}", ks);
  test_execute(session, cql);
  snprintf(cql, sizeof cql, "CREATE TYPE %s.u (a int, b text, c duration)", ks);
  test_execute(session, cql);
  snprintf(cql, sizeof cql,
           "CREATE TABLE %s.t (k int, c_int int, c_bigint bigint, c_boolean boolean, "
           "c_double double, c_uuid uuid, c_inet inet, c_date date, c_duration duration, "
           "c_decimal decimal, c_varint varint, c_text text, c_blob blob, "
           "c_tuple frozen<tuple<int, text, bigint>>, c_udt frozen<u>, c_list frozen<list<int>>, "
           "c_nested frozen<list<frozen<tuple<int, frozen<list<int>>>>>>, PRIMARY KEY (k))",
           ks);
  test_execute(session, cql);

  empty_values();
  later_rows();
  durations_and_decimals();
  tuples_and_user_types();
  collection_bytes();
  iterator_ends();

  if (result != NULL) cass_result_free(result);
  snprintf(cql, sizeof cql, "DROP KEYSPACE %s", ks);
  test_execute(session, cql);
  test_disconnect(cluster, session);
  printf("value_decoding: ok (%s)\n", test_impl());
  return 0;
}
