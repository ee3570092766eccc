"""Round trip of every CQL type through the wheel: written with a prepared statement (and with a
simple statement plus acsylla's type hints where acsylla allows it), read back as the Python
value acsylla makes of it.

What acsylla returns, by type: uuid/timeuuid/inet as str, varint as the raw two's-complement bytes,
decimal as Decimal (acsylla sends the decimal's text as the unscaled bytes, so only values it
wrote itself read back), date/time/timestamp as datetime objects (timestamp in UTC, milliseconds),
duration as text like "1y2mo3d4h"; with native_types=True the text or tuple forms instead."""

import datetime
import decimal
import ipaddress
import uuid
from itertools import count

import acsylla
import pytest
from acsylla import ValueType as VT

UTC = datetime.timezone.utc

COLUMNS = {
    "v_ascii": "ascii",
    "v_bigint": "bigint",
    "v_blob": "blob",
    "v_boolean": "boolean",
    "v_date": "date",
    "v_decimal": "decimal",
    "v_double": "double",
    "v_duration": "duration",
    "v_float": "float",
    "v_inet": "inet",
    "v_int": "int",
    "v_smallint": "smallint",
    "v_text": "text",
    "v_time": "time",
    "v_timestamp": "timestamp",
    "v_timeuuid": "timeuuid",
    "v_tinyint": "tinyint",
    "v_uuid": "uuid",
    "v_varchar": "varchar",
    "v_varint": "varint",
    "v_list": "list<int>",
    "v_set": "set<text>",
    "v_map": "map<text, int>",
    "v_frozen_list": "frozen<list<text>>",
    "v_tuple": "tuple<int, text, double>",
    "v_udt": "frozen<point>",
    "v_nested_udt": "frozen<shape>",
    "v_list_of_lists": "list<frozen<list<int>>>",
    "v_map_of_sets": "map<text, frozen<set<int>>>",
    "v_set_of_tuples": "set<frozen<tuple<int, text>>>",
    "v_list_of_udts": "list<frozen<point>>",
    "v_map_of_udts": "map<text, frozen<point>>",
    "v_tuple_nested": "tuple<frozen<point>, frozen<list<text>>, frozen<map<int, boolean>>>",
    "v_map_of_lists_of_maps": "map<int, frozen<list<frozen<map<text, bigint>>>>>",
}

TIMEUUID = "e3b7c6f0-6c1a-11ee-8c99-0242ac120002"
UUID4 = "a4e6f1d2-1111-4222-8333-444455556666"

