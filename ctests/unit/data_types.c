/* The cass_data_type_* functions: building types for collections, tuples, user types and custom
   types, reading them back, and the error code of each misuse the C++ driver reports. */
#include "test_util.h"

/* Checks that a (const char*, size_t) getter succeeded with the given text. */
#define CHECK_TEXT(expected, call_with_out_params)              \
  do {                                                          \
    const char* text_ = NULL;                                   \
    size_t text_length_ = 12345;                                \
    const char** out_ = &text_;                                 \
    size_t* out_length_ = &text_length_;                        \
    CHECK_OK(call_with_out_params);                             \
    CHECK(text_ != NULL);                                       \
    CHECK_EQ_INT(strlen(expected), text_length_);               \
    CHECK(memcmp((expected), text_, text_length_) == 0);        \
  } while (0)

static void test_scalar_types(void) {
  const CassValueType scalars[] = {
    CASS_VALUE_TYPE_ASCII,   CASS_VALUE_TYPE_BIGINT,    CASS_VALUE_TYPE_BLOB,
    CASS_VALUE_TYPE_BOOLEAN, CASS_VALUE_TYPE_COUNTER,   CASS_VALUE_TYPE_DECIMAL,
    CASS_VALUE_TYPE_DOUBLE,  CASS_VALUE_TYPE_FLOAT,     CASS_VALUE_TYPE_INT,
    CASS_VALUE_TYPE_TEXT,    CASS_VALUE_TYPE_TIMESTAMP, CASS_VALUE_TYPE_UUID,
    CASS_VALUE_TYPE_VARCHAR, CASS_VALUE_TYPE_VARINT,    CASS_VALUE_TYPE_TIMEUUID,
    CASS_VALUE_TYPE_INET,    CASS_VALUE_TYPE_DATE,      CASS_VALUE_TYPE_TIME,
    CASS_VALUE_TYPE_SMALL_INT, CASS_VALUE_TYPE_TINY_INT, CASS_VALUE_TYPE_DURATION,
  };
  size_t i;
  const char* text = NULL;
  size_t length = 0;
  CassDataType* sub = cass_data_type_new(CASS_VALUE_TYPE_INT);

  /* Not types. */
  CHECK(cass_data_type_new(CASS_VALUE_TYPE_UNKNOWN) == NULL);
  CHECK(cass_data_type_new(CASS_VALUE_TYPE_LAST_ENTRY) == NULL);

  for (i = 0; i < sizeof(scalars) / sizeof(scalars[0]); ++i) {
    CassDataType* data_type = cass_data_type_new(scalars[i]);
    CHECK(data_type != NULL);
    CHECK_EQ_INT(scalars[i], cass_data_type_type(data_type));
    CHECK(cass_data_type_is_frozen(data_type) == cass_false);
    CHECK_EQ_INT(0, cass_data_type_sub_type_count(data_type));
    CHECK_EQ_INT(0, cass_data_sub_type_count(data_type));
    CHECK(cass_data_type_sub_data_type(data_type, 0) == NULL);
    CHECK(cass_data_type_sub_data_type_by_name(data_type, "a") == NULL);
    CHECK(cass_data_type_sub_data_type_by_name_n(data_type, "a", 1) == NULL);

    /* Only user types have names and fields, only custom types a class name, only collections
       and tuples take sub types by position. */
    CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE, cass_data_type_type_name(data_type, &text, &length));
    CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE, cass_data_type_keyspace(data_type, &text, &length));
    CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE, cass_data_type_class_name(data_type, &text, &length));
    CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE,
              cass_data_type_sub_type_name(data_type, 0, &text, &length));
    CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE, cass_data_type_set_type_name(data_type, "t"));
    CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE, cass_data_type_set_type_name_n(data_type, "t", 1));
    CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE, cass_data_type_set_keyspace(data_type, "ks"));
    CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE, cass_data_type_set_keyspace_n(data_type, "ks", 2));
    CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE, cass_data_type_set_class_name(data_type, "c"));
    CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE, cass_data_type_set_class_name_n(data_type, "c", 1));
    CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE, cass_data_type_add_sub_type(data_type, sub));
    CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE,
              cass_data_type_add_sub_value_type(data_type, CASS_VALUE_TYPE_INT));
    CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE,
              cass_data_type_add_sub_type_by_name(data_type, "a", sub));
    CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE,
              cass_data_type_add_sub_type_by_name_n(data_type, "a", 1, sub));
    CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE,
              cass_data_type_add_sub_value_type_by_name(data_type, "a", CASS_VALUE_TYPE_INT));
    CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE,
              cass_data_type_add_sub_value_type_by_name_n(data_type, "a", 1, CASS_VALUE_TYPE_INT));
    CHECK_EQ_INT(0, cass_data_type_sub_type_count(data_type));
    cass_data_type_free(data_type);
  }
  cass_data_type_free(sub);
}

