"""Statements: simple and prepared, values bound by index, by name, from a list, a tuple and a
dict; the session's query()/prepared_query() shortcuts; statement settings whose effect a client
can observe (timestamp, consistency, retry policy, host, keyspace)."""

import acsylla
import pytest
from acsylla import errors

from conftest import HOST


@pytest.fixture(scope="module")
async def kv(session):
    await session.execute(acsylla.create_statement("CREATE TABLE kv (id int PRIMARY KEY, value int, note text)"))
    await session.execute(acsylla.create_statement("CREATE TABLE by_tiny (id tinyint PRIMARY KEY, value int)"))
    return "kv"


async def value_of(session, key, column="value"):
    result = await session.execute(acsylla.create_statement(f"SELECT {column} FROM kv WHERE id = ?", [key]))
    row = result.first()
    return None if row is None else row.column_value(column)


async def test_simple_statement_bind_by_index(session, kv):
    statement = acsylla.create_statement("INSERT INTO kv (id, value) VALUES (?, ?)", parameters=2)
    statement.bind(0, 1)
    statement.bind(1, 10)
    await session.execute(statement)
    assert await value_of(session, 1) == 10


async def test_simple_statement_bind_list_and_tuple(session, kv):
    statement = acsylla.create_statement("INSERT INTO kv (id, value) VALUES (?, ?)", parameters=2)
    statement.bind_list([2, 20])
    await session.execute(statement)
    statement = acsylla.create_statement("INSERT INTO kv (id, value) VALUES (?, ?)", (3, 30))
    await session.execute(statement)
    assert [await value_of(session, k) for k in (2, 3)] == [20, 30]


async def test_simple_statement_bind_by_name(session, kv):
    # Named markers in a simple statement: the driver sends the names with the values.
    statement = acsylla.create_statement("INSERT INTO kv (id, value) VALUES (:id, :value)", parameters=2)
    statement.bind_by_name("id", 4)
    statement.bind_by_name("value", 40)
    await session.execute(statement)
    statement = acsylla.create_statement("INSERT INTO kv (id, value, note) VALUES (:id, :value, :note)", {"note": "n", "value": 50, "id": 5})
    await session.execute(statement)
    assert await value_of(session, 4) == 40
    assert await value_of(session, 5, "note") == "n"


async def test_simple_statement_bind_out_of_range(session, kv):
    statement = acsylla.create_statement("INSERT INTO kv (id, value) VALUES (?, ?)", parameters=2)
    with pytest.raises(errors.CassErrorLibIndexOutOfBounds):
        statement.bind(2, 1)


async def test_simple_statement_with_missing_value_fails_on_the_server(session, kv):
    statement = acsylla.create_statement("INSERT INTO kv (id, value) VALUES (?, ?)", parameters=1)
    statement.bind(0, 1)
    with pytest.raises(errors.CassErrorServerInvalidQuery):
        await session.execute(statement)


async def test_prepared_bind_by_index_name_list_dict(session, kv):
    prepared = await session.create_prepared("INSERT INTO kv (id, value) VALUES (?, ?)")
    statement = prepared.bind()
    statement.bind(0, 6)
    statement.bind(1, 60)
    await session.execute(statement)

    statement = prepared.bind()
    statement.bind_by_name("id", 7)
    statement.bind_by_name("value", 70)
    await session.execute(statement)

    statement = prepared.bind()
    statement.bind_list([8, 80])
    await session.execute(statement)

    statement = prepared.bind()
    statement.bind_dict({"value": 90, "id": 9})
    await session.execute(statement)

    await session.execute(prepared.bind((10, 100)))
    await session.execute(prepared([11, 110]))
    assert [await value_of(session, k) for k in range(6, 12)] == [60, 70, 80, 90, 100, 110]


async def test_prepared_named_markers(session, kv):
    prepared = await session.create_prepared("INSERT INTO kv (id, value) VALUES (:the_id, :the_value)")
    await session.execute(prepared({"the_id": 12, "the_value": 120}))
    assert await value_of(session, 12) == 120
    statement = prepared.bind()
    with pytest.raises(errors.CassErrorLibNameDoesNotExist):
        statement.bind_by_name("id", 1)


