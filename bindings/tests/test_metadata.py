"""Schema metadata: keyspaces, tables, columns, user types, Java functions, aggregates, secondary
indexes and materialized views created in the module's keyspace, read back through
Session.get_metadata(), and the CQL that acsylla's as_cql_query() builds from them, which must
recreate the same schema in another keyspace."""

import asyncio
import time

import acsylla
import pytest
from acsylla import errors

SCHEMA = [
    "CREATE TYPE address (street text, zip int)",
    "CREATE TYPE person (name text, home frozen<address>, phones frozen<list<text>>, scores frozen<map<text, int>>)",
    "CREATE TABLE users (id int, seq int, who frozen<person>, tags set<text>, score double, PRIMARY KEY ((id), seq))"
    " WITH CLUSTERING ORDER BY (seq DESC) AND comment = 'users table' AND gc_grace_seconds = 3600",
    "CREATE TABLE events (day date, at timeuuid, kind text, payload blob, PRIMARY KEY ((day, kind), at))",
    "CREATE INDEX users_score ON users (score)",
    "CREATE MATERIALIZED VIEW users_by_score AS SELECT id, seq, score FROM users"
    " WHERE id IS NOT NULL AND seq IS NOT NULL AND score IS NOT NULL PRIMARY KEY (score, id, seq)",
    "CREATE FUNCTION avgstate(state tuple<int, bigint>, val int) CALLED ON NULL INPUT RETURNS tuple<int, bigint>"
    " LANGUAGE java AS 'if (val != null) { state.setInt(0, state.getInt(0) + 1);"
    " state.setLong(1, state.getLong(1) + val.intValue()); } return state;'",
    "CREATE FUNCTION avgfinal(state tuple<int, bigint>) CALLED ON NULL INPUT RETURNS double LANGUAGE java"
    " AS 'double r = 0; if (state.getInt(0) == 0) return null; r = state.getLong(1); r /= state.getInt(0);"
    " return Double.valueOf(r);'",
    "CREATE AGGREGATE average(int) SFUNC avgstate STYPE tuple<int, bigint> FINALFUNC avgfinal INITCOND (0, 0)",
]


async def eventually(session, check, timeout=10.0):
    """The metadata snapshot once `check(metadata)` holds. A DDL future completes once the nodes
    agree on the schema; the driver's snapshot is refreshed from the schema-change event, which
    the C++ driver may apply a moment later."""
    deadline = time.monotonic() + timeout
    while True:
        metadata = session.get_metadata()
        try:
            if check(metadata):
                return metadata
        except errors.CassException:
            pass
        if time.monotonic() > deadline:
            return metadata
        await asyncio.sleep(0.05)


@pytest.fixture(scope="module")
async def schema(session, keyspace):
    for cql in SCHEMA:
        await session.execute(acsylla.create_statement(cql))
    await eventually(
        session,
        lambda md: md.get_aggregates(keyspace) == ["average"]
        and md.get_materialized_views(keyspace) == ["users_by_score"]
        and md.get_indexes(keyspace) == ["users_score"],
    )
    return keyspace


async def test_lists_of_names(session, schema):
    metadata = session.get_metadata()
    assert schema in metadata.get_keyspaces()
    assert {"system", "system_schema"} <= set(metadata.get_keyspaces())
    assert metadata.get_tables(schema) == ["events", "users"]
    assert metadata.get_user_types(schema) == ["address", "person"]
    assert metadata.get_functions(schema) == ["avgfinal", "avgstate"]
    assert metadata.get_aggregates(schema) == ["average"]
    assert metadata.get_indexes(schema) == ["users_score"]
    assert metadata.get_materialized_views(schema) == ["users_by_score"]


async def test_version(session, schema):
    metadata = session.get_metadata()
    major, minor, patch = metadata.get_version()
    release = (await session.execute(acsylla.create_statement("SELECT release_version FROM system.local"))).first()
    assert f"{major}.{minor}.{patch}" == release.column_value("release_version")
    assert isinstance(metadata.get_snapshot_version(), int)


