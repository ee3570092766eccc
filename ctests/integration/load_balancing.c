/* Load balancing on three nodes in two data centers (dc1: two nodes, one of them the contact point;
   dc2: one node). The coordinator of a request is read back from system.local (which answers about
   the node it runs on) or, for token-aware routing, from the request's trace. Checked: round-robin
   spreads requests evenly over all hosts; the default DC-aware policy stays in the contact point's
   data center; an explicit DC-aware or rack-aware policy uses its data center; host and data
   center allow/deny lists; token-aware routing sends one partition's requests to its replica;
   execution profiles with policies of their own beside the cluster's; hosts no policy uses get no
   connections; a local data center with no nodes fails the connect. */
// test-node: multi
#include "test_util.h"

#include <time.h>

#define MAX_HOSTS 3

static const char* hosts[MAX_HOSTS];
static char host_buf[256];

static const char* env_or(const char* name, const char* fallback) {
  const char* value = getenv(name);
  return value != NULL && value[0] != '\0' ? value : fallback;
}

/* hosts[0], hosts[1]: dc1 (hosts[0] is the contact point); hosts[2]: dc2. */
static void read_hosts(void) {
  char* comma;
  snprintf(host_buf, sizeof host_buf, "%s,%s", env_or("CASSANDRA_DC1_HOSTS", "127.0.0.1,127.0.0.2"),
           env_or("CASSANDRA_DC2_HOSTS", "127.0.0.3"));
  hosts[0] = host_buf;
  comma = strchr(host_buf, ',');
  CHECK(comma != NULL);
  *comma = '\0';
  hosts[1] = comma + 1;
  comma = strchr(comma + 1, ',');
  CHECK(comma != NULL);
  *comma = '\0';
  hosts[2] = comma + 1;
  CHECK(strcmp(hosts[0], test_host()) == 0);
}

static int host_index(const CassValue* value) {
  CassInet inet;
  char text[CASS_INET_STRING_LENGTH];
  int i;
  CHECK_OK(cass_value_get_inet(value, &inet));
  cass_inet_string(inet, text);
  for (i = 0; i < MAX_HOSTS; i++) {
    if (strcmp(text, hosts[i]) == 0) return i;
  }
  fprintf(stderr, "unexpected coordinator %s\n", text);
  CHECK(0);
  return -1;
}

static CassSession* connect_session(CassCluster* cluster) {
  CassSession* session = cass_session_new();
  CassFuture* future = cass_session_connect(session, cluster);
  CHECK_FUTURE_OK(future);
  cass_future_free(future);
  return session;
}

static void close_session(CassSession* session, CassCluster* cluster) {
  test_disconnect(cluster, session);
}

/* Runs n requests (with the given profile, or the default one; at the given consistency, or the
   profile's) and counts their coordinators. */
static void coordinators_at(CassSession* session, int n, const char* profile, CassConsistency consistency,
                            int counts[MAX_HOSTS]) {
  int i;
  memset(counts, 0, sizeof(int) * MAX_HOSTS);
  for (i = 0; i < n; i++) {
    CassStatement* statement = cass_statement_new("SELECT broadcast_address FROM system.local WHERE key = 'local'", 0);
    CassFuture* future;
    const CassResult* result;
    const CassRow* row;
    if (profile != NULL) CHECK_OK(cass_statement_set_execution_profile(statement, profile));
    CHECK_OK(cass_statement_set_consistency(statement, consistency));
    future = cass_session_execute(session, statement);
    CHECK_FUTURE_OK(future);
    result = cass_future_get_result(future);
    row = cass_result_first_row(result);
    CHECK(row != NULL);
    counts[host_index(cass_row_get_column(row, 0))]++;
    cass_result_free(result);
    cass_future_free(future);
    cass_statement_free(statement);
  }
}

static void coordinators(CassSession* session, int n, const char* profile, int counts[MAX_HOSTS]) {
  coordinators_at(session, n, profile, CASS_CONSISTENCY_UNKNOWN, counts);
}

