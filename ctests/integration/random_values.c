/* Random values, seeded and reproducible. Random UDTs and tables (an int partition key and 3-8
   columns of every CQL type but counter: lists, sets, maps, tuples and frozen UDTs nested up to
   three levels deep), random rows with edge values (minimum and maximum integers, empty text,
   blobs and collections, NULLs, non-ASCII UTF-8 and NUL bytes, infinities, -0.0, blobs of a few
   KB), written through simple statements (untyped collections and tuples, UDTs of data types built
   by hand with cass_data_type_new_udt(), now and then collections typed by hand-built data types)
   and prepared statements (collections, tuples and UDTs built from the parameters' data types or
   from ours; bound by index and by name, some set twice, some left unset), read back through
   simple and prepared selects and a paged scan, and compared recursively against an in-memory
   model of what was written (Cassandra's rules: an empty non-frozen collection reads back as NULL;
   sets and maps come back in the server's order, so they are compared as unordered). The data
   types reported for parameters, result columns and values are checked against the model too.

   Then the C++ driver's type checks: random wrong C types bound to prepared parameters and set
   into typed collections, tuples and UDTs must fail with CASS_ERROR_LIB_INVALID_VALUE_TYPE (and
   the right ones succeed), and so must random typed getters on values of another type (getters on
   NULL values fail with CASS_ERROR_LIB_NULL_VALUE; cass_value_get_string/bytes take any type).

   RANDOM_VALUES_SEED=<n> picks the seed (default 20261124); it is printed first, and every
   failure repeats it. All random choices come from our own generator and never depend on what the
   library returns, so both libraries see the same schemas, values and calls. */
#include "test_util.h"

#include <float.h>
#include <stdarg.h>
#include <stdint.h>
#include <time.h>

#define DEFAULT_SEED 20261124ULL
#define NUDTS 4             /* user types, shared by the tables */
#define NTABLES 6
#define MIN_COLS 3
#define MAX_COLS 8
#define NROWS 20            /* per table: even rows simple statements, odd rows prepared */
#define MAX_DEPTH 3         /* nesting levels of collections, tuples and UDTs */
#define MAX_SUB 4           /* tuple items, UDT fields */
#define BIND_CHECKS 60      /* per table: binds of random C types */
#define MAX_NODES 512

/* ------------------------------------------------------------------------------------------ */
/* Random numbers: splitmix64.                                                                  */

typedef struct {
  uint64_t state;
} Rng;

static unsigned long long seed;
static Rng rng;       /* schemas, values and the choices of how to bind them */
static Rng probe_rng; /* the getters tried on values read back */

