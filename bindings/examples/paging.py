"""Reading a large result page by page: by hand with the page state, and with an async generator
that asks for the next page while the current one is being used."""

import asyncio
import os

import acsylla

HOST = os.environ.get("ACSYLLA_HOST", "127.0.0.1")
KEYSPACE = "acsylla_examples"


async def pages_by_hand(session, prepared):
    statement = prepared.bind(page_size=10)
    pages = 0
    while True:
        result = await session.execute(statement)
        pages += 1
        for row in result:
            pass  # use the row
        if not result.has_more_pages():
            break
        statement.set_page_size(25)  # settings may change between pages
        statement.set_page_state(result.page_state())
    return pages


async def rows_prefetched(session, statement):
    result = await session.execute(statement)
    while True:
        following = None
        if result.has_more_pages():
            statement.set_page_state(result.page_state())
            following = asyncio.ensure_future(session.execute(statement))
        for row in result:
            yield dict(row)
        if following is None:
            return
        result = await following


async def main():
    cluster = acsylla.create_cluster([HOST])
    session = await cluster.create_session()
    await session.query(
        f"CREATE KEYSPACE IF NOT EXISTS {KEYSPACE}"
        " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}"
    )
    await session.use_keyspace(KEYSPACE)
    await session.query("CREATE TABLE IF NOT EXISTS paging (id int PRIMARY KEY, value text)")
    insert = await session.create_prepared("INSERT INTO paging (id, value) VALUES (?, ?)")
    await asyncio.gather(*(session.execute(insert([i, f"row {i}"])) for i in range(250)))

    prepared = await session.create_prepared("SELECT id, value FROM paging")
    print("pages fetched by hand:", await pages_by_hand(session, prepared))

    count = 0
    async for row in rows_prefetched(session, prepared.bind(page_size=50)):
        count += 1
    print("rows from the generator:", count)

    # A statement is itself an async iterator over all its pages.
    count = 0
    async for row in session.query("SELECT id FROM paging", page_size=100):
        count += 1
    print("rows from the statement:", count)
    await session.close()


if __name__ == "__main__":
    asyncio.run(main())
