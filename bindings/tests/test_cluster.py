"""Every keyword of acsylla.create_cluster: accepted, and where the effect can be seen from a
client, that effect (connection options as the server records them in system_views.clients,
load-balancing filters that leave no host, consistency levels the node cannot satisfy...)."""

import uuid

import acsylla
import pytest
from acsylla import errors

from conftest import HOST, IMPL, make_cluster


async def select_one(session):
    result = await session.execute(acsylla.create_statement("SELECT key FROM system.local"))
    return result.first().as_list()


async def server_side_clients(session, application_name):
    """The rows of system_views.clients for the connections that sent this application name."""
    result = await session.execute(acsylla.create_statement("SELECT * FROM system_views.clients"))
    return [
        row.as_dict()
        for row in result
        if (row.as_dict().get("client_options") or {}).get("APPLICATION_NAME") == application_name
    ]


# Keywords whose value changes nothing a client can see on one local node: each must be accepted,
# and a session built with it must connect and serve a query.
ACCEPTED = [
    dict(contact_points=HOST),
    dict(contact_points=f" {HOST} , {HOST} "),
    dict(port=9042),
    dict(local_port_range_min=50000, local_port_range_max=59999),
    dict(connect_timeout=3, request_timeout=0.5, resolve_timeout=1),
    dict(request_timeout=0),
    dict(protocol_version=4),
    dict(protocol_version="V4"),
    dict(protocol_version=acsylla.ProtocolVersion.V4),
    dict(use_beta_protocol_version=False),
    dict(consistency="ONE", serial_consistency="LOCAL_SERIAL"),
    dict(consistency=acsylla.Consistency.QUORUM, serial_consistency=acsylla.Consistency.SERIAL),
    dict(consistency=acsylla.Consistency.ALL),
    dict(num_threads_io=2),
    dict(queue_size_io=1024),
    dict(core_connections_per_host=2),
    dict(constant_reconnect_delay_ms=500),
    dict(exponential_reconnect_base_delay_ms=100, exponential_reconnect_max_delay_ms=1000),
    dict(coalesce_delay_us=0),
    dict(new_request_ratio=90),
    dict(max_schema_wait_time_ms=2000),
    dict(tracing_max_wait_time_ms=100, tracing_retry_wait_time_ms=5, tracing_consistency="ONE"),
    dict(load_balance_round_robin=True),
    dict(load_balance_dc_aware="datacenter1"),
    dict(load_balance_rack_aware_dc="datacenter1", load_balance_rack_aware_rack="rack1"),
    dict(token_aware_routing=False),
    dict(token_aware_routing=True, token_aware_routing_shuffle_replicas=False),
    dict(latency_aware_routing=True),
    dict(
        latency_aware_routing=True,
        latency_aware_routing_settings=acsylla.LatencyAwareRoutingSettings(
            exclusion_threshold=3.0, scale_ms=50, retry_period_ms=5000, update_rate_ms=50, min_measured=10
        ),
    ),
    dict(whitelist_hosts=HOST),
    dict(whitelist_dc="datacenter1"),
    dict(blacklist_hosts="127.0.0.250"),
    dict(blacklist_dc="dc-that-does-not-exist"),
    dict(tcp_nodelay=False),
    dict(tcp_keepalive_sec=30),
    dict(timestamp_gen="monotonic"),
    dict(heartbeat_interval_sec=5, idle_timeout_sec=20),
    dict(heartbeat_interval_sec=0),
    dict(retry_policy="default"),
    dict(retry_policy="fallthrough"),
    dict(retry_policy="default", retry_policy_logging=True),
    dict(use_schema=False),
    dict(hostname_resolution=True),
    dict(randomized_contact_points=False),
    dict(speculative_execution_policy=acsylla.SpeculativeExecutionPolicy(200, 1)),
    dict(max_reusable_write_objects=16),
    dict(prepare_on_all_hosts=False),
    dict(no_compact=True),
    dict(monitor_reporting_interval_sec=0),
    dict(ssl_enabled=False, ssl_verify_flags="none"),
]


@pytest.mark.parametrize("options", ACCEPTED, ids=lambda o: ",".join(sorted(o)))
async def test_option_is_accepted_and_session_works(options):
    options = dict(options)
    contact_points = options.pop("contact_points", [HOST])
    cluster = make_cluster(contact_points, **options)
    session = await cluster.create_session()
    try:
        assert await select_one(session) == ["local"]
    finally:
        await session.close()


async def test_contact_point_by_name(connect):
    session = await connect(["localhost"])
    assert await select_one(session) == ["local"]