# (column, value written, value read back)
ROUND_TRIPS = [
    ("v_ascii", "plain ascii", "plain ascii"),
    ("v_ascii", "", ""),
    ("v_bigint", 2**63 - 1, 2**63 - 1),
    ("v_bigint", -(2**63), -(2**63)),
    ("v_blob", b"\x00\x01\xfe\xff", b"\x00\x01\xfe\xff"),
    ("v_blob", b"", b""),
    ("v_blob", bytes(range(256)) * 64, bytes(range(256)) * 64),
    ("v_boolean", True, True),
    ("v_boolean", False, False),
    ("v_date", datetime.date(2024, 2, 29), datetime.date(2024, 2, 29)),
    ("v_date", datetime.date(1970, 1, 1), datetime.date(1970, 1, 1)),
    ("v_date", datetime.date(1900, 3, 1), datetime.date(1900, 3, 1)),
    ("v_date", datetime.date(9999, 12, 31), datetime.date(9999, 12, 31)),
    ("v_date", "2021-07-04", datetime.date(2021, 7, 4)),
    ("v_decimal", decimal.Decimal("123.4500"), decimal.Decimal("123.4500")),
    ("v_decimal", decimal.Decimal("0"), decimal.Decimal("0")),
    ("v_decimal", "98765432109876543210.0123456789", decimal.Decimal("98765432109876543210.0123456789")),
    ("v_double", 1e300, 1e300),
    ("v_double", -0.5, -0.5),
    ("v_duration", "1y2mo3w4d5h6m7s8ms9us10ns", "1y2mo25d5h6m7s8ms9us10ns"),
    ("v_duration", datetime.timedelta(days=2, seconds=5), "2d5s"),
    ("v_duration", (1, 2, 3), "1mo2d3ns"),
    ("v_duration", "-3d", "-3d"),
    ("v_float", 1.5, 1.5),
    ("v_float", -1024.25, -1024.25),
    ("v_inet", "10.1.2.3", "10.1.2.3"),
    ("v_inet", ipaddress.ip_address("2001:db8::1"), "2001:db8::1"),
    ("v_inet", "::1", "::1"),
    ("v_int", 2**31 - 1, 2**31 - 1),
    ("v_int", -(2**31), -(2**31)),
    ("v_smallint", -32768, -32768),
    ("v_smallint", 32767, 32767),
    ("v_text", "héllo wörld ✓ 𝄞", "héllo wörld ✓ 𝄞"),
    ("v_text", "", ""),
    ("v_text", "x" * 100_000, "x" * 100_000),
    ("v_time", datetime.time(1, 2, 3, 456789), datetime.time(1, 2, 3, 456789)),
    ("v_time", datetime.time(0, 0), datetime.time(0, 0)),
    ("v_time", "23:59:59.999999", datetime.time(23, 59, 59, 999999)),
    ("v_timestamp", datetime.datetime(2024, 1, 2, 3, 4, 5, 678901), datetime.datetime(2024, 1, 2, 3, 4, 5, 678000, tzinfo=UTC)),
    (
        "v_timestamp",
        datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.timezone(datetime.timedelta(hours=2))),
        datetime.datetime(2024, 1, 2, 1, 4, 5, tzinfo=UTC),
    ),
    ("v_timestamp", datetime.datetime(1960, 5, 6, 7, 8, 9, 10000), datetime.datetime(1960, 5, 6, 7, 8, 9, 10000, tzinfo=UTC)),
    ("v_timestamp", 1_700_000_000, datetime.datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC)),
    ("v_timeuuid", TIMEUUID, TIMEUUID),
    ("v_timeuuid", uuid.UUID(TIMEUUID), TIMEUUID),
    ("v_tinyint", -128, -128),
    ("v_tinyint", 127, 127),
    ("v_uuid", uuid.UUID(UUID4), UUID4),
    ("v_uuid", UUID4.upper(), UUID4),
    ("v_varchar", "varchar ✓", "varchar ✓"),
    # varint travels as its big-endian two's-complement bytes.
    ("v_varint", b"\x01\x00", b"\x01\x00"),
    ("v_varint", b"\xff", b"\xff"),
    ("v_varint", (10**30).to_bytes(13, "big", signed=True), (10**30).to_bytes(13, "big", signed=True)),
    ("v_list", [3, 1, 2, 1], [3, 1, 2, 1]),
    ("v_list", (7, 8), [7, 8]),
    ("v_set", {"b", "a", "c"}, {"a", "b", "c"}),
    ("v_set", ["x", "x", "y"], {"x", "y"}),
    ("v_map", {"one": 1, "two": 2}, {"one": 1, "two": 2}),
    ("v_map", [("k", 5)], {"k": 5}),
    ("v_frozen_list", ["a", "b"], ["a", "b"]),
    ("v_frozen_list", [], []),
    ("v_tuple", (1, "two", 3.0), (1, "two", 3.0)),
    ("v_tuple", (1, None, None), (1, None, None)),
    ("v_udt", {"x": 1, "y": 2}, {"x": 1, "y": 2}),
    ("v_udt", {"x": 1}, {"x": 1, "y": None}),
    (
        "v_nested_udt",
        {"name": "tri", "corners": [{"x": 0, "y": 0}, {"x": 1, "y": 0}], "center": {"x": 5, "y": 6}, "tags": {"a": "b"}},
        {"name": "tri", "corners": [{"x": 0, "y": 0}, {"x": 1, "y": 0}], "center": {"x": 5, "y": 6}, "tags": {"a": "b"}},
    ),
    ("v_list_of_lists", [[1, 2], [], [3]], [[1, 2], [], [3]]),
    ("v_map_of_sets", {"a": {1, 2}, "b": {3}}, {"a": {1, 2}, "b": {3}}),
    ("v_set_of_tuples", {(1, "a"), (2, "b")}, {(1, "a"), (2, "b")}),
    ("v_list_of_udts", [{"x": 1, "y": 2}, {"x": 3, "y": 4}], [{"x": 1, "y": 2}, {"x": 3, "y": 4}]),
    ("v_map_of_udts", {"p": {"x": 9, "y": 8}}, {"p": {"x": 9, "y": 8}}),
    (
        "v_tuple_nested",
        ({"x": 1, "y": 2}, ["q"], {1: True, 2: False}),
        ({"x": 1, "y": 2}, ["q"], {1: True, 2: False}),
    ),
    ("v_map_of_lists_of_maps", {1: [{"a": 1}, {"b": 2**40}]}, {1: [{"a": 1}, {"b": 2**40}]}),
]

