"""The driver's log: a level, and either the "acsylla" Python logger (default) or a callback."""

import asyncio
import logging
import os

import acsylla

HOST = os.environ.get("ACSYLLA_HOST", "127.0.0.1")


def on_log_message(message: acsylla.LogMessage):
    print(f"[{message.log_level}] {message.file}:{message.line} {message.message}")


async def main():
    # Messages through a callback of ours.
    cluster = acsylla.create_cluster([HOST], log_level="info", logging_callback=on_log_message)
    session = await cluster.create_session()
    await session.close()
    cluster.destroy()

    # Messages through Python's logging: the "acsylla" logger.
    logging.basicConfig(format="%(levelname)s %(name)s: %(message)s", level=logging.DEBUG)
    cluster = acsylla.create_cluster([HOST], log_level="debug")
    session = await cluster.create_session()
    cluster.set_log_level("warn")  # the level can change at any time
    await session.close()
    await asyncio.sleep(0.1)
    print("logging example done")


if __name__ == "__main__":
    asyncio.run(main())
