/* cass_error_desc and cass_log_level_string: fixed strings of the C API. */
#include "test_util.h"

int main(void) {
  CHECK_EQ_STR("Bad parameters", cass_error_desc(CASS_ERROR_LIB_BAD_PARAMS));
  CHECK_EQ_STR("Request timed out", cass_error_desc(CASS_ERROR_LIB_REQUEST_TIMED_OUT));
  CHECK_EQ_STR("Syntax error", cass_error_desc(CASS_ERROR_SERVER_SYNTAX_ERROR));
  CHECK_EQ_STR("Unable to load certificate", cass_error_desc(CASS_ERROR_SSL_INVALID_CERT));

  CHECK_EQ_STR("WARN", cass_log_level_string(CASS_LOG_WARN));
  CHECK_EQ_STR("CRITICAL", cass_log_level_string(CASS_LOG_CRITICAL));
  CHECK_EQ_STR("TRACE", cass_log_level_string(CASS_LOG_TRACE));

  CHECK_EQ_INT(0x01000001, CASS_ERROR_LIB_BAD_PARAMS);
  return 0;
}
