/* cassandra.h and dse.h together, twice each (include guards), in C99 and in C++14. */
#include <cassandra.h>
#include <dse.h>
#include <cassandra.h>
#include <dse.h>

#include "test_util.h"

int main(void) {
  CassUuid uuid;
  CassInet inet;
  CassError error = CASS_ERROR_LIB_BAD_PARAMS;
  CassConsistency consistency = CASS_CONSISTENCY_LOCAL_ONE;
  CassValueType value_type = CASS_VALUE_TYPE_UDT;
  cass_bool_t flag = cass_true;

  memset(&uuid, 0, sizeof uuid);
  memset(&inet, 0, sizeof inet);
  CHECK_EQ_INT(16, sizeof uuid);
  CHECK_EQ_INT(16, sizeof inet.address);
  CHECK_EQ_INT(0x01000001, error);
  CHECK_EQ_INT(10, consistency);
  CHECK_EQ_INT(0x30, value_type);
  CHECK(flag == cass_true);
  CHECK_EQ_STR("Bad parameters", cass_error_desc(error));
  return 0;
}