# Simple (non-prepared) statements: acsylla binds by the type hint it is given.
HINTED = [
    ("v_ascii", "ascii", VT.ASCII, "ascii"),
    ("v_bigint", 2**40, VT.BIGINT, 2**40),
    ("v_blob", b"\x01\x02", VT.BLOB, b"\x01\x02"),
    ("v_boolean", True, VT.BOOLEAN, True),
    ("v_date", datetime.date(2000, 1, 1), VT.DATE, datetime.date(2000, 1, 1)),
    ("v_decimal", decimal.Decimal("1.25"), VT.DECIMAL, decimal.Decimal("1.25")),
    ("v_double", 0.1, VT.DOUBLE, 0.1),
    ("v_duration", "5h", VT.DURATION, "5h"),
    ("v_float", 0.25, VT.FLOAT, 0.25),
    ("v_inet", "192.168.0.1", VT.INET, "192.168.0.1"),
    ("v_int", 42, VT.INT, 42),
    ("v_smallint", 1000, VT.SMALL_INT, 1000),
    ("v_text", "text ✓", VT.TEXT, "text ✓"),
    ("v_time", datetime.time(12, 30), VT.TIME, datetime.time(12, 30)),
    ("v_timestamp", datetime.datetime(2020, 2, 2, tzinfo=UTC), VT.TIMESTAMP, datetime.datetime(2020, 2, 2, tzinfo=UTC)),
    ("v_timeuuid", TIMEUUID, VT.TIMEUUID, TIMEUUID),
    ("v_tinyint", 7, VT.TINY_INT, 7),
    ("v_uuid", UUID4, VT.UUID, UUID4),
    ("v_varchar", "vc", VT.VARCHAR, "vc"),
    ("v_varint", b"\x05", VT.VARINT, b"\x05"),
]

# Python values whose type acsylla infers for a simple statement without hints.
INFERRED = [
    ("v_int", 12345, 12345),
    ("v_text", "inferred", "inferred"),
    ("v_boolean", False, False),
    ("v_float", 2.5, 2.5),
    ("v_blob", b"raw", b"raw"),
    ("v_uuid", uuid.UUID(UUID4), UUID4),
    ("v_inet", ipaddress.ip_address("10.0.0.1"), "10.0.0.1"),
    ("v_timestamp", datetime.datetime(2022, 2, 2, 2, 2, 2, tzinfo=UTC), datetime.datetime(2022, 2, 2, 2, 2, 2, tzinfo=UTC)),
    ("v_date", datetime.date(2022, 2, 2), datetime.date(2022, 2, 2)),
    ("v_time", datetime.time(2, 2, 2), datetime.time(2, 2, 2)),
    ("v_duration", datetime.timedelta(hours=1), "1h"),
    ("v_decimal", decimal.Decimal("2.50"), decimal.Decimal("2.50")),
]

