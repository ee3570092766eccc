/* Schema metadata: a keyspace with nested user types, a table with a composite partition key,
   clustering columns in DESC/ASC order, a static column, collections, a secondary index, a
   materialized view, two Java UDFs and an aggregate; then names, counts, iteration order, raw field
   names and values, data types, the view attached to its base table, virtual keyspaces, the
   server version, snapshot versions, DDL visible as soon as its future completes, snapshots
   unchanged by later DDL, and a session without schema.
   Not here: vector<float, n> columns (the reference driver reads `vector` as a user type name, so
   the keyspace's user types would differ; our parser is unit-tested in src/metadata/cql_type.rs). */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "test_util.h"

static char ks[64];

static const CassSchemaMeta* snapshot(CassSession* session) {
  const CassSchemaMeta* meta = cass_session_get_schema_meta(session);
  CHECK(meta != NULL);
  return meta;
}

/* The snapshot after a DDL statement, which `ready` recognizes. Ours must have the change as soon
   as the statement's future completed; the reference driver applies the server's schema events
   asynchronously, so there it is polled (up to 20 s). */
static const CassSchemaMeta* poll_snapshot(CassSession* session, int (*ready)(const CassSchemaMeta*), int attempts) {
  for (;;) {
    const CassSchemaMeta* meta = snapshot(session);
    struct timespec pause = {0, 100 * 1000 * 1000};
    if (ready(meta)) return meta;
    cass_schema_meta_free(meta);
    CHECK(--attempts > 0);
    nanosleep(&pause, NULL);
  }
}

static const CassSchemaMeta* snapshot_after(CassSession* session, int (*ready)(const CassSchemaMeta*)) {
  return poll_snapshot(session, ready, strcmp(test_impl(), "ours") == 0 ? 1 : 200);
}

/* A connect future's callback (on the driver's I/O thread) takes a snapshot: the schema is there. */
struct connect_snapshot {
  CassSession* session;
  int seen;
};

static void take_snapshot_on_connect(CassFuture* future, void* data) {
  struct connect_snapshot* state = data;
  const CassSchemaMeta* meta;
  if (cass_future_error_code(future) != CASS_OK) return;
  meta = cass_session_get_schema_meta(state->session);
  state->seen = cass_schema_meta_keyspace_by_name(meta, "system_schema") != NULL ? 1 : -1;
  cass_schema_meta_free(meta);
}

static void check_snapshot_in_connect_callback(void) {
  CassCluster* cluster = test_cluster();
  struct connect_snapshot state = {cass_session_new(), 0};
  CassFuture* connect = cass_session_connect(state.session, cluster);
  CHECK_OK(cass_future_set_callback(connect, take_snapshot_on_connect, &state));
  CHECK_FUTURE_OK(connect);
  cass_future_free(connect);
  CHECK_EQ_INT(1, state.seen);
  test_disconnect(cluster, state.session);
}

static int keyspace_created(const CassSchemaMeta* meta) {
  return cass_schema_meta_keyspace_by_name(meta, ks) != NULL;
}

static int keyspace_dropped(const CassSchemaMeta* meta) {
  return cass_schema_meta_keyspace_by_name(meta, ks) == NULL;
}

static int everything_created(const CassSchemaMeta* meta) {
  const CassKeyspaceMeta* keyspace = cass_schema_meta_keyspace_by_name(meta, ks);
  const CassTableMeta* items = cass_keyspace_meta_table_by_name(keyspace, "items");
  return keyspace != NULL && cass_keyspace_meta_user_type_by_name(keyspace, "person") != NULL && items != NULL &&
         cass_keyspace_meta_table_by_name(keyspace, "plain") != NULL && cass_table_meta_index_count(items) == 1 &&
         cass_table_meta_materialized_view_count(items) == 1 &&
         cass_keyspace_meta_function_by_name(keyspace, "avgfinal", "frozen<tuple<int,bigint>>") != NULL &&
         cass_keyspace_meta_aggregate_by_name(keyspace, "average", "int") != NULL;
}

static int remote_created(const CassSchemaMeta* meta) {
  return cass_keyspace_meta_table_by_name(cass_schema_meta_keyspace_by_name(meta, ks), "remote") != NULL;
}

static int column_added(const CassSchemaMeta* meta) {
  const CassKeyspaceMeta* keyspace = cass_schema_meta_keyspace_by_name(meta, ks);
  return cass_table_meta_column_by_name(cass_keyspace_meta_table_by_name(keyspace, "items"), "extra") != NULL;
}

static const CassTableMeta* lifecycle_table(const CassSchemaMeta* meta) {
  return cass_keyspace_meta_table_by_name(cass_schema_meta_keyspace_by_name(meta, ks), "lifecycle");
}

static int lifecycle_created(const CassSchemaMeta* meta) { return lifecycle_table(meta) != NULL; }

static int lifecycle_altered(const CassSchemaMeta* meta) {
  return lifecycle_table(meta) != NULL && cass_table_meta_column_by_name(lifecycle_table(meta), "w") != NULL;
}

static int lifecycle_indexed(const CassSchemaMeta* meta) {
  return lifecycle_table(meta) != NULL && cass_table_meta_index_count(lifecycle_table(meta)) == 1;
}

static int lifecycle_dropped(const CassSchemaMeta* meta) { return lifecycle_table(meta) == NULL; }

static void check_functions(const CassSchemaMeta* meta);

/* What a change of one table must leave as it was: the other table with its view, the user
   types, the functions. */
static void check_rest_of_keyspace(const CassSchemaMeta* meta) {
  const CassKeyspaceMeta* keyspace = cass_schema_meta_keyspace_by_name(meta, ks);
  const CassTableMeta* items = cass_keyspace_meta_table_by_name(keyspace, "items");
  CHECK(items != NULL);
  CHECK_EQ_INT(10, cass_table_meta_column_count(items));
  CHECK_EQ_INT(1, cass_table_meta_materialized_view_count(items));
  CHECK(cass_keyspace_meta_materialized_view_by_name(keyspace, "items_by_v") != NULL);
  CHECK(cass_keyspace_meta_user_type_by_name(keyspace, "address") != NULL);
  check_functions(meta);
}

