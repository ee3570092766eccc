/* decode_diff: writes byte strings into typed columns of a real node and prints how the library
 * decodes them, one line per input, so that the output of this library and of the reference C++
 * driver (the same program linked with each) can be compared line by line (tools/decode-diff/run).
 *
 *   decode_diff < inputs        each input line: "<column> <hex bytes>" (no hex: an empty value)
 *
 * Environment: CASS_TEST_HOST / CASS_TEST_PORT (node, default 127.0.0.1:9042), DECODE_DIFF_KS
 * (keyspace, default decode_diff). Each input is bound with cass_statement_bind_bytes (no client
 * side type check), written to its own row and read back through the C API. The server refuses
 * some inputs; those lines print the error code only.
 *
 * Tuples and user types: the reference stops iterating where the data ends, this library reads
 * the missing trailing fields as NULL (documented in src/iterator/values.rs); the printer stops at
 * the end of the data so that this known difference does not show. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cassandra.h>

static const char* const COLUMNS[] = {
    "c_boolean boolean", "c_tinyint tinyint", "c_smallint smallint", "c_int int", "c_bigint bigint",
    "c_float float", "c_double double", "c_decimal decimal", "c_varint varint", "c_text text",
    "c_ascii ascii", "c_blob blob", "c_timestamp timestamp", "c_date date", "c_time time",
    "c_uuid uuid", "c_timeuuid timeuuid", "c_inet inet", "c_duration duration",
    "c_list frozen<list<int>>", "c_set frozen<set<text>>", "c_map frozen<map<int, text>>",
    "c_tuple frozen<tuple<int, text, bigint>>", "c_udt frozen<u>",
    "c_nested frozen<list<frozen<tuple<int, frozen<list<int>>>>>>",
    "c_lmap frozen<map<text, frozen<list<int>>>>", "c_tdec frozen<tuple<decimal, duration, inet>>",
    "c_lempty frozen<list<int>>", NULL};

static CassSession* session;

static void die(const char* what, CassFuture* future) {
  const char* message = "";
  size_t length = 0;
  if (future != NULL) cass_future_error_message(future, &message, &length);
  fprintf(stderr, "decode_diff: %s: %.*s\n", what, (int)length, message);
  exit(2);
}

static void run(const char* cql) {
  CassStatement* st = cass_statement_new(cql, 0);
  CassFuture* f = cass_session_execute(session, st);
  if (cass_future_error_code(f) != CASS_OK) die(cql, f);
  cass_future_free(f);
  cass_statement_free(st);
}

/* Executes a statement; waits for the node while the session has no connection (after a server
 * error the node may close it; each library then reconnects on its own schedule). */
static CassFuture* execute(CassStatement* st) {
  int attempt;
  CassFuture* f = NULL;
  for (attempt = 0; attempt < 100; attempt++) {
    struct timespec pause = {0, 100 * 1000 * 1000};
    f = cass_session_execute(session, st);
    if (cass_future_error_code(f) != CASS_ERROR_LIB_NO_HOSTS_AVAILABLE) break;
    cass_future_free(f);
    f = NULL;
    nanosleep(&pause, NULL);
  }
  if (f == NULL) die("the node stays unreachable", NULL);
  return f;
}

static void hex(const cass_byte_t* bytes, size_t size) {
  size_t i;
  for (i = 0; i < size && i < 64; i++) printf("%02x", bytes[i]);
  if (size > 64) printf("..");
}

/* Prints one value; returns the bytes it took inside its parent (length prefix included). */
static size_t print_value(const CassValue* value);

static size_t value_size(const CassValue* value) {
  const cass_byte_t* bytes;
  size_t size = 0;
  if (cass_value_is_null(value) || cass_value_get_bytes(value, &bytes, &size) != CASS_OK) return 4;
  return 4 + size + (cass_value_is_collection(value) ? 4 : 0);
}

static void print_items(const CassValue* value, CassValueType type) {
  CassIterator* it;
  size_t total = 0, used = 0, yielded = 0;
  const cass_byte_t* bytes;
  if (cass_value_get_bytes(value, &bytes, &total) != CASS_OK) total = 0;
  if (type == CASS_VALUE_TYPE_MAP) {
    it = cass_iterator_from_map(value);
  } else if (type == CASS_VALUE_TYPE_UDT) {
    it = cass_iterator_fields_from_user_type(value);
  } else if (type == CASS_VALUE_TYPE_TUPLE) {
    it = cass_iterator_from_tuple(value);
  } else {
    it = cass_iterator_from_collection(value);
  }
  if (it == NULL) {
    printf(" noiter");
    return;
  }
  /* the current item before the first next */
  printf(" pre");
  print_value(type == CASS_VALUE_TYPE_MAP   ? cass_iterator_get_map_key(it)
              : type == CASS_VALUE_TYPE_UDT ? cass_iterator_get_user_type_field_value(it)
                                            : cass_iterator_get_value(it));
  printf(" [");
  while ((type != CASS_VALUE_TYPE_TUPLE && type != CASS_VALUE_TYPE_UDT) || used < total) {
    if (!cass_iterator_next(it)) break;
    yielded++;
    printf(" ");
    if (type == CASS_VALUE_TYPE_MAP) {
      print_value(cass_iterator_get_map_key(it));
      printf("=>");
      print_value(cass_iterator_get_map_value(it));
    } else if (type == CASS_VALUE_TYPE_UDT) {
      const char* name;
      size_t name_size;
      if (cass_iterator_get_user_type_field_name(it, &name, &name_size) == CASS_OK) {
        printf("%.*s:", (int)name_size, name);
      }
      used += print_value(cass_iterator_get_user_type_field_value(it));
    } else {
      used += print_value(cass_iterator_get_value(it));
    }
  }
  printf(" ] yielded=%zu", yielded);
  if (type != CASS_VALUE_TYPE_TUPLE && type != CASS_VALUE_TYPE_UDT) {
    /* past the end: the last item stays */
    printf(" next=%d post", (int)cass_iterator_next(it));
    print_value(type == CASS_VALUE_TYPE_MAP ? cass_iterator_get_map_value(it) : cass_iterator_get_value(it));
  }
  cass_iterator_free(it);
}

