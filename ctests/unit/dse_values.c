/* The dse.h functions the reference C++ driver exports, without a server: date range bounds and
   ranges (dse_date_range_*), binding DSE points and date ranges to simple statements (index and
   name checks; the wire bytes are pinned by integration/dse_values_roundtrip.c), and the GSSAPI
   lock callbacks (not implemented: neither library is built with Kerberos). */
#include <dse.h>

#include "test_util.h"

static int lock_calls;
static void count_lock(void* data) {
  (void)data;
  lock_calls++;
}

int main(void) {
  DseDateRangeBound bound, open;
  DseDateRange range, *returned;
  CassStatement* statement;

  /* Bounds. */
  bound = dse_date_range_bound_init(DSE_DATE_RANGE_PRECISION_DAY, 1500000000000LL);
  CHECK_EQ_INT(DSE_DATE_RANGE_PRECISION_DAY, bound.precision);
  CHECK_EQ_INT(1500000000000LL, bound.time_ms);
  CHECK_EQ_INT(cass_false, dse_date_range_bound_is_unbounded(bound));
  open = dse_date_range_bound_unbounded();
  CHECK_EQ_INT(DSE_DATE_RANGE_PRECISION_UNBOUNDED, open.precision);
  CHECK_EQ_INT(-1, open.time_ms);
  CHECK_EQ_INT(cass_true, dse_date_range_bound_is_unbounded(open));
  /* Only the precision decides. */
  CHECK_EQ_INT(cass_true, dse_date_range_bound_is_unbounded(
                              dse_date_range_bound_init(DSE_DATE_RANGE_PRECISION_UNBOUNDED, 42)));
  CHECK_EQ_INT(cass_false, dse_date_range_bound_is_unbounded(
                               dse_date_range_bound_init(DSE_DATE_RANGE_PRECISION_YEAR, -1)));

  /* Ranges: init writes all three fields; init_single_date leaves upper_bound alone. */
  memset(&range, 0xAB, sizeof range);
  returned = dse_date_range_init(&range, bound, open);
  CHECK(returned == &range);
  CHECK_EQ_INT(cass_false, range.is_single_date);
  CHECK_EQ_INT(DSE_DATE_RANGE_PRECISION_DAY, range.lower_bound.precision);
  CHECK_EQ_INT(1500000000000LL, range.lower_bound.time_ms);
  CHECK_EQ_INT(DSE_DATE_RANGE_PRECISION_UNBOUNDED, range.upper_bound.precision);
  CHECK_EQ_INT(-1, range.upper_bound.time_ms);

  range.upper_bound = dse_date_range_bound_init(DSE_DATE_RANGE_PRECISION_HOUR, 77);
  returned = dse_date_range_init_single_date(&range, dse_date_range_bound_init(DSE_DATE_RANGE_PRECISION_MILLISECOND, 5));
  CHECK(returned == &range);
  CHECK_EQ_INT(cass_true, range.is_single_date);
  CHECK_EQ_INT(DSE_DATE_RANGE_PRECISION_MILLISECOND, range.lower_bound.precision);
  CHECK_EQ_INT(5, range.lower_bound.time_ms);
  CHECK_EQ_INT(DSE_DATE_RANGE_PRECISION_HOUR, range.upper_bound.precision);
  CHECK_EQ_INT(77, range.upper_bound.time_ms);

  /* Binding to a simple statement: any marker index in range, names fill the markers. */
  statement = cass_statement_new("INSERT INTO t (k, p, r) VALUES (?, ?, ?)", 3);
  CHECK_OK(cass_statement_bind_dse_point(statement, 1, 1.5, -2.5));
  CHECK_OK(cass_statement_bind_dse_date_range(statement, 2, &range));
  CHECK_ERR(CASS_ERROR_LIB_INDEX_OUT_OF_BOUNDS, cass_statement_bind_dse_point(statement, 3, 0.0, 0.0));
  CHECK_ERR(CASS_ERROR_LIB_INDEX_OUT_OF_BOUNDS, cass_statement_bind_dse_date_range(statement, 3, &range));
  cass_statement_free(statement);

  statement = cass_statement_new("INSERT INTO t (k, p, r) VALUES (:k, :p, :r)", 3);
  CHECK_OK(cass_statement_bind_int32_by_name(statement, "k", 1));
  CHECK_OK(cass_statement_bind_dse_point_by_name(statement, "p", 1.0, 2.0));
  CHECK_OK(cass_statement_bind_dse_date_range_by_name_n(statement, "rest", 1, &range));
  /* Binding a name again replaces its value. */
  CHECK_OK(cass_statement_bind_dse_point_by_name_n(statement, "p", 1, 3.0, 4.0));
  cass_statement_free(statement);

  /* GSSAPI is not built in. */
  CHECK_ERR(CASS_ERROR_LIB_NOT_IMPLEMENTED,
            dse_gssapi_authenticator_set_lock_callbacks(count_lock, count_lock, &lock_calls));
  CHECK_EQ_INT(0, lock_calls);

  printf("dse_values: OK\n");
  return 0;
}