/* A table created, altered, indexed and dropped: each time the snapshot has the change as soon as
   the statement's future completes, and the rest of the keyspace as it was. */
static void check_table_changes(CassSession* session) {
  char cql[256];
  const CassSchemaMeta* meta;
  snprintf(cql, sizeof cql, "CREATE TABLE %s.lifecycle (k int PRIMARY KEY, v text)", ks);
  test_execute(session, cql);
  meta = snapshot_after(session, lifecycle_created);
  CHECK_EQ_INT(2, cass_table_meta_column_count(lifecycle_table(meta)));
  CHECK(cass_column_meta_data_type(cass_table_meta_column_by_name(lifecycle_table(meta), "v")) != NULL);
  check_rest_of_keyspace(meta);
  cass_schema_meta_free(meta);
  snprintf(cql, sizeof cql, "ALTER TABLE %s.lifecycle ADD w int", ks);
  test_execute(session, cql);
  meta = snapshot_after(session, lifecycle_altered);
  CHECK_EQ_INT(3, cass_table_meta_column_count(lifecycle_table(meta)));
  check_rest_of_keyspace(meta);
  cass_schema_meta_free(meta);
  snprintf(cql, sizeof cql, "CREATE INDEX lifecycle_v ON %s.lifecycle (v)", ks);
  test_execute(session, cql);
  meta = snapshot_after(session, lifecycle_indexed);
  CHECK(cass_table_meta_index_by_name(lifecycle_table(meta), "lifecycle_v") != NULL);
  check_rest_of_keyspace(meta);
  cass_schema_meta_free(meta);
  snprintf(cql, sizeof cql, "DROP TABLE %s.lifecycle", ks);
  test_execute(session, cql);
  meta = snapshot_after(session, lifecycle_dropped);
  check_rest_of_keyspace(meta);
  cass_schema_meta_free(meta);
}

/* Copies a (text, length) pair into a NUL-terminated buffer for CHECK_EQ_STR. */
static const char* str(char* buf, size_t size, const char* text, size_t length) {
  CHECK(length < size);
  memcpy(buf, text, length);
  buf[length] = '\0';
  return buf;
}

static const char* value_text(const CassValue* value, char* buf, size_t size) {
  const char* text;
  size_t length;
  CHECK(value != NULL);
  CHECK_OK(cass_value_get_string(value, &text, &length));
  return str(buf, size, text, length);
}

/* The raw field names of `it` joined with ',' (every value must be a non-NULL pointer). */
static const char* field_names(CassIterator* it, char* buf, size_t size) {
  size_t used = 0;
  buf[0] = '\0';
  CHECK(it != NULL);
  CHECK_EQ_INT(CASS_ITERATOR_TYPE_META_FIELD, cass_iterator_type(it));
  while (cass_iterator_next(it)) {
    const char* name;
    size_t length;
    CHECK_OK(cass_iterator_get_meta_field_name(it, &name, &length));
    CHECK_EQ_INT(0, name[length]);
    CHECK(cass_iterator_get_meta_field_value(it) != NULL);
    CHECK(used + length + 2 < size);
    if (used > 0) buf[used++] = ',';
    memcpy(buf + used, name, length);
    used += length;
    buf[used] = '\0';
  }
  cass_iterator_free(it);
  return buf;
}

static void check_column(const CassColumnMeta* column, const char* name, CassColumnType kind,
                         CassValueType type) {
  const char* text;
  size_t length;
  char buf[128];
  CHECK(column != NULL);
  cass_column_meta_name(column, &text, &length);
  CHECK_EQ_INT(0, text[length]); /* names are NUL-terminated (acsylla relies on it) */
  CHECK_EQ_STR(name, str(buf, sizeof buf, text, length));
  CHECK_EQ_INT(kind, cass_column_meta_type(column));
  CHECK_EQ_INT(type, cass_data_type_type(cass_column_meta_data_type(column)));
}