static void test_collections(void) {
  const CassValueType single[] = { CASS_VALUE_TYPE_LIST, CASS_VALUE_TYPE_SET };
  CassDataType* text_type = cass_data_type_new(CASS_VALUE_TYPE_TEXT);
  CassDataType* map;
  const CassDataType* sub;
  const char* text = NULL;
  size_t length = 0;
  size_t i;

  for (i = 0; i < 2; ++i) {
    CassDataType* collection = cass_data_type_new(single[i]);
    CHECK(collection != NULL);
    CHECK_EQ_INT(single[i], cass_data_type_type(collection));
    CHECK(cass_data_type_is_frozen(collection) == cass_false);
    CHECK_EQ_INT(0, cass_data_type_sub_type_count(collection));
    CHECK(cass_data_type_sub_data_type(collection, 0) == NULL);

    /* One element type, no more. */
    CHECK_OK(cass_data_type_add_sub_type(collection, text_type));
    CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_data_type_add_sub_type(collection, text_type));
    CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS,
              cass_data_type_add_sub_value_type(collection, CASS_VALUE_TYPE_INT));
    CHECK_EQ_INT(1, cass_data_type_sub_type_count(collection));
    CHECK_EQ_INT(1, cass_data_sub_type_count(collection));
    /* The sub type is the very type that was added, lent for the collection's lifetime. */
    CHECK(cass_data_type_sub_data_type(collection, 0) == text_type);
    CHECK(cass_data_type_sub_data_type(collection, 1) == NULL);

    /* By name and field names are for user types only. */
    CHECK(cass_data_type_sub_data_type_by_name(collection, "a") == NULL);
    CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE,
              cass_data_type_sub_type_name(collection, 0, &text, &length));
    CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE,
              cass_data_type_add_sub_type_by_name(collection, "a", text_type));
    CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE,
              cass_data_type_add_sub_value_type_by_name(collection, "a", CASS_VALUE_TYPE_INT));
    CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE, cass_data_type_type_name(collection, &text, &length));
    CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE, cass_data_type_set_keyspace(collection, "ks"));
    CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE, cass_data_type_class_name(collection, &text, &length));
    cass_data_type_free(collection);
  }

  /* A map: key, then value, no more. */
  map = cass_data_type_new(CASS_VALUE_TYPE_MAP);
  CHECK_EQ_INT(CASS_VALUE_TYPE_MAP, cass_data_type_type(map));
  CHECK_OK(cass_data_type_add_sub_value_type(map, CASS_VALUE_TYPE_UUID));
  CHECK_OK(cass_data_type_add_sub_type(map, text_type));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_data_type_add_sub_value_type(map, CASS_VALUE_TYPE_INT));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_data_type_add_sub_type(map, text_type));
  CHECK_EQ_INT(2, cass_data_type_sub_type_count(map));
  sub = cass_data_type_sub_data_type(map, 0);
  CHECK(sub != NULL);
  CHECK_EQ_INT(CASS_VALUE_TYPE_UUID, cass_data_type_type(sub));
  CHECK(cass_data_type_is_frozen(sub) == cass_false);
  CHECK_EQ_INT(0, cass_data_type_sub_type_count(sub));
  CHECK(cass_data_type_sub_data_type(map, 1) == text_type);
  CHECK(cass_data_type_sub_data_type(map, 2) == NULL);

  /* The map holds its own reference to the text type: C may free its reference first. */
  cass_data_type_free(text_type);
  sub = cass_data_type_sub_data_type(map, 1);
  CHECK(sub != NULL);
  CHECK_EQ_INT(CASS_VALUE_TYPE_TEXT, cass_data_type_type(sub));
  cass_data_type_free(map);
}

