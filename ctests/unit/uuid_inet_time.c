/* UUIDs (text form, time and random generation, time arithmetic), inet addresses (text in and
   out) and the date/time conversions: expectations that hold on our library and on the C++
   driver alike. Prints (does not check) how many time UUIDs per second one thread gets, and how
   many time UUIDs repeat when threads share a generator. */
#include <pthread.h>
#include <stdint.h>
#include <time.h>

#include "test_util.h"

#define NODE_MASK 0x0000FFFFFFFFFFFFULL
#define MULTICAST_BIT 0x0000010000000000ULL
#define DATE_EPOCH 2147483648U /* the CQL date of 1970-01-01 */
#define NANOS 1000000000LL

static long long now_ms(void) {
  struct timespec ts;
  CHECK(clock_gettime(CLOCK_REALTIME, &ts) == 0);
  return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static double now_s(void) {
  struct timespec ts;
  CHECK(clock_gettime(CLOCK_MONOTONIC, &ts) == 0);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int uuid_compare(const void* a, const void* b) {
  const CassUuid* x = (const CassUuid*)a;
  const CassUuid* y = (const CassUuid*)b;
  if (x->time_and_version != y->time_and_version) {
    return x->time_and_version < y->time_and_version ? -1 : 1;
  }
  if (x->clock_seq_and_node != y->clock_seq_and_node) {
    return x->clock_seq_and_node < y->clock_seq_and_node ? -1 : 1;
  }
  return 0;
}

/* Sorts and counts the UUIDs equal to the one before. */
static size_t count_repeats(CassUuid* uuids, size_t count) {
  size_t i, repeats = 0;
  qsort(uuids, count, sizeof(CassUuid), uuid_compare);
  for (i = 1; i < count; ++i) {
    repeats += uuid_compare(&uuids[i - 1], &uuids[i]) == 0;
  }
  return repeats;
}

static void check_uuid_text(const char* text, const char* expected) {
  CassUuid uuid;
  char out[CASS_UUID_STRING_LENGTH];
  CHECK_OK(cass_uuid_from_string(text, &uuid));
  cass_uuid_string(uuid, out);
  CHECK_EQ_STR(expected, out);
}

static void uuid_text(void) {
  CassUuid uuid;
  char out[CASS_UUID_STRING_LENGTH];
  const char* padded = "550e8400-e29b-41d4-a716-446655440000 and more";

  CHECK_OK(cass_uuid_from_string("550e8400-e29b-41d4-a716-446655440000", &uuid));
  CHECK(uuid.time_and_version == 0x41d4e29b550e8400ULL);
  CHECK(uuid.clock_seq_and_node == 0xa716446655440000ULL);
  CHECK_EQ_INT(4, cass_uuid_version(uuid));
  memset(out, 'x', sizeof(out));
  cass_uuid_string(uuid, out);
  CHECK_EQ_STR("550e8400-e29b-41d4-a716-446655440000", out);

  check_uuid_text("00000000-0000-0000-0000-000000000000", "00000000-0000-0000-0000-000000000000");
  check_uuid_text("FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF", "ffffffff-ffff-ffff-ffff-ffffffffffff");
  check_uuid_text("C232AB00-9414-11EC-B3C8-9F6BDECED846", "c232ab00-9414-11ec-b3c8-9f6bdeced846");
  /* Both libraries accept the 4 dashes at other places between or around the hex pairs. */
  check_uuid_text("550e8400e29b41d4a716446655440000----", "550e8400-e29b-41d4-a716-446655440000");
  check_uuid_text("-550e8400e29b-41d4-a716-446655440000", "550e8400-e29b-41d4-a716-446655440000");
  check_uuid_text("55-0e-84-00-e29b41d4a716446655440000", "550e8400-e29b-41d4-a716-446655440000");

  CHECK_OK(cass_uuid_from_string_n(padded, 36, &uuid));
  cass_uuid_string(uuid, out);
  CHECK_EQ_STR("550e8400-e29b-41d4-a716-446655440000", out);

  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_uuid_from_string_n(padded, 37, &uuid));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_uuid_from_string_n(padded, 35, &uuid));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_uuid_from_string("", &uuid));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_uuid_from_string(NULL, &uuid));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_uuid_from_string("550e8400e29b41d4a716446655440000", &uuid));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_uuid_from_string("550e8400-e29b-41d4-a716-44665544000", &uuid));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_uuid_from_string("550e8400-e29b-41d4-a716-4466554400000", &uuid));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_uuid_from_string("550e8400-e29b-41d4-a716-44665544000g", &uuid));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_uuid_from_string("g50e8400-e29b-41d4-a716-446655440000", &uuid));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_uuid_from_string("550e8400--e29b41d4-a716-446655440000", &uuid));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_uuid_from_string("{50e8400-e29b-41d4-a716-44665544000}", &uuid));
  /* A failed parse leaves the output alone. */
  cass_uuid_string(uuid, out);
  CHECK_EQ_STR("550e8400-e29b-41d4-a716-446655440000", out);
}