static void check_keyspace_and_types(const CassSchemaMeta* meta) {
  const CassKeyspaceMeta* keyspace = cass_schema_meta_keyspace_by_name(meta, ks);
  const CassKeyspaceMeta* views = cass_schema_meta_keyspace_by_name(meta, "system_views");
  const CassDataType* person;
  const CassDataType* home;
  const CassValue* value;
  CassIterator* it;
  const char* text;
  size_t length;
  cass_bool_t durable = cass_false;
  char buf[512], prev[128];
  int found;

  CHECK(keyspace != NULL);
  cass_keyspace_meta_name(keyspace, &text, &length);
  CHECK_EQ_INT(0, text[length]);
  CHECK_EQ_STR(ks, str(buf, sizeof buf, text, length));
  CHECK(!cass_keyspace_meta_is_virtual(keyspace));
  CHECK(cass_schema_meta_keyspace_by_name(meta, "no_such_keyspace") == NULL);
  CHECK(cass_schema_meta_keyspace_by_name_n(meta, ks, strlen(ks) - 1) == NULL);
  CHECK(cass_schema_meta_keyspace_by_name_n(meta, "system_schemaXYZ", 13) != NULL);

  /* Raw fields: exactly the C++ driver's names, sorted; values readable. */
  CHECK_EQ_STR("durable_writes,keyspace_name,replication",
               field_names(cass_iterator_fields_from_keyspace_meta(keyspace), buf, sizeof buf));
  CHECK_OK(cass_value_get_bool(cass_keyspace_meta_field_by_name(keyspace, "durable_writes"), &durable));
  CHECK(durable == cass_true);
  CHECK_EQ_STR(ks, value_text(cass_keyspace_meta_field_by_name(keyspace, "keyspace_name"), buf, sizeof buf));
  value = cass_keyspace_meta_field_by_name(keyspace, "replication");
  CHECK_EQ_INT(CASS_VALUE_TYPE_MAP, cass_value_type(value));
  it = cass_iterator_from_map(value);
  found = 0;
  while (cass_iterator_next(it)) {
    if (strcmp(value_text(cass_iterator_get_map_key(it), buf, sizeof buf), "class") == 0) {
      CHECK(strstr(value_text(cass_iterator_get_map_value(it), buf, sizeof buf), "SimpleStrategy") != NULL);
      found = 1;
    }
  }
  cass_iterator_free(it);
  CHECK(found);
  CHECK(cass_keyspace_meta_field_by_name(keyspace, "strategy_class") == NULL);

  /* Keyspaces sorted by name, virtual ones included. */
  it = cass_iterator_keyspaces_from_schema_meta(meta);
  CHECK_EQ_INT(CASS_ITERATOR_TYPE_KEYSPACE_META, cass_iterator_type(it));
  prev[0] = '\0';
  found = 0;
  while (cass_iterator_next(it)) {
    const CassKeyspaceMeta* k = cass_iterator_get_keyspace_meta(it);
    CHECK(k != NULL);
    CHECK(cass_iterator_get_table_meta(it) == NULL);
    cass_keyspace_meta_name(k, &text, &length);
    str(buf, sizeof buf, text, length);
    CHECK(strcmp(prev, buf) < 0);
    strcpy(prev, buf);
    found += k == keyspace;
  }
  cass_iterator_free(it);
  CHECK_EQ_INT(1, found);

  /* Virtual keyspaces and tables (Cassandra 4+). */
  CHECK(views != NULL);
  CHECK(cass_keyspace_meta_is_virtual(views));
  CHECK_EQ_STR("keyspace_name", field_names(cass_iterator_fields_from_keyspace_meta(views), buf, sizeof buf));
  {
    const CassTableMeta* settings = cass_keyspace_meta_table_by_name(views, "settings");
    CHECK(settings != NULL);
    CHECK(cass_table_meta_is_virtual(settings));
    CHECK_EQ_INT(1, cass_table_meta_partition_key_count(settings));
    check_column(cass_table_meta_partition_key(settings, 0), "name", CASS_COLUMN_TYPE_PARTITION_KEY,
                 CASS_VALUE_TYPE_TEXT);
    CHECK(cass_table_meta_column_by_name(settings, "value") != NULL);
  }
  CHECK(!cass_keyspace_meta_is_virtual(cass_schema_meta_keyspace_by_name(meta, "system")));
  CHECK(!cass_table_meta_is_virtual(cass_keyspace_meta_table_by_name(cass_schema_meta_keyspace_by_name(meta, "system"), "local")));

  /* User types, sorted, nested ones resolved. */
  it = cass_iterator_user_types_from_keyspace_meta(keyspace);
  CHECK_EQ_INT(CASS_ITERATOR_TYPE_TYPE_META, cass_iterator_type(it));
  buf[0] = '\0';
  while (cass_iterator_next(it)) {
    const CassDataType* t = cass_iterator_get_user_type(it);
    CHECK(t != NULL);
    CHECK_EQ_INT(CASS_VALUE_TYPE_UDT, cass_data_type_type(t));
    CHECK_OK(cass_data_type_type_name(t, &text, &length));
    strncat(buf, text, length);
    strcat(buf, ";");
    CHECK_OK(cass_data_type_keyspace(t, &text, &length));
    CHECK_EQ_STR(ks, str(prev, sizeof prev, text, length));
  }
  cass_iterator_free(it);
  CHECK_EQ_STR("address;person;", buf);
  person = cass_keyspace_meta_user_type_by_name(keyspace, "person");
  CHECK(person != NULL);
  CHECK(cass_keyspace_meta_user_type_by_name(keyspace, "Person") == NULL);
  CHECK(cass_keyspace_meta_user_type_by_name_n(keyspace, "personX", 6) == person);
  CHECK_EQ_INT(3, cass_data_type_sub_type_count(person));
  CHECK_OK(cass_data_type_sub_type_name(person, 1, &text, &length));
  CHECK_EQ_STR("home", str(buf, sizeof buf, text, length));
  CHECK_EQ_INT(CASS_VALUE_TYPE_TEXT, cass_data_type_type(cass_data_type_sub_data_type(person, 0)));
  home = cass_data_type_sub_data_type_by_name(person, "home");
  CHECK_EQ_INT(CASS_VALUE_TYPE_UDT, cass_data_type_type(home));
  CHECK(cass_data_type_is_frozen(home));
  CHECK_OK(cass_data_type_type_name(home, &text, &length));
  CHECK_EQ_STR("address", str(buf, sizeof buf, text, length));
  CHECK_EQ_INT(2, cass_data_type_sub_type_count(home));
  CHECK_EQ_INT(CASS_VALUE_TYPE_INT, cass_data_type_type(cass_data_type_sub_data_type_by_name(home, "zip")));
  CHECK_EQ_INT(CASS_VALUE_TYPE_LIST, cass_data_type_type(cass_data_type_sub_data_type(person, 2)));
}

