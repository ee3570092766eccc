"""Print the CQL that recreates a keyspace, from the driver's schema metadata."""

import asyncio
import os
import sys

import acsylla

HOST = os.environ.get("ACSYLLA_HOST", "127.0.0.1")
KEYSPACE = "acsylla_examples"


async def main(keyspace):
    cluster = acsylla.create_cluster([HOST])
    session = await cluster.create_session()
    await session.query(
        f"CREATE KEYSPACE IF NOT EXISTS {KEYSPACE}"
        " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}"
    )
    await session.query(f"CREATE TYPE IF NOT EXISTS {KEYSPACE}.address (street text, city text)")
    await session.query(
        f"CREATE TABLE IF NOT EXISTS {KEYSPACE}.customers (id uuid PRIMARY KEY, name text, home frozen<address>)"
    )
    # The C++ driver applies schema changes to its metadata shortly after the DDL completes (this
    # library before completing it): wait until the new table is there.
    for _ in range(100):
        metadata = session.get_metadata()
        if "customers" in metadata.get_tables(KEYSPACE):
            break
        await asyncio.sleep(0.1)
    print("server version:", ".".join(map(str, metadata.get_version())))
    print("keyspaces:", ", ".join(metadata.get_keyspaces()))
    print()
    print("\n\n".join(metadata.get_keyspace_meta(keyspace).as_cql_query(formatted=True)))
    await session.close()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1] if len(sys.argv) > 1 else KEYSPACE))
