/* Every CQL type written through the C API and read back equal, for edge values: maximum, minimum,
   zero and empty, all NULL, non-ASCII text with a 2 MiB blob. Rows are bound by index, by name and
   by name with lengths (simple statements). Collections, tuples and UDTs are built from the data
   types the server reports for the columns, nested (a map of frozen lists of frozen UDTs). Also:
   the data types of result columns, decimal and varint bytes passed through verbatim, and the type
   checks of appends, sets and getters. */
#include "test_util.h"

#include <float.h>
#include <stdint.h>

#define NCOLS 29
static const char* const COLUMNS[NCOLS] = {
    "k",  "a",  "bi", "bl", "bo", "da", "de", "db", "du",  "fl", "ine", "i",    "si", "te", "ti",
    "ts", "tu", "ty", "u",  "vc", "vi", "l",  "s",  "m",   "tup", "ad",  "nest", "fls", "fm"};

typedef struct {
  const char* street; /* NULL: the field stays unset (NULL) */
  int has_zip;
  cass_int32_t zip;
  int ntags;
  const char* tags[2];
} Addr;

typedef struct {
  cass_int32_t k;
  int null_row; /* every column but k is NULL */
  const char* ascii;
  cass_int64_t bigint;
  const cass_byte_t* blob;
  size_t blob_len;
  cass_bool_t boolean;
  cass_uint32_t date;
  const char* dec_text; /* the varint bytes of the decimal: text, as acsylla does */
  cass_int32_t dec_scale;
  cass_double_t dbl;
  cass_int32_t dur_months, dur_days;
  cass_int64_t dur_nanos;
  cass_float_t flt;
  CassInet inet;
  cass_int32_t i32;
  cass_int16_t i16;
  const char* text;
  cass_int64_t time;
  cass_int64_t timestamp;
  CassUuid timeuuid;
  cass_int8_t i8;
  CassUuid uuid;
  const char* varchar;
  cass_byte_t varint[4];
  size_t varint_len;
  int nlist;
  cass_int32_t list[3];
  int nset;
  const char* set[3]; /* sorted */
  int nmap;
  const char* map_keys[2]; /* sorted */
  cass_int64_t map_values[2];
  cass_int32_t tup_i;
  const char* tup_s;
  int tup_nd;
  cass_double_t tup_d[2];
  Addr addr;
  int nnest; /* entries of nest: key "n0", "n1", ..., each a list of the same two addrs */
  int nfls;  /* frozen list of frozen sets: nfls sets {i, i+1} */
  int nfm;   /* frozen map<int, text>: i -> "v" */
} Row;

static CassSession* session;
static char ks[64];

/* The result that lends the column data types (kept until the end). */
static const CassResult* types_result;

static const CassDataType* column_type(const char* name) {
  size_t i;
  for (i = 0; i < NCOLS; i++) {
    if (strcmp(COLUMNS[i], name) == 0) return cass_result_column_data_type(types_result, i);
  }
  CHECK(!"unknown column");
  return NULL;
}

static CassUserType* make_addr(const Addr* a, const CassDataType* addr_type) {
  CassUserType* udt = cass_user_type_new_from_data_type(addr_type);
  CHECK(udt != NULL);
  if (a->street) CHECK_OK(cass_user_type_set_string_by_name(udt, "street", a->street));
  if (a->has_zip) CHECK_OK(cass_user_type_set_int32(udt, 1, a->zip));
  if (a->ntags > 0) {
    const CassDataType* tags_type = cass_data_type_sub_data_type_by_name(addr_type, "tags");
    CassCollection* tags = cass_collection_new_from_data_type(tags_type, (size_t)a->ntags);
    int i;
    CHECK(tags != NULL);
    for (i = 0; i < a->ntags; i++) CHECK_OK(cass_collection_append_string(tags, a->tags[i]));
    CHECK_OK(cass_user_type_set_collection_by_name_n(udt, "tagsXX", 4, tags));
    cass_collection_free(tags);
  }
  return udt;
}

