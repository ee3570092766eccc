/*
 * fault_load: the client side of the fault tests (ctests/faults/run.py drives the nodes).
 *
 *   fault_load setup  HOSTS KEYSPACE
 *       (re)creates KEYSPACE (NetworkTopologyStrategy dc1:2 dc2:1) with table t (k bigint, v bigint).
 *   fault_load write  HOSTS KEYSPACE OUT STOPFILE MAX_SECONDS CONCURRENCY TIMEOUT_MS
 *       prepared, idempotent INSERTs at QUORUM, up to CONCURRENCY in flight and at most 2,000 a
 *       second, until STOPFILE exists or
 *       MAX_SECONDS passed; every 7th request (7: odd, so that a round-robin policy sends successive probes to different nodes) is instead a probe, `SELECT rpc_address FROM
 *       system.local`, which the load balancing policy routes round robin over dc1 and whose answer
 *       names the node that served it. One line per outcome into OUT:
 *         A <key> <epoch ms>                         write acknowledged
 *         P <key> <epoch ms> <node>                  probe served by <node>
 *         F <key> <epoch ms> <latency ms> <code>     failed (CassError, hex)
 *       and one line per log message into OUT.log: <epoch ms> <level> <message>.
 *       Prints "ready" on stdout once connected and prepared, "done" at the end.
 *   fault_load verify HOSTS KEYSPACE OUT
 *       reads every acknowledged key of OUT back at ALL; prints "acked N lost M" (exit 0 even when
 *       M > 0: the driver decides what counts as a failure).
 *
 * The same program is linked with this library and with the reference C++ driver.
 */
#define _DEFAULT_SOURCE /* usleep */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cassandra.h>

static long long now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void die(const char* what, CassFuture* future) {
  const char* msg = "";
  size_t len = 0;
  if (future) cass_future_error_message(future, &msg, &len);
  fprintf(stderr, "fault_load: %s: %.*s\n", what, (int)len, msg);
  exit(2);
}

static FILE* log_file;
static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;

static int debug_pools;

static void on_log(const CassLogMessage* message, void* data) {
  (void)data;
  if (debug_pools && message->severity >= CASS_LOG_DEBUG && !strstr(message->message, "refill") &&
      !strstr(message->message, "ool") && !strstr(message->message, "onnect"))
    return;
  pthread_mutex_lock(&log_lock);
  if (log_file) {
    fprintf(log_file, "%lld %s %s\n", now_ms(), cass_log_level_string(message->severity), message->message);
    fflush(log_file);
  }
  pthread_mutex_unlock(&log_lock);
}

static CassSession* connect_to(const char* hosts, CassCluster** cluster_out, unsigned timeout_ms) {
  CassCluster* cluster = cass_cluster_new();
  cass_cluster_set_contact_points(cluster, hosts);
  if (cass_cluster_set_load_balance_dc_aware(cluster, "dc1", 0, cass_false) != CASS_OK) die("dc-aware", NULL);
  cass_cluster_set_request_timeout(cluster, timeout_ms);
  cass_cluster_set_num_threads_io(cluster, 1);
  CassSession* session = cass_session_new();
  CassFuture* f = cass_session_connect(session, cluster);
  if (cass_future_error_code(f) != CASS_OK) die("connect", f);
  cass_future_free(f);
  *cluster_out = cluster;
  return session;
}

static void run(CassSession* session, const char* cql) {
  CassStatement* s = cass_statement_new(cql, 0);
  CassFuture* f = cass_session_execute(session, s);
  if (cass_future_error_code(f) != CASS_OK) die(cql, f);
  cass_future_free(f);
  cass_statement_free(s);
}

static const CassPrepared* prepare(CassSession* session, const char* cql) {
  CassFuture* f = cass_session_prepare(session, cql);
  if (cass_future_error_code(f) != CASS_OK) die(cql, f);
  const CassPrepared* p = cass_future_get_prepared(f);
  cass_future_free(f);
  return p;
}

static int setup(const char* hosts, const char* ks) {
  CassCluster* cluster;
  CassSession* session = connect_to(hosts, &cluster, 30000);
  char cql[256];
  snprintf(cql, sizeof cql, "DROP KEYSPACE IF EXISTS %s", ks);
  run(session, cql);
  snprintf(cql, sizeof cql,
           "CREATE KEYSPACE %s WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 2, 'dc2': 1}", ks);
  run(session, cql);
  snprintf(cql, sizeof cql, "CREATE TABLE %s.t (k bigint PRIMARY KEY, v bigint)", ks);
  run(session, cql);
  CassFuture* f = cass_session_close(session);
  cass_future_wait(f);
  cass_future_free(f);
  cass_session_free(session);
  cass_cluster_free(cluster);
  return 0;
}

