"""Session metrics: request latency percentiles (microseconds), rates and connection counts."""

import asyncio
import dataclasses
import os

import acsylla

HOST = os.environ.get("ACSYLLA_HOST", "127.0.0.1")


async def main():
    cluster = acsylla.create_cluster([HOST], speculative_execution_policy=acsylla.SpeculativeExecutionPolicy(50, 1))
    session = await cluster.create_session()
    prepared = await session.create_prepared("SELECT release_version FROM system.local")
    await asyncio.gather(*(session.execute(prepared.bind()) for _ in range(1000)))
    for name, value in dataclasses.asdict(session.metrics()).items():
        print(f"{name:32} {value}")
    print("speculative:", session.speculative_execution_metrics())
    await session.close()


if __name__ == "__main__":
    asyncio.run(main())
