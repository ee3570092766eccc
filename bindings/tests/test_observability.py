"""What the driver reports about itself: request tracing, session metrics, speculative execution
metrics and host state events."""

import asyncio
import time
import uuid

import acsylla
import pytest

from conftest import HOST


@pytest.fixture(scope="module")
async def table(session):
    await session.execute(acsylla.create_statement("CREATE TABLE t (k int PRIMARY KEY, v int)"))


async def trace_session(session, tracing_id, timeout=10.0):
    """The system_traces.sessions row of a trace; the node writes traces asynchronously."""
    deadline = time.monotonic() + timeout
    while True:
        statement = acsylla.create_statement("SELECT * FROM system_traces.sessions WHERE session_id = ?", 1)
        # A str would be sent as text; a uuid.UUID is sent as a uuid.
        statement.bind(0, uuid.UUID(tracing_id))
        row = (await session.execute(statement)).first()
        if row is not None or time.monotonic() > deadline:
            return row
        await asyncio.sleep(0.1)


async def test_statement_tracing(session, table):
    statement = acsylla.create_statement("SELECT release_version FROM system.local")
    statement.set_tracing(True)
    result = await session.execute(statement)
    assert uuid.UUID(result.tracing_id)
    trace = await trace_session(session, result.tracing_id)
    assert trace is not None
    assert "SELECT release_version FROM system.local" in trace.column_value("parameters")["query"]


async def test_prepared_statement_tracing(session, table):
    prepared = await session.create_prepared("INSERT INTO t (k, v) VALUES (?, ?)")
    statement = prepared([1, 1])
    statement.set_tracing(True)
    result = await session.execute(statement)
    assert await trace_session(session, result.tracing_id) is not None


async def test_batch_tracing(session, table):
    batch = acsylla.create_batch_logged()
    batch.add_statement(acsylla.create_statement("INSERT INTO t (k, v) VALUES (2, 2)"))
    batch.add_statement(acsylla.create_statement("INSERT INTO t (k, v) VALUES (3, 3)"))
    batch.set_tracing(True)
    result = await session.execute_batch(batch)
    trace = await trace_session(session, result.tracing_id)
    assert trace is not None
    assert trace.column_value("request") == "Execute batch of CQL3 queries"


async def test_untraced_request_has_no_tracing_id(session, table):
    result = await session.execute(acsylla.create_statement("SELECT k FROM t"))
    assert result.tracing_id is None
    statement = acsylla.create_statement("SELECT k FROM t")
    statement.set_tracing(False)
    assert (await session.execute(statement)).tracing_id is None


async def test_tracing_of_a_failed_request(session, table):
    statement = acsylla.create_statement("SELECT nope FROM t")
    statement.set_tracing(True)
    with pytest.raises(acsylla.errors.CassErrorServerInvalidQuery):
        await session.execute(statement)


async def test_session_metrics(connect, table, keyspace):
    session = await connect(keyspace=keyspace)
    prepared = await session.create_prepared("INSERT INTO t (k, v) VALUES (?, ?)")
    for i in range(100):
        await session.execute(prepared([i, i]))
    await asyncio.gather(*(session.execute(prepared([i, i])) for i in range(200)))
    metrics = session.metrics()
    assert isinstance(metrics, acsylla.SessionMetrics)
    percentiles = [
        metrics.requests_min,
        metrics.requests_median,
        metrics.requests_percentile_75th,
        metrics.requests_percentile_95th,
        metrics.requests_percentile_98th,
        metrics.requests_percentile_99th,
        metrics.requests_percentile_999th,
        metrics.requests_max,
    ]
    assert all(p > 0 for p in percentiles), metrics
    assert percentiles == sorted(percentiles), metrics
    assert metrics.requests_min <= metrics.requests_mean <= metrics.requests_max
    assert metrics.requests_stddev > 0
    assert metrics.requests_mean_rate > 0
    assert metrics.requests_one_minute_rate >= 0
    assert metrics.requests_five_minute_rate >= 0
    assert metrics.requests_fifteen_minute_rate >= 0
    assert metrics.stats_total_connections > 0
    assert metrics.errors_connection_timeouts == 0
    assert metrics.errors_request_timeouts == 0


async def test_speculative_execution_metrics(connect, table, keyspace):
    session = await connect(keyspace=keyspace, speculative_execution_policy=acsylla.SpeculativeExecutionPolicy(1, 2))
    prepared = await session.create_prepared("SELECT v FROM t WHERE k = ?")
    for i in range(50):
        statement = prepared([i])
        statement.set_is_idempotent(True)
        await session.execute(statement)
    metrics = session.speculative_execution_metrics()
    assert isinstance(metrics, acsylla.SpeculativeExecutionMetrics)
    for name in ("min", "max", "mean", "stddev", "median", "percentile_75th", "percentile_95th", "percentile_98th",
                 "percentile_99th", "percentile_999th", "count"):
        assert isinstance(getattr(metrics, name), int) and getattr(metrics, name) >= 0
    assert 0.0 <= metrics.percentage <= 100.0


async def test_host_listener_sees_the_node_before_connect_returns():
    events = []

    def on_host_event(event, host):
        events.append((event, host))

    cluster = acsylla.create_cluster([HOST], log_level="critical", host_listener_callback=on_host_event)
    session = await cluster.create_session()
    try:
        assert events, "no host event before create_session() returned"
        event, host = events[0]
        assert isinstance(event, acsylla.HostListenerEvent)
        assert event in (acsylla.HostListenerEvent.ADD, acsylla.HostListenerEvent.UP)
        assert host == HOST
        assert all(h == HOST for _, h in events)
    finally:
        await session.close()
    cluster.destroy()


async def test_host_listener_set_after_creation():
    events = []
    cluster = acsylla.create_cluster([HOST], log_level="critical")
    cluster.set_host_listener_callback(lambda event, host: events.append((event, host)))
    session = await cluster.create_session()
    try:
        assert events and events[0][1] == HOST
    finally:
        await session.close()
    cluster.destroy()