/* ---------------------------------------------------------------- write -- */

struct writer {
  pthread_mutex_t lock;
  pthread_cond_t idle;
  CassSession* session;
  const CassPrepared* insert;
  const CassPrepared* probe;
  FILE* out;
  const char* stop_file;
  long long deadline_ms;
  int64_t next_key;
  int in_flight; /* requests running plus parked slots */
  int parked;    /* slots whose request failed, waiting for the main thread to restart them */
  int stopping;
};

struct request {
  struct writer* w;
  int64_t key;
  long long started_ms;
};

static void start_one(struct writer* w);

/* At most 20 requests started per 10 ms: 2,000 per second. */
enum { REQUESTS_PER_TICK = 20 };

static void on_done(CassFuture* future, void* data) {
  struct request* r = data;
  struct writer* w = r->w;
  long long t = now_ms();
  CassError rc = cass_future_error_code(future);
  char node[CASS_INET_STRING_LENGTH] = "-";
  int is_probe = r->key % 7 == 0;
  if (rc == CASS_OK && is_probe) {
    const CassResult* result = cass_future_get_result(future);
    const CassRow* row = cass_result_first_row(result);
    CassInet inet;
    if (row && cass_value_get_inet(cass_row_get_column(row, 0), &inet) == CASS_OK) cass_inet_string(inet, node);
    cass_result_free(result);
  }
  pthread_mutex_lock(&w->lock);
  if (rc == CASS_OK && is_probe) {
    fprintf(w->out, "P %lld %lld %s\n", (long long)r->key, t, node);
  } else if (rc == CASS_OK) {
    fprintf(w->out, "A %lld %lld\n", (long long)r->key, t);
  } else {
    fprintf(w->out, "F %lld %lld %lld %x\n", (long long)r->key, t, t - r->started_ms, (unsigned)rc);
  }
  free(r);
  /* The slot is parked for the main thread, which restarts parked slots at a bounded rate (so
   * both libraries do the same work, there is no busy loop of instant failures while every node
   * is down, and reading every acknowledged write back stays short); while stopping, in_flight
   * falls instead, so it reaching 0 means no request is left. */
  if (w->stopping) {
    if (--w->in_flight == 0) pthread_cond_signal(&w->idle);
  } else {
    w->parked++;
  }
  pthread_mutex_unlock(&w->lock);
}

static void start_one(struct writer* w) {
  struct request* r = malloc(sizeof *r);
  if (!r) die("out of memory", NULL);
  pthread_mutex_lock(&w->lock);
  r->w = w;
  r->key = w->next_key++;
  pthread_mutex_unlock(&w->lock);
  r->started_ms = now_ms();
  CassStatement* s;
  if (r->key % 7 == 0) {
    s = cass_prepared_bind(w->probe);
    cass_statement_set_consistency(s, CASS_CONSISTENCY_ONE);
  } else {
    s = cass_prepared_bind(w->insert);
    cass_statement_bind_int64(s, 0, r->key);
    cass_statement_bind_int64(s, 1, r->key * 7);
    cass_statement_set_consistency(s, CASS_CONSISTENCY_QUORUM);
  }
  cass_statement_set_is_idempotent(s, cass_true);
  CassFuture* f = cass_session_execute(w->session, s);
  cass_statement_free(s);
  cass_future_set_callback(f, on_done, r);
  cass_future_free(f);
}