static void test_nested_collections(void) {
  /* map<text, list<int>>, built inside out. */
  CassDataType* list = cass_data_type_new(CASS_VALUE_TYPE_LIST);
  CassDataType* map = cass_data_type_new(CASS_VALUE_TYPE_MAP);
  const CassDataType* value;
  CHECK_OK(cass_data_type_add_sub_value_type(list, CASS_VALUE_TYPE_INT));
  CHECK_OK(cass_data_type_add_sub_value_type(map, CASS_VALUE_TYPE_TEXT));
  CHECK_OK(cass_data_type_add_sub_type(map, list));
  cass_data_type_free(list);

  value = cass_data_type_sub_data_type(map, 1);
  CHECK_EQ_INT(CASS_VALUE_TYPE_LIST, cass_data_type_type(value));
  CHECK_EQ_INT(1, cass_data_type_sub_type_count(value));
  CHECK_EQ_INT(CASS_VALUE_TYPE_INT, cass_data_type_type(cass_data_type_sub_data_type(value, 0)));
  cass_data_type_free(map);
}

static void test_tuples(void) {
  CassDataType* tuple = cass_data_type_new_tuple(2);
  CassDataType* from_new = cass_data_type_new(CASS_VALUE_TYPE_TUPLE);
  CassDataType* blob = cass_data_type_new(CASS_VALUE_TYPE_BLOB);
  const char* text = NULL;
  size_t length = 0;
  size_t i;

  CHECK(tuple != NULL);
  CHECK(from_new != NULL);
  CHECK_EQ_INT(CASS_VALUE_TYPE_TUPLE, cass_data_type_type(tuple));
  CHECK_EQ_INT(CASS_VALUE_TYPE_TUPLE, cass_data_type_type(from_new));
  CHECK(cass_data_type_is_frozen(tuple) == cass_false);
  /* The count reserves room; the items are added one by one, and more may be added. */
  CHECK_EQ_INT(0, cass_data_type_sub_type_count(tuple));
  CHECK(cass_data_type_sub_data_type(tuple, 0) == NULL);
  CHECK_OK(cass_data_type_add_sub_value_type(tuple, CASS_VALUE_TYPE_INT));
  CHECK_OK(cass_data_type_add_sub_type(tuple, blob));
  CHECK_OK(cass_data_type_add_sub_value_type(tuple, CASS_VALUE_TYPE_VARCHAR));
  CHECK_EQ_INT(3, cass_data_type_sub_type_count(tuple));
  CHECK_EQ_INT(CASS_VALUE_TYPE_INT, cass_data_type_type(cass_data_type_sub_data_type(tuple, 0)));
  CHECK(cass_data_type_sub_data_type(tuple, 1) == blob);
  CHECK_EQ_INT(CASS_VALUE_TYPE_VARCHAR, cass_data_type_type(cass_data_type_sub_data_type(tuple, 2)));
  CHECK(cass_data_type_sub_data_type(tuple, 3) == NULL);
  CHECK(cass_data_type_sub_data_type_by_name(tuple, "a") == NULL);
  CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE, cass_data_type_sub_type_name(tuple, 0, &text, &length));
  CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE, cass_data_type_add_sub_type_by_name(tuple, "a", blob));
  CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE, cass_data_type_set_type_name(tuple, "t"));

  for (i = 0; i < 20; ++i) {
    CHECK_OK(cass_data_type_add_sub_type(from_new, blob));
  }
  CHECK_EQ_INT(20, cass_data_type_sub_type_count(from_new));

  /* A tuple reserved for none still takes items. */
  cass_data_type_free(tuple);
  tuple = cass_data_type_new_tuple(0);
  CHECK_OK(cass_data_type_add_sub_value_type(tuple, CASS_VALUE_TYPE_BOOLEAN));
  CHECK_EQ_INT(1, cass_data_type_sub_type_count(tuple));

  cass_data_type_free(tuple);
  cass_data_type_free(from_new);
  cass_data_type_free(blob);
}

