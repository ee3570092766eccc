"""Host state changes: a callback told when nodes are added, come up, go down or are removed."""

import asyncio
import os

import acsylla

HOST = os.environ.get("ACSYLLA_HOST", "127.0.0.1")


def on_host_event(event: acsylla.HostListenerEvent, host: str):
    print("host event:", event.name, host)


async def main():
    cluster = acsylla.create_cluster([HOST], host_listener_callback=on_host_event)
    session = await cluster.create_session()
    metrics = session.metrics()
    print("connections:", metrics.stats_total_connections)
    await session.close()


if __name__ == "__main__":
    asyncio.run(main())