static int write_load(const char* hosts, const char* ks, const char* out_path, const char* stop_file,
                      int max_seconds, int concurrency, unsigned timeout_ms) {
  char path[1024];
  snprintf(path, sizeof path, "%s.log", out_path);
  log_file = fopen(path, "w");
  if (!log_file) die("cannot open the log file", NULL);
  cass_log_set_callback(on_log, NULL);
  debug_pools = getenv("FAULT_LOAD_DEBUG_POOLS") != NULL; /* investigating only: pool events */
  if (debug_pools) cass_log_set_level(CASS_LOG_DEBUG);

  struct writer w;
  memset(&w, 0, sizeof w);
  pthread_mutex_init(&w.lock, NULL);
  pthread_cond_init(&w.idle, NULL);
  w.out = fopen(out_path, "w");
  if (!w.out) die("cannot open the output file", NULL);
  CassCluster* cluster;
  w.session = connect_to(hosts, &cluster, timeout_ms);
  char cql[256];
  snprintf(cql, sizeof cql, "INSERT INTO %s.t (k, v) VALUES (?, ?)", ks);
  w.insert = prepare(w.session, cql);
  w.probe = prepare(w.session, "SELECT rpc_address FROM system.local");
  w.stop_file = stop_file;
  w.deadline_ms = now_ms() + (long long)max_seconds * 1000;
  printf("ready\n");
  fflush(stdout);

  w.in_flight = concurrency;
  for (int i = 0; i < concurrency; i++) start_one(&w);
  struct stat st;
  while (now_ms() < w.deadline_ms && stat(stop_file, &st) != 0) {
    usleep(10 * 1000);
    pthread_mutex_lock(&w.lock);
    int restart = w.parked < REQUESTS_PER_TICK ? w.parked : REQUESTS_PER_TICK;
    w.parked -= restart;
    pthread_mutex_unlock(&w.lock);
    for (int i = 0; i < restart; i++) start_one(&w);
  }

  pthread_mutex_lock(&w.lock);
  w.stopping = 1;
  w.in_flight -= w.parked;
  w.parked = 0;
  while (w.in_flight > 0) pthread_cond_wait(&w.idle, &w.lock);
  pthread_mutex_unlock(&w.lock);
  fclose(w.out);

  cass_prepared_free(w.insert);
  cass_prepared_free(w.probe);
  CassFuture* f = cass_session_close(w.session);
  cass_future_wait(f);
  cass_future_free(f);
  cass_session_free(w.session);
  cass_cluster_free(cluster);
  printf("done\n");
  fflush(stdout);
  return 0;
}

/* --------------------------------------------------------------- verify -- */

static int verify(const char* hosts, const char* ks, const char* out_path) {
  FILE* in = fopen(out_path, "r");
  if (!in) die("cannot open the output file", NULL);
  size_t n = 0, cap = 1024;
  int64_t* keys = malloc(cap * sizeof *keys);
  char line[256];
  while (fgets(line, sizeof line, in)) {
    long long k;
    if (line[0] != 'A' || sscanf(line + 2, "%lld", &k) != 1) continue;
    if (n == cap) {
      cap *= 2;
      keys = realloc(keys, cap * sizeof *keys);
      if (!keys) die("out of memory", NULL);
    }
    keys[n++] = k;
  }
  fclose(in);

  CassCluster* cluster;
  CassSession* session = connect_to(hosts, &cluster, 30000);
  char cql[256];
  snprintf(cql, sizeof cql, "SELECT v FROM %s.t WHERE k = ?", ks);
  const CassPrepared* select = prepare(session, cql);
  enum { WINDOW = 64 };
  size_t lost = 0, errors = 0;
  for (size_t base = 0; base < n; base += WINDOW) {
    CassFuture* futures[WINDOW];
    size_t count = n - base < WINDOW ? n - base : WINDOW;
    for (size_t i = 0; i < count; i++) {
      CassStatement* s = cass_prepared_bind(select);
      cass_statement_bind_int64(s, 0, keys[base + i]);
      cass_statement_set_consistency(s, CASS_CONSISTENCY_ALL);
      futures[i] = cass_session_execute(session, s);
      cass_statement_free(s);
    }
    for (size_t i = 0; i < count; i++) {
      if (cass_future_error_code(futures[i]) != CASS_OK) {
        errors++;
      } else {
        const CassResult* r = cass_future_get_result(futures[i]);
        const CassRow* row = cass_result_first_row(r);
        cass_int64_t v = 0;
        if (!row || cass_value_get_int64(cass_row_get_column(row, 0), &v) != CASS_OK || v != keys[base + i] * 7) {
          lost++;
          fprintf(stderr, "lost key %lld\n", (long long)keys[base + i]);
        }
        cass_result_free(r);
      }
      cass_future_free(futures[i]);
    }
  }
  printf("acked %zu lost %zu read_errors %zu\n", n, lost, errors);
  cass_prepared_free(select);
  CassFuture* f = cass_session_close(session);
  cass_future_wait(f);
  cass_future_free(f);
  cass_session_free(session);
  cass_cluster_free(cluster);
  free(keys);
  return errors ? 3 : 0;
}

int main(int argc, char** argv) {
  if (argc >= 4 && strcmp(argv[1], "setup") == 0) return setup(argv[2], argv[3]);
  if (argc == 9 && strcmp(argv[1], "write") == 0) {
    return write_load(argv[2], argv[3], argv[4], argv[5], atoi(argv[6]), atoi(argv[7]),
                      (unsigned)atoi(argv[8]));
  }
  if (argc == 5 && strcmp(argv[1], "verify") == 0) return verify(argv[2], argv[3], argv[4]);
  fprintf(stderr, "usage: see the comment at the top of ctests/faults/fault_load.c\n");
  return 2;
}
