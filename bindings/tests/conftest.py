"""Shared fixtures for the acsylla tests.

The same tests run twice (scripts/python-tests): on the C++ driver inside the acsylla wheel
(IMPL=stock) and on our library loaded with LD_PRELOAD (IMPL=ours). A test asserts what a user of
acsylla observes, so both runs must give the same answer.

Nodes (scripts/cassandra): plain 127.0.0.1 (no auth), auth 127.0.1.1 (cassandra/cassandra),
tls 127.0.2.1 (client TLS, CA in $CASSANDRA_TLS_DIR). Each test module gets its own keyspace,
named after the module with a "pyt_" prefix, created at first use and dropped at the end.
"""

import os
import socket
import sys

import acsylla
import pytest
from acsylla.version import __version__ as ACSYLLA_VERSION

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from cassandra_nodes import tls_dir  # noqa: E402 (after the path it is found on)

IMPL = os.environ.get("IMPL", "stock")
HOST = os.environ.get("ACSYLLA_TEST_HOST", "127.0.0.1")
AUTH_HOST = os.environ.get("ACSYLLA_TEST_AUTH_HOST", "127.0.1.1")
TLS_HOST = os.environ.get("ACSYLLA_TEST_TLS_HOST", "127.0.2.1")
TLS_DIR = tls_dir()
PORT = 9042

# Generous timeouts: the node is shared with other test suites on a 2-core machine.
CLUSTER_DEFAULTS = dict(
    connect_timeout=10.0,
    request_timeout=30.0,
    resolve_timeout=5.0,
    # The wheel's default, "warn", forwards the driver's messages to the "acsylla" Python logger (the
    # C++ driver logs at ERROR that Cassandra has no shard information); logging tests set their own.
    log_level="critical",
)


def make_cluster(contact_points=None, **options):
    """A cluster for the plain node with the test defaults; keywords override them."""
    settings = dict(CLUSTER_DEFAULTS)
    settings.update(options)
    return acsylla.create_cluster([HOST] if contact_points is None else contact_points, **settings)


def node_is_up(host, port=PORT, timeout=1.0):
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def keyspace_for(module_name):
    base = module_name.rsplit(".", 1)[-1]
    if base.startswith("test_"):
        base = base[len("test_") :]
    return "pyt_" + base


async def create_keyspace(session, name):
    await session.execute(acsylla.create_statement(f"DROP KEYSPACE IF EXISTS {name}"))
    await session.execute(
        acsylla.create_statement(
            f"CREATE KEYSPACE {name} WITH replication = {{'class': 'SimpleStrategy', 'replication_factor': 1}}"
        )
    )


def pytest_report_header(config):
    preload = os.environ.get("LD_PRELOAD", "")
    return [f"acsylla {ACSYLLA_VERSION}, IMPL={IMPL}, LD_PRELOAD={preload or '-'}"]


@pytest.fixture(scope="session")
def impl():
    return IMPL


@pytest.fixture(scope="session")
def host():
    return HOST


@pytest.fixture(scope="module")
def keyspace(request):
    return keyspace_for(request.module.__name__)


@pytest.fixture(scope="module")
async def cluster():
    cluster = make_cluster()
    yield cluster


@pytest.fixture(scope="module")
async def session(cluster, keyspace):
    """A session of the module's cluster, using the module's (fresh) keyspace."""
    session = await cluster.create_session()
    await create_keyspace(session, keyspace)
    await session.use_keyspace(keyspace)
    yield session
    try:
        await session.execute(acsylla.create_statement(f"DROP KEYSPACE IF EXISTS {keyspace}"))
    finally:
        await session.close()


@pytest.fixture
async def connect():
    """Factory: `await connect(**cluster_options)` gives a new session on a new cluster
    (plain node unless contact_points is given). Sessions are closed at the end of the test."""
    opened = []

    async def _connect(contact_points=None, keyspace=None, **options):
        cluster = make_cluster(contact_points, **options)
        session = await cluster.create_session(keyspace=keyspace)
        opened.append((cluster, session))
        return session

    yield _connect
    for _, session in reversed(opened):
        await session.close()


def require_node(host, what):
    if not node_is_up(host):
        pytest.skip(f"{what} node {host}:{PORT} is not running (scripts/cassandra start {what})")
