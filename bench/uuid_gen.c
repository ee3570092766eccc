/*
  Nanoseconds per cass_uuid_gen_time (and per cass_uuid_gen_random) on the library it is linked with.

  Build and run (from the repository root):
    ours (release; the library's SONAME is libscylla-cpp-driver.so.2, so give it that name):
      cargo build --release
      mkdir -p /tmp/uuid_gen_lib
      ln -sf $PWD/target/release/libscylla_cpp_driver.so /tmp/uuid_gen_lib/libscylla-cpp-driver.so.2
      cc -O2 -std=c99 -D_POSIX_C_SOURCE=200809L -Iinclude bench/uuid_gen.c -o /tmp/uuid_gen_ours \
         target/release/libscylla_cpp_driver.so -Wl,-rpath,/tmp/uuid_gen_lib -lpthread
      /tmp/uuid_gen_ours 10000000 ours
    reference C++ driver:
      cc -O2 -std=c99 -D_POSIX_C_SOURCE=200809L -Iinclude bench/uuid_gen.c -o /tmp/uuid_gen_ref \
         $(scripts/reference-driver --quiet --print-ldflags) -lpthread
      /tmp/uuid_gen_ref 10000000 reference

  Usage: uuid_gen [N [NAME]]   (N calls per measurement, default 10,000,000)
  Prints one line per measurement: impl=NAME op=... threads=T gens=G n=N ns_per_uuid=...

  A generator hands out at most 10,000 time UUIDs per millisecond (one per 100-ns tick of the UUID
  clock) in both libraries, so a single generator in a tight loop measures that cap (100 ns) as soon
  as a call costs less. "gens=64" round-robins over 64 generators to measure the cost of a call
  itself; "threads=2" has two threads share one generator (the C++ driver gets past the cap there
  by handing some UUIDs out twice; see src/uuid/gen.rs).
*/
#include <cassandra.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define MAX_GENS 64

typedef struct {
  CassUuidGen** gens;
  int gen_count;
  long n;
} Job;

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static volatile cass_uint64_t sink;

static void* run_time(void* arg) {
  Job* job = (Job*)arg;
  CassUuid uuid;
  cass_uint64_t x = 0;
  long i;
  int g = 0;
  for (i = 0; i < job->n; ++i) {
    cass_uuid_gen_time(job->gens[g], &uuid);
    x ^= uuid.time_and_version;
    if (++g == job->gen_count) {
      g = 0;
    }
  }
  sink = x;
  return NULL;
}

static void* run_random(void* arg) {
  Job* job = (Job*)arg;
  CassUuid uuid;
  cass_uint64_t x = 0;
  long i;
  for (i = 0; i < job->n; ++i) {
    cass_uuid_gen_random(job->gens[0], &uuid);
    x ^= uuid.clock_seq_and_node;
  }
  sink = x;
  return NULL;
}

/* Runs `body` on `threads` threads, each making n calls; prints ns per call per thread. */
static void measure(const char* name, const char* op, void* (*body)(void*), int threads, int gen_count, long n) {
  CassUuidGen* gens[MAX_GENS];
  pthread_t tids[8];
  Job job;
  double start, seconds;
  int i;
  for (i = 0; i < gen_count; ++i) {
    gens[i] = cass_uuid_gen_new();
  }
  job.gens = gens;
  job.gen_count = gen_count;
  job.n = n / 10;
  body(&job); /* warm-up */
  job.n = n;
  start = now_s();
  for (i = 0; i < threads; ++i) {
    pthread_create(&tids[i], NULL, body, &job);
  }
  for (i = 0; i < threads; ++i) {
    pthread_join(tids[i], NULL);
  }
  seconds = now_s() - start;
  printf("impl=%s op=%s threads=%d gens=%d n=%ld ns_per_uuid=%.1f uuids_per_s=%.0f\n", name, op, threads,
         gen_count, n, seconds * 1e9 / n, (double)n * threads / seconds);
  for (i = 0; i < gen_count; ++i) {
    cass_uuid_gen_free(gens[i]);
  }
}

int main(int argc, char** argv) {
  long n = argc > 1 ? atol(argv[1]) : 10000000L;
  const char* name = argc > 2 ? argv[2] : "?";
  if (n <= 0) {
    fprintf(stderr, "usage: %s [N [NAME]]\n", argv[0]);
    return 2;
  }
  measure(name, "gen_time", run_time, 1, 1, n);
  measure(name, "gen_time", run_time, 1, MAX_GENS, n);
  measure(name, "gen_time", run_time, 2, 1, n);
  measure(name, "gen_random", run_random, 1, 1, n);
  return 0;
}