_keys = count(1)


@pytest.fixture(scope="module")
async def types_table(session):
    await session.execute(acsylla.create_statement("CREATE TYPE point (x int, y int)"))
    await session.execute(
        acsylla.create_statement(
            "CREATE TYPE shape (name text, corners frozen<list<frozen<point>>>, center frozen<point>, tags frozen<map<text, text>>)"
        )
    )
    columns = ", ".join(f"{name} {cql}" for name, cql in COLUMNS.items())
    await session.execute(acsylla.create_statement(f"CREATE TABLE all_types (k int PRIMARY KEY, {columns})"))
    await session.execute(acsylla.create_statement("CREATE TABLE counters (k int PRIMARY KEY, c counter)"))
    return "all_types"


async def read_back(session, column, key, native_types=False):
    statement = acsylla.create_statement(f"SELECT {column} FROM all_types WHERE k = ?", [key], native_types=native_types)
    result = await session.execute(statement)
    assert result.count() == 1
    return result.first().column_value(column)


def ident(value):
    text = repr(value)
    return text if len(text) < 40 else text[:37] + "..."


@pytest.mark.parametrize("column,written,expected", ROUND_TRIPS, ids=[f"{c}-{ident(w)}" for c, w, _ in ROUND_TRIPS])
async def test_prepared_round_trip(session, types_table, column, written, expected):
    key = next(_keys)
    insert = await session.create_prepared(f"INSERT INTO all_types (k, {column}) VALUES (?, ?)")
    await session.execute(insert.bind([key, written]))
    assert await read_back(session, column, key) == expected


@pytest.mark.parametrize("column", sorted(COLUMNS))
async def test_null_round_trip(session, types_table, column):
    key = next(_keys)
    insert = await session.create_prepared(f"INSERT INTO all_types (k, {column}) VALUES (?, ?)")
    await session.execute(insert([key, None]))
    assert await read_back(session, column, key) is None


@pytest.mark.parametrize("column", ["v_list", "v_set", "v_map"])
async def test_empty_collection_reads_as_null(session, types_table, column):
    # Cassandra stores an empty non-frozen collection as no cells at all.
    key = next(_keys)
    insert = await session.create_prepared(f"INSERT INTO all_types (k, {column}) VALUES (?, ?)")
    empty = {"v_list": [], "v_set": set(), "v_map": {}}[column]
    await session.execute(insert([key, empty]))
    assert await read_back(session, column, key) is None


@pytest.mark.parametrize("column,written,hint,expected", HINTED, ids=[c for c, *_ in HINTED])
async def test_simple_statement_with_type_hints(session, types_table, column, written, hint, expected):
    key = next(_keys)
    statement = session.query(f"INSERT INTO all_types (k, {column}) VALUES (?, ?)")
    await statement([key, written], value_types=[VT.INT, hint])
    assert await read_back(session, column, key) == expected
    # The same through named markers and a dict of hints.
    key = next(_keys)
    statement = session.query(
        f"INSERT INTO all_types (k, {column}) VALUES (:k, :{column})",
        {"k": key, column: written},
        value_types={"k": VT.INT, column: hint},
    )
    await statement
    assert await read_back(session, column, key) == expected


@pytest.mark.parametrize("column,written,expected", INFERRED, ids=[c for c, *_ in INFERRED])
async def test_simple_statement_infers_types(session, types_table, column, written, expected):
    key = next(_keys)
    await session.execute(acsylla.create_statement(f"INSERT INTO all_types (k, {column}) VALUES (?, ?)", [key, written]))
    assert await read_back(session, column, key) == expected


async def test_collections_need_a_prepared_statement(session, types_table):
    with pytest.raises(NotImplementedError):
        acsylla.create_statement("INSERT INTO all_types (k, v_list) VALUES (?, ?)", [1, [1, 2]])