static void uuid_time_arithmetic(void) {
  CassUuid uuid;
  char out[CASS_UUID_STRING_LENGTH];

  /* RFC 9562, appendix A.1: a v1 UUID of 2022-02-22 19:22:22 UTC. */
  CHECK_OK(cass_uuid_from_string("c232ab00-9414-11ec-b3c8-9f6bdeced846", &uuid));
  CHECK_EQ_INT(1, cass_uuid_version(uuid));
  CHECK_EQ_INT(1645557742000LL, cass_uuid_timestamp(uuid));

  cass_uuid_min_from_time(1645557742000ULL, &uuid);
  CHECK_EQ_INT(1, cass_uuid_version(uuid));
  CHECK_EQ_INT(1645557742000LL, cass_uuid_timestamp(uuid));
  CHECK(uuid.clock_seq_and_node == 0x8080808080808080ULL);
  cass_uuid_string(uuid, out);
  CHECK_EQ_STR("c232ab00-9414-11ec-8080-808080808080", out);

  cass_uuid_max_from_time(1645557742000ULL, &uuid);
  CHECK(uuid.clock_seq_and_node == 0x7f7f7f7f7f7f7f7fULL);
  cass_uuid_string(uuid, out);
  CHECK_EQ_STR("c232ab00-9414-11ec-7f7f-7f7f7f7f7f7f", out);

  cass_uuid_min_from_time(0, &uuid);
  CHECK(uuid.time_and_version == 0x11B21DD213814000ULL); /* the Unix epoch in UUID ticks, v1 */
  CHECK_EQ_INT(0, cass_uuid_timestamp(uuid));
}

static void uuid_generator_basics(void) {
  CassUuidGen* gen = cass_uuid_gen_new();
  CassUuidGen* with_node = cass_uuid_gen_new_with_node(0xFFFF123456789ABCULL);
  CassUuid a, b, c;
  char out[CASS_UUID_STRING_LENGTH];
  long long before, after;
  CHECK(gen != NULL && with_node != NULL);

  before = now_ms();
  cass_uuid_gen_time(gen, &a);
  after = now_ms();
  CHECK_EQ_INT(1, cass_uuid_version(a));
  CHECK_EQ_INT(2, a.clock_seq_and_node >> 62); /* RFC 4122 variant */
  CHECK((a.clock_seq_and_node & MULTICAST_BIT) != 0);
  CHECK((long long)cass_uuid_timestamp(a) >= before);
  CHECK((long long)cass_uuid_timestamp(a) <= after);

  cass_uuid_gen_time(with_node, &a);
  CHECK_EQ_INT(1, cass_uuid_version(a));
  CHECK(a.clock_seq_and_node >> 62 == 2);
  CHECK((a.clock_seq_and_node & NODE_MASK) == 0x123456789ABCULL);

  cass_uuid_gen_from_time(with_node, 1645557742000ULL, &b);
  CHECK_EQ_INT(1, cass_uuid_version(b));
  CHECK_EQ_INT(1645557742000LL, cass_uuid_timestamp(b));
  CHECK(b.clock_seq_and_node == a.clock_seq_and_node);
  cass_uuid_string(b, out);
  CHECK(strncmp(out, "c232ab00-9414-11ec-", 19) == 0);
  CHECK_EQ_STR("123456789abc", out + 24);
  cass_uuid_gen_from_time(with_node, 1645557742000ULL, &c);
  CHECK(uuid_compare(&b, &c) == 0);

  cass_uuid_gen_random(gen, &a);
  cass_uuid_gen_random(gen, &b);
  CHECK_EQ_INT(4, cass_uuid_version(a));
  CHECK_EQ_INT(2, a.clock_seq_and_node >> 62);
  CHECK(uuid_compare(&a, &b) != 0);

  cass_uuid_gen_free(gen);
  cass_uuid_gen_free(with_node);
}

