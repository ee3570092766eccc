"""The ways to give a statement its values: by position, by name, as a list or as a dict, for
simple and for prepared statements."""

import asyncio
import os

import acsylla

HOST = os.environ.get("ACSYLLA_HOST", "127.0.0.1")
KEYSPACE = "acsylla_examples"


async def main():
    cluster = acsylla.create_cluster([HOST])
    session = await cluster.create_session()
    await session.query(
        f"CREATE KEYSPACE IF NOT EXISTS {KEYSPACE}"
        " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}"
    )
    await session.use_keyspace(KEYSPACE)
    await session.query("CREATE TABLE IF NOT EXISTS binding (id int PRIMARY KEY, value int)")

    # Simple statements: say how many markers there are, then bind them.
    statement = acsylla.create_statement("INSERT INTO binding (id, value) VALUES (?, ?)", parameters=2)
    statement.bind(0, 1)
    statement.bind(1, 100)
    await session.execute(statement)

    statement = acsylla.create_statement("INSERT INTO binding (id, value) VALUES (?, ?)", parameters=2)
    statement.bind_list([2, 200])
    await session.execute(statement)

    statement = acsylla.create_statement("INSERT INTO binding (id, value) VALUES (:id, :value)", {"id": 3, "value": 300})
    await session.execute(statement)

    # Prepared statements know their parameter types.
    prepared = await session.create_prepared("INSERT INTO binding (id, value) VALUES (?, ?)")
    statement = prepared.bind()
    statement.bind_by_name("id", 4)
    statement.bind_by_name("value", 400)
    await session.execute(statement)

    statement = prepared.bind()
    statement.bind_dict({"id": 5, "value": 500})
    await session.execute(statement)

    named = await session.create_prepared("INSERT INTO binding (id, value) VALUES (:row_id, :row_value)")
    await session.execute(named.bind({"row_id": 6, "row_value": 600}))

    result = await session.execute(acsylla.create_statement("SELECT id, value FROM binding"))
    print("rows:", sorted(row.as_tuple() for row in result))
    await session.close()


if __name__ == "__main__":
    asyncio.run(main())
