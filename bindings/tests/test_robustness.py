"""Bad input and hard conditions give Python exceptions, never a crash: values of the wrong type,
bad CQL, a node that never answers, 20,000 concurrent requests, tasks cancelled while their request
is in flight, sessions closed with requests in flight. Scenarios that could only show a problem as a
crash at exit run in a subprocess (it inherits LD_PRELOAD) and must exit cleanly."""

import asyncio
import os
import socket
import subprocess
import sys
import textwrap

import acsylla
import pytest
from acsylla import ValueType as VT
from acsylla import errors

from conftest import HOST, make_cluster


@pytest.fixture(scope="module")
async def table(session):
    await session.execute(acsylla.create_statement("CREATE TYPE pt (x int, y int)"))
    await session.execute(
        acsylla.create_statement(
            "CREATE TABLE w (k int PRIMARY KEY, i int, t text, b blob, u uuid, ip inet, m map<text, int>,"
            " tp tuple<int, int>, p frozen<pt>, l list<int>, bo boolean, ts timestamp, dec decimal, ti tinyint)"
        )
    )


BAD_VALUES = [
    ("i", "abc", ValueError),
    ("i", {}, TypeError),
    ("i", 2**40, OverflowError),
    ("ti", 300, OverflowError),
    ("b", "text", ValueError),
    ("u", "not-a-uuid", ValueError),
    ("u", b"x" * 16, ValueError),
    ("ip", "bad_ip", ValueError),
    ("ip", "1234", ValueError),
    ("m", [1, 2], TypeError),
    ("m", {"a": "b"}, ValueError),
    ("tp", (1, 2, 3), ValueError),
    ("p", {"z": 1}, errors.CassErrorLibNameDoesNotExist),
    ("p", {"x": "a"}, ValueError),
    ("l", 5, TypeError),
    ("bo", 2, ValueError),
    ("ts", "yesterday", ValueError),
    ("dec", "abc", ValueError),
]


@pytest.mark.parametrize("column,value,error", BAD_VALUES, ids=[f"{c}-{v!r}"[:30] for c, v, _ in BAD_VALUES])
async def test_wrong_value_types(session, table, column, value, error):
    prepared = await session.create_prepared(f"INSERT INTO w (k, {column}) VALUES (1, ?)")
    with pytest.raises(error):
        prepared([value])
    # The session is unharmed.
    await session.execute(prepared([None]))


async def test_wrong_hint_is_a_server_error(session, table):
    with pytest.raises(errors.CassErrorServerInvalidQuery):
        await session.query("INSERT INTO w (k, i) VALUES (?, ?)", [1, 2], value_types=[VT.INT, VT.BIGINT])


async def test_values_acsylla_cannot_bind_in_simple_statements(session, table):
    with pytest.raises(ValueError):
        acsylla.create_statement("INSERT INTO w (k, i) VALUES (1, ?)", [object()])
    with pytest.raises(NotImplementedError):
        acsylla.create_statement("INSERT INTO w (k, l) VALUES (1, ?)", [[1]])


@pytest.mark.parametrize(
    "cql,error",
    [
        ("foobar", errors.CassErrorServerSyntaxError),
        ("SELECT * FROM", errors.CassErrorServerSyntaxError),
        ("SELECT * FROM no_such_table", errors.CassErrorServerInvalidQuery),
        ("SELECT nope FROM w", errors.CassErrorServerInvalidQuery),
        ("CREATE TABLE bad (k no_such_type PRIMARY KEY)", errors.CassErrorServerInvalidQuery),
        ("CREATE TABLE w (k int PRIMARY KEY)", errors.CassErrorServerAlreadyExists),
        ("INSERT INTO w (k, i) VALUES ('text', 1)", errors.CassErrorServerInvalidQuery),
    ],
)
async def test_bad_cql(session, table, cql, error):
    with pytest.raises(error) as raised:
        await session.execute(acsylla.create_statement(cql))
    assert str(raised.value)
    if not cql.startswith("CREATE"):
        with pytest.raises(error):
            await session.create_prepared(cql)


async def test_error_classes(session, table):
    with pytest.raises(errors.CassException) as raised:
        await session.execute(acsylla.create_statement("foobar"))
    assert isinstance(raised.value, errors.CassErrorSourceServer)
    assert isinstance(raised.value, errors.CassErrorServerSyntaxError)
    assert "foobar" in str(raised.value)


@pytest.fixture
def silent_listener():
    """A local TCP port that accepts connections (the kernel completes the handshake) but never
    answers: a node that does not respond. Used instead of an unreachable public address, so the
    test sends nothing off this machine."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    yield listener.getsockname()[1]
    listener.close()


def test_node_that_never_answers(silent_listener):
    # In a subprocess, so that a connection attempt that ignores the connect timeout cannot hold
    # this test run (or a session's teardown) for minutes.
    completed = run_script(
        SCRIPT_PREAMBLE
        + f"""
import time
async def main():
    cluster = acsylla.create_cluster(["127.0.0.1"], port={silent_listener}, connect_timeout=0.1, log_level="critical")
    started = time.monotonic()
    try:
        await cluster.create_session()
        print("connected?!")
    except acsylla.errors.CassException as error:
        print(type(error).__name__, "after", round(time.monotonic() - started, 1), "s")