#define SEQUENTIAL 100000
#define THREADS 4
#define PER_THREAD 25000
#define RANDOM 20000

typedef struct {
  CassUuidGen* gen;
  CassUuid* out;
  int increasing; /* each thread's UUIDs come with increasing times */
} Worker;

static void* generate(void* arg) {
  Worker* worker = (Worker*)arg;
  size_t i;
  worker->increasing = 1;
  for (i = 0; i < PER_THREAD; ++i) {
    cass_uuid_gen_time(worker->gen, &worker->out[i]);
    if (i > 0 && worker->out[i].time_and_version <= worker->out[i - 1].time_and_version) {
      worker->increasing = 0;
    }
  }
  return NULL;
}

static void uuid_generator_uniqueness(void) {
  CassUuidGen* gen = cass_uuid_gen_new();
  CassUuid* uuids = (CassUuid*)malloc(sizeof(CassUuid) * (THREADS * PER_THREAD > SEQUENTIAL ? THREADS * PER_THREAD : SEQUENTIAL));
  pthread_t threads[THREADS];
  Worker workers[THREADS];
  size_t i;
  CHECK(uuids != NULL);

  /* One thread: strictly increasing times, so all different. */
  for (i = 0; i < SEQUENTIAL; ++i) {
    cass_uuid_gen_time(gen, &uuids[i]);
    CHECK_EQ_INT(1, cass_uuid_version(uuids[i]));
    if (i > 0) {
      CHECK(uuids[i].time_and_version > uuids[i - 1].time_and_version);
    }
  }

  /* Four threads sharing the generator. */
  for (i = 0; i < THREADS; ++i) {
    workers[i].gen = gen;
    workers[i].out = uuids + i * PER_THREAD;
    CHECK(pthread_create(&threads[i], NULL, generate, &workers[i]) == 0);
  }
  for (i = 0; i < THREADS; ++i) {
    CHECK(pthread_join(threads[i], NULL) == 0);
    CHECK(workers[i].increasing);
  }
  /* Not checked here: the C++ driver hands out some time UUIDs twice when threads share a
     generator (a thread that read the clock just before another moved the last tick into the next
     millisecond takes a tick already given out). bad_input.c checks that ours never does. */
  printf("%s: %zu repeated time UUIDs among %d from %d threads sharing a generator\n", test_impl(),
         count_repeats(uuids, THREADS * PER_THREAD), THREADS * PER_THREAD, THREADS);

  /* Random UUIDs. */
  for (i = 0; i < RANDOM; ++i) {
    cass_uuid_gen_random(gen, &uuids[i]);
    CHECK_EQ_INT(4, cass_uuid_version(uuids[i]));
    CHECK_EQ_INT(2, uuids[i].clock_seq_and_node >> 62);
  }
  CHECK_EQ_INT(0, count_repeats(uuids, RANDOM));

  free(uuids);
  cass_uuid_gen_free(gen);
}

static void uuid_generator_throughput(void) {
  CassUuidGen* gen = cass_uuid_gen_new();
  CassUuid uuid;
  const long count = 1000000;
  long i;
  double start, seconds;
  start = now_s();
  for (i = 0; i < count; ++i) {
    cass_uuid_gen_time(gen, &uuid);
  }
  seconds = now_s() - start;
  CHECK_EQ_INT(1, cass_uuid_version(uuid));
  printf("%s: %ld time UUIDs from one thread in %.3f s: %.0f per second, %.1f ns each\n", test_impl(),
         count, seconds, count / seconds, seconds * 1e9 / count);
  cass_uuid_gen_free(gen);
}

