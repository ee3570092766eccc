/* The wire bytes of DSE points and date ranges, through a real node, on both libraries.
   Cassandra has no DSE geometry or DateRange types (a column of
   'org.apache.cassandra.db.marshal.PointType' is refused: the class does not exist), so the
   values are bound to a simple statement (no type check) into blob columns and read back as
   bytes, which are pinned here: WKB little endian for the point, DateRangeType's kind byte and
   big-endian bounds for every kind of date range. */
// test-node: tls
#define TEST_UTIL_TLS
#include <dse.h>

#include "test_util.h"

static CassSession* session;
static char ks[64];

static const cass_byte_t POINT_1[] = {1,    1,    0,    0,    0,    0,    0,    0, 0, 0, 0, 0xf8, 0x3f,
                                      0,    0,    0,    0,    0,    0,    0x04, 0xc0};
static const cass_byte_t POINT_2[] = {1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x20, 0x5f, 0xa0, 0x02, 0x42};
#define T1 0, 0, 0x01, 0x5d, 0x3e, 0xf7, 0x98, 0x00 /* 1500000000000 */
#define T2 0, 0, 0x01, 0x74, 0x87, 0x6e, 0x80, 0x7b /* 1600000000123 */
#define T3 0xff, 0xff, 0xff, 0xff, 0xfa, 0xd9, 0xa4, 0x00 /* -86400000 */
static const cass_byte_t CLOSED[] = {1, T1, DSE_DATE_RANGE_PRECISION_DAY, T2, DSE_DATE_RANGE_PRECISION_MILLISECOND};
static const cass_byte_t SINGLE[] = {0, T3, DSE_DATE_RANGE_PRECISION_HOUR};
static const cass_byte_t OPEN_HIGH[] = {2, T1, DSE_DATE_RANGE_PRECISION_YEAR};
static const cass_byte_t OPEN_LOW[] = {3, T2, DSE_DATE_RANGE_PRECISION_MONTH};
static const cass_byte_t BOTH_OPEN[] = {4};
static const cass_byte_t SINGLE_OPEN[] = {5};

static void run(CassStatement* statement) {
  CassFuture* future = cass_session_execute(session, statement);
  CHECK_FUTURE_OK(future);
  cass_future_free(future);
  cass_statement_free(statement);
}

static CassStatement* insert(int k, int by_name) {
  char cql[256];
  CassStatement* st;
  if (by_name) {
    snprintf(cql, sizeof cql, "INSERT INTO %s.t (k, p, r) VALUES (:k, :p, :r)", ks);
    st = cass_statement_new(cql, 3);
    CHECK_OK(cass_statement_bind_int32_by_name(st, "k", k));
  } else {
    snprintf(cql, sizeof cql, "INSERT INTO %s.t (k, p, r) VALUES (?, ?, ?)", ks);
    st = cass_statement_new(cql, 3);
    CHECK_OK(cass_statement_bind_int32(st, 0, k));
  }
  return st;
}

static void check_column(const CassRow* row, size_t column, const cass_byte_t* expected, size_t size) {
  const cass_byte_t* bytes;
  size_t len;
  CHECK_OK(cass_value_get_bytes(cass_row_get_column(row, column), &bytes, &len));
  CHECK_EQ_INT(size, len);
  CHECK(memcmp(bytes, expected, size) == 0);
}

static void check_row(int k, const cass_byte_t* point, const cass_byte_t* range, size_t range_size) {
  char cql[256];
  CassStatement* st;
  CassFuture* future;
  const CassResult* result;
  const CassRow* row;
  snprintf(cql, sizeof cql, "SELECT p, r FROM %s.t WHERE k = %d", ks, k);
  st = cass_statement_new(cql, 0);
  future = cass_session_execute(session, st);
  CHECK_FUTURE_OK(future);
  result = cass_future_get_result(future);
  row = cass_result_first_row(result);
  CHECK(row != NULL);
  check_column(row, 0, point, sizeof POINT_1);
  check_column(row, 1, range, range_size);
  cass_result_free(result);
  cass_future_free(future);
  cass_statement_free(st);
}

