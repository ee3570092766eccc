"""Where the test nodes of scripts/cassandra keep their files: shared by the tests (tests/conftest.py)
and the examples (examples/ssl_connect.py), which add this folder to sys.path."""

import os
import shlex
import subprocess


def tls_dir():
    """$CASSANDRA_TLS_DIR, else what scripts/cassandra says (its run folder is per user)."""
    if os.environ.get("CASSANDRA_TLS_DIR"):
        return os.environ["CASSANDRA_TLS_DIR"]
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scripts", "cassandra")
    out = subprocess.run(["bash", script, "env", "tls"], capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        if line.startswith("export CASSANDRA_TLS_DIR="):
            return shlex.split(line.split("=", 1)[1])[0]
    raise RuntimeError("scripts/cassandra env tls printed no CASSANDRA_TLS_DIR")
