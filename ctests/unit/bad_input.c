/* Extra safety of this library: NULL handles, unknown enum values, non-UTF-8 text and NULL
   out-pointers give an error code (or NULL, 0, cass_false), never a crash. The C++ driver crashes on
   most of these, so this test runs on our library only. */
// test-label: ours-only
#include <pthread.h>

#include "test_util.h"

#define UUID_THREADS 4
#define UUIDS_PER_THREAD 50000

typedef struct {
  CassUuidGen* gen;
  CassUuid* out;
} UuidWorker;

static void* uuid_worker(void* arg) {
  UuidWorker* worker = (UuidWorker*)arg;
  size_t i;
  for (i = 0; i < UUIDS_PER_THREAD; ++i) {
    cass_uuid_gen_time(worker->gen, &worker->out[i]);
  }
  return NULL;
}

static int uuid_order(const void* a, const void* b) {
  const CassUuid* x = (const CassUuid*)a;
  const CassUuid* y = (const CassUuid*)b;
  if (x->time_and_version != y->time_and_version) {
    return x->time_and_version < y->time_and_version ? -1 : 1;
  }
  return x->clock_seq_and_node < y->clock_seq_and_node ? -1 : x->clock_seq_and_node > y->clock_seq_and_node;
}

/* Threads sharing one generator never get the same time UUID (the C++ driver repeats a few: see
   uuid_inet_time.c). */
static void uuid_threads_never_repeat(void) {
  CassUuidGen* gen = cass_uuid_gen_new();
  CassUuid* uuids = (CassUuid*)malloc(sizeof(CassUuid) * UUID_THREADS * UUIDS_PER_THREAD);
  pthread_t threads[UUID_THREADS];
  UuidWorker workers[UUID_THREADS];
  size_t i;
  CHECK(uuids != NULL);
  for (i = 0; i < UUID_THREADS; ++i) {
    workers[i].gen = gen;
    workers[i].out = uuids + i * UUIDS_PER_THREAD;
    CHECK(pthread_create(&threads[i], NULL, uuid_worker, &workers[i]) == 0);
  }
  for (i = 0; i < UUID_THREADS; ++i) {
    CHECK(pthread_join(threads[i], NULL) == 0);
  }
  qsort(uuids, UUID_THREADS * UUIDS_PER_THREAD, sizeof(CassUuid), uuid_order);
  for (i = 1; i < UUID_THREADS * UUIDS_PER_THREAD; ++i) {
    CHECK(uuid_order(&uuids[i - 1], &uuids[i]) != 0);
  }
  free(uuids);
  cass_uuid_gen_free(gen);
}

/* UUIDs, inets, dates and times: NULL arguments, and where this library deliberately answers
   differently from the C++ driver (see src/uuid/, src/inet.rs, src/date_time.rs). */
static void uuid_inet_time_bad_input(void) {
  static const char valid[] = "550e8400-e29b-41d4-a716-446655440000";
  CassUuidGen* gen = cass_uuid_gen_new();
  CassUuid uuid, before;
  CassInet inet;
  char text[CASS_UUID_STRING_LENGTH];

  /* NULL generator or output: nothing happens, the output is left alone. */
  CHECK_OK(cass_uuid_from_string(valid, &uuid));
  before = uuid;
  cass_uuid_gen_time(NULL, &uuid);
  cass_uuid_gen_random(NULL, &uuid);
  cass_uuid_gen_from_time(NULL, 1000, &uuid);
  CHECK(memcmp(&uuid, &before, sizeof(uuid)) == 0);
  cass_uuid_gen_time(gen, NULL);
  cass_uuid_gen_random(gen, NULL);
  cass_uuid_gen_from_time(gen, 1000, NULL);
  cass_uuid_gen_free(NULL);
  cass_uuid_min_from_time(0, NULL);
  cass_uuid_max_from_time(0, NULL);
  cass_uuid_string(uuid, NULL);
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_uuid_from_string(valid, NULL));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_uuid_from_string_n(NULL, 36, &uuid));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_uuid_from_string_n(valid, 36, NULL));

  inet = cass_inet_init_v4(NULL);
  CHECK_EQ_INT(0, inet.address_length);
  inet = cass_inet_init_v6(NULL);
  CHECK_EQ_INT(0, inet.address_length);
  cass_inet_string(inet, NULL);
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_inet_from_string(NULL, &inet));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_inet_from_string("127.0.0.1", NULL));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_inet_from_string_n(NULL, 9, &inet));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_inet_from_string_n("127.0.0.1", 9, NULL));

  /* Differences from the C++ driver. The header documents 0 as the timestamp of a UUID that is
     not version 1 (the C++ driver returns a meaningless number). */
  CHECK_EQ_INT(0, cass_uuid_timestamp(uuid));
  /* Characters after the 32 hex digits must be dashes (the C++ driver ignores them). */
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_uuid_from_string("550e8400e29b41d4a716446655440000zzzz", &uuid));
  /* A v1 time before 1970 reads back as negative milliseconds (cast to cass_int64_t). */
  cass_uuid_min_from_time((cass_uint64_t)-1500, &uuid);
  CHECK_EQ_INT(-1500, (cass_int64_t)cass_uuid_timestamp(uuid));
  cass_uuid_string(uuid, text);
  CHECK_EQ_STR("129c5e40-1dd2-11b2-8080-808080808080", text);
  /* A time before 1970 falls on the day before with a time in range (the C++ driver truncates
     toward 1970: date 2^31 and time -1 s for -1). */
  CHECK_EQ_INT(2147483647U, cass_date_from_epoch(-1));
  CHECK_EQ_INT(86399000000000LL, cass_time_from_epoch(-1));
  CHECK_EQ_INT(-1, cass_date_time_to_epoch(cass_date_from_epoch(-1), cass_time_from_epoch(-1)));
  CHECK_EQ_INT(2147483648U - 165U, cass_date_from_epoch(-14182940)); /* 1969-07-20 20:17:40 */
  CHECK_EQ_INT(73060000000000LL, cass_time_from_epoch(-14182940));
  uuid_threads_never_repeat();

  cass_uuid_gen_free(gen);
}