/* The error of one request with the given profile and consistency. */
static CassError request_error(CassSession* session, const char* profile, CassConsistency consistency) {
  CassStatement* statement = cass_statement_new("SELECT broadcast_address FROM system.local WHERE key = 'local'", 0);
  CassFuture* future;
  CassError rc;
  CHECK_OK(cass_statement_set_execution_profile(statement, profile));
  CHECK_OK(cass_statement_set_consistency(statement, consistency));
  future = cass_session_execute(session, statement);
  rc = cass_future_error_code(future);
  cass_future_free(future);
  cass_statement_free(statement);
  return rc;
}

static void print_counts(const char* what, const int counts[MAX_HOSTS]) {
  printf("%-28s %s: %d, %s: %d, %s: %d\n", what, hosts[0], counts[0], hosts[1], counts[1], hosts[2], counts[2]);
}

/* Expects requests on exactly the hosts of `used` (a bit mask), each at least once. */
static void check_used(const char* what, const int counts[MAX_HOSTS], int used) {
  int i;
  print_counts(what, counts);
  for (i = 0; i < MAX_HOSTS; i++) {
    if (used & (1 << i)) {
      CHECK(counts[i] > 0);
    } else {
      CHECK_EQ_INT(0, counts[i]);
    }
  }
}

static CassCluster* round_robin_cluster(void) {
  CassCluster* cluster = test_cluster();
  cass_cluster_set_load_balance_round_robin(cluster);
  return cluster;
}

/* A session with `cluster`, n requests, the hosts used must be `used`. */
static void expect_hosts(const char* what, CassCluster* cluster, int used) {
  CassSession* session = connect_session(cluster);
  int counts[MAX_HOSTS];
  coordinators(session, 12, NULL, counts);
  check_used(what, counts, used);
  close_session(session, cluster);
}

/* The coordinator of a traced request, from system_traces.sessions. */
static int traced_coordinator(CassSession* session, CassFuture* future) {
  CassUuid id;
  CassStatement* statement;
  CassFuture* trace;
  const CassResult* result;
  const CassRow* row;
  int attempt, index = -1;
  struct timespec pause = {0, 20 * 1000 * 1000};
  CHECK_OK(cass_future_tracing_id(future, &id));
  for (attempt = 0; attempt < 100 && index < 0; attempt++) {
    if (attempt > 0) nanosleep(&pause, NULL);
    statement = cass_statement_new("SELECT coordinator FROM system_traces.sessions WHERE session_id = ?", 1);
    CHECK_OK(cass_statement_bind_uuid(statement, 0, id));
    CHECK_OK(cass_statement_set_consistency(statement, CASS_CONSISTENCY_ONE));
    trace = cass_session_execute(session, statement);
    CHECK_FUTURE_OK(trace);
    result = cass_future_get_result(trace);
    row = cass_result_first_row(result);
    if (row != NULL && !cass_value_is_null(cass_row_get_column(row, 0))) {
      index = host_index(cass_row_get_column(row, 0));
    }
    cass_result_free(result);
    cass_future_free(trace);
    cass_statement_free(statement);
  }
  CHECK(index >= 0);
  return index;
}

/* DC-aware remote hosts (deprecated settings): with every local host filtered out, up to
   used_hosts_per_remote_dc remote hosts serve, LOCAL_ONE requests only if allowed. */