int main(void) {
  CassCluster* cluster;
  CassStatement* st;
  char cql[256];
  DseDateRange range;
  DseDateRangeBound t1 = dse_date_range_bound_init(DSE_DATE_RANGE_PRECISION_DAY, 1500000000000LL);
  DseDateRangeBound t2 = dse_date_range_bound_init(DSE_DATE_RANGE_PRECISION_MILLISECOND, 1600000000123LL);
  DseDateRangeBound open = dse_date_range_bound_unbounded();

  test_connect(&cluster, &session);
  test_name(ks, sizeof ks, "dse_values");
  snprintf(cql, sizeof cql, "DROP KEYSPACE IF EXISTS %s", ks);
  test_execute(session, cql);
  snprintf(cql, sizeof cql,
           "CREATE KEYSPACE %s WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}", ks);
  test_execute(session, cql);
  snprintf(cql, sizeof cql, "CREATE TABLE %s.t (k int PRIMARY KEY, p blob, r blob)", ks);
  test_execute(session, cql);

  st = insert(1, 0);
  CHECK_OK(cass_statement_bind_dse_point(st, 1, 1.5, -2.5));
  CHECK_OK(cass_statement_bind_dse_date_range(st, 2, dse_date_range_init(&range, t1, t2)));
  run(st);

  st = insert(2, 1);
  CHECK_OK(cass_statement_bind_dse_point_by_name(st, "p", 0.0, 1e10));
  dse_date_range_init_single_date(&range, dse_date_range_bound_init(DSE_DATE_RANGE_PRECISION_HOUR, -86400000LL));
  CHECK_OK(cass_statement_bind_dse_date_range_by_name(st, "r", &range));
  run(st);

  st = insert(3, 1);
  CHECK_OK(cass_statement_bind_dse_point_by_name_n(st, "px", 1, 1.5, -2.5));
  CHECK_OK(cass_statement_bind_dse_date_range_by_name_n(st, "rx", 1,
                                                        dse_date_range_init(&range,
                                                                            dse_date_range_bound_init(DSE_DATE_RANGE_PRECISION_YEAR, 1500000000000LL),
                                                                            open)));
  run(st);

  st = insert(4, 0);
  CHECK_OK(cass_statement_bind_dse_point(st, 1, 1.5, -2.5));
  CHECK_OK(cass_statement_bind_dse_date_range(st, 2, dse_date_range_init(&range, open,
                                                                         dse_date_range_bound_init(DSE_DATE_RANGE_PRECISION_MONTH, 1600000000123LL))));
  run(st);

  st = insert(5, 0);
  CHECK_OK(cass_statement_bind_dse_point(st, 1, 1.5, -2.5));
  CHECK_OK(cass_statement_bind_dse_date_range(st, 2, dse_date_range_init(&range, open, open)));
  run(st);

  st = insert(6, 0);
  CHECK_OK(cass_statement_bind_dse_point(st, 1, 1.5, -2.5));
  CHECK_OK(cass_statement_bind_dse_date_range(st, 2, dse_date_range_init_single_date(&range, open)));
  run(st);

  check_row(1, POINT_1, CLOSED, sizeof CLOSED);
  check_row(2, POINT_2, SINGLE, sizeof SINGLE);
  check_row(3, POINT_1, OPEN_HIGH, sizeof OPEN_HIGH);
  check_row(4, POINT_1, OPEN_LOW, sizeof OPEN_LOW);
  check_row(5, POINT_1, BOTH_OPEN, sizeof BOTH_OPEN);
  check_row(6, POINT_1, SINGLE_OPEN, sizeof SINGLE_OPEN);

  snprintf(cql, sizeof cql, "DROP KEYSPACE %s", ks);
  test_execute(session, cql);
  test_disconnect(cluster, session);
  printf("dse_values_roundtrip: OK\n");
  return 0;
}