static size_t print_value(const CassValue* value) {
  CassValueType type;
  const cass_byte_t* bytes;
  size_t size;
  CassError rc;
  if (value == NULL) {
    printf("(nullptr)");
    return 0;
  }
  type = cass_value_type(value);
  printf("(t%d", (int)type);
  if (cass_value_is_null(value)) {
    printf(" null)");
    return 4;
  }
  rc = cass_value_get_bytes(value, &bytes, &size);
  printf(" rc%x b=", (unsigned)rc);
  if (rc == CASS_OK) hex(bytes, size);
  switch (type) {
    case CASS_VALUE_TYPE_BOOLEAN: {
      cass_bool_t v = cass_false;
      rc = cass_value_get_bool(value, &v);
      printf(" rc%x %d", (unsigned)rc, rc == CASS_OK ? (int)v : 0);
      break;
    }
    case CASS_VALUE_TYPE_TINY_INT: {
      cass_int8_t v = 0;
      rc = cass_value_get_int8(value, &v);
      printf(" rc%x %d", (unsigned)rc, rc == CASS_OK ? v : 0);
      break;
    }
    case CASS_VALUE_TYPE_SMALL_INT: {
      cass_int16_t v = 0;
      rc = cass_value_get_int16(value, &v);
      printf(" rc%x %d", (unsigned)rc, rc == CASS_OK ? v : 0);
      break;
    }
    case CASS_VALUE_TYPE_INT: {
      cass_int32_t v = 0;
      rc = cass_value_get_int32(value, &v);
      printf(" rc%x %d", (unsigned)rc, rc == CASS_OK ? v : 0);
      break;
    }
    case CASS_VALUE_TYPE_DATE: {
      cass_uint32_t v = 0;
      rc = cass_value_get_uint32(value, &v);
      printf(" rc%x %u", (unsigned)rc, rc == CASS_OK ? v : 0);
      break;
    }
    case CASS_VALUE_TYPE_BIGINT:
    case CASS_VALUE_TYPE_TIMESTAMP:
    case CASS_VALUE_TYPE_TIME: {
      cass_int64_t v = 0;
      rc = cass_value_get_int64(value, &v);
      printf(" rc%x %lld", (unsigned)rc, rc == CASS_OK ? (long long)v : 0);
      break;
    }
    case CASS_VALUE_TYPE_FLOAT: {
      cass_float_t v = 0;
      rc = cass_value_get_float(value, &v);
      printf(" rc%x %a", (unsigned)rc, rc == CASS_OK ? (double)v : 0.0);
      break;
    }
    case CASS_VALUE_TYPE_DOUBLE: {
      cass_double_t v = 0;
      rc = cass_value_get_double(value, &v);
      printf(" rc%x %a", (unsigned)rc, rc == CASS_OK ? v : 0.0);
      break;
    }
    case CASS_VALUE_TYPE_UUID:
    case CASS_VALUE_TYPE_TIMEUUID: {
      CassUuid v;
      char text[CASS_UUID_STRING_LENGTH];
      rc = cass_value_get_uuid(value, &v);
      printf(" rc%x", (unsigned)rc);
      if (rc == CASS_OK) {
        cass_uuid_string(v, text);
        printf(" %s", text);
      }
      break;
    }
    case CASS_VALUE_TYPE_INET: {
      CassInet v;
      rc = cass_value_get_inet(value, &v);
      printf(" rc%x", (unsigned)rc);
      if (rc == CASS_OK) {
        printf(" len%d ", (int)v.address_length);
        hex(v.address, v.address_length);
      }
      break;
    }
    case CASS_VALUE_TYPE_DECIMAL: {
      const cass_byte_t* varint;
      size_t varint_size;
      cass_int32_t scale;
      rc = cass_value_get_decimal(value, &varint, &varint_size, &scale);
      printf(" rc%x", (unsigned)rc);
      if (rc == CASS_OK) {
        printf(" scale%d ", scale);
        hex(varint, varint_size);
      }
      break;
    }
    case CASS_VALUE_TYPE_DURATION: {
      cass_int32_t months, days;
      cass_int64_t nanos;
      rc = cass_value_get_duration(value, &months, &days, &nanos);
      printf(" rc%x", (unsigned)rc);
      if (rc == CASS_OK) printf(" %d/%d/%lld", months, days, (long long)nanos);
      break;
    }
    case CASS_VALUE_TYPE_LIST:
    case CASS_VALUE_TYPE_SET:
    case CASS_VALUE_TYPE_MAP:
    case CASS_VALUE_TYPE_TUPLE:
    case CASS_VALUE_TYPE_UDT:
      printf(" n=%zu", cass_value_item_count(value));
      print_items(value, type);
      break;
    default:
      break;
  }
  printf(")");
  return value_size(value);
}

