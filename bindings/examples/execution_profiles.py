"""Execution profiles: named groups of request settings chosen per statement or batch."""

import asyncio
import os

import acsylla

HOST = os.environ.get("ACSYLLA_HOST", "127.0.0.1")
KEYSPACE = "acsylla_examples"


async def main():
    cluster = acsylla.create_cluster([HOST])
    cluster.create_execution_profile(
        "quick",
        request_timeout=2000,
        consistency=acsylla.Consistency.ONE,
        load_balance_round_robin=True,
        whitelist_hosts=HOST,
        retry_policy="default",
        retry_policy_logging=True,
    )
    session = await cluster.create_session()
    await session.query(
        f"CREATE KEYSPACE IF NOT EXISTS {KEYSPACE}"
        " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}"
    )
    await session.use_keyspace(KEYSPACE)
    await session.query("CREATE TABLE IF NOT EXISTS profiles (id int PRIMARY KEY, value int)")

    statement = acsylla.create_statement("INSERT INTO profiles (id, value) VALUES (1, 1)", execution_profile="quick")
    await session.execute(statement)

    prepared = await session.create_prepared("SELECT value FROM profiles WHERE id = ?")
    result = await session.execute(prepared.bind([1], execution_profile="quick"))
    print("value:", result.first().column_value("value"))

    batch = acsylla.create_batch_logged(execution_profile="quick")
    batch.add_statement(acsylla.create_statement("INSERT INTO profiles (id, value) VALUES (2, 2)"))
    await session.execute_batch(batch)

    try:
        await session.execute(acsylla.create_statement("SELECT * FROM profiles", execution_profile="missing"))
    except acsylla.errors.CassErrorLibExecutionProfileInvalid as error:
        print("unknown profile:", type(error).__name__)
    await session.close()


if __name__ == "__main__":
    asyncio.run(main())
