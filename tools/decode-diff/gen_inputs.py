#!/usr/bin/env python3
"""Generates decode_diff inputs: "<column> <hex>" lines, valid encodings of the columns' types with
random damage (cut, extended, empty parts, negative or wrong lengths, short tuples, random bytes).

    gen_inputs.py N [SEED]
"""
import random
import struct
import sys

INT = lambda r: struct.pack(">i", r.randint(-2**31, 2**31 - 1))
BIGINT = lambda r: struct.pack(">q", r.randint(-2**63, 2**63 - 1))


def vint(n):
    """Cassandra's unsigned vint: as many leading 1 bits in the first byte as extra bytes."""
    for extra in range(8):
        if n < 1 << (7 * (extra + 1)):
            body = n.to_bytes(extra + 1, "big")
            return bytes([body[0] | ((0xff << (8 - extra)) & 0xff)]) + body[1:]
    return b"\xff" + n.to_bytes(8, "big")


def zigzag(n):
    return ((n << 1) ^ (n >> 63)) & ((1 << 64) - 1)


def duration(r):
    months = r.choice([0, 1, -1, r.randint(-2**31, 2**31 - 1)])
    days = r.choice([0, 5, -5, r.randint(-2**31, 2**31 - 1)])
    nanos = r.choice([0, 7, r.randint(-2**63, 2**63 - 1)])
    if (months < 0 < days) or (months > 0 > days):
        days = -days
    return b"".join(vint(zigzag(x)) for x in (months, days, nanos))


def varint(r):
    n = r.randint(-2**70, 2**70)
    length = max(1, (n.bit_length() + 8) // 8)
    return n.to_bytes(length, "big", signed=True)


def text(r):
    return bytes(r.choice(b"abcxyz") for _ in range(r.randint(0, 6)))


SCALARS = {
    "c_boolean": lambda r: bytes([r.choice([0, 1, 2, 255])]),
    "c_tinyint": lambda r: bytes([r.randint(0, 255)]),
    "c_smallint": lambda r: struct.pack(">h", r.randint(-2**15, 2**15 - 1)),
    "c_int": INT,
    "c_bigint": BIGINT,
    "c_float": lambda r: struct.pack(">f", r.uniform(-1e6, 1e6)),
    "c_double": lambda r: struct.pack(">d", r.uniform(-1e9, 1e9)),
    "c_decimal": lambda r: INT(r) + varint(r),
    "c_varint": varint,
    "c_text": text,
    "c_ascii": text,
    "c_blob": lambda r: r.randbytes(r.randint(0, 8)),
    "c_timestamp": BIGINT,
    "c_date": INT,
    "c_time": lambda r: struct.pack(">q", r.randint(0, 86399999999999)),
    "c_uuid": lambda r: r.randbytes(16),
    "c_timeuuid": lambda r: r.randbytes(6) + bytes([0x11]) + r.randbytes(9),
    "c_inet": lambda r: r.randbytes(r.choice([4, 16])),
    "c_duration": duration,
}


def cell(r, payload, damage=True):
    """[int length][bytes], sometimes NULL, empty or with a wrong length."""
    if damage:
        roll = r.random()
        if roll < 0.08:
            return struct.pack(">i", -1)
        if roll < 0.16:
            return struct.pack(">i", 0)
        if roll < 0.2:
            return struct.pack(">i", r.choice([-2, len(payload) + 1, max(0, len(payload) - 1)])) + payload
    return struct.pack(">i", len(payload)) + payload


def collection(r, items):
    """[int count] and the items (a map's key and value joined as one item)."""
    count = len(items)
    if r.random() < 0.1:
        count = r.choice([-1, 0, count + 1, max(0, count - 1)])
    return struct.pack(">i", count) + b"".join(items)


def composite(r, fields):
    """A tuple or user type value: its fields, sometimes only the first few."""
    if r.random() < 0.3:
        fields = fields[: r.randint(0, len(fields))]
    return b"".join(fields)


def int_list(r):
    return collection(r, [cell(r, INT(r)) for _ in range(r.randint(0, 3))])


COMPOSITES = {
    "c_list": int_list,
    "c_lempty": int_list,
    "c_set": lambda r: collection(r, [cell(r, text(r)) for _ in range(r.randint(0, 3))]),
    "c_map": lambda r: collection(
        r, [cell(r, INT(r)) + cell(r, text(r)) for _ in range(r.randint(0, 3))]),
    "c_tuple": lambda r: composite(r, [cell(r, INT(r)), cell(r, text(r)), cell(r, BIGINT(r))]),
    "c_udt": lambda r: composite(r, [cell(r, INT(r)), cell(r, text(r)), cell(r, duration(r))]),
    "c_nested": lambda r: collection(
        r, [cell(r, composite(r, [cell(r, INT(r)), cell(r, int_list(r))])) for _ in range(r.randint(0, 3))]),
    "c_lmap": lambda r: collection(
        r, [cell(r, text(r)) + cell(r, int_list(r)) for _ in range(r.randint(0, 2))]),
    "c_tdec": lambda r: composite(
        r, [cell(r, SCALARS["c_decimal"](r)), cell(r, duration(r)), cell(r, SCALARS["c_inet"](r))]),
}

COLUMNS = {**SCALARS, **COMPOSITES}


def damage(r, data):
    roll = r.random()
    if roll < 0.45:
        return data
    if roll < 0.55:
        return b""
    if roll < 0.7 and data:
        return data[: r.randint(0, len(data) - 1)]
    if roll < 0.8:
        return data + r.randbytes(r.randint(1, 4))
    if roll < 0.9 and data:
        i = r.randrange(len(data))
        return data[:i] + bytes([r.randint(0, 255)]) + data[i + 1:]
    return r.randbytes(r.randint(0, 12))


def main():
    n = int(sys.argv[1])
    r = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 13)
    names = sorted(COLUMNS)
    for _ in range(n):
        name = r.choice(names)
        print(name, damage(r, COLUMNS[name](r)).hex())


if __name__ == "__main__":
    main()