/* Binds column `col` of row r: mode 0 by index, 1 by name, 2 by name with lengths. */
#define BIND(fn, col, ...)                                                                     \
  do {                                                                                         \
    if (mode == 0) CHECK_OK(cass_statement_bind_##fn(st, (col), __VA_ARGS__));                 \
    else if (mode == 1) CHECK_OK(cass_statement_bind_##fn##_by_name(st, COLUMNS[col], __VA_ARGS__)); \
    else CHECK_OK(cass_statement_bind_##fn##_by_name_n(st, COLUMNS[col], strlen(COLUMNS[col]), __VA_ARGS__)); \
  } while (0)

/* Strings: the _by_name_n form also takes the value's length. */
#define BIND_STRING(col, value)                                                                  \
  do {                                                                                           \
    if (mode == 0) CHECK_OK(cass_statement_bind_string(st, (col), (value)));                     \
    else if (mode == 1) CHECK_OK(cass_statement_bind_string_by_name(st, COLUMNS[col], (value))); \
    else CHECK_OK(cass_statement_bind_string_by_name_n(st, COLUMNS[col], strlen(COLUMNS[col]),   \
                                                       (value), strlen(value)));                 \
  } while (0)

static void insert_row(const Row* r, int mode) {
  char cql[1024];
  size_t i;
  int n;
  CassStatement* st;
  n = snprintf(cql, sizeof cql, "INSERT INTO %s.t (", ks);
  for (i = 0; i < NCOLS; i++) n += snprintf(cql + n, sizeof cql - (size_t)n, "%s%s", i ? ", " : "", COLUMNS[i]);
  n += snprintf(cql + n, sizeof cql - (size_t)n, ") VALUES (");
  for (i = 0; i < NCOLS; i++) n += snprintf(cql + n, sizeof cql - (size_t)n, "%s?", i ? ", " : "");
  snprintf(cql + n, sizeof cql - (size_t)n, ")");
  st = cass_statement_new(cql, NCOLS);

  if (mode == 2) {
    CHECK_OK(cass_statement_bind_int32_by_name_n(st, "k", 1, r->k));
  } else if (mode == 1) {
    CHECK_OK(cass_statement_bind_int32_by_name(st, "k", r->k));
  } else {
    CHECK_OK(cass_statement_bind_int32(st, 0, r->k));
  }
  if (r->null_row) {
    for (i = 1; i < NCOLS; i++) {
      if (mode == 0) CHECK_OK(cass_statement_bind_null(st, i));
      else if (mode == 1) CHECK_OK(cass_statement_bind_null_by_name(st, COLUMNS[i]));
      else CHECK_OK(cass_statement_bind_null_by_name_n(st, COLUMNS[i], strlen(COLUMNS[i])));
    }
  } else {
    CassCollection* coll;
    CassTuple* tup;
    CassUserType* udt;
    int j;
    BIND_STRING(1, r->ascii);
    BIND(int64, 2, r->bigint);
    BIND(bytes, 3, r->blob, r->blob_len);
    BIND(bool, 4, r->boolean);
    BIND(uint32, 5, r->date);
    BIND(decimal, 6, (const cass_byte_t*)r->dec_text, strlen(r->dec_text), r->dec_scale);
    BIND(double, 7, r->dbl);
    BIND(duration, 8, r->dur_months, r->dur_days, r->dur_nanos);
    BIND(float, 9, r->flt);
    BIND(inet, 10, r->inet);
    BIND(int32, 11, r->i32);
    BIND(int16, 12, r->i16);
    BIND_STRING(13, r->text);
    BIND(int64, 14, r->time);
    BIND(int64, 15, r->timestamp);
    BIND(uuid, 16, r->timeuuid);
    BIND(int8, 17, r->i8);
    BIND(uuid, 18, r->uuid);
    if (mode == 0) CHECK_OK(cass_statement_bind_string_n(st, 19, r->varchar, strlen(r->varchar)));
    else BIND_STRING(19, r->varchar);
    BIND(bytes, 20, r->varint, r->varint_len);

    coll = cass_collection_new(CASS_COLLECTION_TYPE_LIST, (size_t)r->nlist);
    for (j = 0; j < r->nlist; j++) CHECK_OK(cass_collection_append_int32(coll, r->list[j]));
    BIND(collection, 21, coll);
    cass_collection_free(coll);

    coll = cass_collection_new_from_data_type(column_type("s"), (size_t)r->nset);
    for (j = 0; j < r->nset; j++) CHECK_OK(cass_collection_append_string(coll, r->set[j]));
    BIND(collection, 22, coll);
    cass_collection_free(coll);

    coll = cass_collection_new_from_data_type(column_type("m"), (size_t)r->nmap);
    for (j = 0; j < r->nmap; j++) {
      CHECK_OK(cass_collection_append_string(coll, r->map_keys[j]));
      CHECK_OK(cass_collection_append_int64(coll, r->map_values[j]));
    }
    BIND(collection, 23, coll);
    cass_collection_free(coll);

    tup = cass_tuple_new_from_data_type(column_type("tup"));
    CHECK(tup != NULL);
    CHECK_OK(cass_tuple_set_int32(tup, 0, r->tup_i));
    CHECK_OK(cass_tuple_set_string(tup, 1, r->tup_s));
    coll = cass_collection_new(CASS_COLLECTION_TYPE_LIST, 2);
    for (j = 0; j < r->tup_nd; j++) CHECK_OK(cass_collection_append_double(coll, r->tup_d[j]));
    CHECK_OK(cass_tuple_set_collection(tup, 2, coll));
    cass_collection_free(coll);
    BIND(tuple, 24, tup);
    cass_tuple_free(tup);

    udt = make_addr(&r->addr, column_type("ad"));
    BIND(user_type, 25, udt);
    cass_user_type_free(udt);

    {
      const CassDataType* nest_type = column_type("nest");
      const CassDataType* list_type = cass_data_type_sub_data_type(nest_type, 1);
      const CassDataType* addr_type = cass_data_type_sub_data_type(list_type, 0);
      CassCollection* map = cass_collection_new_from_data_type(nest_type, (size_t)r->nnest);
      for (j = 0; j < r->nnest; j++) {
        char key[16];
        CassCollection* list = cass_collection_new_from_data_type(list_type, 2);
        CassUserType* a;
        Addr other = {"second", 1, 2, 0, {NULL, NULL}};
        snprintf(key, sizeof key, "n%d", j);
        a = make_addr(&r->addr, addr_type);
        CHECK_OK(cass_collection_append_user_type(list, a));
        cass_user_type_free(a);
        a = make_addr(&other, addr_type);
        CHECK_OK(cass_collection_append_user_type(list, a));
        cass_user_type_free(a);
        CHECK_OK(cass_collection_append_string(map, key));
        CHECK_OK(cass_collection_append_collection(map, list));
        cass_collection_free(list);
      }
      BIND(collection, 26, map);
      cass_collection_free(map);
    }

    coll = cass_collection_new(CASS_COLLECTION_TYPE_LIST, (size_t)r->nfls);
    for (j = 0; j < r->nfls; j++) {
      CassCollection* set = cass_collection_new(CASS_COLLECTION_TYPE_SET, 2);
      CHECK_OK(cass_collection_append_int32(set, j));
      CHECK_OK(cass_collection_append_int32(set, j + 1));
      CHECK_OK(cass_collection_append_collection(coll, set));
      cass_collection_free(set);
    }
    BIND(collection, 27, coll);
    cass_collection_free(coll);

    coll = cass_collection_new(CASS_COLLECTION_TYPE_MAP, (size_t)r->nfm);
    for (j = 0; j < r->nfm; j++) {
      CHECK_OK(cass_collection_append_int32(coll, j));
      CHECK_OK(cass_collection_append_string(coll, "v"));
    }
    BIND(collection, 28, coll);
    cass_collection_free(coll);
  }
  cass_result_free(test_run(session, st));
  cass_statement_free(st);
}

static void check_string(const CassValue* v, const char* expected) {
  const char* s;
  size_t len;
  CHECK_OK(cass_value_get_string(v, &s, &len));
  CHECK_EQ_INT(strlen(expected), len);
  CHECK(memcmp(s, expected, len) == 0);
}

static void check_addr(const CassValue* v, const Addr* a) {
  CassIterator* it = cass_iterator_fields_from_user_type(v);
  const char* name;
  size_t len;
  const CassValue* field;
  CHECK(it != NULL);
  CHECK_EQ_INT(3, cass_value_item_count(v));
  CHECK(cass_iterator_next(it));
  CHECK_OK(cass_iterator_get_user_type_field_name(it, &name, &len));
  CHECK(len == 6 && memcmp(name, "street", 6) == 0);
  field = cass_iterator_get_user_type_field_value(it);
  if (a->street) check_string(field, a->street);
  else CHECK(cass_value_is_null(field));
  CHECK(cass_iterator_next(it));
  CHECK_OK(cass_iterator_get_user_type_field_name(it, &name, &len));
  CHECK(len == 3 && memcmp(name, "zip", 3) == 0);
  field = cass_iterator_get_user_type_field_value(it);
  if (a->has_zip) {
    cass_int32_t zip;
    CHECK_OK(cass_value_get_int32(field, &zip));
    CHECK_EQ_INT(a->zip, zip);
  } else {
    CHECK(cass_value_is_null(field));
    CHECK_ERR(CASS_ERROR_LIB_NULL_VALUE, cass_value_get_int32(field, NULL));
  }
  CHECK(cass_iterator_next(it));
  field = cass_iterator_get_user_type_field_value(it);
  CHECK_EQ_INT(CASS_VALUE_TYPE_SET, cass_value_type(field));
  if (a->ntags == 0) {
    CHECK(cass_value_is_null(field));
  } else {
    CassIterator* tags = cass_iterator_from_collection(field);
    int i;
    CHECK_EQ_INT(a->ntags, cass_value_item_count(field));
    for (i = 0; i < a->ntags; i++) {
      CHECK(cass_iterator_next(tags));
      check_string(cass_iterator_get_value(tags), a->tags[i]);
    }
    CHECK(!cass_iterator_next(tags));
    cass_iterator_free(tags);
  }
  CHECK(!cass_iterator_next(it));
  cass_iterator_free(it);
}

static void check_row(const Row* r) {
  char cql[256];
  const CassResult* result;
  const CassRow* row;
  const CassValue* v;
  size_t i;
  snprintf(cql, sizeof cql, "SELECT %s", COLUMNS[0]);
  for (i = 1; i < NCOLS; i++) snprintf(cql + strlen(cql), sizeof cql - strlen(cql), ", %s", COLUMNS[i]);
  snprintf(cql + strlen(cql), sizeof cql - strlen(cql), " FROM %s.t WHERE k = %d", ks, (int)r->k);
  result = test_query(session, cql);
  CHECK_EQ_INT(1, cass_result_row_count(result));
  row = cass_result_first_row(result);

  if (r->null_row) {
    for (i = 1; i < NCOLS; i++) {
      v = cass_row_get_column(row, i);
      if (!cass_value_is_null(v)) {
        fprintf(stderr, "column %s is not NULL\n", COLUMNS[i]);
        CHECK(0);
      }
      CHECK_EQ_INT(cass_data_type_type(column_type(COLUMNS[i])), cass_value_type(v));
    }
    cass_result_free(result);
    return;
  }
  {
    const char* s;
    size_t len;
    cass_int64_t i64;
    const cass_byte_t* bytes;
    cass_bool_t b;
    cass_uint32_t u32;
    cass_int32_t scale, months, days, i32;
    cass_int64_t nanos;
    cass_double_t d;
    cass_float_t f;
    CassInet inet;
    cass_int16_t i16;
    cass_int8_t i8;
    CassUuid uuid;
    CassIterator* it;
    int j;

    check_string(cass_row_get_column_by_name(row, "a"), r->ascii);
    CHECK_OK(cass_value_get_int64(cass_row_get_column(row, 2), &i64));
    CHECK_EQ_INT(r->bigint, i64);
    CHECK_OK(cass_value_get_bytes(cass_row_get_column(row, 3), &bytes, &len));
    CHECK_EQ_INT(r->blob_len, len);
    CHECK(len == 0 || memcmp(bytes, r->blob, len) == 0);
    CHECK_OK(cass_value_get_bool(cass_row_get_column(row, 4), &b));
    CHECK_EQ_INT(r->boolean, b);
    CHECK_OK(cass_value_get_uint32(cass_row_get_column(row, 5), &u32));
    CHECK_EQ_INT(r->date, u32);
    CHECK_OK(cass_value_get_decimal(cass_row_get_column(row, 6), &bytes, &len, &scale));
    CHECK_EQ_INT(strlen(r->dec_text), len);
    CHECK(memcmp(bytes, r->dec_text, len) == 0);
    CHECK_EQ_INT(r->dec_scale, scale);
    CHECK_OK(cass_value_get_double(cass_row_get_column(row, 7), &d));
    CHECK(d == r->dbl);
    v = cass_row_get_column(row, 8);
    CHECK(cass_value_is_duration(v));
    CHECK_OK(cass_value_get_duration(v, &months, &days, &nanos));
    CHECK_EQ_INT(r->dur_months, months);
    CHECK_EQ_INT(r->dur_days, days);
    CHECK_EQ_INT(r->dur_nanos, nanos);
    CHECK_OK(cass_value_get_float(cass_row_get_column(row, 9), &f));
    CHECK(f == r->flt);
    CHECK_OK(cass_value_get_inet(cass_row_get_column(row, 10), &inet));
    CHECK_EQ_INT(r->inet.address_length, inet.address_length);
    CHECK(memcmp(inet.address, r->inet.address, inet.address_length) == 0);
    CHECK_OK(cass_value_get_int32(cass_row_get_column(row, 11), &i32));
    CHECK_EQ_INT(r->i32, i32);
    CHECK_OK(cass_value_get_int16(cass_row_get_column(row, 12), &i16));
    CHECK_EQ_INT(r->i16, i16);
    check_string(cass_row_get_column(row, 13), r->text);
    CHECK_OK(cass_value_get_int64(cass_row_get_column(row, 14), &i64));
    CHECK_EQ_INT(r->time, i64);
    CHECK_OK(cass_value_get_int64(cass_row_get_column(row, 15), &i64));
    CHECK_EQ_INT(r->timestamp, i64);
    CHECK_OK(cass_value_get_uuid(cass_row_get_column(row, 16), &uuid));
    CHECK(uuid.time_and_version == r->timeuuid.time_and_version);
    CHECK(uuid.clock_seq_and_node == r->timeuuid.clock_seq_and_node);
    CHECK_OK(cass_value_get_int8(cass_row_get_column(row, 17), &i8));
    CHECK_EQ_INT(r->i8, i8);
    CHECK_OK(cass_value_get_uuid(cass_row_get_column(row, 18), &uuid));
    CHECK(uuid.time_and_version == r->uuid.time_and_version);
    CHECK(uuid.clock_seq_and_node == r->uuid.clock_seq_and_node);
    check_string(cass_row_get_column(row, 19), r->varchar);
    CHECK_OK(cass_value_get_bytes(cass_row_get_column(row, 20), &bytes, &len));
    CHECK_EQ_INT(r->varint_len, len);
    CHECK(memcmp(bytes, r->varint, len) == 0);

    /* list<int>: an empty non-frozen collection reads back as NULL */
    v = cass_row_get_column(row, 21);
    CHECK(cass_value_is_collection(v));
    CHECK_EQ_INT(CASS_VALUE_TYPE_INT, cass_value_primary_sub_type(v));
    CHECK_EQ_INT(CASS_VALUE_TYPE_UNKNOWN, cass_value_secondary_sub_type(v));
    if (r->nlist == 0) {
      CHECK(cass_value_is_null(v));
      CHECK(cass_iterator_from_collection(v) == NULL);
    } else {
      CHECK_EQ_INT(r->nlist, cass_value_item_count(v));
      it = cass_iterator_from_collection(v);
      CHECK_EQ_INT(CASS_ITERATOR_TYPE_COLLECTION, cass_iterator_type(it));
      /* As with the C++ driver, an iterator has a value before its first next and after its end
         (programs test it to tell an empty collection from a non-empty one). */
      CHECK(cass_iterator_get_value(it) != NULL);
      for (j = 0; j < r->nlist; j++) {
        CHECK(cass_iterator_next(it));
        CHECK_OK(cass_value_get_int32(cass_iterator_get_value(it), &i32));
        CHECK_EQ_INT(r->list[j], i32);
      }
      CHECK(!cass_iterator_next(it));
      CHECK(cass_iterator_get_value(it) != NULL);
      cass_iterator_free(it);
    }
    v = cass_row_get_column(row, 22);
    if (r->nset == 0) {
      CHECK(cass_value_is_null(v));
    } else {
      CHECK_EQ_INT(r->nset, cass_value_item_count(v));
      it = cass_iterator_from_collection(v);
      for (j = 0; j < r->nset; j++) {
        CHECK(cass_iterator_next(it));
        check_string(cass_iterator_get_value(it), r->set[j]);
      }
      CHECK(!cass_iterator_next(it));
      cass_iterator_free(it);
    }
    v = cass_row_get_column(row, 23);
    CHECK_EQ_INT(CASS_VALUE_TYPE_VARCHAR, cass_value_primary_sub_type(v));
    CHECK_EQ_INT(CASS_VALUE_TYPE_BIGINT, cass_value_secondary_sub_type(v));
    if (r->nmap == 0) {
      CHECK(cass_value_is_null(v));
    } else {
      CHECK_EQ_INT(r->nmap, cass_value_item_count(v));
      it = cass_iterator_from_map(v);
      CHECK_EQ_INT(CASS_ITERATOR_TYPE_MAP, cass_iterator_type(it));
      CHECK(cass_iterator_get_map_key(it) != NULL);
      CHECK(cass_iterator_get_map_value(it) != NULL);
      for (j = 0; j < r->nmap; j++) {
        CHECK(cass_iterator_next(it));
        check_string(cass_iterator_get_map_key(it), r->map_keys[j]);
        CHECK_OK(cass_value_get_int64(cass_iterator_get_map_value(it), &i64));
        CHECK_EQ_INT(r->map_values[j], i64);
      }
      CHECK(!cass_iterator_next(it));
      cass_iterator_free(it);
      /* A collection iterator over a map gives keys and values in turn. */
      it = cass_iterator_from_collection(v);
      for (j = 0; j < r->nmap; j++) {
        CHECK(cass_iterator_next(it));
        check_string(cass_iterator_get_value(it), r->map_keys[j]);
        CHECK(cass_iterator_next(it));
        CHECK_OK(cass_value_get_int64(cass_iterator_get_value(it), &i64));
        CHECK_EQ_INT(r->map_values[j], i64);
      }
      CHECK(!cass_iterator_next(it));
      cass_iterator_free(it);
    }
    v = cass_row_get_column(row, 24);
    CHECK_EQ_INT(3, cass_value_item_count(v));
    it = cass_iterator_from_tuple(v);
    CHECK_EQ_INT(CASS_ITERATOR_TYPE_TUPLE, cass_iterator_type(it));
    CHECK(cass_iterator_get_value(it) != NULL);
    CHECK(cass_iterator_next(it));
    CHECK_OK(cass_value_get_int32(cass_iterator_get_value(it), &i32));
    CHECK_EQ_INT(r->tup_i, i32);
    CHECK(cass_iterator_next(it));
    check_string(cass_iterator_get_value(it), r->tup_s);
    CHECK(cass_iterator_next(it));
    {
      const CassValue* doubles = cass_iterator_get_value(it);
      CassIterator* dit = cass_iterator_from_collection(doubles);
      CHECK_EQ_INT(r->tup_nd, cass_value_item_count(doubles));
      for (j = 0; j < r->tup_nd; j++) {
        CHECK(cass_iterator_next(dit));
        CHECK_OK(cass_value_get_double(cass_iterator_get_value(dit), &d));
        CHECK(d == r->tup_d[j]);
      }
      CHECK(!cass_iterator_next(dit));
      cass_iterator_free(dit);
    }
    CHECK(!cass_iterator_next(it));
    cass_iterator_free(it);

    check_addr(cass_row_get_column(row, 25), &r->addr);

    v = cass_row_get_column(row, 26);
    if (r->nnest == 0) {
      CHECK(cass_value_is_null(v));
    } else {
      Addr other = {"second", 1, 2, 0, {NULL, NULL}};
      CHECK_EQ_INT(r->nnest, cass_value_item_count(v));
      it = cass_iterator_from_map(v);
      for (j = 0; j < r->nnest; j++) {
        char key[16];
        const CassValue* list;
        CassIterator* lit;
        snprintf(key, sizeof key, "n%d", j);
        CHECK(cass_iterator_next(it));
        check_string(cass_iterator_get_map_key(it), key);
        list = cass_iterator_get_map_value(it);
        CHECK_EQ_INT(2, cass_value_item_count(list));
        lit = cass_iterator_from_collection(list);
        CHECK(cass_iterator_next(lit));
        check_addr(cass_iterator_get_value(lit), &r->addr);
        CHECK(cass_iterator_next(lit));
        check_addr(cass_iterator_get_value(lit), &other);
        CHECK(!cass_iterator_next(lit));
        cass_iterator_free(lit);
      }
      CHECK(!cass_iterator_next(it));
      cass_iterator_free(it);
    }
    /* frozen collections keep being empty when empty */
    v = cass_row_get_column(row, 27);
    CHECK(!cass_value_is_null(v));
    CHECK_EQ_INT(r->nfls, cass_value_item_count(v));
    it = cass_iterator_from_collection(v);
    for (j = 0; j < r->nfls; j++) {
      const CassValue* set;
      CassIterator* sit;
      CHECK(cass_iterator_next(it));
      set = cass_iterator_get_value(it);
      CHECK_EQ_INT(CASS_VALUE_TYPE_SET, cass_value_type(set));
      sit = cass_iterator_from_collection(set);
      CHECK(cass_iterator_next(sit));
      CHECK_OK(cass_value_get_int32(cass_iterator_get_value(sit), &i32));
      CHECK_EQ_INT(j, i32);
      CHECK(cass_iterator_next(sit));
      CHECK_OK(cass_value_get_int32(cass_iterator_get_value(sit), &i32));
      CHECK_EQ_INT(j + 1, i32);
      CHECK(!cass_iterator_next(sit));
      cass_iterator_free(sit);
    }
    CHECK(!cass_iterator_next(it));
    cass_iterator_free(it);
    v = cass_row_get_column(row, 28);
    CHECK(!cass_value_is_null(v));
    CHECK_EQ_INT(r->nfm, cass_value_item_count(v));
    (void)s;
  }
  cass_result_free(result);
}

static void check_column_types(void) {
  const CassDataType* t;
  const CassDataType* sub;
  const char* s;
  size_t len;
  static const CassValueType expected[NCOLS] = {
      CASS_VALUE_TYPE_INT,      CASS_VALUE_TYPE_ASCII,    CASS_VALUE_TYPE_BIGINT,   CASS_VALUE_TYPE_BLOB,
      CASS_VALUE_TYPE_BOOLEAN,  CASS_VALUE_TYPE_DATE,     CASS_VALUE_TYPE_DECIMAL,  CASS_VALUE_TYPE_DOUBLE,
      CASS_VALUE_TYPE_DURATION, CASS_VALUE_TYPE_FLOAT,    CASS_VALUE_TYPE_INET,     CASS_VALUE_TYPE_INT,
      CASS_VALUE_TYPE_SMALL_INT, CASS_VALUE_TYPE_VARCHAR, CASS_VALUE_TYPE_TIME,     CASS_VALUE_TYPE_TIMESTAMP,
      CASS_VALUE_TYPE_TIMEUUID, CASS_VALUE_TYPE_TINY_INT, CASS_VALUE_TYPE_UUID,     CASS_VALUE_TYPE_VARCHAR,
      CASS_VALUE_TYPE_VARINT,   CASS_VALUE_TYPE_LIST,     CASS_VALUE_TYPE_SET,      CASS_VALUE_TYPE_MAP,
      CASS_VALUE_TYPE_TUPLE,    CASS_VALUE_TYPE_UDT,      CASS_VALUE_TYPE_MAP,      CASS_VALUE_TYPE_LIST,
      CASS_VALUE_TYPE_MAP};
  size_t i;
  CHECK_EQ_INT(NCOLS, cass_result_column_count(types_result));
  for (i = 0; i < NCOLS; i++) {
    CHECK_EQ_INT(expected[i], cass_data_type_type(cass_result_column_data_type(types_result, i)));
    CHECK_EQ_INT(expected[i], cass_result_column_type(types_result, i));
  }
  CHECK(cass_result_column_data_type(types_result, NCOLS) == NULL);

  t = column_type("m");
  CHECK_EQ_INT(2, cass_data_type_sub_type_count(t));
  CHECK_EQ_INT(CASS_VALUE_TYPE_VARCHAR, cass_data_type_type(cass_data_type_sub_data_type(t, 0)));
  CHECK_EQ_INT(CASS_VALUE_TYPE_BIGINT, cass_data_type_type(cass_data_type_sub_data_type(t, 1)));
  CHECK(!cass_data_type_is_frozen(t));

  t = column_type("tup");
  CHECK_EQ_INT(3, cass_data_type_sub_type_count(t));
  sub = cass_data_type_sub_data_type(t, 2);
  CHECK_EQ_INT(CASS_VALUE_TYPE_LIST, cass_data_type_type(sub));
  CHECK_EQ_INT(CASS_VALUE_TYPE_DOUBLE, cass_data_type_type(cass_data_type_sub_data_type(sub, 0)));

  t = column_type("ad");
  CHECK_OK(cass_data_type_type_name(t, &s, &len));
  CHECK(len == 4 && memcmp(s, "addr", 4) == 0);
  CHECK_OK(cass_data_type_keyspace(t, &s, &len));
  CHECK(len == strlen(ks) && memcmp(s, ks, len) == 0);
  CHECK_EQ_INT(3, cass_data_type_sub_type_count(t));
  CHECK_OK(cass_data_type_sub_type_name(t, 2, &s, &len));
  CHECK(len == 4 && memcmp(s, "tags", 4) == 0);
  sub = cass_data_type_sub_data_type_by_name(t, "zip");
  CHECK_EQ_INT(CASS_VALUE_TYPE_INT, cass_data_type_type(sub));
  CHECK(cass_data_type_sub_data_type_by_name(t, "nope") == NULL);

  t = column_type("nest");
  sub = cass_data_type_sub_data_type(cass_data_type_sub_data_type(t, 1), 0);
  CHECK_EQ_INT(CASS_VALUE_TYPE_UDT, cass_data_type_type(sub));
  CHECK_OK(cass_data_type_type_name(sub, &s, &len));
  CHECK(len == 4 && memcmp(s, "addr", 4) == 0);
}

/* The C++ driver's type checks on typed collections, tuples and UDTs, and on getters. */
static void check_type_errors(void) {
  CassCollection* coll = cass_collection_new_from_data_type(column_type("m"), 2);
  CassTuple* tup = cass_tuple_new_from_data_type(column_type("tup"));
  CassUserType* udt = cass_user_type_new_from_data_type(column_type("ad"));
  CassStatement* st = cass_statement_new("SELECT * FROM system.local WHERE key = ?", 1);
  const CassResult* result;
  const CassRow* row;
  cass_int32_t i32;
  cass_int64_t i64;

  CHECK(cass_collection_new_from_data_type(column_type("tup"), 1) == NULL);
  CHECK(cass_tuple_new_from_data_type(column_type("m")) == NULL);
  CHECK(cass_user_type_new_from_data_type(column_type("m")) == NULL);

  CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE, cass_collection_append_int32(coll, 1)); /* key is text */
  CHECK_OK(cass_collection_append_string(coll, "key"));
  CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE, cass_collection_append_string(coll, "x")); /* value bigint */
  /* a map missing a value cannot be bound */
  CHECK_ERR(CASS_ERROR_LIB_INVALID_ITEM_COUNT, cass_statement_bind_collection(st, 0, coll));
  CHECK_OK(cass_collection_append_int64(coll, 7));
  CHECK_OK(cass_collection_append_string(coll, "bytes are accepted where text is")); /* string type */
  cass_collection_free(coll);

  CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE, cass_tuple_set_string(tup, 0, "not an int"));
  CHECK_ERR(CASS_ERROR_LIB_INDEX_OUT_OF_BOUNDS, cass_tuple_set_int32(tup, 4, 1));
  CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE, cass_tuple_set_int64(tup, 0, 1));
  CHECK_OK(cass_tuple_set_null(tup, 0));
  cass_tuple_free(tup);

  CHECK_ERR(CASS_ERROR_LIB_NAME_DOES_NOT_EXIST, cass_user_type_set_int32_by_name(udt, "nope", 1));
  CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE, cass_user_type_set_int32_by_name(udt, "street", 1));
  CHECK_ERR(CASS_ERROR_LIB_INDEX_OUT_OF_BOUNDS, cass_user_type_set_int32(udt, 3, 1));
  CHECK_OK(cass_user_type_set_int32_by_name(udt, "ZIP", 1)); /* case-insensitive */
  CHECK_ERR(CASS_ERROR_LIB_NAME_DOES_NOT_EXIST, cass_user_type_set_int32_by_name(udt, "\"ZIP\"", 1));
  CHECK_OK(cass_user_type_set_int32_by_name(udt, "\"zip\"", 2));
  cass_user_type_free(udt);

  /* simple statements do not check types at bind time, but do check the index */
  CHECK_ERR(CASS_ERROR_LIB_INDEX_OUT_OF_BOUNDS, cass_statement_bind_int32(st, 1, 1));
  CHECK_OK(cass_statement_bind_int32(st, 0, 1));
  cass_statement_free(st);

  result = test_query(session, "SELECT release_version, bootstrapped FROM system.local");
  row = cass_result_first_row(result);
  CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE, cass_value_get_int32(cass_row_get_column(row, 0), &i32));
  CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE, cass_value_get_int64(cass_row_get_column(row, 1), &i64));
  CHECK(cass_iterator_from_collection(cass_row_get_column(row, 0)) == NULL);
  CHECK(cass_iterator_from_map(cass_row_get_column(row, 0)) == NULL);
  CHECK(cass_iterator_from_tuple(cass_row_get_column(row, 0)) == NULL);
  CHECK(cass_iterator_fields_from_user_type(cass_row_get_column(row, 0)) == NULL);
  CHECK_EQ_INT(0, cass_value_item_count(cass_row_get_column(row, 0)));
  cass_result_free(result);
}

