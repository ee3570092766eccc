"""Results and rows: counts, column names, the row as dict / list / tuple / "named tuple", access by
name, index, attribute and slice, missing columns, empty results, and results that outlive their
session."""

import acsylla
import pytest
from acsylla import errors


@pytest.fixture(scope="module")
async def people(session):
    await session.execute(
        acsylla.create_statement("CREATE TABLE people (id int, seq int, name text, age int, PRIMARY KEY (id, seq))")
    )
    insert = await session.create_prepared("INSERT INTO people (id, seq, name, age) VALUES (?, ?, ?, ?)")
    for seq, (name, age) in enumerate([("ann", 31), ("bob", None), ("cid", 27)]):
        await session.execute(insert([1, seq, name, age]))


async def select(session, cql="SELECT id, seq, name, age FROM people WHERE id = 1"):
    return await session.execute(acsylla.create_statement(cql))


async def test_result_shape(session, people):
    result = await select(session)
    assert result.count() == 3
    assert len(result) == 3
    assert result.column_count() == 4
    assert result.columns_names() == ["id", "seq", "name", "age"]
    assert result.has_more_pages() is False
    assert [row.as_tuple() for row in result] == [(1, 0, "ann", 31), (1, 1, "bob", None), (1, 2, "cid", 27)]
    assert [row.column_value("name") for row in result.all()] == ["ann", "bob", "cid"]
    # A result can be iterated more than once.
    assert len(list(result)) == 3


async def test_row_forms(session, people):
    row = (await select(session)).first()
    assert row.as_dict() == {"id": 1, "seq": 0, "name": "ann", "age": 31}
    assert dict(row) == {"id": 1, "seq": 0, "name": "ann", "age": 31}
    assert row.as_list() == [1, 0, "ann", 31]
    assert row.as_tuple() == (1, 0, "ann", 31)
    assert list(row) == [("id", 1), ("seq", 0), ("name", "ann"), ("age", 31)]
    assert tuple(row.as_named_tuple()) == (("id", 1), ("seq", 0), ("name", "ann"), ("age", 31))
    assert row.keys() == ["id", "seq", "name", "age"]
    assert list(row.values()) == [1, 0, "ann", 31]
    assert row.column_count() == 4


async def test_row_access(session, people):
    row = (await select(session)).first()
    assert row.column_value("name") == "ann"
    assert row.column_value_by_index(3) == 31
    assert row["name"] == "ann"
    assert row[2] == "ann"
    assert row[1:3] == (0, "ann")
    assert row[:1] == (1,)
    assert row.name == "ann"
    assert row.age == 31


async def test_missing_columns(session, people):
    row = (await select(session)).first()
    with pytest.raises(errors.ColumnNotFound):
        row.column_value("nope")
    with pytest.raises(errors.ColumnNotFound):
        row.column_value_by_index(4)
    with pytest.raises(errors.ColumnNotFound):
        row["nope"]
    with pytest.raises(errors.ColumnNotFound):
        row.nope


async def test_null_values(session, people):
    result = await select(session, "SELECT name, age FROM people WHERE id = 1 AND seq = 1")
    assert result.first().as_dict() == {"name": "bob", "age": None}


async def test_empty_result(session, people):
    result = await select(session, "SELECT id, name FROM people WHERE id = 404")
    assert result.first() is None
    assert result.count() == 0
    assert list(result) == []
    assert result.columns_names() == ["id", "name"]
    assert result.has_more_pages() is False
    with pytest.raises(RuntimeError):
        result.page_state()


async def test_aliases_and_functions(session, people):
    result = await select(session, "SELECT COUNT(*) AS n, MAX(age) AS oldest, token(id) AS t FROM people WHERE id = 1")
    row = result.first()
    assert row.column_value("n") == 3
    assert row.column_value("oldest") == 31
    assert isinstance(row.column_value("t"), int)


async def test_writes_give_empty_results(session, people):
    result = await select(session, "UPDATE people SET age = 32 WHERE id = 1 AND seq = 0")
    assert result.count() == 0
    assert result.column_count() == 0
    assert result.first() is None


async def test_rows_and_results_outlive_the_session(cluster, people, keyspace):
    other = await cluster.create_session(keyspace=keyspace)
    result = await select(other)
    row = result.first()
    await other.close()
    del other
    assert row.as_dict() == {"id": 1, "seq": 0, "name": "ann", "age": 32}
    assert [r.column_value("seq") for r in result] == [0, 1, 2]


async def test_prepared_statement_outlives_its_session(cluster, people, keyspace):
    other = await cluster.create_session(keyspace=keyspace)
    prepared = await other.create_prepared("SELECT name FROM people WHERE id = ? AND seq = ?")
    statement = prepared([1, 2])
    await other.close()
    with pytest.raises(RuntimeError):
        await other.execute(statement)
    # The statement still holds its values and can run on another session.
    again = await cluster.create_session(keyspace=keyspace)
    try:
        assert (await again.execute(statement)).first().as_list() == ["cid"]
    finally:
        await again.close()