async def test_keyspace(session, schema):
    keyspace = session.get_metadata().get_keyspace_meta(schema)
    assert keyspace.name == schema
    assert keyspace.durable_writes is True
    assert keyspace.replication == {"class": "org.apache.cassandra.locator.SimpleStrategy", "replication_factor": "1"}
    assert [t.name for t in keyspace.tables] == ["events", "users"]
    assert [u.name for u in keyspace.user_types] == ["address", "person"]
    assert [f.name for f in keyspace.functions] == ["avgfinal", "avgstate"]
    assert [a.name for a in keyspace.aggregates] == ["average"]


async def test_table_and_columns(session, schema):
    table = session.get_metadata().get_table_meta(schema, "users")
    assert (table.keyspace_name, table.table_name, table.comment, table.gc_grace_seconds) == (schema, "users", "users table", 3600)
    assert table.flags == {"compound"}
    columns = {c.name: (c.type, c.kind, c.position, c.clustering_order) for c in table.columns}
    assert columns == {
        "id": ("int", "partition_key", 0, "none"),
        "seq": ("int", "clustering", 0, "desc"),
        "score": ("double", "regular", -1, "none"),
        "tags": ("set<text>", "regular", -1, "none"),
        "who": ("frozen<person>", "regular", -1, "none"),
    }
    # Partition key, clustering key, then the other columns by name.
    assert [c.name for c in table.columns] == ["id", "seq", "score", "tags", "who"]
    assert [i.name for i in table.indexes] == ["users_score"]
    assert [v.name for v in table.materialized_views] == ["users_by_score"]
    events = session.get_metadata().get_table_meta(schema, "events")
    assert [(c.name, c.kind, c.position) for c in events.columns] == [
        ("day", "partition_key", 0),
        ("kind", "partition_key", 1),
        ("at", "clustering", 0),
        ("payload", "regular", -1),
    ]


async def test_user_type(session, schema):
    person = session.get_metadata().get_user_type_meta(schema, "person")
    fields = [(f.name, f.type, f.is_frozen) for f in person.fields]
    assert fields == [("name", "text", False), ("home", "address", True), ("phones", "list", True), ("scores", "map", True)]
    assert [n.type for n in person.fields[3].nested_types] == ["text", "int"]
    assert person.as_cql_query() == [
        f'CREATE TYPE "{schema}"."person" ("name" text, "home" frozen<"address">, "phones" frozen<list<text>>, '
        '"scores" frozen<map<text, int>>);'
    ]


async def test_function_and_aggregate(session, schema):
    metadata = session.get_metadata()
    state = metadata.get_function_meta(schema, "avgstate")
    assert state.argument_names == ["state", "val"]
    assert state.argument_types == ["frozen<tuple<int, bigint>>", "int"]
    assert state.return_type == "frozen<tuple<int, bigint>>"
    assert (state.language, state.called_on_null_input) == ("java", True)
    assert state.body.startswith("if (val != null)")
    average = metadata.get_aggregate_meta(schema, "average")
    assert (average.state_func, average.final_func, average.initcond) == ("avgstate", "avgfinal", "(0, 0)")
    assert (average.argument_types, average.return_type) == (["int"], "double")
    assert average.as_cql_query(with_keyspace=False) == [
        'CREATE AGGREGATE "average"(int) SFUNC "avgstate" STYPE frozen<tuple<int, bigint>> FINALFUNC "avgfinal" INITCOND (0, 0);'
    ]


async def test_index_and_view(session, schema):
    metadata = session.get_metadata()
    index = metadata.get_index_meta(schema, "users_score")
    assert (index.table, index.kind, index.target, index.options) == ("users", "composites", "score", {"target": "score"})
    assert index.as_cql_query() == [f'CREATE INDEX "users_score" ON "{schema}"."users" (score);']
    view = metadata.get_materialized_view_meta(schema, "users_by_score")
    assert (view.base_table_name, view.include_all_columns) == ("users", False)
    assert view.where_clause == "id IS NOT NULL AND seq IS NOT NULL AND score IS NOT NULL"
    assert [(c.name, c.kind) for c in view.columns] == [("score", "partition_key"), ("id", "clustering"), ("seq", "clustering")]
    assert [v.name for v in metadata.get_materialized_views_meta(schema)] == ["users_by_score"]