static void check_counter(void) {
  char cql[256];
  CassStatement* st;
  const CassResult* result;
  cass_int64_t n;
  snprintf(cql, sizeof cql, "UPDATE %s.c SET n = n + ? WHERE k = ?", ks);
  st = cass_statement_new(cql, 2);
  CHECK_OK(cass_statement_bind_int64(st, 0, 9223372036854775807LL));
  CHECK_OK(cass_statement_bind_int32(st, 1, 1));
  cass_result_free(test_run(session, st));
  CHECK_OK(cass_statement_bind_int64(st, 0, -9223372036854775807LL));
  cass_result_free(test_run(session, st));
  cass_statement_free(st);
  snprintf(cql, sizeof cql, "SELECT n FROM %s.c WHERE k = 1", ks);
  result = test_query(session, cql);
  CHECK_EQ_INT(CASS_VALUE_TYPE_COUNTER, cass_result_column_type(result, 0));
  CHECK_OK(cass_value_get_int64(cass_row_get_column(cass_result_first_row(result), 0), &n));
  CHECK_EQ_INT(0, n);
  cass_result_free(result);
}

int main(void) {
  CassCluster* cluster;
  char cql[1024];
  static const cass_byte_t small_blob[] = {0, 1, 2, 0x7f, 0x80, 0xfe, 0xff};
  cass_byte_t* big_blob;
  const size_t big_len = 2 * 1024 * 1024;
  size_t i;
  Row max, min, zero, nulls, unicode;

  test_connect(&cluster, &session);
  test_name(ks, sizeof ks, "all_types");
  snprintf(cql, sizeof cql, "DROP KEYSPACE IF EXISTS %s", ks);
  test_execute(session, cql);
  snprintf(cql, sizeof cql,
           "CREATE KEYSPACE %s WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}", ks);
  test_execute(session, cql);
  snprintf(cql, sizeof cql, "CREATE TYPE %s.addr (street text, zip int, tags frozen<set<text>>)", ks);
  test_execute(session, cql);
  snprintf(cql, sizeof cql,
           "CREATE TABLE %s.t (k int PRIMARY KEY, a ascii, bi bigint, bl blob, bo boolean, da date, de decimal, "
           "db double, du duration, fl float, ine inet, i int, si smallint, te text, ti time, ts timestamp, "
           "tu timeuuid, ty tinyint, u uuid, vc varchar, vi varint, l list<int>, s set<text>, m map<text, bigint>, "
           "tup tuple<int, text, frozen<list<double>>>, ad frozen<addr>, "
           "nest map<text, frozen<list<frozen<addr>>>>, fls frozen<list<frozen<set<int>>>>, fm frozen<map<int, text>>)",
           ks);
  test_execute(session, cql);
  snprintf(cql, sizeof cql, "CREATE TABLE %s.c (k int PRIMARY KEY, n counter)", ks);
  test_execute(session, cql);

  snprintf(cql, sizeof cql, "SELECT %s", COLUMNS[0]);
  for (i = 1; i < NCOLS; i++) snprintf(cql + strlen(cql), sizeof cql - strlen(cql), ", %s", COLUMNS[i]);
  snprintf(cql + strlen(cql), sizeof cql - strlen(cql), " FROM %s.t LIMIT 1", ks);
  types_result = test_query(session, cql);
  check_column_types();
  check_type_errors();

  memset(&max, 0, sizeof max);
  max.k = 1;
  max.ascii = "~~~ max ~~~";
  max.bigint = INT64_MAX;
  max.blob = small_blob;
  max.blob_len = sizeof small_blob;
  max.boolean = cass_true;
  max.date = UINT32_MAX;
  max.dec_text = "3.14159265358979323846"; /* text in the varint bytes, as acsylla stores it */
  max.dec_scale = INT32_MAX;
  max.dbl = DBL_MAX;
  max.dur_months = INT32_MAX;
  max.dur_days = INT32_MAX;
  max.dur_nanos = INT64_MAX;
  max.flt = FLT_MAX;
  max.inet.address_length = 16;
  memset(max.inet.address, 0xff, 16);
  max.i32 = INT32_MAX;
  max.i16 = INT16_MAX;
  max.text = "max";
  max.time = 86399999999999LL;
  max.timestamp = INT64_MAX;
  max.timeuuid.time_and_version = 0x1fffffffffffffffULL;
  max.timeuuid.clock_seq_and_node = 0xbfffffffffffffffULL;
  max.i8 = INT8_MAX;
  max.uuid.time_and_version = 0x4fffffffffffffffULL;
  max.uuid.clock_seq_and_node = 0xbfffffffffffffffULL;
  max.varchar = "varchar max";
  max.varint[0] = 0x7f;
  max.varint[1] = 0xff;
  max.varint[2] = 0xff;
  max.varint[3] = 0xff;
  max.varint_len = 4;
  max.nlist = 3;
  max.list[0] = INT32_MAX;
  max.list[1] = 0;
  max.list[2] = INT32_MIN;
  max.nset = 3;
  max.set[0] = "a";
  max.set[1] = "b";
  max.set[2] = "c";
  max.nmap = 2;
  max.map_keys[0] = "hi";
  max.map_values[0] = INT64_MAX;
  max.map_keys[1] = "lo";
  max.map_values[1] = INT64_MIN;
  max.tup_i = INT32_MAX;
  max.tup_s = "tuple";
  max.tup_nd = 2;
  max.tup_d[0] = DBL_MAX;
  max.tup_d[1] = -DBL_MAX;
  max.addr.street = "Main Street";
  max.addr.has_zip = 1;
  max.addr.zip = 99999;
  max.addr.ntags = 2;
  max.addr.tags[0] = "home";
  max.addr.tags[1] = "work";
  max.nnest = 2;
  max.nfls = 3;
  max.nfm = 2;

  min = max;
  min.k = 2;
  min.ascii = "\x01";
  min.bigint = INT64_MIN;
  min.boolean = cass_false;
  min.date = 0;
  min.dec_text = "-1";
  min.dec_scale = INT32_MIN;
  min.dbl = -DBL_MAX;
  min.dur_months = -INT32_MAX;
  min.dur_days = INT32_MIN;
  min.dur_nanos = INT64_MIN;
  min.flt = -FLT_MAX;
  min.inet.address_length = 4;
  memset(min.inet.address, 0, 16);
  min.i32 = INT32_MIN;
  min.i16 = INT16_MIN;
  min.time = 0;
  min.timestamp = INT64_MIN;
  min.timeuuid.time_and_version = 0x1000000000000000ULL;
  min.timeuuid.clock_seq_and_node = 0x8000000000000000ULL;
  min.i8 = INT8_MIN;
  min.varint[0] = 0x80;
  min.varint_len = 1;
  min.addr.has_zip = 0; /* a UDT with a NULL field */
  min.addr.ntags = 0;

  memset(&zero, 0, sizeof zero);
  zero.k = 3;
  zero.ascii = "";
  zero.blob = small_blob;
  zero.blob_len = 0;
  zero.dec_text = "0";
  zero.text = "";
  zero.varchar = "";
  zero.varint[0] = 0;
  zero.varint_len = 1;
  zero.inet.address_length = 4;
  zero.tup_s = "";
  zero.addr.street = ""; /* empty, not NULL */
  zero.addr.has_zip = 1;
  zero.timeuuid.time_and_version = 0x1000000000000000ULL;
  zero.timeuuid.clock_seq_and_node = 0x8000000000000000ULL;

  memset(&nulls, 0, sizeof nulls);
  nulls.k = 4;
  nulls.null_row = 1;

  big_blob = (cass_byte_t*)malloc(big_len);
  CHECK(big_blob != NULL);
  for (i = 0; i < big_len; i++) big_blob[i] = (cass_byte_t)(i * 31 + 7);
  unicode = max;
  unicode.k = 5;
  unicode.ascii = "plain ascii";
  unicode.text = "z\xc3\xbc\x72\x69\x63\x68 \xe6\x9d\xb1\xe4\xba\xac \xf0\x9f\x98\x80"; /* zürich 東京 😀 */
  unicode.varchar = "\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0";                 /* Москва */
  unicode.blob = big_blob;
  unicode.blob_len = big_len;
  unicode.set[0] = "\xc3\xa4";
  unicode.set[1] = "\xc3\xb6";
  unicode.set[2] = "\xc3\xbc";
  unicode.addr.street = "\xe2\x82\xac street";

  insert_row(&max, 0);
  insert_row(&min, 2);
  insert_row(&zero, 1);
  insert_row(&nulls, 1);
  insert_row(&unicode, 0);
  check_row(&max);
  check_row(&min);
  check_row(&zero);
  check_row(&nulls);
  check_row(&unicode);
  check_counter();

  free(big_blob);
  cass_result_free(types_result);
  test_disconnect(cluster, session);
  printf("all_types: OK\n");
  return 0;
}
