"""Request tracing: ask the node to trace a statement or a batch, then read the trace."""

import asyncio
import os
import uuid

import acsylla

HOST = os.environ.get("ACSYLLA_HOST", "127.0.0.1")
KEYSPACE = "acsylla_examples"


async def print_trace(session, tracing_id):
    statement = acsylla.create_statement(
        "SELECT request, duration FROM system_traces.sessions WHERE session_id = ?", [uuid.UUID(tracing_id)]
    )
    for _ in range(50):  # the node writes the trace asynchronously
        row = (await session.execute(statement)).first()
        if row is not None:
            print("trace", tracing_id, row.as_dict())
            return
        await asyncio.sleep(0.1)
    print("trace", tracing_id, "not written yet")


async def main():
    cluster = acsylla.create_cluster([HOST])
    session = await cluster.create_session()
    await session.query(
        f"CREATE KEYSPACE IF NOT EXISTS {KEYSPACE}"
        " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}"
    )
    await session.query(f"CREATE TABLE IF NOT EXISTS {KEYSPACE}.traced (id int PRIMARY KEY, value int)")

    statement = acsylla.create_statement("SELECT release_version FROM system.local")
    statement.set_tracing(True)
    result = await session.execute(statement)
    await print_trace(session, result.tracing_id)

    batch = acsylla.create_batch_logged()
    batch.add_statement(acsylla.create_statement(f"INSERT INTO {KEYSPACE}.traced (id, value) VALUES (1, 1)"))
    batch.add_statement(acsylla.create_statement(f"INSERT INTO {KEYSPACE}.traced (id, value) VALUES (2, 2)"))
    batch.set_tracing(True)
    result = await session.execute_batch(batch)
    await print_trace(session, result.tracing_id)
    await session.close()


if __name__ == "__main__":
    asyncio.run(main())