async def test_application_name_version_and_client_id_reach_the_server(connect):
    client_id = str(uuid.uuid4())
    name = f"pyt-app-{uuid.uuid4().hex[:8]}"
    session = await connect(application_name=name, application_version="7.8.9", client_id=client_id)
    assert session.get_client_id() == client_id
    rows = await server_side_clients(session, name)
    assert rows, "the server saw no connection with our application name"
    for row in rows:
        assert row["client_options"]["APPLICATION_VERSION"] == "7.8.9"
        assert row["client_options"]["CLIENT_ID"] == client_id
        assert row["protocol_version"] == 4
        assert row["ssl_enabled"] is False


async def test_client_id_is_generated_when_not_given(connect):
    session = await connect()
    client_id = session.get_client_id()
    assert uuid.UUID(client_id).version == 4


async def test_local_address_is_the_source_of_connections(connect):
    name = f"pyt-local-{uuid.uuid4().hex[:8]}"
    # Any 127/8 address is local on Linux, so the connections can come from 127.0.0.5.
    session = await connect(application_name=name, local_address="127.0.0.5")
    rows = await server_side_clients(session, name)
    assert rows
    assert {row["address"] for row in rows} == {"127.0.0.5"}


async def test_core_connections_per_host_opens_that_many_connections(connect):
    name = f"pyt-pool-{uuid.uuid4().hex[:8]}"
    session = await connect(application_name=name, core_connections_per_host=3)
    rows = await server_side_clients(session, name)
    # Three request connections, plus the control connection the driver may keep apart.
    assert len(rows) >= 3
    assert session.metrics().stats_total_connections >= 1


async def test_protocol_version_3(connect):
    if IMPL == "ours":
        # Our library speaks only protocol v4 (the scylla crate is v4-only) and refuses any other
        # version with CASS_ERROR_LIB_BAD_PARAMS when it is set (README.md, support matrix); the
        # C++ driver accepts v3.
        with pytest.raises(errors.CassErrorLibBadParams):
            make_cluster(protocol_version=3)
        return
    name = f"pyt-v3-{uuid.uuid4().hex[:8]}"
    session = await connect(application_name=name, protocol_version=3)
    rows = await server_side_clients(session, name)
    # acsylla calls cass_cluster_set_use_beta_protocol_version(false) after setting the version,
    # and the C++ driver resets the version to its highest non-beta one (v4) there.
    assert rows and {row["protocol_version"] for row in rows} == {4}


async def test_protocol_version_5_is_refused_without_beta():
    with pytest.raises(errors.CassErrorLibBadParams):
        make_cluster(protocol_version=5)


async def test_unknown_protocol_version_is_a_value_error():
    with pytest.raises(ValueError):
        make_cluster(protocol_version=42)


async def test_consistency_the_node_cannot_satisfy(connect, keyspace):
    session = await connect()
    # One node: a keyspace with replication factor 1 cannot serve consistency TWO.
    ks = keyspace + "_rf1"
    await session.execute(
        acsylla.create_statement(
            f"CREATE KEYSPACE IF NOT EXISTS {ks} WITH replication = {{'class': 'SimpleStrategy', 'replication_factor': 1}}"
        )
    )
    try:
        await session.execute(acsylla.create_statement(f"CREATE TABLE IF NOT EXISTS {ks}.t (k int PRIMARY KEY)"))
        insert = f"INSERT INTO {ks}.t (k) VALUES (1)"
        strict = await connect(consistency=acsylla.Consistency.TWO, retry_policy="fallthrough")
        with pytest.raises(errors.CassErrorServerUnavailable):
            await strict.execute(acsylla.create_statement(insert))
        # The default retry policy tries the next host on "unavailable"; there is none.
        retrying = await connect(consistency=acsylla.Consistency.TWO)
        with pytest.raises(errors.CassErrorLibNoHostsAvailable):
            await retrying.execute(acsylla.create_statement(insert))
        # The statement's own consistency wins over the cluster's.
        statement = acsylla.create_statement(f"INSERT INTO {ks}.t (k) VALUES (1)", consistency=acsylla.Consistency.ONE)
        await strict.execute(statement)
    finally:
        await session.execute(acsylla.create_statement(f"DROP KEYSPACE IF EXISTS {ks}"))


@pytest.mark.parametrize(
    "options",
    [
        dict(load_balance_dc_aware="no-such-dc"),
        dict(blacklist_hosts=HOST),
        dict(whitelist_hosts="127.0.0.250"),
        dict(blacklist_dc="datacenter1"),
        dict(whitelist_dc="no-such-dc"),
    ],
    ids=lambda o: ",".join(f"{k}={v}" for k, v in o.items()),
)
async def test_load_balancing_that_leaves_no_host_fails_to_connect(options):
    cluster = make_cluster(**options)
    with pytest.raises(errors.CassErrorLibNoHostsAvailable):
        await cluster.create_session()


