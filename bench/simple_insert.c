/*
  Client CPU per request of simple (unprepared, value-free) INSERTs, with C requests in flight.
  Same scheme as ../shared/tools/cqlbench/bench.c: the future callback only hands the completion to
  the main thread (mutex + condition variable); the main thread checks the result, frees the future
  and issues the next request. Meant to run against cqlbench's null server, which answers at once.

  Usage: simple_insert HOST PORT N CONCURRENCY [NAME]
  Prints: impl=NAME workload=simple-insert n= c= ops_per_s= cpu_us_per_op= errors= wall_s= cpu_s=
*/
#define _GNU_SOURCE
#include <cassandra.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

typedef struct {
  pthread_mutex_t lock;
  pthread_cond_t cond;
  CassFuture** done;
  size_t done_count;
} Completions;

static Completions completions;

static void on_done(CassFuture* future, void* data) {
  (void)data;
  pthread_mutex_lock(&completions.lock);
  completions.done[completions.done_count++] = future;
  pthread_cond_signal(&completions.cond);
  pthread_mutex_unlock(&completions.lock);
}

static double cpu_s(void) {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

static double wall_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static long run(CassSession* session, CassStatement* statement, long n, long c) {
  long issued = 0, finished = 0, errors = 0, inflight = 0;
  CassFuture** batch = malloc(sizeof(CassFuture*) * (size_t)c);
  while (finished < n) {
    size_t i, count;
    while (inflight < c && issued < n) {
      CassFuture* future = cass_session_execute(session, statement);
      cass_future_set_callback(future, on_done, NULL);
      issued++;
      inflight++;
    }
    pthread_mutex_lock(&completions.lock);
    while (completions.done_count == 0) pthread_cond_wait(&completions.cond, &completions.lock);
    count = completions.done_count;
    for (i = 0; i < count; i++) batch[i] = completions.done[i];
    completions.done_count = 0;
    pthread_mutex_unlock(&completions.lock);
    for (i = 0; i < count; i++) {
      if (cass_future_error_code(batch[i]) != CASS_OK) errors++;
      cass_future_free(batch[i]);
    }
    finished += (long)count;
    inflight -= (long)count;
  }
  free(batch);
  return errors;
}

int main(int argc, char* argv[]) {
  CassCluster* cluster;
  CassSession* session;
  CassStatement* statement;
  CassFuture* future;
  long n, c, errors;
  double w0, c0, w, cpu;
  if (argc < 5) {
    fprintf(stderr, "usage: %s HOST PORT N CONCURRENCY [NAME]\n", argv[0]);
    return 2;
  }
  n = atol(argv[3]);
  c = atol(argv[4]);
  pthread_mutex_init(&completions.lock, NULL);
  pthread_cond_init(&completions.cond, NULL);
  completions.done = malloc(sizeof(CassFuture*) * (size_t)c);
  cass_log_set_level(CASS_LOG_CRITICAL);
  cluster = cass_cluster_new();
  cass_cluster_set_contact_points(cluster, argv[1]);
  cass_cluster_set_port(cluster, atoi(argv[2]));
  cass_cluster_set_num_threads_io(cluster, 1);
  session = cass_session_new();
  future = cass_session_connect(session, cluster);
  if (cass_future_error_code(future) != CASS_OK) {
    fprintf(stderr, "connect failed\n");
    return 1;
  }
  cass_future_free(future);
  statement = cass_statement_new("INSERT INTO bench.kv (pk, v1, v2) VALUES (1, 2, 3)", 0);
  run(session, statement, n / 10, c); /* warm-up */
  w0 = wall_s();
  c0 = cpu_s();
  errors = run(session, statement, n, c);
  w = wall_s() - w0;
  cpu = cpu_s() - c0;
  printf("impl=%s workload=simple-insert n=%ld c=%ld ops_per_s=%.0f cpu_us_per_op=%.2f errors=%ld wall_s=%.2f cpu_s=%.2f\n",
         argc > 5 ? argv[5] : "?", n, c, n / w, cpu * 1e6 / n, errors, w, cpu);
  cass_statement_free(statement);
  future = cass_session_close(session);
  cass_future_wait(future);
  cass_future_free(future);
  cass_session_free(session);
  cass_cluster_free(cluster);
  return errors ? 1 : 0;
}