static void test_user_types(void) {
  CassDataType* udt = cass_data_type_new_udt(3);
  CassDataType* from_new = cass_data_type_new(CASS_VALUE_TYPE_UDT);
  CassDataType* list = cass_data_type_new(CASS_VALUE_TYPE_LIST);
  const CassDataType* sub;
  const char* text = NULL;
  size_t length = 0;

  CHECK(udt != NULL);
  CHECK(from_new != NULL);
  CHECK_EQ_INT(CASS_VALUE_TYPE_UDT, cass_data_type_type(udt));
  CHECK_EQ_INT(CASS_VALUE_TYPE_UDT, cass_data_type_type(from_new));
  CHECK(cass_data_type_is_frozen(udt) == cass_false);
  CHECK_EQ_INT(0, cass_data_type_sub_type_count(udt));

  /* Names start empty. */
  CHECK_TEXT("", cass_data_type_type_name(udt, out_, out_length_));
  CHECK_TEXT("", cass_data_type_keyspace(udt, out_, out_length_));
  CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE, cass_data_type_class_name(udt, &text, &length));
  CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE, cass_data_type_set_class_name(udt, "c"));

  CHECK_OK(cass_data_type_set_type_name(udt, "address"));
  CHECK_TEXT("address", cass_data_type_type_name(udt, out_, out_length_));
  CHECK_OK(cass_data_type_set_type_name_n(udt, "phone_numbers", 5));
  CHECK_TEXT("phone", cass_data_type_type_name(udt, out_, out_length_));
  CHECK_OK(cass_data_type_set_keyspace(udt, "examples"));
  CHECK_TEXT("examples", cass_data_type_keyspace(udt, out_, out_length_));
  CHECK_OK(cass_data_type_set_keyspace_n(udt, "ks_other", 2));
  CHECK_TEXT("ks", cass_data_type_keyspace(udt, out_, out_length_));

  /* Fields: the count reserves room; each field is added by name, in order. */
  CHECK_OK(cass_data_type_add_sub_value_type_by_name(udt, "street", CASS_VALUE_TYPE_TEXT));
  CHECK_OK(cass_data_type_add_sub_value_type_by_name_n(udt, "zip_code", 3, CASS_VALUE_TYPE_INT));
  CHECK_OK(cass_data_type_add_sub_value_type(list, CASS_VALUE_TYPE_TEXT));
  CHECK_OK(cass_data_type_add_sub_type_by_name(udt, "Phones", list));
  CHECK_OK(cass_data_type_add_sub_type_by_name_n(udt, "tags and more", 4, list));
  CHECK_EQ_INT(4, cass_data_type_sub_type_count(udt));
  CHECK_EQ_INT(4, cass_data_sub_type_count(udt));

  CHECK_TEXT("street", cass_data_type_sub_type_name(udt, 0, out_, out_length_));
  CHECK_TEXT("zip", cass_data_type_sub_type_name(udt, 1, out_, out_length_));
  CHECK_TEXT("Phones", cass_data_type_sub_type_name(udt, 2, out_, out_length_));
  CHECK_TEXT("tags", cass_data_type_sub_type_name(udt, 3, out_, out_length_));
  CHECK_ERR(CASS_ERROR_LIB_INDEX_OUT_OF_BOUNDS, cass_data_type_sub_type_name(udt, 4, &text, &length));

  CHECK_EQ_INT(CASS_VALUE_TYPE_TEXT, cass_data_type_type(cass_data_type_sub_data_type(udt, 0)));
  CHECK_EQ_INT(CASS_VALUE_TYPE_INT, cass_data_type_type(cass_data_type_sub_data_type(udt, 1)));
  CHECK(cass_data_type_sub_data_type(udt, 2) == list);
  CHECK(cass_data_type_sub_data_type(udt, 3) == list);
  CHECK(cass_data_type_sub_data_type(udt, 4) == NULL);

  /* Names match case-insensitively, or exactly when double-quoted. */
  sub = cass_data_type_sub_data_type_by_name(udt, "zip");
  CHECK(sub != NULL);
  CHECK_EQ_INT(CASS_VALUE_TYPE_INT, cass_data_type_type(sub));
  CHECK(cass_data_type_sub_data_type_by_name(udt, "STREET") == cass_data_type_sub_data_type(udt, 0));
  CHECK(cass_data_type_sub_data_type_by_name(udt, "phones") == list);
  CHECK(cass_data_type_sub_data_type_by_name(udt, "\"Phones\"") == list);
  CHECK(cass_data_type_sub_data_type_by_name(udt, "\"phones\"") == NULL);
  CHECK(cass_data_type_sub_data_type_by_name(udt, "zip_code") == NULL);
  CHECK(cass_data_type_sub_data_type_by_name(udt, "nothing") == NULL);
  CHECK(cass_data_type_sub_data_type_by_name_n(udt, "zip_code", 3) == sub);
  CHECK(cass_data_type_sub_data_type_by_name_n(udt, "\"Phones\"...", 8) == list);
  CHECK(cass_data_type_sub_data_type_by_name_n(udt, "\"Phones\"...", 7) == NULL);

  /* Fields by position are not for user types. */
  CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE, cass_data_type_add_sub_type(udt, list));
  CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE,
            cass_data_type_add_sub_value_type(udt, CASS_VALUE_TYPE_INT));

  /* The same name twice (in different cases): both are kept; a plain lookup finds the first. */
  CHECK_OK(cass_data_type_add_sub_value_type_by_name(from_new, "a", CASS_VALUE_TYPE_INT));
  CHECK_OK(cass_data_type_add_sub_value_type_by_name(from_new, "A", CASS_VALUE_TYPE_TEXT));
  CHECK_EQ_INT(2, cass_data_type_sub_type_count(from_new));
  CHECK_EQ_INT(CASS_VALUE_TYPE_INT, cass_data_type_type(cass_data_type_sub_data_type_by_name(from_new, "A")));
  CHECK_EQ_INT(CASS_VALUE_TYPE_INT, cass_data_type_type(cass_data_type_sub_data_type_by_name(from_new, "\"a\"")));
  CHECK_EQ_INT(CASS_VALUE_TYPE_TEXT, cass_data_type_type(cass_data_type_sub_data_type_by_name(from_new, "\"A\"")));

  cass_data_type_free(list);
  /* The UDT keeps the list alive. */
  CHECK_EQ_INT(1, cass_data_type_sub_type_count(cass_data_type_sub_data_type(udt, 2)));
  cass_data_type_free(udt);
  cass_data_type_free(from_new);
}

