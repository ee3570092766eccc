"""Connect over TLS. acsylla takes certificates and keys as PEM text, not file names.

    python ssl_connect.py [HOST] [CA_PEM] [CLIENT_CERT_PEM CLIENT_KEY_PEM]

Defaults: the tls test node of scripts/cassandra (127.0.2.1) and its CA.
"""

import asyncio
import os
import sys

import acsylla

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from cassandra_nodes import tls_dir  # noqa: E402 (after the path it is found on)

TLS_DIR = tls_dir()


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
