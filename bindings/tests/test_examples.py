"""Every script in bindings/examples runs to completion (in a subprocess, with this run's
LD_PRELOAD) and prints what it should."""

import os
import subprocess
import sys

import pytest

from conftest import HOST, TLS_DIR, TLS_HOST, node_is_up

EXAMPLES = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "examples")

# script -> lines (or line starts) its output must contain
EXPECTED = {
    "basic.py": ["tuple: (1, 10)", "tuple: (4, 40)", "tuple: (7, 70)", "dict: {'id': 7, 'value': 70}", "list: [7, 70]",
                 "by name: 70 70 70", "by index: 7 (70,)", "rows in table: 100"],
    "binding.py": ["rows: [(1, 100), (2, 200), (3, 300), (4, 400), (5, 500), (6, 600)]"],
    "paging.py": ["pages fetched by hand: 11", "rows from the generator: 250", "rows from the statement: 250"],
    "batch.py": ["items: 9"],
    "metadata.py": ["server version: ", 'CREATE KEYSPACE "acsylla_examples"', 'CREATE TYPE "acsylla_examples"."address"',
                    'CREATE TABLE "acsylla_examples"."customers"'],
    "logging_callback.py": ["[INFO] ", "logging example done"],
    "execution_profiles.py": ["value: 1", "unknown profile: CassErrorLibExecutionProfileInvalid"],
    "tracing.py": ["'request': 'Execute CQL3 query'", "'request': 'Execute batch of CQL3 queries'"],
    "host_listener.py": ["host event: ", f" {HOST}", "connections: "],
    "metrics.py": ["requests_percentile_99th", "stats_total_connections", "speculative: SpeculativeExecutionMetrics("],
    "ssl_connect.py": ["connection: {'ssl_enabled': True"],
}


def test_every_example_is_listed():
    assert sorted(f for f in os.listdir(EXAMPLES) if f.endswith(".py")) == sorted(EXPECTED)


@pytest.mark.parametrize("script", sorted(EXPECTED))
def test_example(script):
    env = dict(os.environ, ACSYLLA_HOST=HOST)
    if script == "ssl_connect.py":
        if not node_is_up(TLS_HOST) or not os.path.exists(os.path.join(TLS_DIR, "ca.pem")):
            pytest.skip("tls node not running")
        env["ACSYLLA_TLS_HOST"] = TLS_HOST
    completed = subprocess.run(
        [sys.executable, os.path.join(EXAMPLES, script)], env=env, capture_output=True, text=True, timeout=120
    )
    assert completed.returncode == 0, f"exit {completed.returncode}\n{completed.stdout[-2000:]}\n{completed.stderr[-3000:]}"
    lines = completed.stdout.splitlines()
    for expected in EXPECTED[script]:
        assert any(line.startswith(expected) or expected in line for line in lines), (expected, completed.stdout[-3000:])