async def test_native_types(session, types_table):
    key = next(_keys)
    insert = await session.create_prepared(
        "INSERT INTO all_types (k, v_date, v_time, v_timestamp, v_duration, v_decimal) VALUES (?, ?, ?, ?, ?, ?)"
    )
    await session.execute(
        insert(
            [
                key,
                datetime.date(2023, 4, 5),
                datetime.time(6, 7, 8, 9),
                datetime.datetime(2023, 4, 5, 6, 7, 8, 9000, tzinfo=UTC),
                "1mo2d3s",
                decimal.Decimal("10.50"),
            ]
        )
    )
    statement = acsylla.create_statement(
        "SELECT v_date, v_time, v_timestamp, v_duration, v_decimal FROM all_types WHERE k = ?", [key], native_types=True
    )
    row = (await session.execute(statement)).first()
    assert row.as_list() == ["2023-04-05", "06:07:08.000009000", "2023-04-05 06:07:08.009Z", (1, 2, 3_000_000_000), "10.50"]


async def test_values_written_as_cql_literals(session, types_table):
    key = next(_keys)
    await session.execute(
        acsylla.create_statement(
            f"INSERT INTO all_types (k, v_varint, v_inet, v_date, v_time, v_timestamp, v_duration, v_udt, v_tuple) VALUES "
            f"({key}, -129, '2001:db8::ff', '2001-02-03', '04:05:06.007', '2001-02-03T04:05:06.789Z', 1h30m, "
            f"{{x: 3, y: 4}}, (5, 'six', 7.5))"
        )
    )
    row = (
        await session.execute(
            acsylla.create_statement(
                "SELECT v_varint, v_inet, v_date, v_time, v_timestamp, v_duration, v_udt, v_tuple FROM all_types WHERE k = ?", [key]
            )
        )
    ).first()
    assert row.as_dict() == {
        "v_varint": (-129).to_bytes(2, "big", signed=True),
        "v_inet": "2001:db8::ff",
        "v_date": datetime.date(2001, 2, 3),
        "v_time": datetime.time(4, 5, 6, 7000),
        "v_timestamp": datetime.datetime(2001, 2, 3, 4, 5, 6, 789000, tzinfo=UTC),
        "v_duration": "1h30m",
        "v_udt": {"x": 3, "y": 4},
        "v_tuple": (5, "six", 7.5),
    }


async def test_counter(session, types_table):
    update = await session.create_prepared("UPDATE counters SET c = c + ? WHERE k = ?")
    for delta in (5, -2, 2**40):
        await session.execute(update([delta, 1]))
    result = await session.execute(acsylla.create_statement("SELECT c FROM counters WHERE k = 1"))
    assert result.first().column_value("c") == 3 + 2**40
    # A counter bound through a simple statement with a type hint.
    await session.query("UPDATE counters SET c = c + ? WHERE k = ?", [10, 2], value_types=[VT.COUNTER, VT.INT])
    result = await session.execute(acsylla.create_statement("SELECT c FROM counters WHERE k = 2"))
    assert result.first().column_value("c") == 10


async def test_all_columns_in_one_row(session, types_table):
    """One row with every column set, read back whole (as dict)."""
    written = {}
    expected = {}
    for column, value, back in ROUND_TRIPS:
        if column not in written:
            written[column] = value
            expected[column] = back
    key = next(_keys)
    names = sorted(written)
    insert = await session.create_prepared(
        f"INSERT INTO all_types (k, {', '.join(names)}) VALUES (?{', ?' * len(names)})"
    )
    statement = insert.bind()
    statement.bind_dict({"k": key, **written})
    await session.execute(statement)
    row = (await session.execute(acsylla.create_statement("SELECT * FROM all_types WHERE k = ?", [key]))).first()
    got = row.as_dict()
    assert got.pop("k") == key
    assert got == {**{c: None for c in COLUMNS}, **expected}
