"""Logged, unlogged and counter batches mixing simple and prepared statements."""

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
    await session.query("CREATE TABLE IF NOT EXISTS batch_items (id int PRIMARY KEY, name text)")
    await session.query("CREATE TABLE IF NOT EXISTS batch_counts (id int PRIMARY KEY, hits counter)")

    insert = await session.create_prepared("INSERT INTO batch_items (id, name) VALUES (?, ?)")
    logged = acsylla.create_batch_logged()
    logged.add_statement(acsylla.create_statement("INSERT INTO batch_items (id, name) VALUES (1, 'one')"))
    logged.add_statement(insert([2, "two"]))
    await session.execute_batch(logged)

    unlogged = acsylla.create_batch_unlogged(timeout=5)
    for i in range(3, 10):
        unlogged.add_statement(insert([i, f"item {i}"]))
    await session.execute_batch(unlogged)

    bump = await session.create_prepared("UPDATE batch_counts SET hits = hits + ? WHERE id = ?")
    counters = acsylla.create_batch_counter()
    counters.add_statement(bump([1, 1]))
    counters.add_statement(bump([5, 2]))
    await session.execute_batch(counters)

    result = await session.execute(acsylla.create_statement("SELECT COUNT(*) AS n FROM batch_items"))
    print("items:", result.first().column_value("n"))
    await session.close()


if __name__ == "__main__":
    asyncio.run(main())
