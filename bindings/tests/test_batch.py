"""Batches: logged, unlogged and counter; simple and prepared statements mixed; batch settings."""

import acsylla
import pytest
from acsylla import errors


@pytest.fixture(scope="module")
async def tables(session):
    await session.execute(acsylla.create_statement("CREATE TABLE items (id int PRIMARY KEY, value text)"))
    await session.execute(acsylla.create_statement("CREATE TABLE hits (id int PRIMARY KEY, n counter)"))


async def rows(session, table, column):
    result = await session.execute(acsylla.create_statement(f"SELECT id, {column} FROM {table}"))
    return dict(sorted(row.as_tuple() for row in result))


async def test_logged_batch_of_simple_and_prepared(session, tables):
    prepared = await session.create_prepared("INSERT INTO items (id, value) VALUES (?, ?)")
    batch = acsylla.create_batch_logged()
    batch.add_statement(acsylla.create_statement("INSERT INTO items (id, value) VALUES (1, 'one')"))
    batch.add_statement(acsylla.create_statement("INSERT INTO items (id, value) VALUES (?, ?)", [2, "two"]))
    batch.add_statement(prepared([3, "three"]))
    statement = prepared.bind()
    statement.bind_dict({"id": 4, "value": "four"})
    batch.add_statement(statement)
    result = await session.execute_batch(batch)
    assert result.count() == 0
    assert await rows(session, "items", "value") == {1: "one", 2: "two", 3: "three", 4: "four"}


async def test_unlogged_batch(session, tables):
    prepared = await session.create_prepared("UPDATE items SET value = ? WHERE id = ?")
    batch = acsylla.create_batch_unlogged(timeout=5.0)
    for i in range(1, 5):
        batch.add_statement(prepared([f"v{i}", i]))
    await session.execute_batch(batch)
    assert await rows(session, "items", "value") == {1: "v1", 2: "v2", 3: "v3", 4: "v4"}


async def test_counter_batch(session, tables):
    prepared = await session.create_prepared("UPDATE hits SET n = n + ? WHERE id = ?")
    batch = acsylla.create_batch_counter()
    batch.add_statement(prepared([5, 1]))
    batch.add_statement(prepared([7, 2]))
    batch.add_statement(acsylla.create_statement("UPDATE hits SET n = n + 1 WHERE id = 1"))
    await session.execute_batch(batch)
    await session.execute_batch(batch)
    assert await rows(session, "hits", "n") == {1: 12, 2: 14}


async def test_counter_update_in_a_logged_batch_is_refused(session, tables):
    batch = acsylla.create_batch_logged()
    batch.add_statement(acsylla.create_statement("UPDATE hits SET n = n + 1 WHERE id = 3"))
    with pytest.raises(errors.CassErrorServerInvalidQuery):
        await session.execute_batch(batch)


async def test_batch_with_a_bad_statement(session, tables):
    batch = acsylla.create_batch_logged()
    batch.add_statement(acsylla.create_statement("INSERT INTO items (id, value) VALUES (9, 'x')"))
    batch.add_statement(acsylla.create_statement("INSERT INTO no_such_table (id) VALUES (1)"))
    with pytest.raises(errors.CassErrorServerInvalidQuery):
        await session.execute_batch(batch)
    result = await session.execute(acsylla.create_statement("SELECT * FROM items WHERE id = 9"))
    assert result.count() == 0


async def test_batch_settings(session, tables):
    batch = acsylla.create_batch_logged()
    batch.add_statement(acsylla.create_statement("INSERT INTO items (id, value) VALUES (10, 'ten')"))
    batch.set_timestamp(424242)
    batch.set_request_timeout(5000)
    batch.set_is_idempotent(True)
    batch.set_serial_consistency(acsylla.Consistency.SERIAL)
    batch.set_execution_profile("")
    batch.set_retry_policy("fallthrough", retry_policy_logging=True)
    batch.set_consistency(acsylla.Consistency.TWO)
    # One node, replication factor 1: consistency TWO is unavailable; fallthrough returns that.
    with pytest.raises(errors.CassErrorServerUnavailable):
        await session.execute_batch(batch)
    batch.set_consistency(acsylla.Consistency.ONE)
    await session.execute_batch(batch)
    result = await session.execute(acsylla.create_statement("SELECT WRITETIME(value) AS wt FROM items WHERE id = 10"))
    assert result.first().column_value("wt") == 424242
    with pytest.raises(ValueError):
        batch.set_retry_policy("maybe")


async def test_conditional_batch(session, tables):
    await session.execute(acsylla.create_statement("INSERT INTO items (id, value) VALUES (20, 'a')"))
    batch = acsylla.create_batch_logged()
    batch.add_statement(acsylla.create_statement("UPDATE items SET value = 'b' WHERE id = 20 IF value = 'zz'"))
    batch.add_statement(acsylla.create_statement("UPDATE items SET value = 'c' WHERE id = 20"))
    result = await session.execute_batch(batch)
    assert result.first().column_value("[applied]") is False
    assert result.first().column_value("value") == "a"
    batch = acsylla.create_batch_logged()
    batch.add_statement(acsylla.create_statement("UPDATE items SET value = 'b' WHERE id = 20 IF value = 'a'"))
    result = await session.execute_batch(batch)
    assert result.first().column_value("[applied]") is True


async def test_empty_batch(session, tables):
    result = await session.execute_batch(acsylla.create_batch_unlogged())
    assert result.count() == 0


async def test_large_batch(session, tables):
    prepared = await session.create_prepared("INSERT INTO items (id, value) VALUES (?, ?)")
    batch = acsylla.create_batch_unlogged()
    for i in range(1000, 1200):
        batch.add_statement(prepared([i, str(i)]))
    await session.execute_batch(batch)
    got = await rows(session, "items", "value")
    assert all(got[i] == str(i) for i in range(1000, 1200))