static void check_table(const CassSchemaMeta* meta) {
  const CassKeyspaceMeta* keyspace = cass_schema_meta_keyspace_by_name(meta, ks);
  const CassTableMeta* table = cass_keyspace_meta_table_by_name(keyspace, "items");
  const CassMaterializedViewMeta* view;
  const CassIndexMeta* index;
  const CassDataType* type;
  CassIterator* it;
  const char* text;
  size_t length;
  char buf[512];
  size_t i;
  static const char* const order[] = {"pk1", "pk2", "ck1", "ck2", "owner", "props", "st", "tags", "v"};

  CHECK(table != NULL);
  cass_table_meta_name(table, &text, &length);
  CHECK_EQ_STR("items", str(buf, sizeof buf, text, length));
  CHECK(!cass_table_meta_is_virtual(table));
  CHECK(cass_keyspace_meta_table_by_name(keyspace, "items_by_v") == NULL); /* a view is no table */

  /* Tables of the keyspace, sorted. */
  it = cass_iterator_tables_from_keyspace_meta(keyspace);
  CHECK_EQ_INT(CASS_ITERATOR_TYPE_TABLE_META, cass_iterator_type(it));
  buf[0] = '\0';
  while (cass_iterator_next(it)) {
    cass_table_meta_name(cass_iterator_get_table_meta(it), &text, &length);
    strncat(buf, text, length);
    strcat(buf, ";");
  }
  cass_iterator_free(it);
  CHECK_EQ_STR("items;plain;", buf);

  /* Columns: partition key, clustering key, then the others by name. */
  CHECK_EQ_INT(9, cass_table_meta_column_count(table));
  it = cass_iterator_columns_from_table_meta(table);
  CHECK_EQ_INT(CASS_ITERATOR_TYPE_COLUMN_META, cass_iterator_type(it));
  for (i = 0; i < 9; i++) {
    CHECK(cass_iterator_next(it));
    cass_column_meta_name(cass_iterator_get_column_meta(it), &text, &length);
    CHECK_EQ_STR(order[i], str(buf, sizeof buf, text, length));
    CHECK(cass_iterator_get_column_meta(it) == cass_table_meta_column(table, i));
  }
  CHECK(!cass_iterator_next(it));
  cass_iterator_free(it);
  CHECK(cass_table_meta_column(table, 9) == NULL);

  CHECK_EQ_INT(2, cass_table_meta_partition_key_count(table));
  check_column(cass_table_meta_partition_key(table, 0), "pk1", CASS_COLUMN_TYPE_PARTITION_KEY, CASS_VALUE_TYPE_INT);
  check_column(cass_table_meta_partition_key(table, 1), "pk2", CASS_COLUMN_TYPE_PARTITION_KEY, CASS_VALUE_TYPE_TEXT);
  CHECK(cass_table_meta_partition_key(table, 2) == NULL);
  CHECK_EQ_INT(2, cass_table_meta_clustering_key_count(table));
  check_column(cass_table_meta_clustering_key(table, 0), "ck1", CASS_COLUMN_TYPE_CLUSTERING_KEY,
               CASS_VALUE_TYPE_TIMEUUID);
  check_column(cass_table_meta_clustering_key(table, 1), "ck2", CASS_COLUMN_TYPE_CLUSTERING_KEY, CASS_VALUE_TYPE_INT);
  CHECK_EQ_INT(CASS_CLUSTERING_ORDER_DESC, cass_table_meta_clustering_key_order(table, 0));
  CHECK_EQ_INT(CASS_CLUSTERING_ORDER_ASC, cass_table_meta_clustering_key_order(table, 1));
  CHECK_EQ_INT(CASS_CLUSTERING_ORDER_NONE, cass_table_meta_clustering_key_order(table, 2));
  check_column(cass_table_meta_column_by_name(table, "st"), "st", CASS_COLUMN_TYPE_STATIC, CASS_VALUE_TYPE_TEXT);
  check_column(cass_table_meta_column_by_name(table, "v"), "v", CASS_COLUMN_TYPE_REGULAR, CASS_VALUE_TYPE_INT);
  CHECK(cass_table_meta_column_by_name(table, "V") == NULL);
  CHECK(cass_table_meta_column_by_name_n(table, "vv", 1) == cass_table_meta_column_by_name(table, "v"));

  /* Collection and user type columns. */
  type = cass_column_meta_data_type(cass_table_meta_column_by_name(table, "props"));
  CHECK_EQ_INT(CASS_VALUE_TYPE_MAP, cass_data_type_type(type));
  CHECK(!cass_data_type_is_frozen(type));
  CHECK_EQ_INT(CASS_VALUE_TYPE_TEXT, cass_data_type_type(cass_data_type_sub_data_type(type, 0)));
  CHECK_EQ_INT(CASS_VALUE_TYPE_LIST, cass_data_type_type(cass_data_type_sub_data_type(type, 1)));
  CHECK(cass_data_type_is_frozen(cass_data_type_sub_data_type(type, 1)));
  CHECK_EQ_INT(CASS_VALUE_TYPE_INT,
               cass_data_type_type(cass_data_type_sub_data_type(cass_data_type_sub_data_type(type, 1), 0)));
  type = cass_column_meta_data_type(cass_table_meta_column_by_name(table, "tags"));
  CHECK_EQ_INT(CASS_VALUE_TYPE_SET, cass_data_type_type(type));
  type = cass_column_meta_data_type(cass_table_meta_column_by_name(table, "owner"));
  CHECK_EQ_INT(CASS_VALUE_TYPE_UDT, cass_data_type_type(type));
  CHECK(cass_data_type_is_frozen(type));
  CHECK_OK(cass_data_type_type_name(type, &text, &length));
  CHECK_EQ_STR("person", str(buf, sizeof buf, text, length));
  CHECK_EQ_INT(3, cass_data_type_sub_type_count(type));
  CHECK_EQ_INT(CASS_VALUE_TYPE_UDT, cass_data_type_type(cass_data_type_sub_data_type_by_name(type, "home")));

  /* Column raw fields. */
  CHECK_EQ_STR("clustering_order,column_name,column_name_bytes,keyspace_name,kind,position,table_name,type",
               field_names(cass_iterator_fields_from_column_meta(cass_table_meta_column(table, 2)), buf, sizeof buf));
  CHECK_EQ_STR("desc", value_text(cass_column_meta_field_by_name(cass_table_meta_column(table, 2), "clustering_order"),
                                  buf, sizeof buf));
  CHECK_EQ_STR("clustering", value_text(cass_column_meta_field_by_name(cass_table_meta_column(table, 2), "kind"), buf,
                                        sizeof buf));
  CHECK_EQ_STR("frozen<person>",
               value_text(cass_column_meta_field_by_name(cass_table_meta_column_by_name(table, "owner"), "type"), buf,
                          sizeof buf));
  {
    cass_int32_t position = -1;
    CHECK_OK(cass_value_get_int32(cass_column_meta_field_by_name(cass_table_meta_partition_key(table, 1), "position"),
                                  &position));
    CHECK_EQ_INT(1, position);
  }
  CHECK(cass_column_meta_field_by_name(cass_table_meta_column(table, 0), "validator") == NULL);

  /* Table raw fields: those the C++ driver reads, that Cassandra 5 has. */
  CHECK_EQ_STR("items table", value_text(cass_table_meta_field_by_name(table, "comment"), buf, sizeof buf));
  CHECK_EQ_STR("items", value_text(cass_table_meta_field_by_name(table, "table_name"), buf, sizeof buf));
  CHECK_EQ_STR(ks, value_text(cass_table_meta_field_by_name(table, "keyspace_name"), buf, sizeof buf));
  CHECK_EQ_INT(CASS_VALUE_TYPE_UUID, cass_value_type(cass_table_meta_field_by_name(table, "id")));
  CHECK(cass_table_meta_field_by_name(table, "view_name") == NULL);
  CHECK(cass_table_meta_field_by_name(table, "cdc") == NULL); /* not one of the driver's fields */
  CHECK_EQ_STR("bloom_filter_fp_chance,caching,comment,compaction,compression,crc_check_chance,dclocal_read_repair_chance,"
               "default_time_to_live,extensions,flags,gc_grace_seconds,id,keyspace_name,max_index_interval,"
               "memtable_flush_period_in_ms,min_index_interval,read_repair_chance,speculative_retry,table_name",
               field_names(cass_iterator_fields_from_table_meta(table), buf, sizeof buf));

  /* Secondary index. */
  CHECK_EQ_INT(1, cass_table_meta_index_count(table));
  index = cass_table_meta_index(table, 0);
  CHECK(index != NULL);
  CHECK(cass_table_meta_index(table, 1) == NULL);
  CHECK(cass_table_meta_index_by_name(table, "items_v_idx") == index);
  cass_index_meta_name(index, &text, &length);
  CHECK_EQ_STR("items_v_idx", str(buf, sizeof buf, text, length));
  CHECK_EQ_INT(CASS_INDEX_TYPE_COMPOSITES, cass_index_meta_type(index));
  cass_index_meta_target(index, &text, &length);
  CHECK_EQ_STR("v", str(buf, sizeof buf, text, length));
  CHECK_EQ_INT(CASS_VALUE_TYPE_MAP, cass_value_type(cass_index_meta_options(index)));
  CHECK(cass_value_item_count(cass_index_meta_options(index)) >= 1);
  CHECK_EQ_STR("kind,options", field_names(cass_iterator_fields_from_index_meta(index), buf, sizeof buf));
  CHECK_EQ_STR("COMPOSITES", value_text(cass_index_meta_field_by_name(index, "kind"), buf, sizeof buf));
  it = cass_iterator_indexes_from_table_meta(table);
  CHECK_EQ_INT(CASS_ITERATOR_TYPE_INDEX_META, cass_iterator_type(it));
  CHECK(cass_iterator_next(it));
  CHECK(cass_iterator_get_index_meta(it) == index);
  CHECK(!cass_iterator_next(it));
  cass_iterator_free(it);

  /* Materialized view: attached to its base table and to the keyspace (same object). */
  CHECK_EQ_INT(1, cass_table_meta_materialized_view_count(table));
  view = cass_table_meta_materialized_view(table, 0);
  CHECK(view != NULL);
  CHECK(cass_table_meta_materialized_view(table, 1) == NULL);
  CHECK(cass_table_meta_materialized_view_by_name(table, "items_by_v") == view);
  CHECK(cass_keyspace_meta_materialized_view_by_name(keyspace, "items_by_v") == view);
  CHECK(cass_materialized_view_meta_base_table(view) == table);
  CHECK_EQ_INT(0, cass_table_meta_materialized_view_count(cass_keyspace_meta_table_by_name(keyspace, "plain")));
  cass_materialized_view_meta_name(view, &text, &length);
  CHECK_EQ_STR("items_by_v", str(buf, sizeof buf, text, length));
  CHECK_EQ_INT(5, cass_materialized_view_meta_column_count(view));
  CHECK_EQ_INT(1, cass_materialized_view_meta_partition_key_count(view));
  check_column(cass_materialized_view_meta_partition_key(view, 0), "v", CASS_COLUMN_TYPE_PARTITION_KEY,
               CASS_VALUE_TYPE_INT);
  CHECK_EQ_INT(4, cass_materialized_view_meta_clustering_key_count(view));
  check_column(cass_materialized_view_meta_clustering_key(view, 2), "ck1", CASS_COLUMN_TYPE_CLUSTERING_KEY,
               CASS_VALUE_TYPE_TIMEUUID);
  CHECK(cass_materialized_view_meta_clustering_key(view, 4) == NULL);
  CHECK_EQ_INT(CASS_CLUSTERING_ORDER_DESC, cass_materialized_view_meta_clustering_key_order(view, 2));
  CHECK_EQ_INT(CASS_CLUSTERING_ORDER_NONE, cass_materialized_view_meta_clustering_key_order(view, 4));
  CHECK(cass_materialized_view_meta_column(view, 0) == cass_materialized_view_meta_partition_key(view, 0));
  CHECK(cass_materialized_view_meta_column(view, 5) == NULL);
  CHECK(cass_materialized_view_meta_column_by_name(view, "pk2") != NULL);
  CHECK(cass_materialized_view_meta_column_by_name(view, "st") == NULL);
  CHECK_EQ_STR("items", value_text(cass_materialized_view_meta_field_by_name(view, "base_table_name"), buf, sizeof buf));
  CHECK(cass_materialized_view_meta_field_by_name(view, "table_name") == NULL);
  CHECK(cass_materialized_view_meta_field_by_name(view, "where_clause") != NULL);
  CHECK_EQ_STR("base_table_id,base_table_name,bloom_filter_fp_chance,caching,comment,compaction,compression,"
               "crc_check_chance,dclocal_read_repair_chance,default_time_to_live,extensions,gc_grace_seconds,id,"
               "include_all_columns,keyspace_name,max_index_interval,memtable_flush_period_in_ms,min_index_interval,"
               "read_repair_chance,speculative_retry,view_name,where_clause",
               field_names(cass_iterator_fields_from_materialized_view_meta(view), buf, sizeof buf));
  it = cass_iterator_columns_from_materialized_view_meta(view);
  i = 0;
  while (cass_iterator_next(it)) {
    CHECK(cass_iterator_get_column_meta(it) == cass_materialized_view_meta_column(view, i));
    i++;
  }
  cass_iterator_free(it);
  CHECK_EQ_INT(5, i);
  it = cass_iterator_materialized_views_from_keyspace_meta(keyspace);
  CHECK_EQ_INT(CASS_ITERATOR_TYPE_MATERIALIZED_VIEW_META, cass_iterator_type(it));
  CHECK(cass_iterator_next(it));
  CHECK(cass_iterator_get_materialized_view_meta(it) == view);
  CHECK(!cass_iterator_next(it));
  cass_iterator_free(it);
  it = cass_iterator_materialized_views_from_table_meta(table);
  CHECK(cass_iterator_next(it));
  CHECK(cass_iterator_get_materialized_view_meta(it) == view);
  CHECK(!cass_iterator_next(it));
  cass_iterator_free(it);
}

