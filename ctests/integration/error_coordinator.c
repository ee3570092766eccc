/* cass_future_coordinator after a failed request: a request the server answered with an error (a
   syntax error, a query on a missing table; also paged, pinned to the node, in a batch, with a
   value, and a preparation) names
   the node that answered, as after a success; the node is the test node: a system.local query pinned
   to it (cass_statement_set_node) reads back its address. A request that reached no node (a
   session that is not connected) has no coordinator. */
#include "test_util.h"

static CassSession* session;

/* Runs `statement` (freed here) and waits; the outcome's code must be `expected`. */
static CassFuture* run(CassSession* on, CassStatement* statement, CassError expected) {
  CassFuture* future = cass_session_execute(on, statement);
  cass_statement_free(statement);
  cass_future_wait(future);
  if (cass_future_error_code(future) != expected) {
    const char* message = NULL;
    size_t length = 0;
    cass_future_error_message(future, &message, &length);
    fprintf(stderr, "unexpected outcome: %.*s\n", (int)length, message != NULL ? message : "");
  }
  CHECK_ERR(expected, cass_future_error_code(future));
  return future;
}

/* The node answers a system.local query pinned to it, and its rpc_address is the test node's. */
static void check_is_test_node(const CassNode* node) {
  CassStatement* statement = cass_statement_new("SELECT rpc_address FROM system.local", 0);
  CassFuture* future;
  const CassResult* result;
  CassInet inet;
  char address[CASS_INET_STRING_LENGTH];
  CHECK(node != NULL);
  CHECK_OK(cass_statement_set_node(statement, node));
  future = run(session, statement, CASS_OK);
  result = cass_future_get_result(future);
  CHECK(result != NULL);
  CHECK_EQ_INT(1, (int)cass_result_row_count(result));
  CHECK_OK(cass_value_get_inet(cass_row_get_column(cass_result_first_row(result), 0), &inet));
  cass_inet_string(inet, address);
  CHECK_EQ_STR(test_host(), address);
  /* The query went to that node: it is its own coordinator. */
  CHECK(cass_future_coordinator(future) != NULL);
  cass_result_free(result);
  cass_future_free(future);
}

enum how { PLAIN, PINNED, PAGED };

/* Checks the coordinator of a failed request's future (freed here). */
static void check_failed(CassFuture* future) {
  CHECK(cass_future_get_error_result(future) != NULL);
  check_is_test_node(cass_future_coordinator(future));
  /* Asking again answers the same node. */
  CHECK(cass_future_coordinator(future) == cass_future_coordinator(future));
  cass_future_free(future);
}

/* A statement the server rejects with `expected`: the future names the node that answered. */
static void check_server_error(const char* cql, CassError expected, enum how how) {
  CassStatement* statement = cass_statement_new(cql, 0);
  if (how == PINNED) {
    CHECK_OK(cass_statement_set_host(statement, test_host(), test_port()));
  } else if (how == PAGED) {
    CHECK_OK(cass_statement_set_paging_size(statement, 10));
  }
  check_failed(run(session, statement, expected));
}

static void test_success(void) {
  CassFuture* future = run(session, cass_statement_new("SELECT key FROM system.local", 0), CASS_OK);
  check_is_test_node(cass_future_coordinator(future));
  cass_future_free(future);
}

static void test_server_errors(void) {
  static const enum how hows[] = {PLAIN, PINNED, PAGED};
  size_t i;
  for (i = 0; i < sizeof hows / sizeof hows[0]; i++) {
    check_server_error("SELEC * FROM system.local", CASS_ERROR_SERVER_SYNTAX_ERROR, hows[i]);
    check_server_error("SELECT * FROM system.no_such_table_here", CASS_ERROR_SERVER_INVALID_QUERY, hows[i]);
  }
}

static void test_batch_error(void) {
  CassBatch* batch = cass_batch_new(CASS_BATCH_TYPE_LOGGED);
  CassStatement* statement = cass_statement_new("INSERT INTO system.no_such_table_here (k) VALUES (1)", 0);
  CassFuture* future;
  CHECK_OK(cass_batch_add_statement(batch, statement));
  cass_statement_free(statement);
  future = cass_session_execute_batch(session, batch);
  cass_batch_free(batch);
  cass_future_wait(future);
  CHECK_ERR(CASS_ERROR_SERVER_INVALID_QUERY, cass_future_error_code(future));
  check_failed(future);
}

static void test_prepare_error(void) {
  CassFuture* future = cass_session_prepare(session, "SELECT * FROM system.no_such_table_here");
  cass_future_wait(future);
  CHECK_ERR(CASS_ERROR_SERVER_INVALID_QUERY, cass_future_error_code(future));
  check_failed(future);
}

/* A simple statement with a value: this library prepares it first, the C++ driver sends it with
   the value; refused either way, and the future names the node. */
static void test_simple_with_value_error(void) {
  CassStatement* statement = cass_statement_new("SELECT * FROM system.no_such_table_here WHERE k = ?", 1);
  CHECK_OK(cass_statement_bind_int32(statement, 0, 1));
  check_failed(run(session, statement, CASS_ERROR_SERVER_INVALID_QUERY));
}

static void test_not_connected(void) {
  CassSession* idle = cass_session_new();
  CassFuture* future = run(idle, cass_statement_new("SELECT key FROM system.local", 0),
                           CASS_ERROR_LIB_NO_HOSTS_AVAILABLE);
  CHECK(cass_future_coordinator(future) == NULL);
  cass_future_free(future);
  cass_session_free(idle);
}

int main(void) {
  CassCluster* cluster;
  test_connect(&cluster, &session);
  test_success();
  test_server_errors();
  test_batch_error();
  test_prepare_error();
  test_simple_with_value_error();
  test_not_connected();
  test_disconnect(cluster, session);
  printf("error_coordinator: ok\n");
  return 0;
}