async def test_empty_contact_points_fail_to_connect():
    cluster = make_cluster("")
    with pytest.raises(errors.CassErrorLibNoHostsAvailable):
        await cluster.create_session()


async def test_unresolvable_contact_point_fails_to_connect():
    cluster = make_cluster(["no-such-host.invalid"], resolve_timeout=1)
    with pytest.raises(errors.CassErrorLibNoHostsAvailable):
        await cluster.create_session()


async def test_wrong_port_fails_to_connect():
    cluster = make_cluster(port=9)
    with pytest.raises(errors.CassErrorLibNoHostsAvailable):
        await cluster.create_session()


async def test_invalid_values_are_python_errors():
    with pytest.raises(ValueError):
        make_cluster(retry_policy="sometimes")
    with pytest.raises(ValueError):
        make_cluster(timestamp_gen="lunar")
    # acsylla 1.2.0 refuses "server_side" too: its check is `if ...: if ...: else: raise`, so only
    # "monotonic" gets through (a bug of the wheel's Python layer, before any driver call).
    with pytest.raises(ValueError):
        make_cluster(timestamp_gen="server_side")
    with pytest.raises(AttributeError):
        make_cluster(consistency="most")
    with pytest.raises(errors.CassErrorLibBadParams):
        make_cluster(client_id="not-a-uuid")
    with pytest.raises(errors.CassErrorLibHostResolution):
        make_cluster(local_address="not-an-address")


async def test_cloud_bundle_together_with_contact_points_is_refused():
    with pytest.raises(errors.CassErrorLibBadParams):
        make_cluster(cloud_secure_connection_bundle="/nonexistent/secure-connect.zip")


async def test_dse_authenticators():
    # The plaintext DSE authenticators only configure the cluster; they take effect when a DSE
    # node asks for authentication, which the plain node never does.
    cluster = make_cluster()
    cluster.set_dse_plaintext_authenticator("user", "secret")
    cluster.set_dse_plaintext_authenticator_proxy("user", "secret", "someone")
    session = await cluster.create_session()
    try:
        assert await select_one(session) == ["local"]
    finally:
        await session.close()
    # The wheel's driver is built without GSSAPI: the C++ driver answers "not implemented".
    with pytest.raises(errors.CassErrorLibNotImplemented):
        make_cluster(dse_gssapi_authenticator=acsylla.DseGssapiAuthenticator("dse", "user@REALM"))
    with pytest.raises(errors.CassErrorLibNotImplemented):
        make_cluster(dse_gssapi_authenticator_proxy=acsylla.DseGssapiAuthenticatorProxy("dse", "user@REALM", "other"))


async def test_setters_after_creation(connect):
    """The Cluster methods behind the keywords can be called on an existing cluster."""
    cluster = make_cluster()
    cluster.set_contact_points(HOST)
    cluster.set_port(9042)
    cluster.set_connect_timeout(5000)
    cluster.set_request_timeout(10000)
    cluster.set_resolve_timeout(2000)
    cluster.set_consistency(acsylla.Consistency.ONE.value)
    cluster.set_serial_consistency(acsylla.Consistency.SERIAL.value)
    cluster.set_num_threads_io(1)
    cluster.set_core_connections_per_host(1)
    cluster.set_constant_reconnect(1000)
    cluster.set_exponential_reconnect(1000, 10000)
    cluster.set_max_schema_wait_time(5000)
    cluster.set_tracing_max_wait_time(20)
    cluster.set_tracing_retry_wait_time(5)
    cluster.set_tracing_consistency(acsylla.Consistency.ONE.value)
    cluster.set_load_balance_round_robin(True)
    cluster.set_token_aware_routing(True)
    cluster.set_token_aware_routing_shuffle_replicas(True)
    cluster.set_latency_aware_routing(False)
    cluster.set_tcp_nodelay(True)
    cluster.set_tcp_keepalive(True, 60)
    cluster.set_timestamp_gen("monotonic")
    cluster.set_heartbeat_interval(30)
    cluster.set_idle_timeout(60)
    cluster.set_retry_policy("default", True)
    cluster.set_use_schema(True)
    cluster.set_hostname_resolution(False)
    cluster.set_randomized_contact_points(True)
    cluster.set_speculative_execution_policy(100, 1)
    cluster.set_no_speculative_execution_policy()
    cluster.set_prepare_on_all_hosts(True)
    cluster.set_no_compact(False)
    cluster.set_application_name("pyt-setters")
    cluster.set_application_version("1.0")
    cluster.set_monitor_reporting_interval(300)
    session = await cluster.create_session()
    try:
        assert await select_one(session) == ["local"]
    finally:
        await session.close()