static void check_functions(const CassSchemaMeta* meta) {
  const CassKeyspaceMeta* keyspace = cass_schema_meta_keyspace_by_name(meta, ks);
  const CassFunctionMeta* state;
  const CassFunctionMeta* final;
  const CassAggregateMeta* average;
  const CassDataType* type;
  CassIterator* it;
  const char* text;
  size_t length;
  char buf[1024];
  cass_bool_t on_null = cass_false;

  /* Functions by full name: avgfinal(...) before avgstate(...). */
  it = cass_iterator_functions_from_keyspace_meta(keyspace);
  CHECK_EQ_INT(CASS_ITERATOR_TYPE_FUNCTION_META, cass_iterator_type(it));
  buf[0] = '\0';
  while (cass_iterator_next(it)) {
    cass_function_meta_name(cass_iterator_get_function_meta(it), &text, &length);
    strncat(buf, text, length);
    strcat(buf, ";");
  }
  cass_iterator_free(it);
  CHECK_EQ_STR("avgfinal;avgstate;", buf);

  state = cass_keyspace_meta_function_by_name(keyspace, "avgstate", "frozen<tuple<int, bigint>>, int");
  CHECK(state != NULL);
  CHECK(cass_keyspace_meta_function_by_name(keyspace, "avgstate", "int") == NULL);
  CHECK(cass_keyspace_meta_function_by_name_n(keyspace, "avgstateX", 8, "frozen<tuple<int,bigint>>,int", 29) == state);
  cass_function_meta_full_name(state, &text, &length);
  CHECK_EQ_STR("avgstate(frozen<tuple<int,bigint>>,int)", str(buf, sizeof buf, text, length));
  cass_function_meta_language(state, &text, &length);
  CHECK_EQ_STR("java", str(buf, sizeof buf, text, length));
  cass_function_meta_body(state, &text, &length);
  CHECK(strstr(str(buf, sizeof buf, text, length), "setLong") != NULL);
  CHECK(cass_function_meta_called_on_null_input(state));
  CHECK_EQ_INT(2, cass_function_meta_argument_count(state));
  CHECK_OK(cass_function_meta_argument(state, 0, &text, &length, &type));
  CHECK_EQ_STR("state", str(buf, sizeof buf, text, length));
  CHECK_EQ_INT(CASS_VALUE_TYPE_TUPLE, cass_data_type_type(type));
  CHECK_EQ_INT(2, cass_data_type_sub_type_count(type));
  CHECK_EQ_INT(CASS_VALUE_TYPE_BIGINT, cass_data_type_type(cass_data_type_sub_data_type(type, 1)));
  CHECK_ERR(CASS_ERROR_LIB_INDEX_OUT_OF_BOUNDS, cass_function_meta_argument(state, 2, &text, &length, &type));
  CHECK_EQ_INT(CASS_VALUE_TYPE_INT, cass_data_type_type(cass_function_meta_argument_type_by_name(state, "val")));
  CHECK(cass_function_meta_argument_type_by_name(state, "nope") == NULL);
  CHECK_EQ_INT(CASS_VALUE_TYPE_TUPLE, cass_data_type_type(cass_function_meta_return_type(state)));
  CHECK_EQ_STR("argument_names,argument_types,body,called_on_null_input,function_name,keyspace_name,language,"
               "return_type",
               field_names(cass_iterator_fields_from_function_meta(state), buf, sizeof buf));
  CHECK_OK(cass_value_get_bool(cass_function_meta_field_by_name(state, "called_on_null_input"), &on_null));
  CHECK(on_null == cass_true);
  CHECK_EQ_INT(CASS_VALUE_TYPE_LIST, cass_value_type(cass_function_meta_field_by_name(state, "argument_names")));

  final = cass_keyspace_meta_function_by_name(keyspace, "avgfinal", "frozen<tuple<int,bigint>>");
  CHECK(final != NULL);
  CHECK_EQ_INT(CASS_VALUE_TYPE_DOUBLE, cass_data_type_type(cass_function_meta_return_type(final)));

  /* The aggregate and its functions. */
  it = cass_iterator_aggregates_from_keyspace_meta(keyspace);
  CHECK_EQ_INT(CASS_ITERATOR_TYPE_AGGREGATE_META, cass_iterator_type(it));
  CHECK(cass_iterator_next(it));
  average = cass_iterator_get_aggregate_meta(it);
  CHECK(!cass_iterator_next(it));
  cass_iterator_free(it);
  CHECK(average != NULL);
  CHECK(cass_keyspace_meta_aggregate_by_name(keyspace, "average", "int") == average);
  CHECK(cass_keyspace_meta_aggregate_by_name(keyspace, "average", "bigint") == NULL);
  cass_aggregate_meta_name(average, &text, &length);
  CHECK_EQ_STR("average", str(buf, sizeof buf, text, length));
  cass_aggregate_meta_full_name(average, &text, &length);
  CHECK_EQ_STR("average(int)", str(buf, sizeof buf, text, length));
  CHECK_EQ_INT(1, cass_aggregate_meta_argument_count(average));
  CHECK_EQ_INT(CASS_VALUE_TYPE_INT, cass_data_type_type(cass_aggregate_meta_argument_type(average, 0)));
  CHECK(cass_aggregate_meta_argument_type(average, 1) == NULL);
  CHECK_EQ_INT(CASS_VALUE_TYPE_DOUBLE, cass_data_type_type(cass_aggregate_meta_return_type(average)));
  CHECK_EQ_INT(CASS_VALUE_TYPE_TUPLE, cass_data_type_type(cass_aggregate_meta_state_type(average)));
  CHECK(cass_aggregate_meta_state_func(average) == state);
  CHECK(cass_aggregate_meta_final_func(average) == final);
  CHECK_EQ_INT(CASS_VALUE_TYPE_VARCHAR, cass_value_type(cass_aggregate_meta_init_cond(average)));
  CHECK_EQ_STR("(0, 0)", value_text(cass_aggregate_meta_init_cond(average), buf, sizeof buf));
  CHECK_EQ_STR("aggregate_name,argument_types,final_func,initcond,keyspace_name,return_type,state_func,state_type",
               field_names(cass_iterator_fields_from_aggregate_meta(average), buf, sizeof buf));
  CHECK_EQ_STR("avgstate", value_text(cass_aggregate_meta_field_by_name(average, "state_func"), buf, sizeof buf));
}

