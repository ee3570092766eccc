"""Connect over TLS. acsylla takes certificates and keys as PEM text, not file names.

    python ssl_connect.py [HOST] [CA_PEM] [CLIENT_CERT_PEM CLIENT_KEY_PEM]

Defaults: the tls test node of scripts/cassandra (127.0.2.1) and its CA.
"""

import asyncio
import os
import shlex
import subprocess
import sys

import acsylla


def _tls_dir():
    """$CASSANDRA_TLS_DIR, else what scripts/cassandra says (its run folder is per user)."""
    if os.environ.get("CASSANDRA_TLS_DIR"):
        return os.environ["CASSANDRA_TLS_DIR"]
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../..", "scripts", "cassandra")
    out = subprocess.run(["bash", script, "env", "tls"], capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        if line.startswith("export CASSANDRA_TLS_DIR="):
            return shlex.split(line.split("=", 1)[1])[0]
    raise RuntimeError("scripts/cassandra env tls printed no CASSANDRA_TLS_DIR")


TLS_DIR = _tls_dir()


def read(path):
    with open(path) as f:
        return f.read()


async def main(host, ca, cert=None, key=None):
    options = dict(ssl_enabled=True, ssl_trusted_cert=read(ca), ssl_verify_flags=acsylla.SSLVerifyFlags.PEER_IDENTITY)
    if cert and key:
        options.update(ssl_cert=read(cert), ssl_private_key=read(key))
    cluster = acsylla.create_cluster([host], **options)
    session = await cluster.create_session()
    result = await session.execute(
        acsylla.create_statement("SELECT ssl_enabled, ssl_protocol FROM system_views.clients")
    )
    for row in result:
        print("connection:", row.as_dict())
    await session.close()


if __name__ == "__main__":
    args = sys.argv[1:]
    host = args[0] if args else os.environ.get("ACSYLLA_TLS_HOST", "127.0.2.1")
    ca = args[1] if len(args) > 1 else os.path.join(TLS_DIR, "ca.pem")
    asyncio.run(main(host, ca, *args[2:4]))
