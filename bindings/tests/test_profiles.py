"""Execution profiles: created on the cluster, named by a statement, a prepared statement or a batch,
and their settings visible in what the request does (consistency, retry policy, load balancing).
An unknown name fails the request; an empty name clears the statement's profile."""

import acsylla
import pytest
from acsylla import Consistency
from acsylla import errors

from conftest import make_cluster

INSERT = "INSERT INTO t (k) VALUES (1)"


@pytest.fixture(scope="module")
async def profiled(keyspace):
    cluster = make_cluster()
    # One node and replication factor 1: consistency TWO is unavailable.
    cluster.create_execution_profile("two_fallthrough", consistency=Consistency.TWO, retry_policy="fallthrough")
    cluster.create_execution_profile("two_default_retry", consistency=Consistency.TWO, retry_policy="default", retry_policy_logging=True)
    cluster.create_execution_profile("wrong_dc", load_balance_dc_aware="no-such-dc")
    cluster.create_execution_profile("nobody", load_balance_round_robin=True, whitelist_hosts="127.0.0.250")
    # A host filter alone does nothing: a profile uses the cluster's load balancing unless it
    # enables its own policy.
    cluster.create_execution_profile("filter_without_policy", whitelist_hosts="127.0.0.250")
    cluster.create_execution_profile(
        "everything",
        request_timeout=5000,
        consistency=Consistency.ONE,
        serial_consistency=Consistency.SERIAL,
        load_balance_round_robin=True,
        token_aware_routing=True,
        token_aware_routing_shuffle_replicas=False,
        latency_aware_routing=acsylla.LatencyAwareRoutingSettings(),
        whitelist_dc="datacenter1",
        blacklist_dc="dc-x",
        blacklist_hosts="127.0.0.250",
        retry_policy="default",
        retry_policy_logging=True,
        speculative_execution_policy=acsylla.SpeculativeExecutionPolicy(100, 2),
    )
    cluster.create_execution_profile("dc_aware", load_balance_dc_aware="datacenter1", token_aware_routing=False)
    session = await cluster.create_session()
    await session.execute(
        acsylla.create_statement(
            f"CREATE KEYSPACE IF NOT EXISTS {keyspace} WITH replication = {{'class': 'SimpleStrategy', 'replication_factor': 1}}"
        )
    )
    await session.use_keyspace(keyspace)
    await session.execute(acsylla.create_statement("CREATE TABLE IF NOT EXISTS t (k int PRIMARY KEY)"))
    yield session
    await session.execute(acsylla.create_statement(f"DROP KEYSPACE IF EXISTS {keyspace}"))
    await session.close()


def batch_with(profile):
    batch = acsylla.create_batch_unlogged(execution_profile=profile)
    batch.add_statement(acsylla.create_statement(INSERT))
    return batch


EXPECTED = [
    ("two_fallthrough", errors.CassErrorServerUnavailable),
    ("two_default_retry", errors.CassErrorLibNoHostsAvailable),
    ("wrong_dc", errors.CassErrorLibNoHostsAvailable),
    ("nobody", errors.CassErrorLibNoHostsAvailable),
    ("no_such_profile", errors.CassErrorLibExecutionProfileInvalid),
    ("filter_without_policy", None),
    ("everything", None),
    ("dc_aware", None),
    ("", None),
]


@pytest.mark.parametrize("profile,error", EXPECTED, ids=[p or "empty" for p, _ in EXPECTED])
async def test_statement_with_profile(profiled, profile, error):
    statement = acsylla.create_statement(INSERT, execution_profile=profile)
    if error is None:
        await profiled.execute(statement)
    else:
        with pytest.raises(error):
            await profiled.execute(statement)


@pytest.mark.parametrize("profile,error", EXPECTED, ids=[p or "empty" for p, _ in EXPECTED])
async def test_batch_with_profile(profiled, profile, error):
    if error is None:
        await profiled.execute_batch(batch_with(profile))
    else:
        with pytest.raises(error):
            await profiled.execute_batch(batch_with(profile))


async def test_profile_set_and_cleared(profiled):
    statement = acsylla.create_statement(INSERT)
    statement.set_execution_profile("two_fallthrough")
    with pytest.raises(errors.CassErrorServerUnavailable):
        await profiled.execute(statement)
    statement.set_execution_profile("")
    await profiled.execute(statement)
    batch = batch_with(None)
    batch.set_execution_profile("two_fallthrough")
    with pytest.raises(errors.CassErrorServerUnavailable):
        await profiled.execute_batch(batch)
    batch.set_execution_profile("")
    await profiled.execute_batch(batch)


async def test_prepared_statement_profiles(profiled):
    prepared = await profiled.create_prepared("INSERT INTO t (k) VALUES (?)")
    with pytest.raises(errors.CassErrorServerUnavailable):
        await profiled.execute(prepared.bind([2], execution_profile="two_fallthrough"))
    await profiled.execute(prepared.bind([2]))
    # A profile given to the prepared statement applies to every statement bound from it.
    prepared.set_execution_profile("two_fallthrough")
    with pytest.raises(errors.CassErrorServerUnavailable):
        await profiled.execute(prepared([3]))
    statement = prepared([3])
    statement.set_execution_profile("everything")
    await profiled.execute(statement)


async def test_statement_settings_win_over_the_profile(profiled):
    statement = acsylla.create_statement(INSERT, execution_profile="two_fallthrough", consistency=Consistency.ONE)
    await profiled.execute(statement)


async def test_invalid_profile_settings():
    cluster = make_cluster()
    with pytest.raises(ValueError):
        cluster.create_execution_profile("bad", retry_policy="sometimes")
