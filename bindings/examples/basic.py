"""Connect, create a keyspace and a table, write rows with a prepared statement, read them back.

    python basic.py            (node address from $ACSYLLA_HOST, default 127.0.0.1)
"""

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
    await session.query("CREATE TABLE IF NOT EXISTS basic (id tinyint PRIMARY KEY, value int)")

    # A prepared statement is called with its values and awaited.
    insert = await session.prepared_query("INSERT INTO basic (id, value) VALUES (?, ?)")
    await asyncio.gather(*(insert([i, i * 10]) for i in range(100)))

    # A statement can also be iterated: its pages are fetched as needed.
    select = await session.prepared_query("SELECT id, value FROM basic WHERE id IN :ids")
    async for row in select([(1, 4, 7)]):
        print("tuple:", row.as_tuple())

    # A simple (non-prepared) statement with a value: acsylla needs its CQL type.
    by_id = session.query("SELECT id, value FROM basic WHERE id = :id")
    async for row in by_id([7], value_types=[acsylla.ValueType.TINY_INT]):
        print("dict:", row.as_dict())
        print("list:", row.as_list())
        print("by name:", row.value, row["value"], row.column_value("value"))
        print("by index:", row[0], row[1:])

    result = await session.execute(acsylla.create_statement("SELECT COUNT(*) AS n FROM basic"))
    print("rows in table:", result.first().column_value("n"))
    await session.close()


if __name__ == "__main__":
    asyncio.run(main())