static void remote_dc_fallback(const char* local_dc) {
  CassCluster* cluster = test_cluster();
  CassSession* session;
  int counts[MAX_HOSTS];
  const char* names[3] = {"remote_fallback", "remote_local_cl", "no_remote"};
  const unsigned remote_hosts[3] = {1, 1, 0};
  const cass_bool_t local_cl[3] = {cass_false, cass_true, cass_true};
  int i;
  for (i = 0; i < 3; i++) {
    CassExecProfile* profile = cass_execution_profile_new();
    CHECK_OK(cass_execution_profile_set_load_balance_dc_aware(profile, local_dc, remote_hosts[i], local_cl[i]));
    CHECK_OK(cass_execution_profile_set_whitelist_filtering(profile, hosts[2]));
    CHECK_OK(cass_cluster_set_execution_profile(cluster, names[i], profile));
    cass_execution_profile_free(profile);
  }
  session = connect_session(cluster);
  coordinators_at(session, 6, "remote_fallback", CASS_CONSISTENCY_ONE, counts);
  check_used("remote fallback, ONE", counts, 4);
  CHECK_ERR(CASS_ERROR_LIB_NO_HOSTS_AVAILABLE, request_error(session, "remote_fallback", CASS_CONSISTENCY_LOCAL_ONE));
  coordinators_at(session, 6, "remote_local_cl", CASS_CONSISTENCY_LOCAL_ONE, counts);
  check_used("remote allowed, LOCAL_ONE", counts, 4);
  CHECK_ERR(CASS_ERROR_LIB_NO_HOSTS_AVAILABLE, request_error(session, "no_remote", CASS_CONSISTENCY_ONE));
  close_session(session, cluster);
}

/* How many connections on host `index` carry the application name `app` (system_views.clients,
   read through a session allowed on that host only). */
static int connections_on(int index, const char* app) {
  CassCluster* cluster = round_robin_cluster();
  CassSession* session;
  CassStatement* statement;
  CassFuture* future;
  const CassResult* result;
  CassIterator* rows;
  int count = 0;
  cass_cluster_set_whitelist_filtering(cluster, hosts[index]);
  session = connect_session(cluster);
  statement = cass_statement_new("SELECT client_options FROM system_views.clients", 0);
  future = cass_session_execute(session, statement);
  CHECK_FUTURE_OK(future);
  result = cass_future_get_result(future);
  rows = cass_iterator_from_result(result);
  while (cass_iterator_next(rows)) {
    CassIterator* options = cass_iterator_from_map(cass_row_get_column(cass_iterator_get_row(rows), 0));
    if (options == NULL) continue;
    while (cass_iterator_next(options)) {
      const char *key, *value;
      size_t key_length, value_length;
      CHECK_OK(cass_value_get_string(cass_iterator_get_map_key(options), &key, &key_length));
      CHECK_OK(cass_value_get_string(cass_iterator_get_map_value(options), &value, &value_length));
      if (key_length == 16 && memcmp(key, "APPLICATION_NAME", 16) == 0 && value_length == strlen(app) &&
          memcmp(value, app, value_length) == 0) {
        count++;
      }
    }
    cass_iterator_free(options);
  }
  cass_iterator_free(rows);
  cass_result_free(result);
  cass_future_free(future);
  cass_statement_free(statement);
  close_session(session, cluster);
  return count;
}

/* A host that the session's policies ignore gets no connections: the default policy leaves dc2
   alone, and a profile using dc2 changes that. */
static void ignored_hosts(void) {
  char app[64];
  int pass;
  test_name(app, sizeof app, "lb_ignored");
  for (pass = 0; pass < 2; pass++) {
    CassCluster* cluster = test_cluster();
    CassSession* session;
    int on_dc1, on_dc2;
    cass_cluster_set_application_name(cluster, app);
    if (pass == 1) {
      CassExecProfile* profile = cass_execution_profile_new();
      CHECK_OK(cass_execution_profile_set_load_balance_round_robin(profile));
      CHECK_OK(cass_cluster_set_execution_profile(cluster, "everywhere", profile));
      cass_execution_profile_free(profile);
    }
    session = connect_session(cluster);
    on_dc1 = connections_on(1, app);
    on_dc2 = connections_on(2, app);
    printf("connections with %s profile: host 2 (dc1): %d, host 3 (dc2): %d\n",
           pass == 0 ? "the default" : "a round-robin", on_dc1, on_dc2);
    CHECK(on_dc1 > 0);
    if (pass == 0) {
      CHECK_EQ_INT(0, on_dc2);
    } else {
      CHECK(on_dc2 > 0);
    }
    close_session(session, cluster);
  }
}

/* Token-aware routing: the requests for one partition always go to its dc1 replica (one per data
   center), and over several partitions both dc1 nodes serve (a rotation would not keep a
   partition on one node; a fixed node would not serve both). */
