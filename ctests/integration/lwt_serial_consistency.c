/* Serial consistency is what the application set: a conditional update (lightweight transaction)
   whose serial consistency is not SERIAL or LOCAL_SERIAL fails with the server's
   CASS_ERROR_SERVER_INVALID_QUERY, as when the C++ driver sends it; the same level on a plain
   update is harmless, and SERIAL / LOCAL_SERIAL work. Simple, prepared and batched statements. */
#include "test_util.h"

static CassError run_at(CassSession* session, CassStatement* statement, CassConsistency serial) {
  CassFuture* future;
  CassError rc;
  CHECK_OK(cass_statement_set_serial_consistency(statement, serial));
  future = cass_session_execute(session, statement);
  rc = cass_future_error_code(future);
  cass_future_free(future);
  cass_statement_free(statement);
  return rc;
}

int main(void) {
  CassCluster* cluster;
  CassSession* session;
  char ks[64], cql[256];
  const CassPrepared* prepared;
  CassBatch* batch;
  CassFuture* future;

  test_connect(&cluster, &session);
  test_name(ks, sizeof ks, "lwt_serial");
  snprintf(cql, sizeof cql, "DROP KEYSPACE IF EXISTS %s", ks);
  test_execute(session, cql);
  snprintf(cql, sizeof cql,
           "CREATE KEYSPACE %s WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}", ks);
  test_execute(session, cql);
  snprintf(cql, sizeof cql, "CREATE TABLE %s.t (k int PRIMARY KEY, v int)", ks);
  test_execute(session, cql);

  snprintf(cql, sizeof cql, "INSERT INTO %s.t (k, v) VALUES (1, 1) IF NOT EXISTS", ks);
  CHECK_ERR(CASS_ERROR_SERVER_INVALID_QUERY, run_at(session, cass_statement_new(cql, 0), CASS_CONSISTENCY_ONE));
  CHECK_OK(run_at(session, cass_statement_new(cql, 0), CASS_CONSISTENCY_SERIAL));
  CHECK_OK(run_at(session, cass_statement_new(cql, 0), CASS_CONSISTENCY_LOCAL_SERIAL));

  snprintf(cql, sizeof cql, "UPDATE %s.t SET v = 2 WHERE k = 1 IF v = 1", ks);
  prepared = test_prepare(session, cql);
  CHECK_ERR(CASS_ERROR_SERVER_INVALID_QUERY, run_at(session, cass_prepared_bind(prepared), CASS_CONSISTENCY_QUORUM));
  CHECK_OK(run_at(session, cass_prepared_bind(prepared), CASS_CONSISTENCY_SERIAL));
  cass_prepared_free(prepared);

  /* A plain update carries the level too; the server does not use it. */
  snprintf(cql, sizeof cql, "UPDATE %s.t SET v = 3 WHERE k = 1", ks);
  CHECK_OK(run_at(session, cass_statement_new(cql, 0), CASS_CONSISTENCY_ONE));

  batch = cass_batch_new(CASS_BATCH_TYPE_LOGGED);
  snprintf(cql, sizeof cql, "INSERT INTO %s.t (k, v) VALUES (2, 2) IF NOT EXISTS", ks);
  {
    CassStatement* statement = cass_statement_new(cql, 0);
    CHECK_OK(cass_batch_add_statement(batch, statement));
    cass_statement_free(statement);
  }
  CHECK_OK(cass_batch_set_serial_consistency(batch, CASS_CONSISTENCY_ONE));
  future = cass_session_execute_batch(session, batch);
  CHECK_ERR(CASS_ERROR_SERVER_INVALID_QUERY, cass_future_error_code(future));
  cass_future_free(future);
  cass_batch_free(batch);

  snprintf(cql, sizeof cql, "DROP KEYSPACE %s", ks);
  test_execute(session, cql);
  test_disconnect(cluster, session);
  return 0;
}
