/* The cass_data_type_* functions on input the C++ driver crashes on or accepts without checking:
   NULL handles and strings, unknown value types, text that is not UTF-8, NULL out-pointers, and
   changes to a data type that is shared (the C++ driver changes it in place; this library refuses
   with CASS_ERROR_LIB_BAD_PARAMS, see cass_data_type_add_sub_type() in cassandra.h). */
// test-label: ours-only
#include "test_util.h"

static void test_null_handles(void) {
  CassDataType* udt = cass_data_type_new_udt(1);
  const char* text = "x";
  size_t length = 7;

  cass_data_type_free(NULL);
  CHECK(cass_data_type_new_from_existing(NULL) == NULL);
  CHECK_EQ_INT(CASS_VALUE_TYPE_UNKNOWN, cass_data_type_type(NULL));
  CHECK(cass_data_type_is_frozen(NULL) == cass_false);
  CHECK_EQ_INT(0, cass_data_type_sub_type_count(NULL));
  CHECK_EQ_INT(0, cass_data_sub_type_count(NULL));
  CHECK(cass_data_type_sub_data_type(NULL, 0) == NULL);
  CHECK(cass_data_type_sub_data_type_by_name(NULL, "a") == NULL);
  CHECK(cass_data_type_sub_data_type_by_name_n(NULL, "a", 1) == NULL);
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_data_type_type_name(NULL, &text, &length));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_data_type_keyspace(NULL, &text, &length));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_data_type_class_name(NULL, &text, &length));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_data_type_sub_type_name(NULL, 0, &text, &length));
  CHECK(text != NULL && strcmp(text, "x") == 0 && length == 7); /* untouched */
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_data_type_set_type_name(NULL, "t"));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_data_type_set_type_name_n(NULL, "t", 1));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_data_type_set_keyspace(NULL, "k"));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_data_type_set_keyspace_n(NULL, "k", 1));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_data_type_set_class_name(NULL, "c"));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_data_type_set_class_name_n(NULL, "c", 1));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_data_type_add_sub_type(NULL, udt));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_data_type_add_sub_type_by_name(NULL, "a", udt));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_data_type_add_sub_type_by_name_n(NULL, "a", 1, udt));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_data_type_add_sub_value_type(NULL, CASS_VALUE_TYPE_INT));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS,
            cass_data_type_add_sub_value_type_by_name(NULL, "a", CASS_VALUE_TYPE_INT));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS,
            cass_data_type_add_sub_value_type_by_name_n(NULL, "a", 1, CASS_VALUE_TYPE_INT));
  /* The udt was never changed. */
  CHECK_EQ_INT(0, cass_data_type_sub_type_count(udt));
  cass_data_type_free(udt);
}