static uint64_t rng_next(Rng* r) {
  uint64_t z = (r->state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

static uint64_t rnd64(void) { return rng_next(&rng); }
static unsigned rnd(unsigned n) { return (unsigned)(rng_next(&rng) % n); } /* 0 .. n-1 */
static int chance(unsigned n) { return rnd(n) == 0; }                    /* 1 in n */

/* ------------------------------------------------------------------------------------------ */
/* Failures: where we are (table, row, column, path inside the value) and what differs.        */

static char path[512];
static size_t path_len;
static char mismatch_msg[2048];

static size_t path_push(const char* fmt, ...) {
  size_t mark = path_len;
  va_list ap;
  int n;
  va_start(ap, fmt);
  n = vsnprintf(path + path_len, sizeof path - path_len, fmt, ap);
  va_end(ap);
  if (n > 0) path_len += (size_t)n;
  if (path_len >= sizeof path) path_len = sizeof path - 1;
  return mark;
}

static void path_pop(size_t mark) {
  path_len = mark;
  path[mark] = '\0';
}

static void fail(const char* fmt, ...) {
  va_list ap;
  fprintf(stderr, "random_values: FAILED (RANDOM_VALUES_SEED=%llu) at %s: ", seed, path);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
  fflush(stderr);
  exit(1);
}

/* Records why a comparison failed (the caller may try another candidate) and returns 0. */
static int mismatch(const char* fmt, ...) {
  va_list ap;
  int n = snprintf(mismatch_msg, sizeof mismatch_msg, "%s: ", path);
  if (n < 0 || (size_t)n >= sizeof mismatch_msg) n = 0;
  va_start(ap, fmt);
  vsnprintf(mismatch_msg + n, sizeof mismatch_msg - (size_t)n, fmt, ap);
  va_end(ap);
  return 0;
}

static void check_rc(CassError expected, CassError got, const char* what) {
  if (expected != got) {
    fail("%s: expected %s, got %s", what, expected == CASS_OK ? "CASS_OK" : cass_error_desc(expected),
         got == CASS_OK ? "CASS_OK" : cass_error_desc(got));
  }
}

/* A growing CQL text. */
typedef struct {
  char data[16384];
  size_t len;
} Buf;

static void buf_add(Buf* b, const char* fmt, ...) {
  va_list ap;
  int n;
  va_start(ap, fmt);
  n = vsnprintf(b->data + b->len, sizeof b->data - b->len, fmt, ap);
  va_end(ap);
  CHECK(n >= 0 && (size_t)n < sizeof b->data - b->len);
  b->len += (size_t)n;
}

/* ------------------------------------------------------------------------------------------ */
/* Types.                                                                                       */

typedef enum {
  K_ASCII, K_BIGINT, K_BLOB, K_BOOLEAN, K_DATE, K_DECIMAL, K_DOUBLE, K_DURATION, K_FLOAT, K_INET,
  K_INT, K_SMALLINT, K_TEXT, K_TIME, K_TIMESTAMP, K_TIMEUUID, K_TINYINT, K_UUID, K_VARCHAR, K_VARINT,
  K_LIST, K_SET, K_MAP, K_TUPLE, K_UDT
} Kind;
#define NPRIM K_LIST

static const char* const PRIM_CQL[NPRIM] = {
    "ascii", "bigint", "blob", "boolean", "date", "decimal", "double", "duration", "float", "inet",
    "int", "smallint", "text", "time", "timestamp", "timeuuid", "tinyint", "uuid", "varchar", "varint"};

/* text and varchar are the same type: the server reports both as varchar. */
static const CassValueType PRIM_TYPE[NPRIM] = {
    CASS_VALUE_TYPE_ASCII,    CASS_VALUE_TYPE_BIGINT,    CASS_VALUE_TYPE_BLOB,     CASS_VALUE_TYPE_BOOLEAN,
    CASS_VALUE_TYPE_DATE,     CASS_VALUE_TYPE_DECIMAL,   CASS_VALUE_TYPE_DOUBLE,   CASS_VALUE_TYPE_DURATION,
    CASS_VALUE_TYPE_FLOAT,    CASS_VALUE_TYPE_INET,      CASS_VALUE_TYPE_INT,      CASS_VALUE_TYPE_SMALL_INT,
    CASS_VALUE_TYPE_VARCHAR,  CASS_VALUE_TYPE_TIME,      CASS_VALUE_TYPE_TIMESTAMP, CASS_VALUE_TYPE_TIMEUUID,
    CASS_VALUE_TYPE_TINY_INT, CASS_VALUE_TYPE_UUID,      CASS_VALUE_TYPE_VARCHAR,  CASS_VALUE_TYPE_VARINT};

typedef struct Type {
  Kind kind;
  int frozen; /* a list, set, map or tuple column declared frozen<...> (nested ones always are) */
  int nsub;   /* list, set: 1; map: 2 (key, value); tuple: its items */
  const struct Type* sub[MAX_SUB];
  int udt; /* K_UDT: index into udts[] */
} Type;

typedef struct {
  char name[8];
  int nfields;
  char field_names[MAX_SUB][8];
  const Type* fields[MAX_SUB];
  int depth;
  int has_duration;
  CassDataType* data_type; /* built by hand: cass_data_type_new_udt() */
} Udt;

static Type type_pool[8192];
static int ntypes;
static Udt udts[NUDTS];
static int nudts; /* the UDTs defined so far (a UDT may use the earlier ones) */
static char ks[64];

static Type* new_type(Kind kind) {
  Type* t;
  CHECK(ntypes < (int)(sizeof type_pool / sizeof type_pool[0]));
  t = &type_pool[ntypes++];
  memset(t, 0, sizeof *t);
  t->kind = kind;
  return t;
}

static int is_prim(const Type* t) { return t->kind < NPRIM; }
static int is_collection(const Type* t) { return t->kind == K_LIST || t->kind == K_SET || t->kind == K_MAP; }

static const CassCollectionType COLLECTION_TYPES[] = {CASS_COLLECTION_TYPE_LIST, CASS_COLLECTION_TYPE_SET,
                                                      CASS_COLLECTION_TYPE_MAP}; /* by K_LIST + i */

static CassValueType value_type_of(const Type* t) {
  switch (t->kind) {
    case K_LIST: return CASS_VALUE_TYPE_LIST;
    case K_SET: return CASS_VALUE_TYPE_SET;
    case K_MAP: return CASS_VALUE_TYPE_MAP;
    case K_TUPLE: return CASS_VALUE_TYPE_TUPLE;
    case K_UDT: return CASS_VALUE_TYPE_UDT;
    default: return is_prim(t) ? PRIM_TYPE[t->kind] : CASS_VALUE_TYPE_UNKNOWN;
  }
}

/* The sub types: list/set element, map key and value, tuple items, UDT fields. */
static int sub_count(const Type* t) { return t->kind == K_UDT ? udts[t->udt].nfields : t->nsub; }
static const Type* sub_type(const Type* t, int i) {
  return t->kind == K_UDT ? udts[t->udt].fields[i] : t->sub[i];
}

static int type_depth(const Type* t) {
  int i, d = 0;
  if (t->kind == K_UDT) return udts[t->udt].depth;
  if (is_prim(t)) return 0;
  for (i = 0; i < t->nsub; i++) {
    int s = type_depth(t->sub[i]);
    if (s > d) d = s;
  }
  return d + 1;
}

static int type_has_duration(const Type* t) {
  int i;
  if (t->kind == K_DURATION) return 1;
  if (t->kind == K_UDT) return udts[t->udt].has_duration;
  for (i = 0; i < t->nsub; i++) {
    if (type_has_duration(t->sub[i])) return 1;
  }
  return 0;
}

/* A random type of at most `depth` nesting levels; composite_pct: the chance (in %) of a
   collection, tuple or UDT. no_duration: inside a set element or a map key, where CQL refuses
   durations (also inside tuples and UDTs). */
static const Type* gen_type(int depth, int no_duration, unsigned composite_pct) {
  Type* t;
  int i;
  if (depth > 0 && rnd(100) < composite_pct) {
    unsigned pick = rnd(5);
    if (pick == 4) {
      int candidates[NUDTS], n = 0;
      for (i = 0; i < nudts; i++) {
        if (udts[i].depth <= depth && !(no_duration && udts[i].has_duration)) candidates[n++] = i;
      }
      if (n > 0) {
        t = new_type(K_UDT);
        t->udt = candidates[rnd((unsigned)n)];
        return t;
      }
      pick = rnd(4);
    }
    t = new_type((Kind)(K_LIST + pick));
    switch (t->kind) {
      case K_LIST:
        t->nsub = 1;
        t->sub[0] = gen_type(depth - 1, no_duration, 30);
        break;
      case K_SET:
        t->nsub = 1;
        t->sub[0] = gen_type(depth - 1, 1, 30);
        break;
      case K_MAP:
        t->nsub = 2;
        t->sub[0] = gen_type(depth - 1, 1, 30);
        t->sub[1] = gen_type(depth - 1, no_duration, 30);
        break;
      default:
        t->nsub = 1 + (int)rnd(3);
        for (i = 0; i < t->nsub; i++) t->sub[i] = gen_type(depth - 1, no_duration, 30);
        break;
    }
    return t;
  }
  {
    unsigned k;
    do {
      k = rnd(NPRIM);
    } while (no_duration && k == K_DURATION);
    return new_type((Kind)k);
  }
}

/* The CQL of a type; nested collections and tuples are frozen, as CQL requires. */
static void type_cql(Buf* b, const Type* t, int top) {
  static const char* const NAMES[] = {"list", "set", "map", "tuple"};
  int i, frozen;
  if (is_prim(t)) {
    buf_add(b, "%s", PRIM_CQL[t->kind]);
    return;
  }
  if (t->kind == K_UDT) {
    buf_add(b, "frozen<%s>", udts[t->udt].name);
    return;
  }
  frozen = !top || t->frozen;
  buf_add(b, "%s%s<", frozen ? "frozen<" : "", NAMES[t->kind - K_LIST]);
  for (i = 0; i < t->nsub; i++) {
    if (i > 0) buf_add(b, ", ");
    type_cql(b, t->sub[i], 0);
  }
  buf_add(b, ">%s", frozen ? ">" : "");
}

/* Whether a value of type `a` may be bound where `b` is expected (the C++ driver's
   DataType::equals: same value types, same sub types, the same UDT; frozen does not count). */
static int types_equal(const Type* a, const Type* b) {
  int i;
  if (value_type_of(a) != value_type_of(b)) return 0;
  if (a->kind == K_UDT) return a->udt == b->udt;
  if (is_prim(a)) return 1;
  if (a->nsub != b->nsub) return 0;
  for (i = 0; i < a->nsub; i++) {
    if (!types_equal(a->sub[i], b->sub[i])) return 0;
  }
  return 1;
}

/* A data type built by hand from the model (the UDTs' own are built in make_udt_data_type()). */
static CassDataType* make_data_type(const Type* t) {
  CassDataType* dt;
  int i;
  if (is_prim(t)) {
    dt = cass_data_type_new(value_type_of(t));
    CHECK(dt != NULL);
    return dt;
  }
  CHECK(t->kind != K_UDT);
  dt = t->kind == K_TUPLE ? cass_data_type_new_tuple((size_t)t->nsub) : cass_data_type_new(value_type_of(t));
  CHECK(dt != NULL);
  for (i = 0; i < t->nsub; i++) {
    const Type* sub = t->sub[i];
    if (sub->kind == K_UDT) {
      CHECK_OK(cass_data_type_add_sub_type(dt, udts[sub->udt].data_type));
    } else if (is_prim(sub) && chance(2)) {
      CHECK_OK(cass_data_type_add_sub_value_type(dt, value_type_of(sub)));
    } else {
      CassDataType* s = make_data_type(sub);
      CHECK_OK(cass_data_type_add_sub_type(dt, s));
      cass_data_type_free(s);
    }
  }
  return dt;
}

static void make_udt_data_type(Udt* u) {
  int i;
  u->data_type = cass_data_type_new_udt((size_t)u->nfields);
  CHECK(u->data_type != NULL);
  CHECK_OK(cass_data_type_set_keyspace(u->data_type, ks));
  CHECK_OK(cass_data_type_set_type_name(u->data_type, u->name));
  for (i = 0; i < u->nfields; i++) {
    const Type* f = u->fields[i];
    if (f->kind == K_UDT) {
      CHECK_OK(cass_data_type_add_sub_type_by_name(u->data_type, u->field_names[i], udts[f->udt].data_type));
    } else if (is_prim(f) && chance(2)) {
      CHECK_OK(cass_data_type_add_sub_value_type_by_name(u->data_type, u->field_names[i], value_type_of(f)));
    } else {
      CassDataType* s = make_data_type(f);
      CHECK_OK(cass_data_type_add_sub_type_by_name(u->data_type, u->field_names[i], s));
      cass_data_type_free(s);
    }
  }
}

/* A data type as the library reports it (or as we built it) against the model. */
static void check_data_type(const CassDataType* dt, const Type* t) {
  const char* s;
  size_t len;
  int i, n = sub_count(t);
  if (dt == NULL) fail("no data type (expected %d)", (int)value_type_of(t));
  if (cass_data_type_type(dt) != value_type_of(t)) {
    fail("data type %#x, expected %#x", (unsigned)cass_data_type_type(dt), (unsigned)value_type_of(t));
  }
  if (is_prim(t)) return;
  if (cass_data_type_sub_type_count(dt) != (size_t)n) {
    fail("%zu sub types, expected %d", cass_data_type_sub_type_count(dt), n);
  }
  if (t->kind == K_UDT) {
    const Udt* u = &udts[t->udt];
    check_rc(CASS_OK, cass_data_type_type_name(dt, &s, &len), "cass_data_type_type_name");
    if (len != strlen(u->name) || memcmp(s, u->name, len) != 0) fail("UDT name %.*s, expected %s", (int)len, s, u->name);
    check_rc(CASS_OK, cass_data_type_keyspace(dt, &s, &len), "cass_data_type_keyspace");
    if (len != strlen(ks) || memcmp(s, ks, len) != 0) fail("UDT keyspace %.*s, expected %s", (int)len, s, ks);
  }
  for (i = 0; i < n; i++) {
    size_t mark = path_push(".<%d>", i);
    if (t->kind == K_UDT) {
      const char* name = udts[t->udt].field_names[i];
      check_rc(CASS_OK, cass_data_type_sub_type_name(dt, (size_t)i, &s, &len), "cass_data_type_sub_type_name");
      if (len != strlen(name) || memcmp(s, name, len) != 0) fail("field name %.*s, expected %s", (int)len, s, name);
      if (cass_data_type_type(cass_data_type_sub_data_type_by_name(dt, name)) != value_type_of(sub_type(t, i))) {
        fail("cass_data_type_sub_data_type_by_name(%s) has the wrong type", name);
      }
    }
    check_data_type(cass_data_type_sub_data_type(dt, (size_t)i), sub_type(t, i));
    path_pop(mark);
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Values: the model of what is written.                                                        */

typedef struct Value {
  int null;
  int unset;     /* a NULL column, tuple item or UDT field that is left unset rather than set to NULL */
  int as_string; /* a blob or varint bound with a string function */
  int64_t i;     /* integers, boolean, date, time, timestamp; duration nanoseconds */
  int32_t months, days, scale;
  double d;
  float f;
  CassUuid uuid;
  CassInet inet;
  unsigned char* bytes; /* text, blob, varint, decimal digits; NUL-terminated (not counted) */
  size_t len;
  int n;      /* list, set: elements; map: entries; tuple: items; UDT: fields */
  int nitems; /* items[] (a map: key, value, key, value, ...) */
  struct Value* items;
} Value;

static void free_value(Value* v) {
  int i;
  for (i = 0; i < v->nitems; i++) free_value(&v->items[i]);
  free(v->items);
  free(v->bytes);
  memset(v, 0, sizeof *v);
}

static const Type* item_type(const Type* t, int i) {
  switch (t->kind) {
    case K_LIST:
    case K_SET: return t->sub[0];
    case K_MAP: return t->sub[i % 2];
    default: return sub_type(t, i);
  }
}

static long count_values(const Type* t, const Value* v) {
  long n = 1;
  int i;
  if (v->null) return 1;
  for (i = 0; i < v->nitems; i++) n += count_values(item_type(t, i), &v->items[i]);
  return n;
}

static int value_eq(const Type* t, const Value* a, const Value* b);

static int contains(const Type* t, const Value* items, int stride, int count, const Value* x) {
  int i;
  for (i = 0; i < count; i++) {
    if (value_eq(t, &items[i * stride], x)) return 1;
  }
  return 0;
}

/* Equality as the server sees it (sets and maps are unordered), for unique set elements and map keys. */
static int value_eq(const Type* t, const Value* a, const Value* b) {
  int i;
  if (a->null || b->null) return a->null == b->null;
  switch (t->kind) {
    case K_ASCII: case K_TEXT: case K_VARCHAR: case K_BLOB: case K_VARINT:
      return a->len == b->len && memcmp(a->bytes, b->bytes, a->len) == 0;
    case K_DECIMAL:
      return a->scale == b->scale && a->len == b->len && memcmp(a->bytes, b->bytes, a->len) == 0;
    case K_DOUBLE: return memcmp(&a->d, &b->d, sizeof a->d) == 0;
    case K_FLOAT: return memcmp(&a->f, &b->f, sizeof a->f) == 0;
    case K_DURATION: return a->months == b->months && a->days == b->days && a->i == b->i;
    case K_UUID: case K_TIMEUUID:
      return a->uuid.time_and_version == b->uuid.time_and_version &&
             a->uuid.clock_seq_and_node == b->uuid.clock_seq_and_node;
    case K_INET:
      return a->inet.address_length == b->inet.address_length &&
             memcmp(a->inet.address, b->inet.address, a->inet.address_length) == 0;
    case K_SET:
      if (a->n != b->n) return 0;
      for (i = 0; i < a->n; i++) {
        if (!contains(t->sub[0], b->items, 1, b->n, &a->items[i])) return 0;
      }
      return 1;
    case K_MAP:
      if (a->n != b->n) return 0;
      for (i = 0; i < a->n; i++) {
        int j, found = 0;
        for (j = 0; j < b->n && !found; j++) {
          found = value_eq(t->sub[0], &a->items[2 * i], &b->items[2 * j]) &&
                  value_eq(t->sub[1], &a->items[2 * i + 1], &b->items[2 * j + 1]);
        }
        if (!found) return 0;
      }
      return 1;
    case K_LIST: case K_TUPLE: case K_UDT:
      if (a->nitems != b->nitems) return 0;
      for (i = 0; i < a->nitems; i++) {
        if (!value_eq(item_type(t, i), &a->items[i], &b->items[i])) return 0;
      }
      return 1;
    default: return a->i == b->i;
  }
}

/* A signed integer of `bits` bits, often an edge value. */
static int64_t gen_int(int bits) {
  int64_t max = bits == 64 ? INT64_MAX : (int64_t)((1ULL << (bits - 1)) - 1);
  switch (rnd(10)) {
    case 0: return -max - 1;
    case 1: return max;
    case 2: return 0;
    case 3: return -1;
    case 4: return 1;
    case 5: return (int64_t)rnd(200) - 100;
    default: {
      uint64_t r = rnd64();
      if (bits < 64) {
        uint64_t mask = (1ULL << bits) - 1;
        r &= mask;
        if (r >> (bits - 1)) r |= ~mask;
      }
      return (int64_t)r;
    }
  }
}

static int64_t gen_nonneg(int64_t max) {
  switch (rnd(6)) {
    case 0: return 0;
    case 1: return max;
    case 2: return (int64_t)rnd(100);
    default: return (int64_t)(rnd64() % (uint64_t)max);
  }
}

static const char* const UTF8_CHARS[] = {
    "a", "Z", "0", " ", "~", "'", "\"", "\\", "%", "\x01", "\x7f",
    "\xc2\x80", "\xc3\xa9", "\xc3\xbc", "\xc3\x9f", "\xce\xa9", "\xd0\x96", "\xd7\x90", "\xdf\xbf", /* 2 bytes */
    "\xe0\xa0\x80", "\xe2\x82\xac", "\xe6\x9d\xb1", "\xe4\xba\xac", "\xed\x9f\xbf", "\xef\xbf\xbd",  /* 3 bytes */
    "\xf0\x90\x80\x80", "\xf0\x9f\x98\x80", "\xf0\x9d\x84\x9e", "\xf4\x8f\xbf\xbf"};                 /* 4 bytes */

static void gen_text(Value* v, int ascii, int nested) {
  size_t chars, i;
  unsigned char* p;
  if (chance(8)) chars = 0;
  else if (nested) chars = rnd(12);
  else chars = chance(8) ? 100 + rnd(400) : rnd(24);
  p = (unsigned char*)malloc(chars * 4 + 1);
  CHECK(p != NULL);
  v->len = 0;
  for (i = 0; i < chars; i++) {
    if (chance(64)) {
      p[v->len++] = 0; /* NUL: only the _n functions can bind it */
    } else if (ascii) {
      p[v->len++] = (unsigned char)(chance(16) ? 1 + rnd(31) : 32 + rnd(96));
    } else {
      const char* c = UTF8_CHARS[rnd(sizeof UTF8_CHARS / sizeof UTF8_CHARS[0])];
      memcpy(p + v->len, c, strlen(c));
      v->len += strlen(c);
    }
  }
  p[v->len] = 0;
  v->bytes = p;
}

static void gen_bytes(Value* v, size_t len) {
  size_t i;
  v->bytes = (unsigned char*)malloc(len + 1);
  CHECK(v->bytes != NULL);
  for (i = 0; i < len; i++) v->bytes[i] = (unsigned char)rnd64();
  v->bytes[len] = 0;
  v->len = len;
}

/* Two's complement, big-endian. Inside collections the server re-encodes numbers, so there only
   the minimal encoding; at the top a leading redundant byte now and then (kept verbatim). */
static void gen_varint(Value* v, int nested) {
  static const unsigned char EDGES[][3] = {{1, 0x00}, {1, 0x7f}, {1, 0x80}, {1, 0xff}, {2, 0x00, 0x80}, {2, 0xff, 0x7f}};
  if (chance(4)) {
    const unsigned char* e = EDGES[rnd(sizeof EDGES / sizeof EDGES[0])];
    gen_bytes(v, e[0]);
    memcpy(v->bytes, e + 1, e[0]);
    return;
  }
  gen_bytes(v, 1 + rnd(chance(4) ? 24 : 9));
  if (v->len > 1 && ((v->bytes[0] == 0x00 && !(v->bytes[1] & 0x80)) || (v->bytes[0] == 0xff && (v->bytes[1] & 0x80)))) {
    v->bytes[0] ^= 1;
  }
  if (!nested && chance(8)) { /* not minimal: a redundant sign byte */
    unsigned char* p = (unsigned char*)malloc(v->len + 2);
    CHECK(p != NULL);
    p[0] = (v->bytes[0] & 0x80) ? 0xff : 0x00;
    memcpy(p + 1, v->bytes, v->len + 1);
    free(v->bytes);
    v->bytes = p;
    v->len++;
  }
}

static double bits_to_double(uint64_t b) {
  double d;
  memcpy(&d, &b, sizeof d);
  return d;
}

static float bits_to_float(uint32_t b) {
  float f;
  memcpy(&f, &b, sizeof f);
  return f;
}

/* No NaN; no -0.0 where the server compares values (sets, map keys): it may equal 0.0 there. */
static double gen_double(int in_key) {
  double d;
  uint64_t b;
  switch (rnd(12)) {
    case 0: d = DBL_MAX; break;
    case 1: d = -DBL_MAX; break;
    case 2: d = DBL_MIN; break;
    case 3: d = bits_to_double(1); break; /* the smallest denormal */
    case 4: d = bits_to_double(0x8000000000000000ULL); break;
    case 5: d = 0.0; break;
    case 6: d = bits_to_double(0x7ff0000000000000ULL); break;
    case 7: d = bits_to_double(0xfff0000000000000ULL); break;
    case 8: d = (double)((int)rnd(2001) - 1000) / 8; break;
    default:
      do {
        b = rnd64();
      } while (((b >> 52) & 0x7ff) == 0x7ff);
      d = bits_to_double(b);
      break;
  }
  if (in_key && d == 0.0) d = 0.0;
  return d;
}

static float gen_float(int in_key) {
  float f;
  uint32_t b;
  switch (rnd(12)) {
    case 0: f = FLT_MAX; break;
    case 1: f = -FLT_MAX; break;
    case 2: f = FLT_MIN; break;
    case 3: f = bits_to_float(1); break;
    case 4: f = bits_to_float(0x80000000U); break;
    case 5: f = 0.0f; break;
    case 6: f = bits_to_float(0x7f800000U); break;
    case 7: f = bits_to_float(0xff800000U); break;
    case 8: f = (float)((int)rnd(2001) - 1000) / 4; break;
    default:
      do {
        b = (uint32_t)rnd64();
      } while (((b >> 23) & 0xff) == 0xff);
      f = bits_to_float(b);
      break;
  }
  if (in_key && f == 0.0f) f = 0.0f;
  return f;
}

/* Months, days and nanoseconds all of one sign, as the server requires. */
static void gen_duration(Value* v) {
  int64_t months = gen_nonneg(INT32_MAX), days = gen_nonneg(INT32_MAX), nanos = gen_nonneg(INT64_MAX);
  if (chance(2)) {
    months = chance(6) ? INT32_MIN : -months;
    days = chance(6) ? INT32_MIN : -days;
    nanos = chance(6) ? INT64_MIN : -nanos;
  }
  v->months = (int32_t)months;
  v->days = (int32_t)days;
  v->i = nanos;
}

static void gen_uuid(Value* v, int time_based) {
  uint64_t a = rnd64(), b = rnd64();
  if (time_based || !chance(4)) { /* version 1 or 4, RFC 4122 variant; else any 128 bits */
    a = (a & 0x0fffffffffffffffULL) | ((uint64_t)(time_based || chance(3) ? 1 : 4) << 60);
    b = (b & 0x3fffffffffffffffULL) | 0x8000000000000000ULL;
  }
  v->uuid.time_and_version = a;
  v->uuid.clock_seq_and_node = b;
}

static void gen_inet(Value* v) {
  size_t i, len = chance(2) ? 4 : 16;
  unsigned fill = rnd(6);
  v->inet.address_length = (cass_uint8_t)len;
  for (i = 0; i < len; i++) {
    v->inet.address[i] = (cass_uint8_t)(fill == 0 ? 0 : fill == 1 ? 0xff : rnd(256));
  }
}

static void gen_value(Value* v, const Type* t, int nested, int in_key);

static void alloc_items(Value* v, int nitems) {
  v->nitems = nitems;
  v->items = (Value*)calloc((size_t)nitems + 1, sizeof(Value));
  CHECK(v->items != NULL);
}

/* Up to `want` distinct set elements or map keys (a duplicate is dropped, as the server would). */
static void gen_unique(Value* v, const Type* t, int want, int in_key) {
  int tries, stride = t->kind == K_MAP ? 2 : 1;
  alloc_items(v, want * stride);
  v->n = 0;
  for (tries = 0; tries < 4 * want && v->n < want; tries++) {
    Value* key = &v->items[v->n * stride];
    gen_value(key, t->sub[0], 1, 1);
    if (contains(t->sub[0], v->items, stride, v->n, key)) {
      free_value(key);
      continue;
    }
    if (stride == 2) gen_value(&v->items[v->n * 2 + 1], t->sub[1], 1, in_key);
    v->n++;
  }
  v->nitems = v->n * stride;
}

/* A tuple's items or a UDT's fields: some NULL, set to NULL or left unset. */
static void gen_fields(Value* v, const Type* t, int in_key) {
  int i;
  v->n = sub_count(t);
  alloc_items(v, v->n);
  for (i = 0; i < v->n; i++) {
    if (chance(5)) {
      v->items[i].null = 1;
      v->items[i].unset = chance(2);
    } else {
      gen_value(&v->items[i], sub_type(t, i), 1, in_key);
    }
  }
}

/* A random non-NULL value. nested: inside a collection, tuple or UDT (smaller; numbers minimally
   encoded); in_key: inside a set element or a map key (compared by the server). */
static void gen_value(Value* v, const Type* t, int nested, int in_key) {
  int i;
  memset(v, 0, sizeof *v);
  switch (t->kind) {
    case K_ASCII: gen_text(v, 1, nested); break;
    case K_TEXT: case K_VARCHAR: gen_text(v, 0, nested); break;
    case K_BLOB:
      gen_bytes(v, chance(8) ? 0 : nested ? rnd(40) : chance(3) ? rnd(4097) : rnd(64));
      v->as_string = chance(4);
      break;
    case K_VARINT:
      gen_varint(v, nested || in_key);
      v->as_string = chance(4);
      break;
    case K_DECIMAL:
      gen_varint(v, nested || in_key);
      v->scale = in_key ? 3 : chance(5) ? (int32_t)gen_int(32) : (int32_t)rnd(41) - 20;
      break;
    case K_BIGINT: case K_TIMESTAMP: v->i = gen_int(64); break;
    case K_TIME: v->i = gen_nonneg(86399999999999LL); break;
    case K_BOOLEAN: v->i = chance(2); break;
    case K_DATE: v->i = chance(4) ? (int64_t)(1ULL << 31) : (int64_t)(uint32_t)gen_int(32); break;
    case K_DOUBLE: v->d = gen_double(in_key); break;
    case K_FLOAT: v->f = gen_float(in_key); break;
    case K_DURATION: gen_duration(v); break;
    case K_INET: gen_inet(v); break;
    case K_INT: v->i = gen_int(32); break;
    case K_SMALLINT: v->i = gen_int(16); break;
    case K_TINYINT: v->i = gen_int(8); break;
    case K_UUID: gen_uuid(v, 0); break;
    case K_TIMEUUID: gen_uuid(v, 1); break;
    case K_LIST:
      v->n = chance(5) ? 0 : (int)rnd(nested ? 4 : 6);
      alloc_items(v, v->n);
      for (i = 0; i < v->n; i++) gen_value(&v->items[i], t->sub[0], 1, in_key);
      break;
    case K_SET:
    case K_MAP: gen_unique(v, t, chance(5) ? 0 : (int)rnd(nested ? 4 : 6), in_key); break;
    case K_TUPLE:
    case K_UDT: gen_fields(v, t, in_key); break;
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Binding: one value into a statement parameter, a collection, a tuple item or a UDT field.    */

typedef enum { TO_STATEMENT, TO_COLLECTION, TO_TUPLE, TO_UDT } SinkKind;

typedef struct {
  SinkKind kind;
  CassStatement* statement;
  CassCollection* collection;
  CassTuple* tuple;
  CassUserType* user_type;
  size_t index;
  int by_name; /* 0: by index; 1: by name; 2: by name with its length (the name has trailing junk) */
  char name[40];
  size_t name_len;
} Sink;

/* By name: as is, upper case (unquoted names are case-insensitive) or quoted; or with length. */
static void sink_name(Sink* s, int by_name, const char* name) {
  size_t i;
  s->by_name = by_name;
  if (by_name == 0) return;
  if (by_name == 2) {
    snprintf(s->name, sizeof s->name, "%sjunk", name);
    s->name_len = strlen(name);
    return;
  }
  switch (rnd(3)) {
    case 0: snprintf(s->name, sizeof s->name, "%s", name); break;
    case 1:
      snprintf(s->name, sizeof s->name, "%s", name);
      for (i = 0; s->name[i]; i++) {
        if (s->name[i] >= 'a' && s->name[i] <= 'z') s->name[i] = (char)(s->name[i] - 'a' + 'A');
      }
      break;
    default: snprintf(s->name, sizeof s->name, "\"%s\"", name); break;
  }
  s->name_len = strlen(s->name);
}

/* rc = the setter `fn` of the sink's kind (bind, append, set), by index or name. */
#define SINK_CALL(rc, s, fn, ...)                                                                        \
  do {                                                                                                   \
    switch ((s)->kind) {                                                                                 \
      case TO_STATEMENT:                                                                                 \
        if ((s)->by_name == 0) rc = cass_statement_bind_##fn((s)->statement, (s)->index, __VA_ARGS__);   \
        else if ((s)->by_name == 1) rc = cass_statement_bind_##fn##_by_name((s)->statement, (s)->name, __VA_ARGS__); \
        else rc = cass_statement_bind_##fn##_by_name_n((s)->statement, (s)->name, (s)->name_len, __VA_ARGS__); \
        break;                                                                                           \
      case TO_COLLECTION: rc = cass_collection_append_##fn((s)->collection, __VA_ARGS__); break;         \
      case TO_TUPLE: rc = cass_tuple_set_##fn((s)->tuple, (s)->index, __VA_ARGS__); break;               \
      default:                                                                                           \
        if ((s)->by_name == 0) rc = cass_user_type_set_##fn((s)->user_type, (s)->index, __VA_ARGS__);    \
        else if ((s)->by_name == 1) rc = cass_user_type_set_##fn##_by_name((s)->user_type, (s)->name, __VA_ARGS__); \
        else rc = cass_user_type_set_##fn##_by_name_n((s)->user_type, (s)->name, (s)->name_len, __VA_ARGS__); \
        break;                                                                                           \
    }                                                                                                    \
  } while (0)

#define SINK_PUT(s, fn, ...)                              \
  do {                                                    \
    CassError put_rc_ = CASS_ERROR_LIB_BAD_PARAMS;        \
    SINK_CALL(put_rc_, s, fn, __VA_ARGS__);               \
    check_rc(CASS_OK, put_rc_, "set " #fn);               \
  } while (0)

/* Text: with its length (needed when it holds a NUL) or NUL-terminated. */
static CassError sink_string(const Sink* s, const char* str, size_t len, int with_len) {
  switch (s->kind) {
    case TO_STATEMENT:
      if (s->by_name == 0) {
        return with_len ? cass_statement_bind_string_n(s->statement, s->index, str, len)
                        : cass_statement_bind_string(s->statement, s->index, str);
      }
      if (s->by_name == 1 && !with_len) return cass_statement_bind_string_by_name(s->statement, s->name, str);
      return cass_statement_bind_string_by_name_n(s->statement, s->name, s->name_len, str, len);
    case TO_COLLECTION:
      return with_len ? cass_collection_append_string_n(s->collection, str, len)
                      : cass_collection_append_string(s->collection, str);
    case TO_TUPLE:
      return with_len ? cass_tuple_set_string_n(s->tuple, s->index, str, len)
                      : cass_tuple_set_string(s->tuple, s->index, str);
    default:
      if (s->by_name == 0) {
        return with_len ? cass_user_type_set_string_n(s->user_type, s->index, str, len)
                        : cass_user_type_set_string(s->user_type, s->index, str);
      }
      if (s->by_name == 1 && !with_len) return cass_user_type_set_string_by_name(s->user_type, s->name, str);
      return cass_user_type_set_string_by_name_n(s->user_type, s->name, s->name_len, str, len);
  }
}

static CassError sink_null(const Sink* s) {
  switch (s->kind) {
    case TO_STATEMENT:
      if (s->by_name == 0) return cass_statement_bind_null(s->statement, s->index);
      if (s->by_name == 1) return cass_statement_bind_null_by_name(s->statement, s->name);
      return cass_statement_bind_null_by_name_n(s->statement, s->name, s->name_len);
    case TO_TUPLE: return cass_tuple_set_null(s->tuple, s->index);
    case TO_UDT:
      if (s->by_name == 0) return cass_user_type_set_null(s->user_type, s->index);
      if (s->by_name == 1) return cass_user_type_set_null_by_name(s->user_type, s->name);
      return cass_user_type_set_null_by_name_n(s->user_type, s->name, s->name_len);
    default: return CASS_ERROR_LIB_BAD_PARAMS; /* collections have no NULL items */
  }
}

static void put_string(const Sink* s, const Value* v) {
  const char* str = (const char*)v->bytes;
  int with_len = memchr(str, 0, v->len) != NULL || chance(2);
  check_rc(CASS_OK, sink_string(s, str, v->len, with_len), "set string");
}

typedef struct {
  const CassDataType* dt;
  const Type* t;
} Node;

enum { B_INT8, B_INT16, B_INT32, B_UINT32, B_INT64, B_FLOAT, B_DOUBLE, B_BOOL, B_STRING, B_BYTES, B_UUID, B_INET,
       B_DECIMAL, B_DURATION, B_NULL, B_LIST, B_SET, B_MAP, B_TUPLE, B_UDT, B_UDT_VARIANT, B_TYPED, NBINDERS };
static const char* const BINDER_NAMES[NBINDERS] = {
    "int8", "int16", "int32", "uint32", "int64", "float", "double", "bool", "string", "bytes", "uuid", "inet",
    "decimal", "duration", "null", "untyped list", "untyped set", "untyped map", "untyped tuple", "user type",
    "user type variant", "typed composite"};

/* Whether the C++ driver takes a value of the primitive C type `b` where `vt` is expected. */
static int prim_binder_accepts(int b, CassValueType vt) {
  switch (b) {
    case B_INT8: return vt == CASS_VALUE_TYPE_TINY_INT;
    case B_INT16: return vt == CASS_VALUE_TYPE_SMALL_INT;
    case B_INT32: return vt == CASS_VALUE_TYPE_INT;
    case B_UINT32: return vt == CASS_VALUE_TYPE_DATE;
    case B_INT64:
      return vt == CASS_VALUE_TYPE_BIGINT || vt == CASS_VALUE_TYPE_COUNTER || vt == CASS_VALUE_TYPE_TIMESTAMP ||
             vt == CASS_VALUE_TYPE_TIME;
    case B_FLOAT: return vt == CASS_VALUE_TYPE_FLOAT;
    case B_DOUBLE: return vt == CASS_VALUE_TYPE_DOUBLE;
    case B_BOOL: return vt == CASS_VALUE_TYPE_BOOLEAN;
    case B_STRING: /* blob-like types take text too */
      return vt == CASS_VALUE_TYPE_ASCII || vt == CASS_VALUE_TYPE_TEXT || vt == CASS_VALUE_TYPE_VARCHAR ||
             vt == CASS_VALUE_TYPE_BLOB || vt == CASS_VALUE_TYPE_VARINT || vt == CASS_VALUE_TYPE_CUSTOM;
    case B_BYTES: return vt == CASS_VALUE_TYPE_BLOB || vt == CASS_VALUE_TYPE_VARINT || vt == CASS_VALUE_TYPE_CUSTOM;
    case B_UUID: return vt == CASS_VALUE_TYPE_UUID || vt == CASS_VALUE_TYPE_TIMEUUID;
    case B_INET: return vt == CASS_VALUE_TYPE_INET;
    case B_DECIMAL: return vt == CASS_VALUE_TYPE_DECIMAL;
    case B_DURATION: return vt == CASS_VALUE_TYPE_DURATION;
    default: return 1; /* B_NULL */
  }
}

static long bind_checks, bind_mismatches;
static CassError try_bind(const Sink* s, int b, const Type* target, const Node* nodes, int nnodes, int* accepted);

static void put_value(const Sink* s, const Type* t, const Value* v, const CassDataType* dt);

/* Now and then a throwaway value first (NULL or another one of the type): setting again replaces it. */
static void put_junk(const Sink* s, const Type* t, const Value* v, const CassDataType* dt) {
  Value junk;
  if (v->unset || !chance(6)) return;
  if (chance(3)) {
    check_rc(CASS_OK, sink_null(s), "set null (to be replaced)");
    return;
  }
  gen_value(&junk, t, 1, 0);
  put_value(s, t, &junk, dt);
  free_value(&junk);
}

/* Now and then a value of a wrong primitive C type afterwards (only where types are known): it
   must fail and leave the value set before. */
static void put_wrong(const Sink* s, const Type* t) {
  int b = (int)rnd(B_DURATION + 1), accepted = 1;
  CassError rc;
  if (!chance(5) || prim_binder_accepts(b, value_type_of(t))) return;
  rc = try_bind(s, b, t, NULL, 0, &accepted);
  check_rc(CASS_ERROR_LIB_INVALID_VALUE_TYPE, rc, BINDER_NAMES[b]);
  bind_checks++;
  bind_mismatches++;
}

/* dt: the data type to build from; NULL: untyped (cass_collection_new(), cass_tuple_new()). */
static CassCollection* build_collection(const Type* t, const Value* v, const CassDataType* dt) {
  CassCollection* c = dt != NULL ? cass_collection_new_from_data_type(dt, (size_t)v->n)
                                 : cass_collection_new(COLLECTION_TYPES[t->kind - K_LIST], (size_t)v->n);
  Sink s;
  int i;
  if (c == NULL) fail("no collection");
  memset(&s, 0, sizeof s);
  s.kind = TO_COLLECTION;
  s.collection = c;
  for (i = 0; i < v->nitems; i++) {
    int sub = t->kind == K_MAP ? i % 2 : 0;
    const CassDataType* sub_dt = dt != NULL ? cass_data_type_sub_data_type(dt, (size_t)sub) : NULL;
    size_t mark = path_push("[%d]", i);
    if (dt != NULL && sub_dt == NULL) fail("no sub data type %d", sub);
    put_value(&s, t->sub[sub], &v->items[i], sub_dt);
    path_pop(mark);
  }
  return c;
}

static CassTuple* build_tuple(const Type* t, const Value* v, const CassDataType* dt) {
  CassTuple* tuple = dt != NULL ? cass_tuple_new_from_data_type(dt) : cass_tuple_new((size_t)t->nsub);
  Sink s;
  int i;
  if (tuple == NULL) fail("no tuple");
  memset(&s, 0, sizeof s);
  s.kind = TO_TUPLE;
  s.tuple = tuple;
  for (i = 0; i < t->nsub; i++) {
    size_t mark = path_push(".%d", i);
    const CassDataType* sub_dt = dt != NULL ? cass_data_type_sub_data_type(dt, (size_t)i) : NULL;
    s.index = (size_t)i;
    put_junk(&s, t->sub[i], &v->items[i], sub_dt);
    put_value(&s, t->sub[i], &v->items[i], sub_dt);
    if (dt != NULL) put_wrong(&s, t->sub[i]);
    path_pop(mark);
  }
  return tuple;
}

/* udt_dt: the server's type (typed) or ours (untyped: the fields' values are untyped too). */
static CassUserType* build_udt(const Type* t, const Value* v, const CassDataType* udt_dt, int typed) {
  const Udt* u = &udts[t->udt];
  CassUserType* udt = cass_user_type_new_from_data_type(udt_dt);
  Sink s;
  int i;
  if (udt == NULL) fail("no user type");
  memset(&s, 0, sizeof s);
  s.kind = TO_UDT;
  s.user_type = udt;
  for (i = 0; i < u->nfields; i++) {
    size_t mark = path_push(".%s", u->field_names[i]);
    const CassDataType* sub_dt = typed ? cass_data_type_sub_data_type(udt_dt, (size_t)i) : NULL;
    s.index = (size_t)i;
    sink_name(&s, (int)rnd(3), u->field_names[i]);
    put_junk(&s, u->fields[i], &v->items[i], sub_dt);
    put_value(&s, u->fields[i], &v->items[i], sub_dt);
    put_wrong(&s, u->fields[i]); /* a UDT always knows its field types */
    path_pop(mark);
  }
  return udt;
}

static void put_value(const Sink* s, const Type* t, const Value* v, const CassDataType* dt) {
  if (v->null) {
    if (v->unset) return; /* never for collection items */
    check_rc(CASS_OK, sink_null(s), "set null");
    return;
  }
  switch (t->kind) {
    case K_ASCII: case K_TEXT: case K_VARCHAR: put_string(s, v); break;
    case K_BLOB: case K_VARINT:
      if (v->as_string) put_string(s, v);
      else SINK_PUT(s, bytes, v->bytes, v->len);
      break;
    case K_BIGINT: case K_TIME: case K_TIMESTAMP: SINK_PUT(s, int64, v->i); break;
    case K_BOOLEAN: SINK_PUT(s, bool, v->i ? cass_true : cass_false); break;
    case K_DATE: SINK_PUT(s, uint32, (cass_uint32_t)v->i); break;
    case K_DECIMAL: SINK_PUT(s, decimal, v->bytes, v->len, v->scale); break;
    case K_DOUBLE: SINK_PUT(s, double, v->d); break;
    case K_FLOAT: SINK_PUT(s, float, v->f); break;
    case K_DURATION: SINK_PUT(s, duration, v->months, v->days, v->i); break;
    case K_INET: SINK_PUT(s, inet, v->inet); break;
    case K_INT: SINK_PUT(s, int32, (cass_int32_t)v->i); break;
    case K_SMALLINT: SINK_PUT(s, int16, (cass_int16_t)v->i); break;
    case K_TINYINT: SINK_PUT(s, int8, (cass_int8_t)v->i); break;
    case K_UUID: case K_TIMEUUID: SINK_PUT(s, uuid, v->uuid); break;
    case K_LIST: case K_SET: case K_MAP: {
      CassCollection* c = build_collection(t, v, dt);
      SINK_PUT(s, collection, c);
      cass_collection_free(c);
      break;
    }
    case K_TUPLE: {
      CassTuple* tuple = build_tuple(t, v, dt);
      SINK_PUT(s, tuple, tuple);
      cass_tuple_free(tuple);
      break;
    }
    case K_UDT: { /* typed: now and then from our hand-built type, which must equal the server's */
      const CassDataType* udt_dt = dt != NULL && !chance(3) ? dt : udts[t->udt].data_type;
      CassUserType* udt = build_udt(t, v, udt_dt, dt != NULL);
      SINK_PUT(s, user_type, udt);
      cass_user_type_free(udt);
      break;
    }
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Reading back: a value from the library against the model.                                   */

#define GET(call)                                                                   \
  do {                                                                              \
    CassError get_rc_ = (call);                                                     \
    if (get_rc_ != CASS_OK) return mismatch("%s: %s", #call, cass_error_desc(get_rc_)); \
  } while (0)

static int compare(const CassValue* v, const Type* t, const Value* e, int top);

static int same_bytes(const CassValue* a, const CassValue* b) {
  const cass_byte_t *pa, *pb;
  size_t la, lb;
  GET(cass_value_get_bytes(a, &pa, &la));
  GET(cass_value_get_bytes(b, &pb, &lb));
  if (la != lb || memcmp(pa, pb, la) != 0) return mismatch("map and collection iterators differ");
  return 1;
}

static int compare_list(const CassValue* v, const Type* t, const Value* e) {
  CassIterator* it = cass_iterator_from_collection(v);
  int i, ok = 1;
  if (it == NULL) return mismatch("no collection iterator");
  for (i = 0; ok && i < e->n; i++) {
    size_t mark = path_push("[%d]", i);
    if (!cass_iterator_next(it)) ok = mismatch("fewer elements than expected");
    else ok = compare(cass_iterator_get_value(it), t->sub[0], &e->items[i], 0);
    path_pop(mark);
  }
  if (ok && cass_iterator_next(it)) ok = mismatch("more than %d elements", e->n);
  cass_iterator_free(it);
  return ok;
}

/* Sets and maps come back in the server's order: each item must match a different expected one. */
static int compare_unordered(const CassValue* v, const Type* t, const Value* e) {
  int is_map = t->kind == K_MAP, i = 0, ok = 1;
  CassIterator* it = is_map ? cass_iterator_from_map(v) : cass_iterator_from_collection(v);
  char* used = (char*)calloc((size_t)e->n + 1, 1);
  char last[2048];
  CHECK(used != NULL);
  if (it == NULL) ok = mismatch("no %s iterator", is_map ? "map" : "collection");
  while (ok && cass_iterator_next(it)) {
    const CassValue* item = is_map ? cass_iterator_get_map_key(it) : cass_iterator_get_value(it);
    size_t mark = path_push("{%d}", i);
    int j, found = -1;
    last[0] = '\0';
    if (i >= e->n) ok = mismatch("more than %d items", e->n);
    for (j = 0; ok && found < 0 && j < e->n; j++) {
      if (used[j]) continue;
      if (compare(item, t->sub[0], &e->items[j * (is_map ? 2 : 1)], 0)) found = j;
      else snprintf(last, sizeof last, "%s", mismatch_msg);
    }
    if (ok && found < 0) ok = mismatch("matches no expected item (last difference: %s)", last);
    if (ok && found >= 0) {
      used[found] = 1;
      if (is_map) {
        path_push("=");
        ok = compare(cass_iterator_get_map_value(it), t->sub[1], &e->items[2 * found + 1], 0);
      }
    }
    path_pop(mark);
    i++;
  }
  if (ok && i != e->n) ok = mismatch("%d items, expected %d", i, e->n);
  if (it != NULL) cass_iterator_free(it);
  free(used);
  return ok;
}

/* A map through cass_iterator_from_collection(): keys and values alternate, as from the map iterator. */
static int compare_map_flat(const CassValue* v) {
  CassIterator* m = cass_iterator_from_map(v);
  CassIterator* c = cass_iterator_from_collection(v);
  int ok = m != NULL && c != NULL ? 1 : mismatch("no map or collection iterator on a map");
  while (ok && cass_iterator_next(m)) {
    if (!cass_iterator_next(c)) ok = mismatch("collection iterator on a map ends early");
    else if (!same_bytes(cass_iterator_get_map_key(m), cass_iterator_get_value(c))) ok = 0;
    else if (!cass_iterator_next(c)) ok = mismatch("collection iterator on a map ends early");
    else ok = same_bytes(cass_iterator_get_map_value(m), cass_iterator_get_value(c));
  }
  if (ok && cass_iterator_next(c)) ok = mismatch("collection iterator on a map has more items");
  if (m != NULL) cass_iterator_free(m);
  if (c != NULL) cass_iterator_free(c);
  return ok;
}

static int compare_fields(const CassValue* v, const Type* t, const Value* e) {
  int is_udt = t->kind == K_UDT, i, ok = 1, n = sub_count(t);
  CassIterator* it = is_udt ? cass_iterator_fields_from_user_type(v) : cass_iterator_from_tuple(v);
  if (it == NULL) return mismatch("no %s iterator", is_udt ? "user type" : "tuple");
  for (i = 0; ok && i < n; i++) {
    size_t mark = is_udt ? path_push(".%s", udts[t->udt].field_names[i]) : path_push(".%d", i);
    if (!cass_iterator_next(it)) {
      ok = mismatch("fewer items than expected");
    } else if (is_udt) {
      const char* name;
      size_t len;
      const char* expected = udts[t->udt].field_names[i];
      CassError rc = cass_iterator_get_user_type_field_name(it, &name, &len);
      if (rc != CASS_OK) ok = mismatch("cass_iterator_get_user_type_field_name: %s", cass_error_desc(rc));
      else if (len != strlen(expected) || memcmp(name, expected, len) != 0) {
        ok = mismatch("field named %.*s", (int)len, name);
      }
      else ok = compare(cass_iterator_get_user_type_field_value(it), sub_type(t, i), &e->items[i], 0);
    } else {
      ok = compare(cass_iterator_get_value(it), sub_type(t, i), &e->items[i], 0);
    }
    path_pop(mark);
  }
  if (ok && cass_iterator_next(it)) ok = mismatch("more than %d items", n);
  cass_iterator_free(it);
  return ok;
}

/* top: a column (an empty non-frozen collection there reads back as NULL). */
static int compare(const CassValue* v, const Type* t, const Value* e, int top) {
  int expect_null = e->null || (top && is_collection(t) && !t->frozen && e->n == 0);
  if (v == NULL) return mismatch("no value");
  if (cass_value_type(v) != value_type_of(t)) {
    return mismatch("value type %#x, expected %#x", (unsigned)cass_value_type(v), (unsigned)value_type_of(t));
  }
  if (cass_value_is_null(v)) return expect_null ? 1 : mismatch("NULL, expected a value");
  if (expect_null) return mismatch("a value, expected NULL");
  switch (t->kind) {
    case K_ASCII: case K_TEXT: case K_VARCHAR: case K_BLOB: case K_VARINT: {
      const char* s;
      const cass_byte_t* b;
      size_t len;
      if (t->kind == K_BLOB || t->kind == K_VARINT) {
        GET(cass_value_get_bytes(v, &b, &len));
        s = (const char*)b;
      } else {
        GET(cass_value_get_string(v, &s, &len));
      }
      if (len != e->len || memcmp(s, e->bytes, len) != 0) {
        return mismatch("%zu bytes differ from the %zu expected", len, e->len);
      }
      return 1;
    }
    case K_DECIMAL: {
      const cass_byte_t* b;
      size_t len;
      cass_int32_t scale;
      GET(cass_value_get_decimal(v, &b, &len, &scale));
      if (len != e->len || memcmp(b, e->bytes, len) != 0 || scale != e->scale) {
        return mismatch("decimal of %zu bytes, scale %d; expected %zu bytes, scale %d", len, (int)scale, e->len,
                        (int)e->scale);
      }
      return 1;
    }
    case K_BIGINT: case K_TIME: case K_TIMESTAMP: {
      cass_int64_t x;
      GET(cass_value_get_int64(v, &x));
      return x == e->i ? 1 : mismatch("%lld, expected %lld", (long long)x, (long long)e->i);
    }
    case K_INT: case K_SMALLINT: case K_TINYINT: case K_DATE: case K_BOOLEAN: {
      int64_t x;
      if (t->kind == K_INT) {
        cass_int32_t y;
        GET(cass_value_get_int32(v, &y));
        x = y;
      } else if (t->kind == K_SMALLINT) {
        cass_int16_t y;
        GET(cass_value_get_int16(v, &y));
        x = y;
      } else if (t->kind == K_TINYINT) {
        cass_int8_t y;
        GET(cass_value_get_int8(v, &y));
        x = y;
      } else if (t->kind == K_DATE) {
        cass_uint32_t y;
        GET(cass_value_get_uint32(v, &y));
        x = y;
      } else {
        cass_bool_t y;
        GET(cass_value_get_bool(v, &y));
        x = y;
      }
      return x == e->i ? 1 : mismatch("%lld, expected %lld", (long long)x, (long long)e->i);
    }
    case K_DOUBLE: {
      cass_double_t x;
      GET(cass_value_get_double(v, &x));
      return memcmp(&x, &e->d, sizeof x) == 0 ? 1 : mismatch("double %.17g, expected %.17g", x, e->d);
    }
    case K_FLOAT: {
      cass_float_t x;
      GET(cass_value_get_float(v, &x));
      return memcmp(&x, &e->f, sizeof x) == 0 ? 1 : mismatch("float %.9g, expected %.9g", (double)x, (double)e->f);
    }
    case K_DURATION: {
      cass_int32_t months, days;
      cass_int64_t nanos;
      if (!cass_value_is_duration(v)) return mismatch("cass_value_is_duration() is false");
      GET(cass_value_get_duration(v, &months, &days, &nanos));
      if (months != e->months || days != e->days || nanos != e->i) {
        return mismatch("duration %d/%d/%lld, expected %d/%d/%lld", (int)months, (int)days, (long long)nanos,
                        (int)e->months, (int)e->days, (long long)e->i);
      }
      return 1;
    }
    case K_INET: {
      CassInet x;
      GET(cass_value_get_inet(v, &x));
      if (x.address_length != e->inet.address_length || memcmp(x.address, e->inet.address, x.address_length) != 0) {
        return mismatch("inet of %d bytes differs (expected %d bytes)", (int)x.address_length,
                        (int)e->inet.address_length);
      }
      return 1;
    }
    case K_UUID: case K_TIMEUUID: {
      CassUuid x;
      GET(cass_value_get_uuid(v, &x));
      if (x.time_and_version != e->uuid.time_and_version || x.clock_seq_and_node != e->uuid.clock_seq_and_node) {
        return mismatch("uuid %016llx-%016llx, expected %016llx-%016llx", (unsigned long long)x.time_and_version,
                        (unsigned long long)x.clock_seq_and_node, (unsigned long long)e->uuid.time_and_version,
                        (unsigned long long)e->uuid.clock_seq_and_node);
      }
      return 1;
    }
    case K_LIST: case K_SET: case K_MAP:
      if (!cass_value_is_collection(v)) return mismatch("cass_value_is_collection() is false");
      if (cass_value_item_count(v) != (size_t)e->n) {
        return mismatch("%zu items, expected %d", cass_value_item_count(v), e->n);
      }
      if (cass_value_primary_sub_type(v) != value_type_of(t->sub[0])) return mismatch("wrong primary sub type");
      if (cass_value_secondary_sub_type(v) != (t->kind == K_MAP ? value_type_of(t->sub[1]) : CASS_VALUE_TYPE_UNKNOWN)) {
        return mismatch("wrong secondary sub type");
      }
      if (t->kind == K_LIST) return compare_list(v, t, e);
      if (t->kind == K_MAP && !compare_map_flat(v)) return 0;
      return compare_unordered(v, t, e);
    case K_TUPLE: case K_UDT:
      if (cass_value_item_count(v) != (size_t)e->n) {
        return mismatch("%zu items, expected %d", cass_value_item_count(v), e->n);
      }
      return compare_fields(v, t, e);
  }
  return mismatch("unknown kind");
}

/* ------------------------------------------------------------------------------------------ */
/* Getters on the wrong types.                                                                  */

enum { G_INT8, G_INT16, G_INT32, G_UINT32, G_INT64, G_FLOAT, G_DOUBLE, G_BOOL, G_UUID, G_INET, G_DECIMAL,
       G_DURATION, G_STRING, G_BYTES, NGETTERS };
static const char* const GETTER_NAMES[NGETTERS] = {"int8", "int16", "int32", "uint32", "int64", "float", "double", "bool",
                                                   "uuid", "inet", "decimal", "duration", "string", "bytes"};

static long probes, probe_mismatches;

static int getter_accepts(int g, CassValueType vt) {
  switch (g) {
    case G_INT8: return vt == CASS_VALUE_TYPE_TINY_INT;
    case G_INT16: return vt == CASS_VALUE_TYPE_SMALL_INT;
    case G_INT32: return vt == CASS_VALUE_TYPE_INT;
    case G_UINT32: return vt == CASS_VALUE_TYPE_DATE;
    case G_INT64:
      return vt == CASS_VALUE_TYPE_BIGINT || vt == CASS_VALUE_TYPE_COUNTER || vt == CASS_VALUE_TYPE_TIMESTAMP ||
             vt == CASS_VALUE_TYPE_TIME;
    case G_FLOAT: return vt == CASS_VALUE_TYPE_FLOAT;
    case G_DOUBLE: return vt == CASS_VALUE_TYPE_DOUBLE;
    case G_BOOL: return vt == CASS_VALUE_TYPE_BOOLEAN;
    case G_UUID: return vt == CASS_VALUE_TYPE_UUID || vt == CASS_VALUE_TYPE_TIMEUUID;
    case G_INET: return vt == CASS_VALUE_TYPE_INET;
    case G_DECIMAL: return vt == CASS_VALUE_TYPE_DECIMAL;
    case G_DURATION: return vt == CASS_VALUE_TYPE_DURATION;
    default: return 1; /* string, bytes: any type */
  }
}

static CassError call_getter(int g, const CassValue* v) {
  cass_int8_t i8;
  cass_int16_t i16;
  cass_int32_t i32, days;
  cass_uint32_t u32;
  cass_int64_t i64;
  cass_float_t f;
  cass_double_t d;
  cass_bool_t b;
  CassUuid uuid;
  CassInet inet;
  const cass_byte_t* bytes;
  const char* s;
  size_t len;
  switch (g) {
    case G_INT8: return cass_value_get_int8(v, &i8);
    case G_INT16: return cass_value_get_int16(v, &i16);
    case G_INT32: return cass_value_get_int32(v, &i32);
    case G_UINT32: return cass_value_get_uint32(v, &u32);
    case G_INT64: return cass_value_get_int64(v, &i64);
    case G_FLOAT: return cass_value_get_float(v, &f);
    case G_DOUBLE: return cass_value_get_double(v, &d);
    case G_BOOL: return cass_value_get_bool(v, &b);
    case G_UUID: return cass_value_get_uuid(v, &uuid);
    case G_INET: return cass_value_get_inet(v, &inet);
    case G_DECIMAL: return cass_value_get_decimal(v, &bytes, &len, &i32);
    case G_DURATION: return cass_value_get_duration(v, &i32, &days, &i64);
    case G_STRING: return cass_value_get_string(v, &s, &len);
    default: return cass_value_get_bytes(v, &bytes, &len);
  }
}

/* A random getter on the value and on everything inside it; the iterators only on their types. */
static void probe(const CassValue* v) {
  CassValueType vt = cass_value_type(v);
  int g = (int)(rng_next(&probe_rng) % NGETTERS);
  int null = cass_value_is_null(v) ? 1 : 0;
  CassError expected = null                   ? CASS_ERROR_LIB_NULL_VALUE
                       : getter_accepts(g, vt) ? CASS_OK
                                               : CASS_ERROR_LIB_INVALID_VALUE_TYPE;
  static const char* const ITERATORS[4] = {"cass_iterator_from_collection", "cass_iterator_from_map",
                                            "cass_iterator_from_tuple", "cass_iterator_fields_from_user_type"};
  CassIterator* its[4];
  int wanted[4], i;
  char what[64];
  if (cass_data_type_type(cass_value_data_type(v)) != vt) fail("cass_value_data_type() disagrees with cass_value_type()");
  snprintf(what, sizeof what, "cass_value_get_%s on type %#x", GETTER_NAMES[g], (unsigned)vt);
  check_rc(expected, call_getter(g, v), what);
  probes++;
  if (expected == CASS_ERROR_LIB_INVALID_VALUE_TYPE) probe_mismatches++;

  its[0] = cass_iterator_from_collection(v);
  its[1] = cass_iterator_from_map(v);
  its[2] = cass_iterator_from_tuple(v);
  its[3] = cass_iterator_fields_from_user_type(v);
  wanted[0] = !null && (vt == CASS_VALUE_TYPE_LIST || vt == CASS_VALUE_TYPE_SET || vt == CASS_VALUE_TYPE_MAP);
  wanted[1] = !null && vt == CASS_VALUE_TYPE_MAP;
  wanted[2] = !null && vt == CASS_VALUE_TYPE_TUPLE;
  wanted[3] = !null && vt == CASS_VALUE_TYPE_UDT;
  for (i = 0; i < 4; i++) {
    if ((its[i] != NULL) != wanted[i]) {
      fail("%s on type %#x%s: %s", ITERATORS[i], (unsigned)vt, null ? " (NULL)" : "", its[i] ? "an iterator" : "NULL");
    }
  }
  for (i = 0; i < 4; i++) {
    int n = 0;
    if (its[i] == NULL || i == 1) continue; /* a map's items come through the collection iterator */
    while (cass_iterator_next(its[i])) {
      size_t mark = path_push("/%d", n++);
      probe(i == 3 ? cass_iterator_get_user_type_field_value(its[i]) : cass_iterator_get_value(its[i]));
      path_pop(mark);
    }
  }
  for (i = 0; i < 4; i++) {
    if (its[i] != NULL) cass_iterator_free(its[i]);
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Tables.                                                                                      */

typedef struct {
  char name[8];
  int ncols;
  const Type* cols[MAX_COLS];
  cass_int32_t keys[NROWS];
  Value rows[NROWS][MAX_COLS];
  char insert_cql[512];
  char select_cql[512];
} Table;

static CassSession* session;
static const Type* key_type;
static Table tables[NTABLES];
static long values_checked, rows_checked;

static void execute_cql(const char* cql) {
  printf("  %s\n", cql);
  test_execute(session, cql);
}

static void create_udts(void) {
  int i, j;
  for (i = 0; i < NUDTS; i++) {
    Udt* u = &udts[i];
    Buf b;
    b.len = 0;
    nudts = i; /* fields may use the earlier UDTs only */
    snprintf(u->name, sizeof u->name, "u%d", i);
    u->nfields = 1 + (int)rnd(MAX_SUB);
    u->depth = 0;
    buf_add(&b, "CREATE TYPE %s.%s (", ks, u->name);
    for (j = 0; j < u->nfields; j++) {
      int d;
      snprintf(u->field_names[j], sizeof u->field_names[j], "f%d", j);
      u->fields[j] = gen_type(MAX_DEPTH - 1, 0, 35);
      d = type_depth(u->fields[j]);
      if (d > u->depth) u->depth = d;
      buf_add(&b, "%s%s ", j ? ", " : "", u->field_names[j]);
      type_cql(&b, u->fields[j], 0);
    }
    buf_add(&b, ")");
    u->depth++;
    u->has_duration = 0;
    for (j = 0; j < u->nfields; j++) u->has_duration |= type_has_duration(u->fields[j]);
    execute_cql(b.data);
  }
  nudts = NUDTS;
  for (i = 0; i < NUDTS; i++) {
    Type* t = new_type(K_UDT);
    size_t mark = path_push("handmade %s", udts[i].name);
    t->udt = i;
    make_udt_data_type(&udts[i]);
    check_data_type(udts[i].data_type, t);
    path_pop(mark);
  }
}

static void create_table(Table* tb, int index) {
  Buf b;
  int c, r;
  b.len = 0;
  snprintf(tb->name, sizeof tb->name, "t%d", index);
  tb->ncols = MIN_COLS + (int)rnd(MAX_COLS - MIN_COLS + 1);
  buf_add(&b, "CREATE TABLE %s.%s (k int PRIMARY KEY", ks, tb->name);
  for (c = 0; c < tb->ncols; c++) {
    Type* t = (Type*)gen_type(MAX_DEPTH, 0, 50);
    if (!is_prim(t) && t->kind != K_UDT) t->frozen = chance(3);
    tb->cols[c] = t;
    buf_add(&b, ", c%d ", c);
    type_cql(&b, t, 1);
  }
  buf_add(&b, ")");
  execute_cql(b.data);

  b.len = 0;
  buf_add(&b, "INSERT INTO %s.%s (k", ks, tb->name);
  for (c = 0; c < tb->ncols; c++) buf_add(&b, ", c%d", c);
  buf_add(&b, ") VALUES (?");
  for (c = 0; c < tb->ncols; c++) buf_add(&b, ", ?");
  buf_add(&b, ")");
  CHECK(b.len < sizeof tb->insert_cql);
  memcpy(tb->insert_cql, b.data, b.len + 1);

  b.len = 0;
  buf_add(&b, "SELECT k");
  for (c = 0; c < tb->ncols; c++) buf_add(&b, ", c%d", c);
  buf_add(&b, " FROM %s.%s WHERE k = ?", ks, tb->name);
  CHECK(b.len < sizeof tb->select_cql);
  memcpy(tb->select_cql, b.data, b.len + 1);

  /* distinct keys, the extremes first */
  for (r = 0; r < NROWS; r++) {
    int dup;
    do {
      int j;
      tb->keys[r] = r == 0 ? INT32_MIN : r == 1 ? INT32_MAX : (cass_int32_t)gen_int(32);
      dup = 0;
      for (j = 0; j < r; j++) dup |= tb->keys[j] == tb->keys[r];
    } while (dup);
  }
}

static void gen_rows(Table* tb) {
  int r, c;
  for (r = 0; r < NROWS; r++) {
    int all_null = chance(NROWS);
    for (c = 0; c < tb->ncols; c++) {
      Value* v = &tb->rows[r][c];
      if (all_null || chance(8)) {
        memset(v, 0, sizeof *v);
        v->null = 1;
        v->unset = chance(4); /* the parameter is left unbound (sent as unset: not written) */
      } else {
        gen_value(v, tb->cols[c], 0, 0);
      }
    }
  }
}

/* Even rows: a simple statement bound by index, with untyped collections and tuples (now and then
   typed by a data type built by hand). Odd rows: the prepared statement, bound by index
   (r % 4 == 1) or by name (r % 4 == 3). */
static void insert_row(const Table* tb, const CassPrepared* insert, int r) {
  int prepared = r % 2 == 1, by_name = r % 4 == 3, c;
  CassStatement* st = prepared ? cass_prepared_bind(insert) : cass_statement_new(tb->insert_cql, (size_t)tb->ncols + 1);
  Sink s;
  size_t mark = path_push("%s row %d (k=%d, %s) ", tb->name, r, (int)tb->keys[r],
                          prepared ? (by_name ? "prepared, by name" : "prepared, by index") : "simple");
  CHECK(st != NULL);
  memset(&s, 0, sizeof s);
  s.kind = TO_STATEMENT;
  s.statement = st;
  sink_name(&s, by_name ? 1 + (int)rnd(2) : 0, "k");
  SINK_PUT(&s, int32, tb->keys[r]);
  for (c = 0; c < tb->ncols; c++) {
    char name[8];
    const CassDataType* dt = NULL;
    CassDataType* handmade = NULL;
    size_t col_mark = path_push("c%d", c);
    snprintf(name, sizeof name, "c%d", c);
    s.index = (size_t)c + 1;
    sink_name(&s, by_name ? 1 + (int)rnd(2) : 0, name);
    if (prepared) {
      dt = by_name ? cass_prepared_parameter_data_type_by_name(insert, name)
                   : cass_prepared_parameter_data_type(insert, (size_t)c + 1);
      if (dt == NULL) fail("no parameter data type");
    } else if (!is_prim(tb->cols[c]) && chance(4)) { /* typed after all, by a data type built by hand */
      dt = tb->cols[c]->kind == K_UDT ? udts[tb->cols[c]->udt].data_type : (handmade = make_data_type(tb->cols[c]));
    }
    put_junk(&s, tb->cols[c], &tb->rows[r][c], dt);
    put_value(&s, tb->cols[c], &tb->rows[r][c], dt);
    if (prepared) put_wrong(&s, tb->cols[c]);
    if (handmade != NULL) cass_data_type_free(handmade);
    path_pop(col_mark);
  }
  cass_result_free(test_run(session, st));
  cass_statement_free(st);
  path_pop(mark);
}

/* Reads a row back (prepared select for odd rows), compares it, then probes its values. */
static void check_row(const Table* tb, const CassPrepared* select, int r) {
  CassStatement* st = r % 2 ? cass_prepared_bind(select) : cass_statement_new(tb->select_cql, 1);
  const CassResult* result;
  const CassRow* row;
  cass_int32_t k;
  int c, by_name = (r / 2) % 2;
  size_t mark = path_push("%s row %d (k=%d) read ", tb->name, r, (int)tb->keys[r]);
  CHECK_OK(cass_statement_bind_int32(st, 0, tb->keys[r]));
  result = test_run(session, st);
  cass_statement_free(st);
  if (cass_result_row_count(result) != 1) fail("%zu rows", cass_result_row_count(result));
  if (cass_result_column_count(result) != (size_t)tb->ncols + 1) fail("%zu columns", cass_result_column_count(result));
  row = cass_result_first_row(result);
  CHECK_OK(cass_value_get_int32(cass_row_get_column(row, 0), &k));
  CHECK_EQ_INT(tb->keys[r], k);
  for (c = 0; c < tb->ncols; c++) {
    char name[8];
    const CassValue* v;
    const char* col_name;
    size_t len;
    size_t col_mark = path_push("c%d", c);
    snprintf(name, sizeof name, "c%d", c);
    if (r < 2) { /* the result's metadata */
      check_rc(CASS_OK, cass_result_column_name(result, (size_t)c + 1, &col_name, &len), "cass_result_column_name");
      if (len != strlen(name) || memcmp(col_name, name, len) != 0) fail("column named %.*s", (int)len, col_name);
      if (cass_result_column_type(result, (size_t)c + 1) != value_type_of(tb->cols[c])) {
        fail("wrong cass_result_column_type");
      }
      check_data_type(cass_result_column_data_type(result, (size_t)c + 1), tb->cols[c]);
    }
    v = by_name ? cass_row_get_column_by_name(row, name) : cass_row_get_column(row, (size_t)c + 1);
    if (v == NULL) fail("no value");
    check_data_type(cass_value_data_type(v), tb->cols[c]);
    if (!compare(v, tb->cols[c], &tb->rows[r][c], 1)) fail("%s", mismatch_msg);
    values_checked += count_values(tb->cols[c], &tb->rows[r][c]);
    path_pop(col_mark);
  }
  values_checked++; /* k */
  for (c = 0; c <= tb->ncols; c++) {
    size_t col_mark = path_push("probe column %d", c);
    probe(cass_row_get_column(row, (size_t)c));
    path_pop(col_mark);
  }
  cass_result_free(result);
  rows_checked++;
  path_pop(mark);
}

/* Every row again, through a paged scan (7 rows a page) and the result and row iterators. */
static void check_scan(const Table* tb) {
  char cql[512];
  CassStatement* st;
  int seen[NROWS], total = 0, more = 1, c;
  size_t mark = path_push("%s scan ", tb->name);
  snprintf(cql, sizeof cql, "%.*s", (int)(strstr(tb->select_cql, " WHERE") - tb->select_cql), tb->select_cql);
  memset(seen, 0, sizeof seen);
  st = cass_statement_new(cql, 0);
  CHECK_OK(cass_statement_set_paging_size(st, 7));
  while (more) {
    const CassResult* result = test_run(session, st);
    CassIterator* rows = cass_iterator_from_result(result);
    CHECK(rows != NULL);
    CHECK(cass_result_row_count(result) <= 7);
    while (cass_iterator_next(rows)) {
      const CassRow* row = cass_iterator_get_row(rows);
      CassIterator* cols = cass_iterator_from_row(row);
      cass_int32_t k;
      int r;
      CHECK(cols != NULL);
      CHECK(cass_iterator_next(cols));
      CHECK_OK(cass_value_get_int32(cass_iterator_get_column(cols), &k));
      for (r = 0; r < NROWS && tb->keys[r] != k; r++) continue;
      if (r == NROWS || seen[r]) fail("unexpected or repeated key %d", (int)k);
      seen[r] = 1;
      total++;
      for (c = 0; c < tb->ncols; c++) {
        size_t col_mark = path_push("row %d c%d", r, c);
        if (!cass_iterator_next(cols)) fail("row ends early");
        if (!compare(cass_iterator_get_column(cols), tb->cols[c], &tb->rows[r][c], 1)) fail("%s", mismatch_msg);
        values_checked += count_values(tb->cols[c], &tb->rows[r][c]);
        path_pop(col_mark);
      }
      if (cass_iterator_next(cols)) fail("row has more columns");
      cass_iterator_free(cols);
    }
    cass_iterator_free(rows);
    more = cass_result_has_more_pages(result) ? 1 : 0;
    if (more) CHECK_OK(cass_statement_set_paging_state(st, result));
    cass_result_free(result);
  }
  cass_statement_free(st);
  CHECK_EQ_INT(NROWS, total);
  path_pop(mark);
}

/* ------------------------------------------------------------------------------------------ */
/* Binds of random C types: the C++ driver's checks against the parameter and item data types. */


/* Every collection, tuple and UDT in a type, with the library's data type for it. */
static void collect_nodes(Node* nodes, int* n, const CassDataType* dt, const Type* t) {
  int i;
  if (is_prim(t) || *n >= MAX_NODES) return;
  nodes[*n].dt = dt;
  nodes[*n].t = t;
  (*n)++;
  for (i = 0; i < sub_count(t); i++) collect_nodes(nodes, n, cass_data_type_sub_data_type(dt, (size_t)i), sub_type(t, i));
}

/* Whether a user type value of UDT u's data type changed by make_udt_variant() goes where `target`
   is expected. The drivers' rule: keyspaces and names equal where both have them, and the fields
   that both have (the leading ones: a UDT only ever gains fields) of equal names and types. */
static int udt_variant_accepted(const Udt* u, int variant, const Type* target) {
  const Udt* t;
  int n = u->nfields + (variant == 1 ? -1 : variant == 2 ? 1 : 0), i;
  if (target->kind != K_UDT) return 0;
  t = &udts[target->udt];
  if (variant != 0 && t != u) return 0;
  for (i = 0; i < n && i < t->nfields; i++) {
    if (i == u->nfields) return 0; /* "extra" */
    if (strcmp(u->field_names[i], t->field_names[i]) != 0 || !types_equal(u->fields[i], t->fields[i])) return 0;
  }
  return 1;
}

/* A UDT's data type built by hand, changed: 0: without keyspace and name; 1: the last field
   missing; 2: one field more. */
static CassDataType* make_udt_variant(const Udt* u, int variant) {
  int n = u->nfields + (variant == 1 ? -1 : variant == 2 ? 1 : 0), i;
  CassDataType* dt = cass_data_type_new_udt((size_t)n);
  CHECK(dt != NULL);
  if (variant != 0) {
    CHECK_OK(cass_data_type_set_keyspace(dt, ks));
    CHECK_OK(cass_data_type_set_type_name(dt, u->name));
  }
  for (i = 0; i < n; i++) {
    if (i == u->nfields) {
      CHECK_OK(cass_data_type_add_sub_value_type_by_name(dt, "extra", CASS_VALUE_TYPE_INT));
    } else if (u->fields[i]->kind == K_UDT) {
      CHECK_OK(cass_data_type_add_sub_type_by_name(dt, u->field_names[i], udts[u->fields[i]->udt].data_type));
    } else {
      CassDataType* f = make_data_type(u->fields[i]);
      CHECK_OK(cass_data_type_add_sub_type_by_name(dt, u->field_names[i], f));
      cass_data_type_free(f);
    }
  }
  return dt;
}

/* Binds (sets, appends) one value of C type `b` into the sink; *accepted: whether the C++ driver
   takes it where `target` is expected. */
static char bind_detail[128]; /* what try_bind() bound, for failures */

static CassError try_bind(const Sink* s, int b, const Type* target, const Node* nodes, int nnodes, int* accepted) {
  static const cass_byte_t BYTES[] = {1, 2, 3};
  CassValueType vt = value_type_of(target);
  CassError rc = CASS_ERROR_LIB_BAD_PARAMS;
  *accepted = prim_binder_accepts(b, vt);
  switch (b) {
    case B_INT8: SINK_CALL(rc, s, int8, 1); break;
    case B_INT16: SINK_CALL(rc, s, int16, 1); break;
    case B_INT32: SINK_CALL(rc, s, int32, 1); break;
    case B_UINT32: SINK_CALL(rc, s, uint32, 1); break;
    case B_INT64: SINK_CALL(rc, s, int64, 1); break;
    case B_FLOAT: SINK_CALL(rc, s, float, 1.0f); break;
    case B_DOUBLE: SINK_CALL(rc, s, double, 1.0); break;
    case B_BOOL: SINK_CALL(rc, s, bool, cass_true); break;
    case B_STRING: rc = sink_string(s, "x", 1, (int)rnd(2)); break;
    case B_BYTES: SINK_CALL(rc, s, bytes, BYTES, sizeof BYTES); break;
    case B_UUID: {
      CassUuid uuid;
      uuid.time_and_version = 0x1000000000000000ULL;
      uuid.clock_seq_and_node = 0x8000000000000000ULL;
      SINK_CALL(rc, s, uuid, uuid);
      break;
    }
    case B_INET: {
      CassInet inet;
      memset(&inet, 0, sizeof inet);
      inet.address_length = 4;
      inet.address[0] = 127;
      SINK_CALL(rc, s, inet, inet);
      break;
    }
    case B_DECIMAL: SINK_CALL(rc, s, decimal, BYTES, 1, 2); break;
    case B_DURATION: SINK_CALL(rc, s, duration, 1, 2, 3); break;
    case B_NULL: rc = sink_null(s); break;
    case B_LIST: case B_SET: case B_MAP: {
      CassCollection* c = cass_collection_new(COLLECTION_TYPES[b - B_LIST], 0);
      SINK_CALL(rc, s, collection, c);
      cass_collection_free(c);
      *accepted = target->kind == (Kind)(K_LIST + (b - B_LIST));
      break;
    }
    case B_TUPLE: {
      CassTuple* tuple = cass_tuple_new(1 + rnd(3));
      SINK_CALL(rc, s, tuple, tuple);
      cass_tuple_free(tuple);
      *accepted = target->kind == K_TUPLE;
      break;
    }
    case B_UDT: {
      int u = (int)rnd(NUDTS);
      CassUserType* udt = cass_user_type_new_from_data_type(udts[u].data_type);
      SINK_CALL(rc, s, user_type, udt);
      cass_user_type_free(udt);
      *accepted = target->kind == K_UDT && target->udt == u;
      break;
    }
    case B_UDT_VARIANT: {
      const Udt* u = &udts[rnd(NUDTS)];
      int variant = (int)rnd(3);
      CassDataType* dt;
      CassUserType* udt;
      if (variant == 1 && u->nfields == 1) variant = 2;
      dt = make_udt_variant(u, variant);
      udt = cass_user_type_new_from_data_type(dt);
      SINK_CALL(rc, s, user_type, udt);
      cass_user_type_free(udt);
      cass_data_type_free(dt);
      *accepted = udt_variant_accepted(u, variant, target);
      snprintf(bind_detail, sizeof bind_detail, " (%s, variant %d, target %s)", u->name, variant,
               target->kind == K_UDT ? udts[target->udt].name : "-");
      break;
    }
    default: { /* empty, from the data type of a random composite of the table */
      const Node* o;
      if (nnodes == 0) return try_bind(s, B_NULL, target, nodes, nnodes, accepted);
      o = &nodes[rnd((unsigned)nnodes)];
      if (o->t->kind == K_TUPLE) {
        CassTuple* tuple = cass_tuple_new_from_data_type(o->dt);
        SINK_CALL(rc, s, tuple, tuple);
        cass_tuple_free(tuple);
      } else if (o->t->kind == K_UDT) {
        CassUserType* udt = cass_user_type_new_from_data_type(o->dt);
        SINK_CALL(rc, s, user_type, udt);
        cass_user_type_free(udt);
      } else {
        CassCollection* c = cass_collection_new_from_data_type(o->dt, 0);
        SINK_CALL(rc, s, collection, c);
        cass_collection_free(c);
      }
      *accepted = types_equal(o->t, target);
      break;
    }
  }
  return rc;
}

/* where: 1 a collection, 2 a tuple, 3 a UDT. */
static int node_is(const Node* node, int where) {
  return where == 1 ? is_collection(node->t) : node->t->kind == (where == 2 ? K_TUPLE : K_UDT);
}

static void check_binds(const Table* tb, const CassPrepared* insert) {
  static Node nodes[MAX_NODES];
  int nnodes = 0, m, c;
  CassStatement* st = cass_prepared_bind(insert);
  for (c = 0; c < tb->ncols; c++) {
    collect_nodes(nodes, &nnodes, cass_prepared_parameter_data_type(insert, (size_t)c + 1), tb->cols[c]);
  }
  for (m = 0; m < BIND_CHECKS; m++) {
    Sink s;
    const Type* target;
    const Node* node = NULL;
    int where = (int)rnd(4), b, accepted = 0;
    CassError rc;
    char what[160];
    size_t mark;
    memset(&s, 0, sizeof s);
    if (where != 0) { /* a random collection, tuple or UDT of the table, if it has one */
      int i, count = 0, pick;
      for (i = 0; i < nnodes; i++) count += node_is(&nodes[i], where);
      if (count == 0) {
        where = 0;
      } else {
        pick = (int)rnd((unsigned)count);
        for (i = 0; i < nnodes && node == NULL; i++) {
          if (node_is(&nodes[i], where) && pick-- == 0) node = &nodes[i];
        }
      }
    }
    switch (where) {
      case 0: {
        int col = (int)rnd((unsigned)tb->ncols + 1);
        char name[8];
        snprintf(name, sizeof name, col == 0 ? "k" : "c%d", col - 1);
        s.kind = TO_STATEMENT;
        s.statement = st;
        s.index = (size_t)col;
        sink_name(&s, (int)rnd(3), name);
        target = col == 0 ? key_type : tb->cols[col - 1];
        mark = path_push("%s bind to %s: ", tb->name, name);
        break;
      }
      case 1:
        s.kind = TO_COLLECTION;
        s.collection = cass_collection_new_from_data_type(node->dt, 1);
        CHECK(s.collection != NULL);
        target = node->t->sub[0];
        mark = path_push("%s append to a collection: ", tb->name);
        break;
      case 2:
        s.kind = TO_TUPLE;
        s.tuple = cass_tuple_new_from_data_type(node->dt);
        CHECK(s.tuple != NULL);
        s.index = rnd((unsigned)node->t->nsub);
        target = node->t->sub[s.index];
        mark = path_push("%s set tuple item %d: ", tb->name, (int)s.index);
        break;
      default:
        s.kind = TO_UDT;
        s.user_type = cass_user_type_new_from_data_type(node->dt);
        CHECK(s.user_type != NULL);
        s.index = rnd((unsigned)udts[node->t->udt].nfields);
        sink_name(&s, (int)rnd(3), udts[node->t->udt].field_names[s.index]);
        target = sub_type(node->t, (int)s.index);
        mark = path_push("%s set field %s of %s: ", tb->name, udts[node->t->udt].field_names[s.index],
                         udts[node->t->udt].name);
        break;
    }
    b = (int)rnd(NBINDERS);
    if (s.kind == TO_COLLECTION && b == B_NULL) b = B_INT32;
    bind_detail[0] = '\0';
    rc = try_bind(&s, b, target, nodes, nnodes, &accepted);
    snprintf(what, sizeof what, "%s%s%s where type %#x is expected", BINDER_NAMES[b], bind_detail,
             s.by_name ? " by name" : "", (unsigned)value_type_of(target));
    check_rc(accepted ? CASS_OK : CASS_ERROR_LIB_INVALID_VALUE_TYPE, rc, what);
    bind_checks++;
    if (!accepted) bind_mismatches++;
    if (s.collection != NULL) cass_collection_free(s.collection);
    if (s.tuple != NULL) cass_tuple_free(s.tuple);
    if (s.user_type != NULL) cass_user_type_free(s.user_type);
    path_pop(mark);
  }
  cass_statement_free(st);
}

/* ------------------------------------------------------------------------------------------ */

static void run_table(Table* tb) {
  const CassPrepared* insert = test_prepare(session, tb->insert_cql);
  const CassPrepared* select = test_prepare(session, tb->select_cql);
  int r, c;
  size_t mark = path_push("%s parameters ", tb->name);
  CHECK_EQ_INT(CASS_VALUE_TYPE_INT, cass_data_type_type(cass_prepared_parameter_data_type(insert, 0)));
  for (c = 0; c < tb->ncols; c++) {
    char name[8];
    size_t col_mark = path_push("c%d", c);
    snprintf(name, sizeof name, "c%d", c);
    check_data_type(cass_prepared_parameter_data_type(insert, (size_t)c + 1), tb->cols[c]);
    check_data_type(cass_prepared_parameter_data_type_by_name(insert, name), tb->cols[c]);
    path_pop(col_mark);
  }
  path_pop(mark);

  gen_rows(tb);
  for (r = 0; r < NROWS; r++) insert_row(tb, insert, r);
  for (r = 0; r < NROWS; r++) check_row(tb, select, r);
  check_scan(tb);
  check_binds(tb, insert);

  for (r = 0; r < NROWS; r++) {
    for (c = 0; c < tb->ncols; c++) free_value(&tb->rows[r][c]);
  }
  cass_prepared_free(insert);
  cass_prepared_free(select);
}

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

int main(void) {
  CassCluster* cluster;
  char cql[256];
  const char* env = getenv("RANDOM_VALUES_SEED");
  double start = now_ms();
  int i;

  seed = env != NULL && env[0] != '\0' ? strtoull(env, NULL, 0) : DEFAULT_SEED;
  printf("random_values: RANDOM_VALUES_SEED=%llu\n", seed);
  fflush(stdout);
  rng.state = seed;
  probe_rng.state = seed ^ 0x5DEECE66DULL;

  test_connect(&cluster, &session);
  test_name(ks, sizeof ks, "random_values");
  snprintf(cql, sizeof cql, "DROP KEYSPACE IF EXISTS %s", ks);
  test_execute(session, cql);
  snprintf(cql, sizeof cql,
           "CREATE KEYSPACE %s WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}", ks);
  test_execute(session, cql);

  key_type = new_type(K_INT);
  create_udts();
  for (i = 0; i < NTABLES; i++) create_table(&tables[i], i);
  printf("random_values: schema ready after %.0f ms\n", now_ms() - start);
  for (i = 0; i < NTABLES; i++) run_table(&tables[i]);

  for (i = 0; i < NUDTS; i++) cass_data_type_free(udts[i].data_type);
  test_disconnect(cluster, session);
  printf("random_values: OK: %d tables, %ld rows, %ld values compared, %ld binds checked (%ld wrong types), "
         "%ld getters checked (%ld wrong types), %.0f ms\n",
         NTABLES, rows_checked, values_checked, bind_checks, bind_mismatches, probes, probe_mismatches, now_ms() - start);
  return 0;
}
