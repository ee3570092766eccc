"""Paging: page size and page state by hand, the statement as an async generator, the README's
generator that fetches the next page while the current one is consumed, prepared statements."""

import asyncio

import acsylla
import pytest

ROWS = 100


@pytest.fixture(scope="module")
async def numbers(session):
    await session.execute(acsylla.create_statement("CREATE TABLE numbers (p int, n int, PRIMARY KEY (p, n))"))
    insert = await session.create_prepared("INSERT INTO numbers (p, n) VALUES (0, ?)")
    await asyncio.gather(*(session.execute(insert([n])) for n in range(ROWS)))


async def fetch_pages(session, statement):
    pages = []
    while True:
        result = await session.execute(statement)
        pages.append([row.column_value("n") for row in result])
        if not result.has_more_pages():
            return pages
        statement.set_page_state(result.page_state())


@pytest.mark.parametrize("page_size,fetches", [(None, 1), (75, 2), (100, 2), (25, 5), (50, 3), (1000, 1)])
async def test_page_sizes(session, numbers, page_size, fetches):
    statement = acsylla.create_statement("SELECT n FROM numbers WHERE p = 0", page_size=page_size)
    pages = await fetch_pages(session, statement)
    assert len(pages) == fetches
    assert [n for page in pages for n in page] == list(range(ROWS))
    if page_size:
        assert all(len(page) == page_size for page in pages[: ROWS // page_size])


async def test_page_size_changed_on_the_fly(session, numbers):
    statement = acsylla.create_statement("SELECT n FROM numbers WHERE p = 0", page_size=10)
    first = await session.execute(statement)
    assert first.count() == 10 and first.has_more_pages()
    statement.set_page_size(60)
    statement.set_page_state(first.page_state())
    second = await session.execute(statement)
    assert [row.column_value("n") for row in second] == list(range(10, 70))
    assert second.has_more_pages()


async def test_page_state_in_a_new_statement(session, numbers):
    first = await session.execute(acsylla.create_statement("SELECT n FROM numbers WHERE p = 0", page_size=30))
    token = first.page_state()
    assert isinstance(token, bytes) and token
    later = acsylla.create_statement("SELECT n FROM numbers WHERE p = 0", page_size=30, page_state=token)
    result = await session.execute(later)
    assert [row.column_value("n") for row in result] == list(range(30, 60))


async def test_statement_as_async_generator(session, numbers):
    statement = session.query("SELECT n FROM numbers WHERE p = 0", page_size=7)
    seen = [row.column_value("n") async for row in statement]
    assert seen == list(range(ROWS))


async def test_prepared_statement_paging(session, numbers):
    prepared = await session.create_prepared("SELECT n FROM numbers WHERE p = ?")
    statement = prepared.bind([0], page_size=40)
    pages = await fetch_pages(session, statement)
    assert [len(page) for page in pages] == [40, 40, 20]
    seen = [row.as_list()[0] async for row in prepared([0], page_size=33)]
    assert seen == list(range(ROWS))


class AsyncResultGenerator:
    """The README's pattern: ask for the next page before handing out the rows of this one."""

    def __init__(self, session, statement):
        self.session = session
        self.statement = statement

    async def __aiter__(self):
        result = await self.session.execute(self.statement)
        while True:
            if result.has_more_pages():
                self.statement.set_page_state(result.page_state())
                next_result = asyncio.create_task(self.session.execute(self.statement))
                await asyncio.sleep(0)
            else:
                next_result = None
            for row in result:
                yield dict(row)
            if next_result is None:
                break
            result = await next_result


async def test_prefetching_generator(session, numbers):
    prepared = await session.create_prepared("SELECT n FROM numbers")
    rows = [row async for row in AsyncResultGenerator(session, prepared.bind(page_size=9))]
    assert rows == [{"n": n} for n in range(ROWS)]


async def test_concurrent_pagers(session, numbers):
    async def walk(size):
        statement = acsylla.create_statement("SELECT n FROM numbers WHERE p = 0", page_size=size)
        return [n for page in await fetch_pages(session, statement) for n in page]

    results = await asyncio.gather(*(walk(size) for size in (3, 5, 11, 17, 64)))
    assert all(r == list(range(ROWS)) for r in results)
