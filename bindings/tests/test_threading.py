"""Several OS threads, each with its own event loop, cluster and session, paging through the same
table at the same time (the driver must be thread-safe, its process-wide logging state included)."""

import asyncio
import threading

import acsylla
import pytest

from conftest import CLUSTER_DEFAULTS, HOST, create_keyspace, keyspace_for

THREADS = 4
ROWS = 500


async def prepare_table(keyspace):
    cluster = acsylla.create_cluster([HOST], **CLUSTER_DEFAULTS)
    session = await cluster.create_session()
    await create_keyspace(session, keyspace)
    await session.use_keyspace(keyspace)
    await session.execute(acsylla.create_statement("CREATE TABLE t (p int, c int, v text, PRIMARY KEY (p, c))"))
    insert = await session.create_prepared("INSERT INTO t (p, c, v) VALUES (?, ?, ?)")
    await asyncio.gather(*(session.execute(insert([c % 5, c, str(c)])) for c in range(ROWS)))
    await session.close()


async def drop_table(keyspace):
    cluster = acsylla.create_cluster([HOST], **CLUSTER_DEFAULTS)
    session = await cluster.create_session()
    await session.execute(acsylla.create_statement(f"DROP KEYSPACE IF EXISTS {keyspace}"))
    await session.close()


async def worker(keyspace, index, log_level):
    messages = []
    # "localhost" as contact point: resolved by the driver in every thread.
    contact_point = "localhost" if HOST == "127.0.0.1" else HOST
    cluster = acsylla.create_cluster(
        [contact_point], **{**CLUSTER_DEFAULTS, "log_level": log_level}, logging_callback=messages.append
    )
    session = await cluster.create_session(keyspace=keyspace)
    seen = []
    for round_ in range(3):
        prepared = await session.create_prepared("SELECT c FROM t")
        statement = prepared.bind(page_size=17 + index)
        seen.append(sorted([row.column_value("c") async for row in statement]))
        simple = session.query("SELECT c, v FROM t WHERE p = ?", [index % 5], page_size=7)
        rows = [row.as_tuple() async for row in simple]
        assert all(v == str(c) and c % 5 == index % 5 for c, v in rows)
    await session.close()
    cluster.destroy()
    return seen


def test_threads_with_their_own_loops():
    keyspace = keyspace_for(__name__)
    asyncio.run(prepare_table(keyspace))
    results = {}
    failures = []

    def run(index):
        try:
            results[index] = asyncio.run(worker(keyspace, index, ["critical", "info", "debug", "warn"][index % 4]))
        except BaseException as error:  # reported below
            failures.append((index, repr(error)))

    threads = [threading.Thread(target=run, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    try:
        assert not any(thread.is_alive() for thread in threads), "a thread did not finish"
        assert failures == []
        assert sorted(results) == list(range(THREADS))
        for seen in results.values():
            assert all(rows == list(range(ROWS)) for rows in seen)
    finally:
        asyncio.run(drop_table(keyspace))


@pytest.mark.parametrize("loops", [3])
def test_sequential_event_loops(loops):
    """A new loop (asyncio.run) per connection, one after the other."""

    async def once():
        cluster = acsylla.create_cluster([HOST], **CLUSTER_DEFAULTS)
        session = await cluster.create_session()
        result = await session.execute(acsylla.create_statement("SELECT key FROM system.local"))
        await session.close()
        return result.first().as_list()

    for _ in range(loops):
        assert asyncio.run(once()) == ["local"]