static void check_inet(const char* text, int length, const char* expected) {
  CassInet inet;
  char out[CASS_INET_STRING_LENGTH];
  memset(&inet, 0, sizeof(inet));
  CHECK_OK(cass_inet_from_string(text, &inet));
  CHECK_EQ_INT(length, inet.address_length);
  cass_inet_string(inet, out);
  CHECK_EQ_STR(expected, out);
}

static void inet_text(void) {
  static const cass_uint8_t v4[4] = {192, 168, 1, 10};
  static const cass_uint8_t v6[16] = {0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
  static const cass_uint8_t longest[16] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
                                           0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
  const char* rejected[] = {"", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.4 ", " 1.2.3.4",
                            "1..2.3", "a.b.c.d", "localhost", ":::1", "1::2::3", "12345::1",
                            "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7:8::", "::g", "::1.2.3", "[::1]",
                            "1.2.3.4%eth0"};
  char out[CASS_INET_STRING_LENGTH];
  CassInet inet;
  size_t i;

  inet = cass_inet_init_v4(v4);
  CHECK_EQ_INT(CASS_INET_V4_LENGTH, inet.address_length);
  CHECK(memcmp(inet.address, v4, 4) == 0);
  cass_inet_string(inet, out);
  CHECK_EQ_STR("192.168.1.10", out);

  inet = cass_inet_init_v6(v6);
  CHECK_EQ_INT(CASS_INET_V6_LENGTH, inet.address_length);
  CHECK(memcmp(inet.address, v6, 16) == 0);
  cass_inet_string(inet, out);
  CHECK_EQ_STR("2001:db8::1", out);

  inet = cass_inet_init_v6(longest);
  cass_inet_string(inet, out);
  CHECK_EQ_STR("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", out);

  check_inet("127.0.0.1", 4, "127.0.0.1");
  check_inet("0.0.0.0", 4, "0.0.0.0");
  check_inet("255.255.255.255", 4, "255.255.255.255");
  check_inet("::1", 16, "::1");
  check_inet("::", 16, "::");
  check_inet("1::", 16, "1::");
  check_inet("2001:DB8::1", 16, "2001:db8::1");
  check_inet("2001:db8:0:0:1:0:0:1", 16, "2001:db8::1:0:0:1");
  check_inet("1:0:0:2:0:0:0:3", 16, "1:0:0:2::3");
  check_inet("1:0:2:3:4:5:6:7", 16, "1:0:2:3:4:5:6:7");
  check_inet("1:2:3:4:5:6:7::", 16, "1:2:3:4:5:6:7:0");
  check_inet("::1:0:0:0", 16, "::1:0:0:0");
  check_inet("fe80::0:0:1:2", 16, "fe80::1:2");
  check_inet("::ffff:1.2.3.4", 16, "::ffff:1.2.3.4");
  check_inet("::ffff:0102:0304", 16, "::ffff:1.2.3.4");
  check_inet("::ffff:0:0", 16, "::ffff:0.0.0.0");
  check_inet("::1.2.3.4", 16, "::1.2.3.4");
  check_inet("64:ff9b::1.2.3.4", 16, "64:ff9b::102:304");
  check_inet("1:2:3:4:5:6:1.2.3.4", 16, "1:2:3:4:5:6:102:304");
  check_inet("::ffff:255.255.255.255", 16, "::ffff:255.255.255.255");
  /* An IPv6 zone is accepted and dropped. */
  check_inet("fe80::1%eth0", 16, "fe80::1");

  CHECK_OK(cass_inet_from_string("::ffff:1.2.3.4", &inet));
  CHECK(inet.address[10] == 0xff && inet.address[11] == 0xff && inet.address[12] == 1 && inet.address[15] == 4);

  for (i = 0; i < sizeof(rejected) / sizeof(rejected[0]); ++i) {
    CassError rc = cass_inet_from_string(rejected[i], &inet);
    if (rc != CASS_ERROR_LIB_BAD_PARAMS) {
      fprintf(stderr, "inet text \"%s\": expected CASS_ERROR_LIB_BAD_PARAMS\n", rejected[i]);
    }
    CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, rc);
  }

  CHECK_OK(cass_inet_from_string_n("127.0.0.1xyz", 9, &inet));
  cass_inet_string(inet, out);
  CHECK_EQ_STR("127.0.0.1", out);
  CHECK_OK(cass_inet_from_string_n("::1", 3, &inet));
  CHECK_EQ_INT(16, inet.address_length);
  /* The text ends at a NUL inside the given length. */
  CHECK_OK(cass_inet_from_string_n("10.0.0.1\0zz", 11, &inet));
  cass_inet_string(inet, out);
  CHECK_EQ_STR("10.0.0.1", out);
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_inet_from_string_n("127.0.0.1", 8, &inet));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_inet_from_string_n("127.0.0.1", 0, &inet));
  /* At most 45 characters (the longest address), even when a NUL ends the text before. */
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS,
            cass_inet_from_string_n("0000:0000:0000:0000:0000:ffff:255.255.255.255\0", 46, &inet));
  CHECK_OK(cass_inet_from_string_n("0000:0000:0000:0000:0000:ffff:255.255.255.255", 45, &inet));
  cass_inet_string(inet, out);
  CHECK_EQ_STR("::ffff:255.255.255.255", out);
}