/* Connects with `first` as the first contact point (in that order), then the test node, and
   checks that the schema snapshot is in hand. */
static void check_snapshot_with_first_contact_point(const char* first, unsigned connect_timeout_ms) {
  CassCluster* cluster = test_cluster();
  CassSession* session = cass_session_new();
  char points[256];
  const CassSchemaMeta* meta;
  CassFuture* connect;
  snprintf(points, sizeof points, "%s,%s", first, test_host());
  CHECK_OK(cass_cluster_set_contact_points(cluster, ""));
  CHECK_OK(cass_cluster_set_contact_points(cluster, points));
  cass_cluster_set_use_randomized_contact_points(cluster, cass_false);
  cass_cluster_set_connect_timeout(cluster, connect_timeout_ms);
  connect = cass_session_connect(session, cluster);
  CHECK_FUTURE_OK(connect);
  cass_future_free(connect);
  meta = cass_session_get_schema_meta(session);
  CHECK(cass_schema_meta_keyspace_by_name(meta, "system_schema") != NULL);
  CHECK(cass_schema_meta_keyspace_by_name(meta, ks) != NULL);
  cass_schema_meta_free(meta);
  test_disconnect(cluster, session);
}

/* A contact point that refuses connections, and one that accepts TCP connections and never
   answers (a listening socket nobody reads: a frozen server), keep neither the connect nor the
   first schema snapshot from the contact point that answers. Ours reads that snapshot on a
   connection of its own while connecting, trying the contact points in turn, and falls back to
   the connected session; the crate's connect would wait on the silent one without a limit. */