asyncio.run(main())
""",
        timeout=30,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    words = completed.stdout.split()
    assert words[0] == "CassErrorLibNoHostsAvailable", completed.stdout
    assert float(words[2]) < 5, completed.stdout


async def test_nothing_listening():
    # 127.0.0.0/8 is local: nothing listens on this address, the connection is refused at once.
    cluster = make_cluster(["127.0.0.254"], connect_timeout=0.1)
    with pytest.raises(errors.CassErrorLibNoHostsAvailable):
        await cluster.create_session()


async def test_session_closed(connect, table, keyspace):
    session = await connect(keyspace=keyspace)
    prepared = await session.create_prepared("SELECT k FROM w")
    await session.close()
    await session.close()  # closing twice is fine
    with pytest.raises(RuntimeError):
        await session.execute(acsylla.create_statement("SELECT k FROM w"))
    with pytest.raises(RuntimeError):
        await session.create_prepared("SELECT k FROM w")
    with pytest.raises(RuntimeError):
        await session.execute_batch(acsylla.create_batch_logged())
    with pytest.raises(RuntimeError):
        await session.execute(prepared.bind())


@pytest.mark.slow
async def test_twenty_thousand_concurrent_requests(connect, table, keyspace):
    # The C++ driver fails requests beyond its I/O queue (queue_size_io, default 8192) with
    # CassErrorLibRequestQueueFull when they come faster than its I/O thread takes them; a queue
    # larger than the burst makes the outcome deterministic.
    session = await connect(keyspace=keyspace, queue_size_io=32768)
    insert = await session.create_prepared("INSERT INTO w (k, i) VALUES (?, ?)")
    results = await asyncio.gather(*(session.execute(insert([k, k])) for k in range(20_000)))
    assert len(results) == 20_000 and all(r.count() == 0 for r in results)
    select = await session.create_prepared("SELECT i FROM w WHERE k = ?")
    results = await asyncio.gather(*(session.execute(select([k])) for k in range(0, 20_000, 7)))
    assert [r.first().column_value("i") for r in results] == list(range(0, 20_000, 7))


async def test_cancelled_tasks(connect, table, keyspace):
    session = await connect(keyspace=keyspace)
    select = await session.create_prepared("SELECT i FROM w WHERE k = ?")
    for round_ in range(5):
        tasks = [asyncio.ensure_future(session.execute(select([k]))) for k in range(400)]
        await asyncio.sleep(0)  # every request is submitted
        for task in tasks[::2]:
            task.cancel()
        done = await asyncio.gather(*tasks, return_exceptions=True)
        cancelled = [r for r in done[::2] if isinstance(r, asyncio.CancelledError)]
        assert len(cancelled) == 200
        assert all(not isinstance(r, BaseException) for r in done[1::2])
    # Timeouts that cancel requests in flight.
    for k in range(200):
        try:
            await asyncio.wait_for(session.execute(select([k])), timeout=0.0001)
        except asyncio.TimeoutError:
            pass
    result = await session.execute(select([3]))
    assert result.count() in (0, 1)


async def test_close_with_requests_in_flight(connect, table, keyspace):
    session = await connect(keyspace=keyspace)
    select = await session.create_prepared("SELECT i FROM w WHERE k = ?")
    tasks = [asyncio.ensure_future(session.execute(select([k]))) for k in range(2000)]
    await asyncio.sleep(0)
    await session.close()
    done = await asyncio.gather(*tasks, return_exceptions=True)
    # Every request ends, with its rows or with an error; the C++ driver lets requests in flight
    # finish before the close completes.
    for outcome in done:
        assert isinstance(outcome, (errors.CassException, RuntimeError)) or outcome.count() in (0, 1), repr(outcome)


def run_script(source, timeout=120):
    """Run Python source in a child interpreter (same environment, LD_PRELOAD included)."""
    try:
        return subprocess.run(
            [sys.executable, "-c", textwrap.dedent(source)],
            env=dict(os.environ),
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired as expired:
        pytest.fail(f"the script did not finish within {timeout} s; output so far: {expired.stdout!r} {expired.stderr!r}")


SCRIPT_PREAMBLE = f"""
import asyncio, acsylla
HOST = {HOST!r}
"""


async def test_exit_with_requests_in_flight():
    completed = run_script(
        SCRIPT_PREAMBLE
        + """
async def main():
    cluster = acsylla.create_cluster([HOST], log_level="critical")
    session = await cluster.create_session()
    for _ in range(500):
        asyncio.ensure_future(session.execute(acsylla.create_statement("SELECT key FROM system.local")))
    await asyncio.sleep(0)
    print("leaving")
asyncio.run(main())
"""
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    assert "leaving" in completed.stdout


async def test_objects_freed_without_close():
    completed = run_script(
        SCRIPT_PREAMBLE
        + """
import gc
async def main():
    for _ in range(10):
        cluster = acsylla.create_cluster([HOST], log_level="critical")
        session = await cluster.create_session()
        prepared = await session.create_prepared("SELECT key FROM system.local")
        result = await session.execute(prepared.bind())
        row = result.first()
        del session, cluster, prepared
        gc.collect()
        assert row.as_list() == ["local"]
        del result, row
        gc.collect()
    print("done")
asyncio.run(main())
"""
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    assert "done" in completed.stdout


async def test_close_in_flight_then_exit():
    completed = run_script(
        SCRIPT_PREAMBLE
        + """
async def main():
    cluster = acsylla.create_cluster([HOST], log_level="critical")
    session = await cluster.create_session()
    tasks = [asyncio.ensure_future(session.execute(acsylla.create_statement("SELECT key FROM system.local")))
             for _ in range(1000)]
    await asyncio.sleep(0)
    await session.close()
    outcomes = await asyncio.gather(*tasks, return_exceptions=True)
    print("outcomes", len(outcomes))
    cluster.destroy()
asyncio.run(main())
"""
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    assert "outcomes 1000" in completed.stdout