async def test_prepared_bind_errors(session, kv):
    prepared = await session.create_prepared("INSERT INTO kv (id, value) VALUES (?, ?)")
    statement = prepared.bind()
    with pytest.raises(errors.CassErrorLibIndexOutOfBounds):
        statement.bind(2, 1)
    with pytest.raises(errors.CassErrorLibNameDoesNotExist):
        statement.bind_by_name("nope", 1)
    with pytest.raises(ValueError):
        statement.bind(0, "not a number")
    with pytest.raises(OverflowError):
        statement.bind(1, 2**40)


async def test_prepared_unset_value_leaves_the_column(session, kv):
    prepared = await session.create_prepared("INSERT INTO kv (id, value, note) VALUES (?, ?, ?)")
    await session.execute(prepared([13, 130, "kept"]))
    statement = prepared.bind()
    statement.bind(0, 13)
    statement.bind(1, 131)
    # Parameter 2 is never bound: protocol v4 sends it as "unset", the note stays.
    await session.execute(statement)
    assert await value_of(session, 13) == 131
    assert await value_of(session, 13, "note") == "kept"


async def test_prepared_in_list(session, kv):
    insert = await session.prepared_query("INSERT INTO by_tiny (id, value) VALUES (?, ?)")
    for i in range(10):
        await insert([i, i * i])
    select = await session.prepared_query("SELECT * FROM by_tiny WHERE id IN :id")
    rows = [row.as_tuple() async for row in select([(1, 4, 7)])]
    assert sorted(rows) == [(1, 1), (4, 16), (7, 49)]


async def test_session_query_shortcuts(session, kv):
    await session.query("INSERT INTO kv (id, value) VALUES (?, ?)", [14, 140])
    statement = session.query("SELECT value FROM kv WHERE id = ?")
    result = await statement([14])
    assert result.first().as_list() == [140]
    # The same statement object, rebound.
    await session.query("INSERT INTO kv (id, value) VALUES (?, ?)", [15, 150])
    result = await statement([15])
    assert result.first().as_list() == [150]
    # Statement.execute() of a session-made statement.
    result = await session.query("SELECT value FROM kv WHERE id = 14").execute()
    assert result.first().column_value("value") == 140


async def test_statement_not_from_a_session_cannot_run_itself(session, kv):
    statement = acsylla.create_statement("SELECT value FROM kv WHERE id = 1")
    with pytest.raises(RuntimeError):
        await statement.execute()


async def test_reset_parameters(session, kv):
    statement = acsylla.create_statement("INSERT INTO kv (id, value) VALUES (?, ?)", parameters=2)
    statement.bind_list([16, 1])
    statement.reset_parameters(2)
    statement.bind_list([16, 160])
    await session.execute(statement)
    assert await value_of(session, 16) == 160


async def test_statement_reused_after_execution(session, kv):
    prepared = await session.create_prepared("INSERT INTO kv (id, value) VALUES (?, ?)")
    statement = prepared.bind()
    for i in range(5):
        statement.bind_list([17, i])
        await session.execute(statement)
    assert await value_of(session, 17) == 4


async def test_timestamp(session, kv):
    statement = acsylla.create_statement("INSERT INTO kv (id, value) VALUES (18, 1)")
    statement.set_timestamp(1234567)
    await session.execute(statement)
    result = await session.execute(acsylla.create_statement("SELECT WRITETIME(value) AS wt FROM kv WHERE id = 18"))
    assert result.first().column_value("wt") == 1234567
    # A write with an older timestamp loses.
    older = acsylla.create_statement("INSERT INTO kv (id, value) VALUES (18, 2)")
    older.set_timestamp(1000)
    await session.execute(older)
    assert await value_of(session, 18) == 1


async def test_default_client_timestamps_increase(session, kv):
    stamps = []
    for i in range(3):
        await session.execute(acsylla.create_statement(f"INSERT INTO kv (id, value) VALUES (19, {i})"))
        result = await session.execute(acsylla.create_statement("SELECT WRITETIME(value) AS wt FROM kv WHERE id = 19"))
        stamps.append(result.first().column_value("wt"))
    assert stamps == sorted(stamps) and len(set(stamps)) == 3