static void check_snapshot_with_bad_contact_points(void) {
  struct sockaddr_in address;
  int listener = socket(AF_INET, SOCK_STREAM, 0);
  check_snapshot_with_first_contact_point("127.0.0.254", 5000);
  CHECK(listener >= 0);
  memset(&address, 0, sizeof address);
  address.sin_family = AF_INET;
  address.sin_port = htons((uint16_t)test_port());
  address.sin_addr.s_addr = inet_addr("127.0.0.253");
  CHECK(bind(listener, (struct sockaddr*)&address, sizeof address) == 0);
  CHECK(listen(listener, 16) == 0);
  check_snapshot_with_first_contact_point("127.0.0.253", 1000);
  close(listener);
}

int main(void) {
  CassCluster* cluster;
  CassSession* session;
  const CassSchemaMeta* meta;
  const CassSchemaMeta* later;
  const CassTableMeta* table;
  CassVersion version;
  char cql[1024];

  test_name(ks, sizeof ks, "schema_meta");
  test_connect(&cluster, &session);
  snprintf(cql, sizeof cql, "DROP KEYSPACE IF EXISTS %s", ks);
  test_execute(session, cql);
  snprintf(cql, sizeof cql,
           "CREATE KEYSPACE %s WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}", ks);
  test_execute(session, cql);

  /* Right after its future, the keyspace is in a new snapshot. */
  meta = snapshot_after(session, keyspace_created);
  CHECK(cass_schema_meta_keyspace_by_name(meta, "system_schema") != NULL);
  version = cass_schema_meta_version(meta);
  CHECK(version.major_version >= 4);
  cass_schema_meta_free(meta);

  snprintf(cql, sizeof cql, "CREATE TYPE %s.address (street text, zip int)", ks);
  test_execute(session, cql);
  snprintf(cql, sizeof cql, "CREATE TYPE %s.person (name text, home frozen<address>, phones list<text>)", ks);
  test_execute(session, cql);
  snprintf(cql, sizeof cql,
           "CREATE TABLE %s.items (pk1 int, pk2 text, ck1 timeuuid, ck2 int, st text static, tags set<text>, "
           "props map<text, frozen<list<int>>>, owner frozen<person>, v int, "
           "PRIMARY KEY ((pk1, pk2), ck1, ck2)) WITH CLUSTERING ORDER BY (ck1 DESC, ck2 ASC) "
           "AND comment = 'items table'",
           ks);
  test_execute(session, cql);
  snprintf(cql, sizeof cql, "CREATE TABLE %s.plain (k int PRIMARY KEY)", ks);
  test_execute(session, cql);
  snprintf(cql, sizeof cql, "CREATE INDEX items_v_idx ON %s.items (v)", ks);
  test_execute(session, cql);
  snprintf(cql, sizeof cql,
           "CREATE MATERIALIZED VIEW %s.items_by_v AS SELECT pk1, pk2, ck1, ck2, v FROM %s.items "
           "WHERE v IS NOT NULL AND pk1 IS NOT NULL AND pk2 IS NOT NULL AND ck1 IS NOT NULL AND ck2 IS NOT NULL "
           "PRIMARY KEY (v, pk1, pk2, ck1, ck2)",
           ks, ks);
  test_execute(session, cql);
  snprintf(cql, sizeof cql,
           "CREATE FUNCTION %s.avgstate(state tuple<int, bigint>, val int) CALLED ON NULL INPUT "
           "RETURNS tuple<int, bigint> LANGUAGE java AS 'if (val != null) { state.setInt(0, state.getInt(0) + 1); "
           "state.setLong(1, state.getLong(1) + val.intValue()); } return state;'",
           ks);
  test_execute(session, cql);
  snprintf(cql, sizeof cql,
           "CREATE FUNCTION %s.avgfinal(state tuple<int, bigint>) CALLED ON NULL INPUT RETURNS double "
           "LANGUAGE java AS 'double r = 0; if (state.getInt(0) == 0) return null; r = state.getLong(1); "
           "r /= state.getInt(0); return Double.valueOf(r);'",
           ks);
  test_execute(session, cql);
  snprintf(cql, sizeof cql,
           "CREATE AGGREGATE %s.average(int) SFUNC avgstate STYPE tuple<int, bigint> FINALFUNC avgfinal "
           "INITCOND (0, 0)",
           ks);
  test_execute(session, cql);

  meta = snapshot_after(session, everything_created);
  check_keyspace_and_types(meta);
  check_table(meta);
  check_functions(meta);

  /* Another session sees this session's changes too (the server's schema version, checked every
     second by ours; schema events for the reference driver). */
  {
    CassCluster* other_cluster;
    CassSession* other;
    const CassSchemaMeta* seen;
    test_connect(&other_cluster, &other);
    seen = poll_snapshot(other, everything_created, 1);
    cass_schema_meta_free(seen);
    check_snapshot_in_connect_callback();
    check_snapshot_with_bad_contact_points();
    snprintf(cql, sizeof cql, "CREATE TABLE %s.remote (k int PRIMARY KEY)", ks);
    test_execute(session, cql);
    seen = poll_snapshot(other, remote_created, 100);
    cass_schema_meta_free(seen);
    test_disconnect(other_cluster, other);
  }

  /* A later change: a new snapshot with a higher version has it, the old one does not. */
  snprintf(cql, sizeof cql, "ALTER TABLE %s.items ADD extra int", ks);
  test_execute(session, cql);
  later = snapshot_after(session, column_added);
  CHECK(cass_schema_meta_snapshot_version(later) > cass_schema_meta_snapshot_version(meta));
  table = cass_keyspace_meta_table_by_name(cass_schema_meta_keyspace_by_name(later, ks), "items");
  CHECK_EQ_INT(10, cass_table_meta_column_count(table));
  CHECK(cass_table_meta_column_by_name(table, "extra") != NULL);
  check_table(meta); /* unchanged */
  cass_schema_meta_free(later);
  check_table_changes(session);

  snprintf(cql, sizeof cql, "DROP KEYSPACE %s", ks);
  test_execute(session, cql);
  later = snapshot_after(session, keyspace_dropped);
  cass_schema_meta_free(later);
  check_functions(meta); /* the old snapshot still has everything */
  cass_schema_meta_free(meta);
  test_disconnect(cluster, session);

  /* Without schema: keyspaces without tables while token-aware routing is on (the C++ driver still
     reads them, for replication), nothing with it off; the server version in both cases. */
  for (int token_aware = 1; token_aware >= 0; token_aware--) {
    CassFuture* future;
    CassIterator* it;
    const CassKeyspaceMeta* system;
    cluster = test_cluster();
    cass_cluster_set_use_schema(cluster, cass_false);
    cass_cluster_set_token_aware_routing(cluster, token_aware ? cass_true : cass_false);
    session = cass_session_new();
    future = cass_session_connect(session, cluster);
    CHECK_FUTURE_OK(future);
    cass_future_free(future);
    meta = snapshot(session);
    system = cass_schema_meta_keyspace_by_name(meta, "system");
    if (token_aware) {
      char buf[128];
      CHECK(system != NULL);
      CHECK(cass_keyspace_meta_table_by_name(system, "local") == NULL);
      CHECK(cass_schema_meta_keyspace_by_name(meta, "system_views") == NULL);
      CHECK_EQ_STR("durable_writes,keyspace_name,replication",
                   field_names(cass_iterator_fields_from_keyspace_meta(system), buf, sizeof buf));
    } else {
      CHECK(system == NULL);
      it = cass_iterator_keyspaces_from_schema_meta(meta);
      CHECK(!cass_iterator_next(it));
      cass_iterator_free(it);
    }
    CHECK(cass_schema_meta_version(meta).major_version >= 4);
    cass_schema_meta_free(meta);
    test_disconnect(cluster, session);
  }
  return 0;
}
