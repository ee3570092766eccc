/* The cass_error_result_* functions, cass_consistency_string() and cass_write_type_string() on
   input the C++ driver crashes on: NULL error results (each getter answers what an error without
   that field answers: CASS_CONSISTENCY_UNKNOWN, -1, cass_false, CASS_WRITE_TYPE_UNKNOWN, 0;
   CASS_ERROR_LIB_BAD_PARAMS where a CassError is returned), NULL futures, and values that are
   not a consistency level or write type (""). */
// test-label: ours-only
#include "test_util.h"

static void test_null_error_result(void) {
  const char* s = "untouched";
  size_t length = 9;

  cass_error_result_free(NULL);
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_error_result_code(NULL));
  CHECK_EQ_INT(CASS_CONSISTENCY_UNKNOWN, cass_error_result_consistency(NULL));
  CHECK_EQ_INT(-1, cass_error_result_responses_received(NULL));
  CHECK_EQ_INT(-1, cass_error_result_responses_required(NULL));
  CHECK_EQ_INT(-1, cass_error_result_num_failures(NULL));
  CHECK_EQ_INT(cass_false, cass_error_result_data_present(NULL));
  CHECK_EQ_INT(CASS_WRITE_TYPE_UNKNOWN, cass_error_result_write_type(NULL));
  CHECK_EQ_INT(0, cass_error_num_arg_types(NULL));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_error_result_keyspace(NULL, &s, &length));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_error_result_table(NULL, &s, &length));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_error_result_function(NULL, &s, &length));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_error_result_arg_type(NULL, 0, &s, &length));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_error_result_keyspace(NULL, NULL, NULL));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_error_result_arg_type(NULL, 0, NULL, NULL));
  CHECK(length == 9 && strcmp(s, "untouched") == 0);

  CHECK(cass_future_get_error_result(NULL) == NULL);
}

static void test_unknown_enum_values(void) {
  /* Values C may pass that are not enumerators. */
  CHECK_EQ_STR("", cass_consistency_string((CassConsistency)11));
  CHECK_EQ_STR("", cass_consistency_string((CassConsistency)0x0100));
  CHECK_EQ_STR("", cass_consistency_string((CassConsistency)0xFFFE));
  CHECK_EQ_STR("", cass_consistency_string((CassConsistency)0x10000));
  CHECK_EQ_STR("", cass_consistency_string((CassConsistency)-1));
  CHECK_EQ_STR("", cass_write_type_string((CassWriteType)9));
  CHECK_EQ_STR("", cass_write_type_string((CassWriteType)0x7FFFFFFF));
  CHECK_EQ_STR("", cass_write_type_string((CassWriteType)-1));
  /* The real values next to them still work. */
  CHECK_EQ_STR("LOCAL_ONE", cass_consistency_string((CassConsistency)10));
  CHECK_EQ_STR("UNKNOWN", cass_consistency_string((CassConsistency)0xFFFF));
  CHECK_EQ_STR("CDC", cass_write_type_string((CassWriteType)8));
}

int main(void) {
  test_null_error_result();
  test_unknown_enum_values();
  return 0;
}