static int unhex(const char* text, cass_byte_t* out, size_t* size) {
  size_t n = 0;
  while (text[0] != '\0' && text[1] != '\0') {
    unsigned byte;
    if (sscanf(text, "%2x", &byte) != 1) return 0;
    out[n++] = (cass_byte_t)byte;
    text += 2;
  }
  *size = n;
  return 1;
}

int main(void) {
  const char* host = getenv("CASS_TEST_HOST");
  const char* port = getenv("CASS_TEST_PORT");
  const char* ks = getenv("DECODE_DIFF_KS");
  CassCluster* cluster = cass_cluster_new();
  CassFuture* f;
  char cql[4096], line[70000], insert[256], select[256];
  static cass_byte_t bytes[35000];
  size_t i, n = 0, pos;
  int key = 0;

  if (ks == NULL || ks[0] == '\0') ks = "decode_diff";
  cass_log_set_level(CASS_LOG_DISABLED);
  cass_cluster_set_contact_points(cluster, host != NULL && host[0] != '\0' ? host : "127.0.0.1");
  cass_cluster_set_port(cluster, port != NULL && port[0] != '\0' ? atoi(port) : 9042);
  session = cass_session_new();
  f = cass_session_connect(session, cluster);
  if (cass_future_error_code(f) != CASS_OK) die("connect", f);
  cass_future_free(f);

  snprintf(cql, sizeof cql, "DROP KEYSPACE IF EXISTS %s", ks);
  run(cql);
  snprintf(cql, sizeof cql,
           "CREATE KEYSPACE %s WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}",
           ks);
  run(cql);
  snprintf(cql, sizeof cql, "CREATE TYPE %s.u (a int, b text, c duration)", ks);
  run(cql);
  pos = (size_t)snprintf(cql, sizeof cql, "CREATE TABLE %s.t (k int PRIMARY KEY", ks);
  for (i = 0; COLUMNS[i] != NULL; i++) {
    pos += (size_t)snprintf(cql + pos, sizeof cql - pos, ", %s", COLUMNS[i]);
  }
  snprintf(cql + pos, sizeof cql - pos, ")");
  run(cql);

  while (fgets(line, sizeof line, stdin) != NULL) {
    char* column = strtok(line, " \n");
    char* text = strtok(NULL, " \n");
    size_t size = 0;
    CassStatement* st;
    if (column == NULL) continue;
    if (!unhex(text != NULL ? text : "", bytes, &size)) die("bad hex", NULL);
    n++;
    key++;
    snprintf(insert, sizeof insert, "INSERT INTO %s.t (k, %s) VALUES (?, ?)", ks, column);
    st = cass_statement_new(insert, 2);
    cass_statement_bind_int32(st, 0, key);
    cass_statement_bind_bytes(st, 1, bytes, size);
    f = execute(st);
    printf("%s %s:", column, text != NULL ? text : "");
    if (cass_future_error_code(f) != CASS_OK) {
      printf(" refused %x\n", (unsigned)cass_future_error_code(f));
    } else {
      CassStatement* read;
      CassFuture* rf;
      const CassResult* result;
      snprintf(select, sizeof select, "SELECT %s FROM %s.t WHERE k = ?", column, ks);
      read = cass_statement_new(select, 1);
      cass_statement_bind_int32(read, 0, key);
      rf = execute(read);
      if (cass_future_error_code(rf) != CASS_OK) {
        printf(" read failed %x\n", (unsigned)cass_future_error_code(rf));
      } else {
        const CassRow* row;
        result = cass_future_get_result(rf);
        row = cass_result_first_row(result);
        printf(" ");
        if (row == NULL) {
          printf("(no row)");
        } else {
          print_value(cass_row_get_column(row, 0));
        }
        printf("\n");
        cass_result_free(result);
      }
      cass_future_free(rf);
      cass_statement_free(read);
    }
    cass_future_free(f);
    cass_statement_free(st);
    fflush(stdout);
  }
  fprintf(stderr, "decode_diff: %zu inputs\n", n);
  f = cass_session_close(session);
  cass_future_wait(f);
  cass_future_free(f);
  cass_session_free(session);
  cass_cluster_free(cluster);
  return 0;
}