static void test_custom_types(void) {
  CassDataType* custom = cass_data_type_new(CASS_VALUE_TYPE_CUSTOM);
  const char* text = NULL;
  size_t length = 0;

  CHECK(custom != NULL);
  CHECK_EQ_INT(CASS_VALUE_TYPE_CUSTOM, cass_data_type_type(custom));
  CHECK(cass_data_type_is_frozen(custom) == cass_false);
  CHECK_EQ_INT(0, cass_data_type_sub_type_count(custom));
  CHECK_TEXT("", cass_data_type_class_name(custom, out_, out_length_));
  CHECK_OK(cass_data_type_set_class_name(custom, "org.example.MyType"));
  CHECK_TEXT("org.example.MyType", cass_data_type_class_name(custom, out_, out_length_));
  CHECK_OK(cass_data_type_set_class_name_n(custom, "org.example.Other!!", 17));
  CHECK_TEXT("org.example.Other", cass_data_type_class_name(custom, out_, out_length_));

  CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE, cass_data_type_type_name(custom, &text, &length));
  CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE, cass_data_type_keyspace(custom, &text, &length));
  CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE, cass_data_type_set_type_name(custom, "t"));
  CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE, cass_data_type_set_keyspace_n(custom, "ks", 2));
  CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE,
            cass_data_type_add_sub_value_type(custom, CASS_VALUE_TYPE_INT));
  CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE,
            cass_data_type_add_sub_value_type_by_name_n(custom, "a", 1, CASS_VALUE_TYPE_INT));
  CHECK(cass_data_type_sub_data_type(custom, 0) == NULL);
  cass_data_type_free(custom);
}

