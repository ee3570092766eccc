"""Driver logging as acsylla exposes it: a level and a callback per cluster (process-wide in the
driver: the last cluster created wins), messages as acsylla.LogMessage, and the default route to
the "acsylla" Python logger."""

import asyncio
import logging
import time

import acsylla

from conftest import make_cluster

LEVELS = ["CRITICAL", "ERROR", "WARN", "INFO", "DEBUG", "TRACE"]


async def connect_and_close(cluster):
    session = await cluster.create_session()
    await session.execute(acsylla.create_statement("SELECT key FROM system.local"))
    await session.close()
    # Messages reach Python through the event loop; let them arrive.
    await asyncio.sleep(0.3)


def at_or_above(messages, level):
    rank = LEVELS.index(level)
    return [m for m in messages if LEVELS.index(m.log_level) <= rank]


async def test_info_messages_during_connect_and_close():
    messages = []
    started = int(time.time() * 1000)
    cluster = make_cluster(log_level="info", logging_callback=messages.append)
    await connect_and_close(cluster)
    assert at_or_above(messages, "INFO"), "no INFO-or-higher message during connect and close"
    assert all(m.log_level in ("CRITICAL", "ERROR", "WARN", "INFO") for m in messages)
    for message in messages:
        assert isinstance(message, acsylla.LogMessage)
        assert started - 5000 <= message.time_ms <= int(time.time() * 1000) + 5000
        assert isinstance(message.file, str) and isinstance(message.function, str)
        assert isinstance(message.line, int)
        assert message.message
    cluster.destroy()


async def test_debug_level_gives_debug_messages():
    messages = []
    cluster = make_cluster(log_level="debug", logging_callback=messages.append)
    await connect_and_close(cluster)
    assert any(m.log_level == "DEBUG" for m in messages)
    assert not any(m.log_level == "TRACE" for m in messages)
    cluster.destroy()


async def test_disabled_level_gives_nothing():
    messages = []
    cluster = make_cluster(log_level="disabled", logging_callback=messages.append)
    await connect_and_close(cluster)
    assert messages == []
    cluster.destroy()


async def test_connection_failure_is_logged_as_error():
    messages = []
    cluster = make_cluster(port=9, log_level="error", logging_callback=messages.append)
    try:
        await cluster.create_session()
    except acsylla.errors.CassErrorLibNoHostsAvailable:
        pass
    await asyncio.sleep(0.3)
    assert any(m.log_level == "ERROR" for m in messages)
    assert all(m.log_level in ("CRITICAL", "ERROR") for m in messages)
    cluster.destroy()


async def test_level_changed_after_creation():
    messages = []
    cluster = make_cluster(log_level="disabled", logging_callback=messages.append)
    cluster.set_log_level("debug")
    await connect_and_close(cluster)
    assert any(m.log_level == "DEBUG" for m in messages)
    cluster.destroy()


async def test_last_cluster_created_receives_the_messages():
    first, second = [], []
    cluster_a = make_cluster(log_level="info", logging_callback=first.append)
    cluster_b = make_cluster(log_level="info", logging_callback=second.append)
    await connect_and_close(cluster_b)
    assert second and not first
    cluster_b.destroy()
    cluster_a.destroy()


async def test_default_route_is_the_acsylla_python_logger(caplog):
    caplog.set_level(logging.DEBUG, logger="acsylla")
    cluster = make_cluster(log_level="info")
    await connect_and_close(cluster)
    records = [r for r in caplog.records if r.name == "acsylla"]
    assert any(r.levelno >= logging.INFO for r in records)
    assert acsylla.get_logger() is logging.getLogger("acsylla")
    cluster.destroy()