static void test_null_arguments(void) {
  CassDataType* udt = cass_data_type_new_udt(1);
  CassDataType* tuple = cass_data_type_new_tuple(1);
  CassDataType* custom = cass_data_type_new(CASS_VALUE_TYPE_CUSTOM);
  const char* text = NULL;
  size_t length = 0;

  /* NULL sub types. */
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_data_type_add_sub_type(tuple, NULL));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_data_type_add_sub_type_by_name(udt, "a", NULL));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_data_type_add_sub_type_by_name_n(udt, "a", 1, NULL));

  /* NULL strings (the C++ driver reads a NUL-terminated NULL as ""). */
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_data_type_set_type_name(udt, NULL));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_data_type_set_keyspace(udt, NULL));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_data_type_set_class_name(custom, NULL));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_data_type_add_sub_type_by_name(udt, NULL, tuple));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS,
            cass_data_type_add_sub_value_type_by_name(udt, NULL, CASS_VALUE_TYPE_INT));
  CHECK(cass_data_type_sub_data_type_by_name(udt, NULL) == NULL);
  /* NULL with a length. */
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_data_type_set_type_name_n(udt, NULL, 3));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_data_type_set_keyspace_n(udt, NULL, 3));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_data_type_set_class_name_n(custom, NULL, 3));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_data_type_add_sub_type_by_name_n(udt, NULL, 3, tuple));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS,
            cass_data_type_add_sub_value_type_by_name_n(udt, NULL, 3, CASS_VALUE_TYPE_INT));
  CHECK(cass_data_type_sub_data_type_by_name_n(udt, NULL, 3) == NULL);
  /* NULL with length 0 is the empty string, as everywhere in this library. */
  CHECK_OK(cass_data_type_set_type_name_n(udt, NULL, 0));
  CHECK_OK(cass_data_type_add_sub_value_type_by_name_n(udt, NULL, 0, CASS_VALUE_TYPE_INT));
  CHECK(cass_data_type_sub_data_type_by_name_n(udt, NULL, 0) == cass_data_type_sub_data_type(udt, 0));
  CHECK(cass_data_type_sub_data_type_by_name(udt, "") == cass_data_type_sub_data_type(udt, 0));
  CHECK_EQ_INT(0, cass_data_type_sub_type_count(tuple));

  /* NULL out-pointers. */
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_data_type_type_name(udt, NULL, &length));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_data_type_type_name(udt, &text, NULL));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_data_type_keyspace(udt, NULL, NULL));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_data_type_class_name(custom, NULL, &length));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_data_type_sub_type_name(udt, 0, &text, NULL));
  /* The type check comes first. */
  CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE, cass_data_type_class_name(udt, NULL, NULL));
  CHECK_ERR(CASS_ERROR_LIB_INDEX_OUT_OF_BOUNDS, cass_data_type_sub_type_name(udt, 9, NULL, NULL));

  cass_data_type_free(udt);
  cass_data_type_free(tuple);
  cass_data_type_free(custom);
}

static void test_unknown_value_types(void) {
  CassDataType* list = cass_data_type_new(CASS_VALUE_TYPE_LIST);
  CassDataType* udt = cass_data_type_new_udt(1);

  CHECK(cass_data_type_new((CassValueType)0x16) == NULL);
  CHECK(cass_data_type_new((CassValueType)0x1F) == NULL);
  CHECK(cass_data_type_new((CassValueType)0x40) == NULL);
  CHECK(cass_data_type_new((CassValueType)-1) == NULL);
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_data_type_add_sub_value_type(list, (CassValueType)0x16));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_data_type_add_sub_value_type(list, CASS_VALUE_TYPE_LAST_ENTRY));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS,
            cass_data_type_add_sub_value_type_by_name(udt, "a", (CassValueType)12345));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS,
            cass_data_type_add_sub_value_type_by_name_n(udt, "a", 1, CASS_VALUE_TYPE_LAST_ENTRY));
  CHECK_EQ_INT(0, cass_data_type_sub_type_count(list));
  CHECK_EQ_INT(0, cass_data_type_sub_type_count(udt));
  /* CASS_VALUE_TYPE_UNKNOWN is accepted as a sub type, as by the C++ driver. */
  CHECK_OK(cass_data_type_add_sub_value_type(list, CASS_VALUE_TYPE_UNKNOWN));
  CHECK_EQ_INT(CASS_VALUE_TYPE_UNKNOWN, cass_data_type_type(cass_data_type_sub_data_type(list, 0)));

  cass_data_type_free(list);
  cass_data_type_free(udt);
}

static void test_not_utf8(void) {
  const char bad_utf8[] = { 'a', (char)0xC3, (char)0x28, 0 };
  CassDataType* udt = cass_data_type_new_udt(1);
  CassDataType* custom = cass_data_type_new(CASS_VALUE_TYPE_CUSTOM);
  const char* text = NULL;
  size_t length = 0;

  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_data_type_set_type_name(udt, bad_utf8));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_data_type_set_type_name_n(udt, bad_utf8, 2));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_data_type_set_keyspace(udt, bad_utf8));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_data_type_set_keyspace_n(udt, bad_utf8, 3));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_data_type_set_class_name(custom, bad_utf8));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_data_type_set_class_name_n(custom, bad_utf8, 2));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_data_type_add_sub_type_by_name(udt, bad_utf8, custom));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS,
            cass_data_type_add_sub_value_type_by_name_n(udt, bad_utf8, 3, CASS_VALUE_TYPE_INT));
  CHECK(cass_data_type_sub_data_type_by_name(udt, bad_utf8) == NULL);
  /* The valid prefix is fine. */
  CHECK_OK(cass_data_type_set_type_name_n(udt, bad_utf8, 1));
  CHECK_OK(cass_data_type_type_name(udt, &text, &length));
  CHECK(length == 1 && text[0] == 'a');
  CHECK_EQ_INT(0, cass_data_type_sub_type_count(udt));

  cass_data_type_free(udt);
  cass_data_type_free(custom);
}

