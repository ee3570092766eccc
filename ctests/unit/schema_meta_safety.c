/* Schema metadata functions given NULL handles, NULL names or out-pointers, or a session that is
   not connected: no crash, and the documented "nothing" answers. The C++ driver dereferences all of
   these (and a session's NULL cluster before connecting), hence ours-only. */
// test-label: ours-only
#include "test_util.h"

int main(void) {
  CassSession* session = cass_session_new();
  const CassSchemaMeta* meta;
  CassIterator* it;
  const char* text = "unchanged";
  size_t length = 99;
  const CassDataType* type = NULL;
  CassVersion version;

  /* A session that never connected has an empty snapshot. */
  CHECK(cass_session_get_schema_meta(NULL) == NULL);
  meta = cass_session_get_schema_meta(session);
  CHECK(meta != NULL);
  CHECK_EQ_INT(0, cass_schema_meta_snapshot_version(meta));
  version = cass_schema_meta_version(meta);
  CHECK_EQ_INT(0, version.major_version);
  CHECK(cass_schema_meta_keyspace_by_name(meta, "system") == NULL);
  CHECK(cass_schema_meta_keyspace_by_name(meta, NULL) == NULL);
  CHECK(cass_schema_meta_keyspace_by_name_n(meta, NULL, 3) == NULL);
  CHECK(cass_schema_meta_keyspace_by_name_n(meta, "\xff\xfe", 2) == NULL);
  it = cass_iterator_keyspaces_from_schema_meta(meta);
  CHECK(it != NULL);
  CHECK_EQ_INT(CASS_ITERATOR_TYPE_KEYSPACE_META, cass_iterator_type(it));
  CHECK(cass_iterator_get_keyspace_meta(it) == NULL);
  CHECK(!cass_iterator_next(it));
  CHECK(cass_iterator_get_keyspace_meta(it) == NULL);
  /* Asking a metadata iterator for something else, and other iterators for metadata. */
  CHECK(cass_iterator_get_row(it) == NULL);
  CHECK(cass_iterator_get_value(it) == NULL);
  CHECK(cass_iterator_get_meta_field_value(it) == NULL);
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_iterator_get_meta_field_name(it, &text, &length));
  cass_iterator_free(it);
  cass_schema_meta_free(meta);
  cass_schema_meta_free(NULL);

  /* NULL handles everywhere. */
  CHECK_EQ_INT(0, cass_schema_meta_snapshot_version(NULL));
  CHECK_EQ_INT(0, cass_schema_meta_version(NULL).major_version);
  CHECK(cass_schema_meta_keyspace_by_name(NULL, "system") == NULL);
  cass_keyspace_meta_name(NULL, &text, &length);
  CHECK_EQ_INT(0, length);
  cass_keyspace_meta_name(NULL, NULL, NULL);
  CHECK(!cass_keyspace_meta_is_virtual(NULL));
  CHECK(cass_keyspace_meta_table_by_name(NULL, "t") == NULL);
  CHECK(cass_keyspace_meta_materialized_view_by_name(NULL, "v") == NULL);
  CHECK(cass_keyspace_meta_user_type_by_name(NULL, "u") == NULL);
  CHECK(cass_keyspace_meta_function_by_name(NULL, "f", "int") == NULL);
  CHECK(cass_keyspace_meta_aggregate_by_name(NULL, "a", "int") == NULL);
  CHECK(cass_keyspace_meta_field_by_name(NULL, "keyspace_name") == NULL);

  length = 99;
  cass_table_meta_name(NULL, &text, &length);
  CHECK_EQ_INT(0, length);
  CHECK(!cass_table_meta_is_virtual(NULL));
  CHECK(cass_table_meta_column_by_name(NULL, "c") == NULL);
  CHECK_EQ_INT(0, cass_table_meta_column_count(NULL));
  CHECK(cass_table_meta_column(NULL, 0) == NULL);
  CHECK(cass_table_meta_index_by_name(NULL, "i") == NULL);
  CHECK_EQ_INT(0, cass_table_meta_index_count(NULL));
  CHECK(cass_table_meta_index(NULL, 0) == NULL);
  CHECK(cass_table_meta_materialized_view_by_name(NULL, "v") == NULL);
  CHECK_EQ_INT(0, cass_table_meta_materialized_view_count(NULL));
  CHECK(cass_table_meta_materialized_view(NULL, 0) == NULL);
  CHECK_EQ_INT(0, cass_table_meta_partition_key_count(NULL));
  CHECK(cass_table_meta_partition_key(NULL, 0) == NULL);
  CHECK_EQ_INT(0, cass_table_meta_clustering_key_count(NULL));
  CHECK(cass_table_meta_clustering_key(NULL, 0) == NULL);
  CHECK_EQ_INT(CASS_CLUSTERING_ORDER_NONE, cass_table_meta_clustering_key_order(NULL, 0));
  CHECK(cass_table_meta_field_by_name(NULL, "comment") == NULL);

  CHECK(cass_materialized_view_meta_column_by_name(NULL, "c") == NULL);
  cass_materialized_view_meta_name(NULL, &text, &length);
  CHECK(cass_materialized_view_meta_base_table(NULL) == NULL);
  CHECK_EQ_INT(0, cass_materialized_view_meta_column_count(NULL));
  CHECK(cass_materialized_view_meta_column(NULL, 0) == NULL);
  CHECK_EQ_INT(0, cass_materialized_view_meta_partition_key_count(NULL));
  CHECK(cass_materialized_view_meta_partition_key(NULL, 0) == NULL);
  CHECK_EQ_INT(0, cass_materialized_view_meta_clustering_key_count(NULL));
  CHECK(cass_materialized_view_meta_clustering_key(NULL, 0) == NULL);
  CHECK_EQ_INT(CASS_CLUSTERING_ORDER_NONE, cass_materialized_view_meta_clustering_key_order(NULL, 0));
  CHECK(cass_materialized_view_meta_field_by_name(NULL, "view_name") == NULL);

  cass_column_meta_name(NULL, &text, &length);
  CHECK_EQ_INT(CASS_COLUMN_TYPE_REGULAR, cass_column_meta_type(NULL));
  CHECK(cass_column_meta_data_type(NULL) == NULL);
  CHECK(cass_column_meta_field_by_name(NULL, "kind") == NULL);

  cass_index_meta_name(NULL, &text, &length);
  CHECK_EQ_INT(CASS_INDEX_TYPE_UNKNOWN, cass_index_meta_type(NULL));
  cass_index_meta_target(NULL, &text, &length);
  CHECK(cass_index_meta_options(NULL) == NULL);
  CHECK(cass_index_meta_field_by_name(NULL, "kind") == NULL);

  cass_function_meta_name(NULL, &text, &length);
  cass_function_meta_full_name(NULL, &text, &length);
  cass_function_meta_body(NULL, &text, &length);
  cass_function_meta_language(NULL, &text, &length);
  CHECK(!cass_function_meta_called_on_null_input(NULL));
  CHECK_EQ_INT(0, cass_function_meta_argument_count(NULL));
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_function_meta_argument(NULL, 0, &text, &length, &type));
  CHECK(cass_function_meta_argument_type_by_name(NULL, "x") == NULL);
  CHECK(cass_function_meta_return_type(NULL) == NULL);
  CHECK(cass_function_meta_field_by_name(NULL, "body") == NULL);

  cass_aggregate_meta_name(NULL, &text, &length);
  cass_aggregate_meta_full_name(NULL, &text, &length);
  CHECK_EQ_INT(0, cass_aggregate_meta_argument_count(NULL));
  CHECK(cass_aggregate_meta_argument_type(NULL, 0) == NULL);
  CHECK(cass_aggregate_meta_return_type(NULL) == NULL);
  CHECK(cass_aggregate_meta_state_type(NULL) == NULL);
  CHECK(cass_aggregate_meta_state_func(NULL) == NULL);
  CHECK(cass_aggregate_meta_final_func(NULL) == NULL);
  CHECK(cass_aggregate_meta_init_cond(NULL) == NULL);
  CHECK(cass_aggregate_meta_field_by_name(NULL, "initcond") == NULL);

  CHECK(cass_iterator_keyspaces_from_schema_meta(NULL) == NULL);
  CHECK(cass_iterator_tables_from_keyspace_meta(NULL) == NULL);
  CHECK(cass_iterator_materialized_views_from_keyspace_meta(NULL) == NULL);
  CHECK(cass_iterator_user_types_from_keyspace_meta(NULL) == NULL);
  CHECK(cass_iterator_functions_from_keyspace_meta(NULL) == NULL);
  CHECK(cass_iterator_aggregates_from_keyspace_meta(NULL) == NULL);
  CHECK(cass_iterator_fields_from_keyspace_meta(NULL) == NULL);
  CHECK(cass_iterator_columns_from_table_meta(NULL) == NULL);
  CHECK(cass_iterator_indexes_from_table_meta(NULL) == NULL);
  CHECK(cass_iterator_materialized_views_from_table_meta(NULL) == NULL);
  CHECK(cass_iterator_fields_from_table_meta(NULL) == NULL);
  CHECK(cass_iterator_columns_from_materialized_view_meta(NULL) == NULL);
  CHECK(cass_iterator_fields_from_materialized_view_meta(NULL) == NULL);
  CHECK(cass_iterator_fields_from_column_meta(NULL) == NULL);
  CHECK(cass_iterator_fields_from_index_meta(NULL) == NULL);
  CHECK(cass_iterator_fields_from_function_meta(NULL) == NULL);
  CHECK(cass_iterator_fields_from_aggregate_meta(NULL) == NULL);
  CHECK(cass_iterator_get_keyspace_meta(NULL) == NULL);
  CHECK(cass_iterator_get_table_meta(NULL) == NULL);
  CHECK(cass_iterator_get_materialized_view_meta(NULL) == NULL);
  CHECK(cass_iterator_get_user_type(NULL) == NULL);
  CHECK(cass_iterator_get_function_meta(NULL) == NULL);
  CHECK(cass_iterator_get_aggregate_meta(NULL) == NULL);
  CHECK(cass_iterator_get_column_meta(NULL) == NULL);
  CHECK(cass_iterator_get_index_meta(NULL) == NULL);
  CHECK(cass_iterator_get_meta_field_value(NULL) == NULL);
  CHECK_ERR(CASS_ERROR_LIB_BAD_PARAMS, cass_iterator_get_meta_field_name(NULL, &text, &length));

  cass_session_free(session);
  return 0;
}