static void token_aware(void) {
  CassCluster* cluster = test_cluster();
  CassSession* session;
  CassFuture* future;
  const CassPrepared* prepared;
  char ks[64], cql[256];
  int key, i, seen = 0;

  CHECK_OK(cass_cluster_set_load_balance_dc_aware(cluster, env_or("CASSANDRA_LOCAL_DC", "dc1"), 0, cass_false));
  cass_cluster_set_token_aware_routing(cluster, cass_true);
  session = connect_session(cluster);
  test_name(ks, sizeof ks, "lb_token_aware");
  snprintf(cql, sizeof cql, "DROP KEYSPACE IF EXISTS %s", ks);
  test_execute(session, cql);
  snprintf(cql, sizeof cql,
           "CREATE KEYSPACE %s WITH replication = {'class': 'NetworkTopologyStrategy', '%s': 1, '%s': 1}", ks,
           env_or("CASSANDRA_LOCAL_DC", "dc1"), env_or("CASSANDRA_REMOTE_DC", "dc2"));
  test_execute(session, cql);
  snprintf(cql, sizeof cql, "CREATE TABLE %s.t (k int PRIMARY KEY, v int)", ks);
  test_execute(session, cql);
  snprintf(cql, sizeof cql, "SELECT v FROM %s.t WHERE k = ?", ks);
  future = cass_session_prepare(session, cql);
  CHECK_FUTURE_OK(future);
  prepared = cass_future_get_prepared(future);
  cass_future_free(future);
  for (key = 0; key < 10; key++) {
    int first = -1;
    for (i = 0; i < 3; i++) {
      CassStatement* statement = cass_prepared_bind(prepared);
      int coordinator;
      CHECK_OK(cass_statement_bind_int32(statement, 0, key));
      CHECK_OK(cass_statement_set_tracing(statement, cass_true));
      future = cass_session_execute(session, statement);
      CHECK_FUTURE_OK(future);
      coordinator = traced_coordinator(session, future);
      CHECK(coordinator == 0 || coordinator == 1); /* dc1 only */
      if (first < 0) first = coordinator;
      CHECK_EQ_INT(first, coordinator);
      seen |= 1 << coordinator;
      cass_future_free(future);
      cass_statement_free(statement);
    }
  }
  printf("token-aware: dc1 nodes used (mask): %d\n", seen);
  CHECK_EQ_INT(3, seen);
  cass_prepared_free(prepared);
  snprintf(cql, sizeof cql, "DROP KEYSPACE %s", ks);
  test_execute(session, cql);
  close_session(session, cluster);
}