static void test_shared_types_are_read_only(void) {
  CassDataType* udt = cass_data_type_new_udt(2);
  CassDataType* list = cass_data_type_new(CASS_VALUE_TYPE_LIST);
  CassDataType* tuple = cass_data_type_new_tuple(2);
  CassDataType* custom = cass_data_type_new(CASS_VALUE_TYPE_CUSTOM);
  CassDataType* copy;
  const char* text = NULL;
  size_t length = 0;

  CHECK_OK(cass_data_type_set_type_name(udt, "point"));
  CHECK_OK(cass_data_type_add_sub_value_type_by_name(udt, "x", CASS_VALUE_TYPE_INT));
  CHECK_OK(cass_data_type_add_sub_type(list, udt));

  /* The list shares the user type now: it is read-only, reads still work. */
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_data_type_set_type_name(udt, "other"));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_data_type_set_keyspace_n(udt, "ks", 2));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS,
            cass_data_type_add_sub_value_type_by_name(udt, "y", CASS_VALUE_TYPE_INT));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_data_type_add_sub_type_by_name(udt, "y", custom));
  /* A misuse that is an error anyway keeps its own code. */
  CHECK_ERR(CASS_ERROR_LIB_INVALID_VALUE_TYPE, cass_data_type_set_class_name(udt, "c"));
  CHECK_OK(cass_data_type_type_name(udt, &text, &length));
  CHECK(length == 5 && memcmp(text, "point", 5) == 0);
  CHECK_EQ_INT(1, cass_data_type_sub_type_count(udt));

  /* A copy is not shared, so it can be changed (and shares nothing with the list). */
  copy = cass_data_type_new_from_existing(udt);
  CHECK_OK(cass_data_type_add_sub_value_type_by_name(copy, "y", CASS_VALUE_TYPE_INT));
  CHECK_EQ_INT(2, cass_data_type_sub_type_count(copy));
  CHECK_EQ_INT(1, cass_data_type_sub_type_count(cass_data_type_sub_data_type(list, 0)));

  /* A type cannot become its own sub type. */
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_data_type_add_sub_type(tuple, tuple));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_data_type_add_sub_type_by_name(copy, "self", copy));
  CHECK_EQ_INT(0, cass_data_type_sub_type_count(tuple));
  CHECK_EQ_INT(2, cass_data_type_sub_type_count(copy));

  /* Once the list is gone, C's reference is the only one again. */
  cass_data_type_free(list);
  CHECK_OK(cass_data_type_set_type_name(udt, "other"));
  CHECK_OK(cass_data_type_add_sub_value_type_by_name(udt, "y", CASS_VALUE_TYPE_INT));
  CHECK_EQ_INT(2, cass_data_type_sub_type_count(udt));

  /* A sub type lent by its parent is shared as soon as C still holds it too. */
  CHECK_OK(cass_data_type_add_sub_type(tuple, custom));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS,
            cass_data_type_set_class_name((CassDataType*)cass_data_type_sub_data_type(tuple, 0), "c"));

  cass_data_type_free(copy);
  cass_data_type_free(udt);
  cass_data_type_free(tuple);
  cass_data_type_free(custom);
}

int main(void) {
  test_null_handles();
  test_null_arguments();
  test_unknown_value_types();
  test_not_utf8();
  test_shared_types_are_read_only();
  return 0;
}