async def test_aggregate_runs(session, schema):
    await session.execute(acsylla.create_statement("INSERT INTO users (id, seq, score) VALUES (1, 1, 1.0)"))
    result = await session.execute(acsylla.create_statement("SELECT average(seq) AS avg FROM users WHERE id = 1"))
    assert result.first().column_value("avg") == 1.0


async def test_not_found(session, schema):
    metadata = session.get_metadata()
    with pytest.raises(errors.KeyspaceNotFound):
        metadata.get_keyspace_meta("no_such_keyspace")
    with pytest.raises(errors.KeyspaceNotFound):
        metadata.get_tables("no_such_keyspace")
    with pytest.raises(errors.TableNotFound):
        metadata.get_table_meta(schema, "nope")
    with pytest.raises(errors.UserTypeNotFound):
        metadata.get_user_type_meta(schema, "nope")
    with pytest.raises(errors.FunctionNotFound):
        metadata.get_function_meta(schema, "nope")
    with pytest.raises(errors.AggregateNotFound):
        metadata.get_aggregate_meta(schema, "nope")
    with pytest.raises(errors.IndexNotFound):
        metadata.get_index_meta(schema, "nope")
    with pytest.raises(errors.MaterializedViewNotFound):
        metadata.get_materialized_view_meta(schema, "nope")


async def test_metadata_follows_ddl(session, schema):
    await session.execute(acsylla.create_statement("CREATE TABLE late (k int PRIMARY KEY)"))
    metadata = await eventually(session, lambda md: "late" in md.get_tables(schema))
    assert "late" in metadata.get_tables(schema)
    await session.execute(acsylla.create_statement("ALTER TABLE late ADD extra text"))

    def columns(md):
        return [c.name for c in md.get_table_meta(schema, "late").columns]

    metadata = await eventually(session, lambda md: columns(md) == ["k", "extra"])
    assert columns(metadata) == ["k", "extra"]
    await session.execute(acsylla.create_statement("DROP TABLE late"))
    metadata = await eventually(session, lambda md: "late" not in md.get_tables(schema))
    assert "late" not in metadata.get_tables(schema)


async def test_snapshot_is_stable(session, schema):
    first = session.get_metadata().get_keyspace_meta(schema).as_cql_query(formatted=True)
    second = session.get_metadata().get_keyspace_meta(schema).as_cql_query(formatted=True)
    assert first == second


async def test_as_cql_query_recreates_the_schema(session, schema):
    """Run the keyspace's generated CQL in a new keyspace; the copy must describe itself the same."""
    original = session.get_metadata().get_keyspace_meta(schema)
    # acsylla writes a composite partition key as plain primary key columns ("PRIMARY KEY (day,
    # kind, at)"), which the server then refuses; leave that table out.
    statements = [cql for cql in original.as_cql_query(with_keyspace=False) if not cql.startswith('CREATE TABLE "events"')]
    assert statements[0].startswith(f'CREATE KEYSPACE "{schema}" WITH replication = ')
    copy = schema + "_copy"
    await session.execute(acsylla.create_statement(f"DROP KEYSPACE IF EXISTS {copy}"))
    await session.execute(acsylla.create_statement(statements[0].replace(f'"{schema}"', f'"{copy}"', 1)))
    try:
        await session.use_keyspace(copy)
        for cql in statements[1:]:
            await session.execute(acsylla.create_statement(cql))

        def described(md):
            return md.get_keyspace_meta(copy).as_cql_query(with_keyspace=False)

        metadata = await eventually(session, lambda md: described(md)[1:] == statements[1:])
        again = described(metadata)
        assert again[0] == statements[0].replace(f'"{schema}"', f'"{copy}"', 1)
        assert again[1:] == statements[1:]
        formatted = metadata.get_keyspace_meta(copy).as_cql_query(formatted=True)
        assert len(formatted) == len(again)
    finally:
        await session.use_keyspace(schema)
        await session.execute(acsylla.create_statement(f"DROP KEYSPACE IF EXISTS {copy}"))


async def test_system_keyspaces_describe_themselves(session, schema):
    metadata = session.get_metadata()
    for name in ("system_schema", "system_auth"):
        statements = metadata.get_keyspace_meta(name).as_cql_query()
        assert statements[0].startswith(f'CREATE KEYSPACE "{name}"')
        assert len(statements) > 1
