/*
  A plain cpp-driver program: connect, create a keyspace and a table, insert rows with bound
  values, read them back, close. Nothing in it is specific to this library.

  Usage: basic [HOST]   (default 127.0.0.1)
*/
#include <cassandra.h>
#include <stdio.h>
#include <string.h>

static int check(CassFuture* future, const char* what) {
  CassError rc = cass_future_error_code(future);
  if (rc != CASS_OK) {
    const char* message;
    size_t message_length;
    cass_future_error_message(future, &message, &message_length);
    fprintf(stderr, "%s failed: %s: %.*s\n", what, cass_error_desc(rc), (int)message_length, message);
    return 0;
  }
  return 1;
}

static int run(CassSession* session, const char* query) {
  CassStatement* statement = cass_statement_new(query, 0);
  CassFuture* future = cass_session_execute(session, statement);
  int ok = check(future, query);
  cass_future_free(future);
  cass_statement_free(statement);
  return ok;
}

int main(int argc, char* argv[]) {
  const char* host = argc > 1 ? argv[1] : "127.0.0.1";
  CassCluster* cluster = cass_cluster_new();
  CassSession* session = cass_session_new();
  CassFuture* connect_future;
  int ok = 1;
  cass_int32_t i;

  cass_cluster_set_contact_points(cluster, host);
  connect_future = cass_session_connect(session, cluster);
  if (!check(connect_future, "connect")) {
    cass_future_free(connect_future);
    cass_session_free(session);
    cass_cluster_free(cluster);
    return 1;
  }
  cass_future_free(connect_future);

  ok = ok && run(session, "CREATE KEYSPACE IF NOT EXISTS examples WITH replication = "
                          "{'class': 'SimpleStrategy', 'replication_factor': 1}");
  ok = ok && run(session, "CREATE TABLE IF NOT EXISTS examples.basic "
                          "(key text, n int, big bigint, ratio double, flag boolean, PRIMARY KEY (key, n))");
  ok = ok && run(session, "TRUNCATE examples.basic");

  for (i = 0; ok && i < 10; i++) {
    CassStatement* insert = cass_statement_new(
        "INSERT INTO examples.basic (key, n, big, ratio, flag) VALUES (?, ?, ?, ?, ?)", 5);
    CassFuture* future;
    cass_statement_bind_string(insert, 0, "basic");
    cass_statement_bind_int32(insert, 1, i);
    cass_statement_bind_int64(insert, 2, (cass_int64_t)i * 1000000000000LL);
    cass_statement_bind_double(insert, 3, i / 4.0);
    cass_statement_bind_bool(insert, 4, (i % 2) ? cass_true : cass_false);
    future = cass_session_execute(session, insert);
    ok = check(future, "insert");
    cass_future_free(future);
    cass_statement_free(insert);
  }

  if (ok) {
    CassStatement* select = cass_statement_new("SELECT n, big, ratio, flag FROM examples.basic WHERE key = ?", 1);
    CassFuture* future;
    cass_statement_bind_string(select, 0, "basic");
    future = cass_session_execute(session, select);
    if (check(future, "select")) {
      const CassResult* result = cass_future_get_result(future);
      CassIterator* rows = cass_iterator_from_result(result);
      cass_int32_t expected = 0;
      while (cass_iterator_next(rows)) {
        const CassRow* row = cass_iterator_get_row(rows);
        cass_int32_t n;
        cass_int64_t big;
        cass_double_t ratio;
        cass_bool_t flag;
        cass_value_get_int32(cass_row_get_column(row, 0), &n);
        cass_value_get_int64(cass_row_get_column_by_name(row, "big"), &big);
        cass_value_get_double(cass_row_get_column(row, 2), &ratio);
        cass_value_get_bool(cass_row_get_column(row, 3), &flag);
        printf("n=%d big=%lld ratio=%.2f flag=%s\n", n, (long long)big, ratio, flag ? "true" : "false");
        if (n != expected || big != (cass_int64_t)n * 1000000000000LL || ratio != n / 4.0 ||
            flag != ((n % 2) ? cass_true : cass_false)) {
          fprintf(stderr, "unexpected row %d\n", n);
          ok = 0;
        }
        expected++;
      }
      if (expected != 10) {
        fprintf(stderr, "expected 10 rows, got %d\n", expected);
        ok = 0;
      }
      cass_iterator_free(rows);
      cass_result_free(result);
    } else {
      ok = 0;
    }
    cass_future_free(future);
    cass_statement_free(select);
  }

  {
    CassFuture* close_future = cass_session_close(session);
    cass_future_wait(close_future);
    cass_future_free(close_future);
  }
  cass_session_free(session);
  cass_cluster_free(cluster);
  printf(ok ? "basic: OK\n" : "basic: FAILED\n");
  return ok ? 0 : 1;
}