/* Values: NULL handles, impossible lengths, unknown kinds, wrong kinds of iterator, and the tuple
   index one past the end (the C++ driver writes past its buffer there). */
static void values_bad_input(void) {
  CassStatement* statement = cass_statement_new("INSERT INTO t (a, b) VALUES (?, ?)", 2);
  CassCollection* list = cass_collection_new(CASS_COLLECTION_TYPE_LIST, 1);
  CassTuple* tuple = cass_tuple_new(2);
  CassInet inet;
  const char bad_utf8[] = {(char)0xC3, (char)0x28, 0};
  const cass_byte_t* bytes;
  size_t length;
  cass_int32_t scale;

  CHECK(cass_collection_new((CassCollectionType)77, 1) == NULL);
  CHECK(cass_collection_new_from_data_type(NULL, 1) == NULL);
  CHECK(cass_tuple_new_from_data_type(NULL) == NULL);
  CHECK(cass_user_type_new_from_data_type(NULL) == NULL);
  CHECK(cass_collection_data_type(NULL) == NULL);
  CHECK(cass_tuple_data_type(NULL) == NULL);
  CHECK(cass_user_type_data_type(NULL) == NULL);
  cass_collection_free(NULL);
  cass_tuple_free(NULL);
  cass_user_type_free(NULL);
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_collection_append_int32(NULL, 1));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_collection_append_bytes(list, NULL, 3));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_collection_append_collection(list, NULL));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_tuple_set_int32(NULL, 0, 1));
  CHECK_ERR(CASS_ERROR_LIB_INDEX_OUT_OF_BOUNDS, cass_tuple_set_int32(tuple, 2, 1));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_tuple_set_tuple(tuple, 0, NULL));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_user_type_set_int32(NULL, 0, 1));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_user_type_set_int32_by_name(NULL, "a", 1));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_statement_bind_int32_by_name(statement, NULL, 1));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_statement_bind_int32_by_name(statement, bad_utf8, 1));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_statement_bind_custom(statement, 0, bad_utf8, (const cass_byte_t*)"x", 1));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_statement_bind_decimal(statement, 0, NULL, 4, 1));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_statement_bind_user_type(statement, 0, NULL));
  memset(&inet, 0, sizeof inet);
  inet.address_length = 200;
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_statement_bind_inet(statement, 0, inet));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_collection_append_inet(list, inet));

  CHECK(cass_iterator_from_collection(NULL) == NULL);
  CHECK(cass_iterator_from_map(NULL) == NULL);
  CHECK(cass_iterator_from_tuple(NULL) == NULL);
  CHECK(cass_iterator_fields_from_user_type(NULL) == NULL);
  CHECK(cass_iterator_from_row(NULL) == NULL);
  CHECK(cass_iterator_get_value(NULL) == NULL);
  CHECK(cass_iterator_get_map_key(NULL) == NULL);
  CHECK(cass_iterator_get_column(NULL) == NULL);
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_iterator_get_user_type_field_name(NULL, NULL, NULL));
  CHECK_ERR(CASS_ERROR_LIB_NULL_VALUE, cass_value_get_decimal(NULL, &bytes, &length, &scale));
  CHECK_ERR(CASS_ERROR_LIB_NULL_VALUE, cass_value_get_inet(NULL, &inet));
  CHECK(cass_value_data_type(NULL) == NULL);
  CHECK(cass_value_is_collection(NULL) == cass_false);
  CHECK_EQ_INT(0, cass_value_item_count(NULL));
  CHECK_EQ_INT(CASS_VALUE_TYPE_UNKNOWN, cass_value_primary_sub_type(NULL));
  CHECK(cass_prepared_bind(NULL) == NULL);
  CHECK(cass_prepared_parameter_data_type(NULL, 0) == NULL);
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_prepared_parameter_name(NULL, 0, NULL, NULL));
  cass_prepared_free(NULL);

  cass_tuple_free(tuple);
  cass_collection_free(list);
  cass_statement_free(statement);
}