static void test_copies(void) {
  CassDataType* udt = cass_data_type_new_udt(2);
  CassDataType* custom = cass_data_type_new(CASS_VALUE_TYPE_CUSTOM);
  CassDataType* map = cass_data_type_new(CASS_VALUE_TYPE_MAP);
  CassDataType* scalar = cass_data_type_new(CASS_VALUE_TYPE_DECIMAL);
  CassDataType* copy;

  CHECK_OK(cass_data_type_set_keyspace(udt, "ks"));
  CHECK_OK(cass_data_type_set_type_name(udt, "point"));
  CHECK_OK(cass_data_type_add_sub_value_type_by_name(udt, "x", CASS_VALUE_TYPE_DOUBLE));
  CHECK_OK(cass_data_type_add_sub_value_type_by_name(udt, "y", CASS_VALUE_TYPE_DOUBLE));

  /* A copy of a user type: same names and fields; changing it leaves the original alone. */
  copy = cass_data_type_new_from_existing(udt);
  CHECK(copy != NULL);
  CHECK(copy != udt);
  CHECK_EQ_INT(CASS_VALUE_TYPE_UDT, cass_data_type_type(copy));
  CHECK(cass_data_type_is_frozen(copy) == cass_false);
  CHECK_TEXT("ks", cass_data_type_keyspace(copy, out_, out_length_));
  CHECK_TEXT("point", cass_data_type_type_name(copy, out_, out_length_));
  CHECK_EQ_INT(2, cass_data_type_sub_type_count(copy));
  CHECK_TEXT("y", cass_data_type_sub_type_name(copy, 1, out_, out_length_));
  CHECK_EQ_INT(CASS_VALUE_TYPE_DOUBLE, cass_data_type_type(cass_data_type_sub_data_type_by_name(copy, "X")));
  CHECK_OK(cass_data_type_set_type_name(copy, "point3d"));
  CHECK_OK(cass_data_type_add_sub_value_type_by_name(copy, "z", CASS_VALUE_TYPE_DOUBLE));
  CHECK_EQ_INT(3, cass_data_type_sub_type_count(copy));
  CHECK_EQ_INT(2, cass_data_type_sub_type_count(udt));
  CHECK_TEXT("point", cass_data_type_type_name(udt, out_, out_length_));
  CHECK_TEXT("point3d", cass_data_type_type_name(copy, out_, out_length_));
  /* The copy outlives the original. */
  cass_data_type_free(udt);
  CHECK_TEXT("x", cass_data_type_sub_type_name(copy, 0, out_, out_length_));
  cass_data_type_free(copy);

  /* A copy of a custom type keeps its class name. */
  CHECK_OK(cass_data_type_set_class_name(custom, "org.example.T"));
  copy = cass_data_type_new_from_existing(custom);
  CHECK_EQ_INT(CASS_VALUE_TYPE_CUSTOM, cass_data_type_type(copy));
  CHECK_TEXT("org.example.T", cass_data_type_class_name(copy, out_, out_length_));
  cass_data_type_free(copy);
  cass_data_type_free(custom);

  /* A copy of a map keeps its sub types and takes no more. */
  CHECK_OK(cass_data_type_add_sub_value_type(map, CASS_VALUE_TYPE_INT));
  copy = cass_data_type_new_from_existing(map);
  CHECK_EQ_INT(CASS_VALUE_TYPE_MAP, cass_data_type_type(copy));
  CHECK_EQ_INT(1, cass_data_type_sub_type_count(copy));
  CHECK_OK(cass_data_type_add_sub_value_type(copy, CASS_VALUE_TYPE_TEXT));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_data_type_add_sub_value_type(copy, CASS_VALUE_TYPE_TEXT));
  CHECK_EQ_INT(2, cass_data_type_sub_type_count(copy));
  CHECK_EQ_INT(1, cass_data_type_sub_type_count(map));
  cass_data_type_free(copy);
  cass_data_type_free(map);

  copy = cass_data_type_new_from_existing(scalar);
  CHECK_EQ_INT(CASS_VALUE_TYPE_DECIMAL, cass_data_type_type(copy));
  cass_data_type_free(copy);
  cass_data_type_free(scalar);
}

static void test_pointers_stay_valid(void) {
  /* Sub types handed out stay valid while more fields are added. */
  CassDataType* udt = cass_data_type_new_udt(1);
  const CassDataType* first;
  int i;
  char field[16];

  CHECK_OK(cass_data_type_add_sub_value_type_by_name(udt, "first", CASS_VALUE_TYPE_BIGINT));
  first = cass_data_type_sub_data_type(udt, 0);
  for (i = 0; i < 100; ++i) {
    snprintf(field, sizeof(field), "f%d", i);
    CHECK_OK(cass_data_type_add_sub_value_type_by_name(udt, field, CASS_VALUE_TYPE_INT));
  }
  CHECK_EQ_INT(101, cass_data_type_sub_type_count(udt));
  CHECK(cass_data_type_sub_data_type(udt, 0) == first);
  CHECK_EQ_INT(CASS_VALUE_TYPE_BIGINT, cass_data_type_type(first));
  CHECK_EQ_INT(CASS_VALUE_TYPE_INT, cass_data_type_type(cass_data_type_sub_data_type_by_name(udt, "F99")));
  CHECK_TEXT("f57", cass_data_type_sub_type_name(udt, 58, out_, out_length_));
  cass_data_type_free(udt);
}

int main(void) {
  test_scalar_types();
  test_collections();
  test_nested_collections();
  test_tuples();
  test_user_types();
  test_custom_types();
  test_copies();
  test_pointers_stay_valid();
  return 0;
}