static void date_time(void) {
  const long long samples[] = {0, 1, 59, 86399, 86400, 1645557742LL, 253402300799LL, -86400,
                               -86400LL * 365, -62135596800LL};
  size_t i;

  CHECK_EQ_INT(DATE_EPOCH, cass_date_from_epoch(0));
  CHECK_EQ_INT(0, cass_time_from_epoch(0));
  /* 2022-02-22 19:22:22 UTC: day 19045, 69742 s after midnight. */
  CHECK_EQ_INT(DATE_EPOCH + 19045U, cass_date_from_epoch(1645557742LL));
  CHECK_EQ_INT(69742LL * NANOS, cass_time_from_epoch(1645557742LL));
  CHECK_EQ_INT(1645557742LL, cass_date_time_to_epoch(DATE_EPOCH + 19045U, 69742LL * NANOS + 999999999));
  CHECK_EQ_INT(DATE_EPOCH + 1U, cass_date_from_epoch(86400));
  CHECK_EQ_INT(86399LL * NANOS, cass_time_from_epoch(86399));
  /* Whole days before 1970. */
  CHECK_EQ_INT(DATE_EPOCH - 1U, cass_date_from_epoch(-86400));
  CHECK_EQ_INT(0, cass_time_from_epoch(-86400));
  CHECK_EQ_INT(DATE_EPOCH - 365U, cass_date_from_epoch(-86400LL * 365));
  CHECK_EQ_INT(-82800, cass_date_time_to_epoch(DATE_EPOCH - 1U, 3600LL * NANOS));
  CHECK_EQ_INT(-1, cass_date_time_to_epoch(DATE_EPOCH, -NANOS));
  CHECK_EQ_INT(-2147483648LL * 86400, cass_date_time_to_epoch(0, 0));
  CHECK_EQ_INT(2147483647LL * 86400 + 86399, cass_date_time_to_epoch(0xFFFFFFFFU, 86399LL * NANOS));

  for (i = 0; i < sizeof(samples) / sizeof(samples[0]); ++i) {
    cass_uint32_t date = cass_date_from_epoch(samples[i]);
    cass_int64_t time = cass_time_from_epoch(samples[i]);
    CHECK(time >= 0 && time < 86400LL * NANOS);
    CHECK_EQ_INT(samples[i], cass_date_time_to_epoch(date, time));
  }
}

int main(void) {
  uuid_text();
  uuid_time_arithmetic();
  uuid_generator_basics();
  uuid_generator_uniqueness();
  inet_text();
  date_time();
  uuid_generator_throughput();
  return 0;
}