int main(void) {
  CassCluster* cluster = cass_cluster_new();
  CassSession* session = cass_session_new();
  CassStatement* statement = cass_statement_new("SELECT * FROM t WHERE k = ?", 1);
  CassFuture* future;
  const char* text = "x";
  size_t length = 7;
  const char bad_utf8[] = {'1', '2', '7', (char)0xC3, (char)0x28, 0};

  /* NULL handles. */
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_cluster_set_contact_points(NULL, "127.0.0.1"));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_cluster_set_port(NULL, 9042));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_cluster_set_consistency(NULL, CASS_CONSISTENCY_ONE));
  cass_cluster_set_connect_timeout(NULL, 1);
  cass_cluster_set_credentials(NULL, "a", "b");
  cass_cluster_free(NULL);
  cass_session_free(NULL);
  cass_statement_free(NULL);
  cass_future_free(NULL);
  cass_result_free(NULL);
  cass_iterator_free(NULL);
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_statement_bind_int32(NULL, 0, 1));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_statement_bind_string_n(statement, 0, NULL, 5));
  CHECK(cass_result_row_count(NULL) == 0);
  CHECK(cass_result_first_row(NULL) == NULL);
  CHECK(cass_row_get_column(NULL, 0) == NULL);
  CHECK(cass_row_get_column_by_name(NULL, "k") == NULL);
  CHECK(cass_iterator_from_result(NULL) == NULL);
  CHECK(cass_iterator_next(NULL) == cass_false);
  CHECK(cass_iterator_get_row(NULL) == NULL);
  CHECK_ERR(CASS_ERROR_LIB_NULL_VALUE, cass_value_get_int32(NULL, NULL));
  CHECK(cass_value_is_null(NULL) == cass_true);
  CHECK_EQ_INT(CASS_VALUE_TYPE_UNKNOWN, cass_value_type(NULL));
  CHECK(cass_future_ready(NULL) == cass_false);
  cass_future_wait(NULL);
  CHECK(cass_future_wait_timed(NULL, 10) == cass_false);
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_future_error_code(NULL));
  cass_future_error_message(NULL, &text, &length);
  CHECK(text != NULL && length == 0);
  CHECK(cass_future_get_result(NULL) == NULL);
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_future_set_callback(NULL, NULL, NULL));

  /* Custom authenticators: NULL callbacks, NULL exchanges. */
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_cluster_set_authenticator_callbacks(NULL, NULL, NULL, NULL));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_cluster_set_authenticator_callbacks(cluster, NULL, NULL, NULL));
  CHECK(cass_authenticator_class_name(NULL, &length) == NULL);
  CHECK(cass_authenticator_hostname(NULL, NULL) == NULL);
  CHECK(cass_authenticator_exchange_data(NULL) == NULL);
  CHECK(cass_authenticator_response(NULL, 16) == NULL);
  cass_authenticator_address(NULL, NULL);
  cass_authenticator_set_exchange_data(NULL, NULL);
  cass_authenticator_set_response(NULL, "x", 1);
  cass_authenticator_set_error(NULL, NULL);
  cass_authenticator_set_error_n(NULL, "x", 1);
  cass_log_get_callback_and_data(NULL, NULL);

  future = cass_session_execute(NULL, statement);
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_future_error_code(future));
  cass_future_free(future);
  future = cass_session_connect(session, NULL);
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_future_error_code(future));
  cass_future_free(future);
  future = cass_session_close(NULL);
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_future_error_code(future));
  cass_future_free(future);

  /* Unknown enum values. */
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_cluster_set_consistency(cluster, (CassConsistency)12345));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_cluster_set_serial_consistency(cluster, (CassConsistency)-1));
  CHECK_EQ_STR("", cass_log_level_string((CassLogLevel)999));
  CHECK_EQ_STR("", cass_error_desc((CassError)0x7fffffff));
  cass_log_set_level((CassLogLevel)4242);

  /* Text that is not UTF-8. */
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_cluster_set_contact_points(cluster, bad_utf8));
  CHECK(cass_statement_new(bad_utf8, 0) == NULL);
  future = cass_session_connect_keyspace(session, cluster, bad_utf8);
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_future_error_code(future));
  cass_future_free(future);

  /* NULL out-pointers and indexes past the end. */
  CHECK_ERR(CASS_ERROR_LIB_INDEX_OUT_OF_BOUNDS, cass_statement_bind_int32(statement, 1, 1));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_result_column_name(NULL, 0, &text, &length));

  uuid_inet_time_bad_input();
  values_bad_input();

  cass_statement_free(statement);
  cass_session_free(session);
  cass_cluster_free(cluster);
  return 0;
}