async def test_statement_consistency_and_retry_policy(session, kv):
    # One node and replication factor 1: consistency TWO cannot be met.
    statement = acsylla.create_statement("INSERT INTO kv (id, value) VALUES (20, 1)", consistency=acsylla.Consistency.TWO)
    statement.set_retry_policy("fallthrough")
    with pytest.raises(errors.CassErrorServerUnavailable):
        await session.execute(statement)
    statement.set_retry_policy("default", retry_policy_logging=True)
    with pytest.raises(errors.CassErrorLibNoHostsAvailable):
        await session.execute(statement)
    statement.set_consistency(acsylla.Consistency.ONE)
    await session.execute(statement)
    with pytest.raises(ValueError):
        statement.set_retry_policy("never")


async def test_lightweight_transactions(session, kv):
    statement = acsylla.create_statement(
        "INSERT INTO kv (id, value) VALUES (21, 1) IF NOT EXISTS", serial_consistency=acsylla.Consistency.SERIAL
    )
    assert (await session.execute(statement)).first().as_dict() == {"[applied]": True}
    statement.set_serial_consistency(acsylla.Consistency.LOCAL_SERIAL)
    again = (await session.execute(statement)).first().as_dict()
    assert again == {"[applied]": False, "id": 21, "note": None, "value": 1}
    update = await session.create_prepared("UPDATE kv SET value = ? WHERE id = ? IF value = ?")
    assert (await session.execute(update([2, 21, 1]))).first().column_value("[applied]") is True
    assert (await session.execute(update([3, 21, 1]))).first().column_value("[applied]") is False


async def test_set_host(session, kv):
    statement = acsylla.create_statement("SELECT broadcast_address FROM system.local")
    statement.set_host(HOST, 9042)
    result = await session.execute(statement)
    assert result.first().column_value("broadcast_address") == HOST
    with pytest.raises(errors.CassErrorLibBadParams):
        statement.set_host("not an address")


async def test_other_settings_are_accepted(session, kv):
    statement = acsylla.create_statement("INSERT INTO kv (id, value) VALUES (?, ?)", [22, 220])
    statement.add_key_index(0)
    statement.set_is_idempotent(True)
    statement.set_timeout(5.0)
    statement.set_page_size(10)
    statement.set_execute_as("someone")
    statement.set_execution_profile("")
    prepared = await session.create_prepared("INSERT INTO kv (id, value) VALUES (?, ?)", timeout=3.0)
    await session.execute(prepared([23, 230]))
    assert await value_of(session, 23) == 230


async def test_keyspace_of_the_session(session, kv, keyspace):
    assert session.keyspace == keyspace
    other = await session.set_keyspace("system")
    assert other.count() == 0
    try:
        result = await session.execute(acsylla.create_statement("SELECT key FROM local"))
        assert result.first().as_list() == ["local"]
        with pytest.raises(errors.CassErrorServerInvalidQuery):
            await session.execute(acsylla.create_statement("SELECT * FROM kv"))
    finally:
        await session.use_keyspace(keyspace)
    assert await value_of(session, 1) == 10


async def test_connect_with_keyspace(cluster, kv, keyspace):
    other = await cluster.create_session(keyspace=keyspace)
    try:
        result = await other.execute(acsylla.create_statement("SELECT value FROM kv WHERE id = 1"))
        assert result.first().as_list() == [10]
    finally:
        await other.close()


async def test_connect_with_unknown_keyspace_fails(cluster):
    with pytest.raises(errors.CassException):
        await cluster.create_session(keyspace="no_such_keyspace_here")


async def test_use_unknown_keyspace_fails(session, kv, keyspace):
    with pytest.raises(errors.CassErrorServerInvalidQuery):
        await session.use_keyspace("no_such_keyspace_here")
    result = await session.execute(acsylla.create_statement("SELECT value FROM kv WHERE id = 1"))
    assert result.first().as_list() == [10]