int main(void) {
  CassCluster* cluster;
  CassSession* session;
  CassExecProfile* profile;
  int counts[MAX_HOSTS], i, min, max;
  const char* local_dc;
  const char* remote_dc;

  read_hosts();
  local_dc = env_or("CASSANDRA_LOCAL_DC", "dc1");
  remote_dc = env_or("CASSANDRA_REMOTE_DC", "dc2");

  /* Round-robin: strict rotation over the three hosts. */
  cluster = round_robin_cluster();
  session = connect_session(cluster);
  coordinators(session, 30, NULL, counts);
  print_counts("round-robin", counts);
  min = max = counts[0];
  for (i = 1; i < MAX_HOSTS; i++) {
    if (counts[i] < min) min = counts[i];
    if (counts[i] > max) max = counts[i];
  }
  CHECK(min > 0);
  CHECK(max - min <= 1);
  close_session(session, cluster);

  /* The default policy: DC-aware in the contact point's data center, no remote hosts. */
  expect_hosts("default (dc-aware, detected)", test_cluster(), 1 | 2);

  /* Explicit DC-aware. */
  cluster = test_cluster();
  CHECK_OK(cass_cluster_set_load_balance_dc_aware(cluster, remote_dc, 0, cass_false));
  expect_hosts("dc-aware remote dc", cluster, 4);
  cluster = test_cluster();
  CHECK_OK(cass_cluster_set_load_balance_dc_aware(cluster, local_dc, 1, cass_true));
  expect_hosts("dc-aware local dc (+1 remote)", cluster, 1 | 2);

  /* A data center no node is in: the connect fails, as no host is left to use. */
  {
    CassFuture* future;
    cluster = test_cluster();
    session = cass_session_new();
    CHECK_OK(cass_cluster_set_load_balance_dc_aware(cluster, "no_such_dc", 0, cass_false));
    future = cass_session_connect(session, cluster);
    CHECK_ERR(CASS_ERROR_LIB_NO_HOSTS_AVAILABLE, cass_future_error_code(future));
    cass_future_free(future);
    cass_session_free(session);
    cass_cluster_free(cluster);
  }

  /* Rack-aware: every node is in rack1, so the local rack is the local data center. */
  cluster = test_cluster();
  CHECK_OK(cass_cluster_set_load_balance_rack_aware(cluster, local_dc, "rack1"));
  expect_hosts("rack-aware", cluster, 1 | 2);

  /* Host lists. */
  cluster = round_robin_cluster();
  cass_cluster_set_whitelist_filtering(cluster, hosts[1]);
  expect_hosts("allow list (host 2)", cluster, 2);
  cluster = round_robin_cluster();
  cass_cluster_set_blacklist_filtering(cluster, hosts[0]);
  expect_hosts("deny list (host 1)", cluster, 2 | 4);
  cluster = round_robin_cluster();
  cass_cluster_set_whitelist_filtering(cluster, hosts[2]);
  cass_cluster_set_whitelist_filtering(cluster, "");
  cass_cluster_set_blacklist_filtering(cluster, hosts[2]);
  expect_hosts("allow list cleared, deny", cluster, 1 | 2);

  /* Data center lists. */
  cluster = round_robin_cluster();
  cass_cluster_set_whitelist_dc_filtering(cluster, remote_dc);
  expect_hosts("allow list (dc2)", cluster, 4);
  cluster = round_robin_cluster();
  cass_cluster_set_blacklist_dc_filtering(cluster, local_dc);
  expect_hosts("deny list (dc1)", cluster, 4);

  /* Execution profiles beside the default DC-aware policy: one round-robin everywhere, one
     allowed only in dc2, one without a policy of its own (the cluster's). */
  cluster = test_cluster();
  profile = cass_execution_profile_new();
  CHECK_OK(cass_execution_profile_set_load_balance_round_robin(profile));
  CHECK_OK(cass_cluster_set_execution_profile(cluster, "everywhere", profile));
  cass_execution_profile_free(profile);
  profile = cass_execution_profile_new();
  CHECK_OK(cass_execution_profile_set_load_balance_round_robin(profile));
  CHECK_OK(cass_execution_profile_set_whitelist_dc_filtering(profile, remote_dc));
  CHECK_OK(cass_cluster_set_execution_profile(cluster, "remote", profile));
  cass_execution_profile_free(profile);
  profile = cass_execution_profile_new();
  CHECK_OK(cass_execution_profile_set_whitelist_filtering(profile, hosts[2])); /* no policy: ignored */
  CHECK_OK(cass_cluster_set_execution_profile(cluster, "inherits", profile));
  cass_execution_profile_free(profile);
  session = connect_session(cluster);
  coordinators(session, 12, NULL, counts);
  check_used("profiles: default", counts, 1 | 2);
  coordinators(session, 12, "everywhere", counts);
  check_used("profiles: everywhere", counts, 1 | 2 | 4);
  coordinators(session, 12, "remote", counts);
  check_used("profiles: remote", counts, 4);
  coordinators(session, 12, "inherits", counts);
  check_used("profiles: inherits", counts, 1 | 2);
  close_session(session, cluster);

  /* Latency-aware routing on top of round-robin: every host still serves. */
  cluster = round_robin_cluster();
  cass_cluster_set_latency_aware_routing(cluster, cass_true);
  cass_cluster_set_latency_aware_routing_settings(cluster, 2.0, 100, 10000, 100, 50);
  expect_hosts("latency-aware round-robin", cluster, 1 | 2 | 4);

  remote_dc_fallback(local_dc);
  ignored_hosts();
  token_aware();

  printf("load_balancing: OK\n");
  return 0;
}
