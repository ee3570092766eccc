#!/usr/bin/env python3
"""Writes the Rust sources of the value-setting families of the C API (statement bind, collection
append, tuple set, user type set): one exported function per C type and addressing mode, each a
one-line call into a hand-written helper. cassandra.h's types go to the four families' modules,
dse.h's (DSE_TYPES) to src/dse/exports/value_setters.rs. Run from the repository root after changing the table;
the output is committed source (cbindgen reads the signatures from it), formatted with rustfmt and
marked @generated on its first line.

    tools/gen/value_setters.py           rewrite the five files
    tools/gen/value_setters.py --check   exit 1 when a committed file is not this script's output
"""

import os
import re
import subprocess
import sys
import textwrap

# name, C parameters (name, Rust type, @param text), expression giving Result<Input, CassError>,
# doc phrase, and when the value arguments alone give CASS_ERROR_LIB_BAD_PARAMS (None: never).
TYPES = [
    ("null", [], "Ok(Input::null())", "NULL", None),
    ("int8", [("value", "cass_int8_t", "The tinyint.")], "Ok(Input::int8(value))", "a tinyint", None),
    ("int16", [("value", "cass_int16_t", "The smallint.")], "Ok(Input::int16(value))", "a smallint", None),
    ("int32", [("value", "cass_int32_t", "The int.")], "Ok(Input::int32(value))", "an int", None),
    ("uint32", [("value", "cass_uint32_t", "The date as a day number, 2^31 being 1970-01-01.")],
     "Ok(Input::uint32(value))", "a date (days, 2^31 is the epoch)", None),
    ("int64", [("value", "cass_int64_t",
                "The number: a count, milliseconds since the epoch (timestamp) or nanoseconds since midnight (time).")],
     "Ok(Input::int64(value))", "a bigint, counter, timestamp or time", None),
    ("float", [("value", "cass_float_t", "The float.")], "Ok(Input::float(value))", "a float", None),
    ("double", [("value", "cass_double_t", "The double.")], "Ok(Input::double(value))", "a double", None),
    ("bool", [("value", "cass_bool_arg", "cass_true or cass_false.")], "Ok(Input::bool(value.get()))", "a boolean",
     None),
    ("string", [("value", "*const c_char", "NUL-terminated text, copied before the call returns; NULL is empty text.")],
     "from_c::string(value)", "NUL-terminated text (NULL is read as empty text)", None),
    ("string_n", [("value", "*const c_char", "The text, copied before the call returns (NULL only with length 0)."),
                  ("value_length", "usize", "The number of bytes in `value`.")],
     "from_c::string_n(value, value_length)", "text of `value_length` bytes, sent as given",
     "`value` is NULL with a non-zero length"),
    ("bytes", [("value", "*const cass_byte_t", "The bytes, copied before the call returns (NULL only with size 0)."),
               ("value_size", "usize", "The number of bytes in `value`.")],
     "from_c::bytes(value, value_size)", "a blob (also accepted by varint and custom columns)",
     "`value` is NULL with a non-zero size"),
    ("custom", [("class_name", "*const c_char", "The NUL-terminated class name of the custom type (UTF-8)."),
                ("value", "*const cass_byte_t", "The serialized value, copied before the call returns (NULL only with "
                 "size 0)."),
                ("value_size", "usize", "The number of bytes in `value`.")],
     "from_c::custom(class_name, value, value_size)",
     "a custom value of the class `class_name` (only classes the `scylla` crate parses reach the server:\n/// Cassandra 5 vectors and blob-compatible types; see the README)",
     "`class_name` is not UTF-8 or `value` is NULL with a non-zero size"),
    ("custom_n", [("class_name", "*const c_char", "The class name of the custom type (UTF-8, NULL only with length 0)."),
                  ("class_name_length", "usize", "The number of bytes in `class_name`."),
                  ("value", "*const cass_byte_t", "The serialized value, copied before the call returns (NULL only "
                   "with size 0)."),
                  ("value_size", "usize", "The number of bytes in `value`.")],
     "from_c::custom_n(class_name, class_name_length, value, value_size)",
     "a custom value of the class `class_name` (`class_name_length` bytes; the classes the `scylla`\n/// crate parses, as for the `_custom` form)",
     "`class_name` is not UTF-8 or a pointer is NULL with a non-zero length"),
    ("uuid", [("value", "CassUuid", "The uuid, passed by value.")], "Ok(Input::uuid(value))", "a uuid or timeuuid",
     None),
    ("inet", [("value", "CassInet", "The address, passed by value; its `address_length` must be 4 or 16.")],
     "from_c::inet(&value)", "an inet (4 or 16 address bytes)", "the address length is neither 4 nor 16"),
    ("decimal", [("varint", "*const cass_byte_t", "The unscaled value as big-endian two's complement bytes (NULL only "
                  "with size 0)."),
                 ("varint_size", "usize", "The number of bytes in `varint`."),
                 ("scale", "cass_int32_t", "The number of digits after the decimal point.")],
     "from_c::decimal(varint, varint_size, scale)",
     "a decimal: the unscaled varint bytes, passed through verbatim, and the scale",
     "`varint` is NULL with a non-zero size"),
    ("duration", [("months", "cass_int32_t", "The months."), ("days", "cass_int32_t", "The days."),
                  ("nanos", "cass_int64_t", "The nanoseconds.")],
     "Ok(Input::duration(months, days, nanos))", "a duration", None),
    ("collection", [("value", "*const CassCollection", "The collection; the caller keeps and frees it. Not NULL.")],
     "from_c::collection(value)", "a list, set or map (its items are copied now)", "`value` is NULL"),
    ("tuple", [("value", "*const CassTuple", "The tuple; the caller keeps and frees it. Not NULL.")],
     "from_c::tuple(value)", "a tuple (its fields are copied now)", "`value` is NULL"),
    ("user_type", [("value", "*const CassUserType", "The user type value; the caller keeps and frees it. Not NULL.")],
     "from_c::user_type(value)", "a user defined type value (its fields are copied now)", "`value` is NULL"),
]

# dse.h: the same four families for DSE's custom types, written to src/dse/ (so that they are
# declared in dse.h). Each value goes where a custom type of its class is expected.
DSE_TYPES = [
    ("dse_point", [("x", "cass_double_t", "The X coordinate."), ("y", "cass_double_t", "The Y coordinate.")],
     "point_input(x, y)", "a DSE point (`org.apache.cassandra.db.marshal.PointType`, WKB)", None),
    ("dse_line_string", [("line_string", "*const DseLineString",
                          "The line string; the caller keeps and frees it. Not NULL.")],
     "line_string_input(line_string)",
     "a DSE line string (`org.apache.cassandra.db.marshal.LineStringType`, WKB; its bytes as\n/// `dse_line_string_finish()` left them are copied now)",
     "`line_string` is NULL"),
    ("dse_polygon", [("polygon", "*const DsePolygon", "The polygon; the caller keeps and frees it. Not NULL.")],
     "polygon_input(polygon)",
     "a DSE polygon (`org.apache.cassandra.db.marshal.PolygonType`, WKB; its bytes as\n/// `dse_polygon_finish()` left them are copied now)",
     "`polygon` is NULL"),
    ("dse_date_range", [("range", "*const DseDateRange", "The date range, read now (the caller's struct). Not NULL.")],
     "date_range_input(range)", "a DSE date range (`org.apache.cassandra.db.marshal.DateRangeType`)",
     "`range` is NULL"),
]

USES = """use crate::collection::CassCollection;
use crate::encode::{from_c, Input};
use crate::error::CassError;
use crate::tuple::CassTuple;
use crate::types::{
    cass_bool_arg, cass_byte_t, cass_double_t, cass_float_t, cass_int16_t, cass_int32_t, cass_int64_t, cass_int8_t,
    cass_uint32_t, CassInet, CassUuid,
};
use crate::user_type::CassUserType;
use std::ffi::c_char;
"""

def wrapped(tag):
    """`tag` as `///` lines of at most 120 characters."""
    return "\n".join("/// " + line for line in textwrap.wrap(tag, width=116, break_on_hyphens=False))


def either(conditions):
    return ", ".join(conditions[:-1]) + " or " + conditions[-1] if len(conditions) > 1 else conditions[0]


# What each family returns besides CASS_OK and CASS_ERROR_LIB_BAD_PARAMS, by addressing mode.
MISSING = {
    "statement": {"index": "CASS_ERROR_LIB_INDEX_OUT_OF_BOUNDS when `index` is not below the statement's marker count",
                  "name": "CASS_ERROR_LIB_NAME_DOES_NOT_EXIST when no marker is called `name` (on a simple statement: "
                          "when every marker already has another name)"},
    "collection": {},
    "tuple": {"index": "CASS_ERROR_LIB_INDEX_OUT_OF_BOUNDS when `index` is not below the tuple's size"},
    "user_type": {"index": "CASS_ERROR_LIB_INDEX_OUT_OF_BOUNDS when `index` is not below the field count",
                  "name": "CASS_ERROR_LIB_NAME_DOES_NOT_EXIST when the type has no field called `name`"},
}
WRONG_TYPE = {
    "statement": "CASS_ERROR_LIB_INVALID_VALUE_TYPE when the prepared statement's marker has another type",
    "collection": "CASS_ERROR_LIB_INVALID_VALUE_TYPE when the collection's item type (for a map: the key or value "
                  "type due next) is another",
    "tuple": "CASS_ERROR_LIB_INVALID_VALUE_TYPE when the tuple's type gives that field another type",
    "user_type": "CASS_ERROR_LIB_INVALID_VALUE_TYPE when the field has another type",
}
# Targets that refuse a map whose last key has no value.
CHECKS_MAPS = ("statement", "user_type")


def returns(target, kind, tname, bad):
    """The @return tag of one setter."""
    null = [target] + (["name"] if kind == "name" else [])
    other = ["`name` is NULL with a non-zero length or not UTF-8"] if kind == "name_n" else []
    if bad and re.fullmatch(r"`\w+` is NULL", bad):
        null.append(bad.split("`")[1])
    elif bad:
        other.append(bad)
    conditions = [either([f"`{p}`" for p in null]) + " is NULL"] + other
    codes = ["CASS_OK on success", "CASS_ERROR_LIB_BAD_PARAMS when " + either(conditions)]
    missing = MISSING[target].get("index" if kind == "index" else "name")
    if missing:
        codes.append(missing)
    codes.append(WRONG_TYPE[target])
    if tname == "collection" and target in CHECKS_MAPS:
        codes.append("CASS_ERROR_LIB_INVALID_ITEM_COUNT for a map whose last key has no value")
    return "@return " + "; ".join(codes) + "."


def fn(name, head_params, call, params, expr, doc, ret):
    allp = head_params + params
    sig = ", ".join(f"{p}: {t}" for p, t, _ in allp)
    tags = [wrapped(f"@param[in] {p} {d}") for p, _, d in allp] + [wrapped(ret)]
    out = [doc, "///", *tags, "#[no_mangle]", f"pub extern \"C\" fn {name}({sig}) -> CassError {{",
           f"    {call}|| {expr})", "}", ""]
    return "\n".join(out)

def family(header, modes, handle_param, skip=(), types=TYPES, uses=USES):
    parts = [header, uses]
    by_type = {t[0]: t for t in types}
    for tname, params, expr, phrase, bad in types:
        if tname in skip:
            continue
        for mode in modes:
            suffix, head, call, docfmt = mode
            kind = {"": "index", "_by_name": "name", "_by_name_n": "name_n"}[suffix[1]]
            by_name = suffix[1].startswith("_by_name")
            if by_name and tname.endswith("_n"):
                # The name variants exist once: `_by_name` takes C strings, `_by_name_n` lengths.
                continue
            params_here, expr_here, bad_here = params, expr, bad
            if suffix[1] == "_by_name_n" and tname + "_n" in by_type:
                _, params_here, expr_here, _, bad_here = by_type[tname + "_n"]
            name = f"{suffix[0]}{tname}{suffix[1]}"
            ret = returns(handle_param[0], kind, tname, bad_here)
            parts.append(fn(name, [handle_param] + head, call, params_here, expr_here, docfmt.format(phrase), ret))
    return "\n".join(parts)

INDEX = ("index", "usize", "The zero-based position of the bind marker.")
FIELD_INDEX = ("index", "usize", "The zero-based position of the field.")
NAME = ("name", "*const c_char", "The NUL-terminated name; not NULL.")
NAME_N = ("name", "*const c_char", "The name (UTF-8, NULL only with length 0).")
NAME_LENGTH = ("name_length", "usize", "The number of bytes in `name`.")

STMT_MODES = [(("cass_statement_bind_", ""), [INDEX], "bind_index(statement, index, ",
      "/// Binds {} to the bind marker at `index`."),
     (("cass_statement_bind_", "_by_name"), [NAME], "bind_name(statement, name, ",
      "/// Binds {} to every bind marker called `name` (case-insensitive unless in double quotes)."),
     (("cass_statement_bind_", "_by_name_n"), [NAME_N, NAME_LENGTH],
      "bind_name_n(statement, name, name_length, ",
      "/// Binds {} to every bind marker called `name` (`name_length` bytes).")]
STATEMENT = ("statement", "*mut CassStatement", "The statement to bind into; not NULL.")
stmt = family(
    "//! `cass_statement_bind_*`: every C type by marker index, by name and by name with a length.\n"
    "//! Generated by tools/gen/value_setters.py; the logic is in `bind_to` (statement/bind_to.rs).\n\n"
    "use crate::statement::bind_to::{bind_index, bind_name, bind_name_n};\nuse crate::statement::CassStatement;",
    STMT_MODES, STATEMENT)

COLL_MODES = [(("cass_collection_append_", ""), [], "append(collection, ",
      "/// Appends {} to the collection (checked against its item type when it has one).")]
COLLECTION = ("collection", "*mut CassCollection", "The collection to append to; not NULL.")
coll = family(
    "//! `cass_collection_append_*`: every C type. Generated by tools/gen/value_setters.py; the logic\n"
    "//! is in `append` (collection/mod.rs).\n\nuse crate::collection::append;",
    COLL_MODES, COLLECTION, skip=("null",))

TUP_MODES = [(("cass_tuple_set_", ""), [FIELD_INDEX], "set_index(tuple, index, ",
      "/// Sets the field at `index` to {}.")]
TUPLE = ("tuple", "*mut CassTuple", "The tuple to change; not NULL.")
tup = family(
    "//! `cass_tuple_set_*`: every C type by index. Generated by tools/gen/value_setters.py; the logic\n"
    "//! is in `set_index` (tuple/mod.rs).\n\nuse crate::tuple::set_index;",
    TUP_MODES, TUPLE)

UDT_MODES = [(("cass_user_type_set_", ""), [FIELD_INDEX], "set_index(user_type, index, ",
      "/// Sets the field at `index` to {}."),
     (("cass_user_type_set_", "_by_name"), [NAME], "set_name(user_type, name, ",
      "/// Sets the field called `name` (case-insensitive unless in double quotes) to {}."),
     (("cass_user_type_set_", "_by_name_n"), [NAME_N, NAME_LENGTH],
      "set_name_n(user_type, name, name_length, ",
      "/// Sets the field called `name` (`name_length` bytes) to {}.")]
USER_TYPE = ("user_type", "*mut CassUserType", "The user type value to change; not NULL.")
udt = family(
    "//! `cass_user_type_set_*`: every C type by field index, by name and by name with a length.\n"
    "//! Generated by tools/gen/value_setters.py; the logic is in user_type/mod.rs.\n\n"
    "use crate::user_type::{set_index, set_name, set_name_n};",
    UDT_MODES, USER_TYPE)

DSE_USES = """use crate::dse::date_range::date_range_input;
use crate::dse::geometry::{line_string_input, point_input, polygon_input, DseLineString, DsePolygon};
use crate::dse::DseDateRange;
use crate::collection::{append, CassCollection};
use crate::error::CassError;
use crate::statement::bind_to::{bind_index, bind_name, bind_name_n};
use crate::statement::CassStatement;
use crate::tuple::CassTuple;
use crate::types::cass_double_t;
use crate::user_type::{set_name, set_name_n, CassUserType};
use std::ffi::c_char;
"""


def dse_modes(modes, call_rename=None):
    if call_rename is None:
        return modes
    return [(suffix, head, call.replace(*call_rename), doc) for suffix, head, call, doc in modes]


dse = "\n".join([
    "//! dse.h's value setters: DSE points, line strings, polygons and date ranges bound to statements,\n"
    "//! appended to collections and set in tuples and user types, checked like any custom value\n"
    "//! against the class the target expects. Generated by tools/gen/value_setters.py; the\n"
    "//! encodings are in geometry.rs and date_range.rs.\n",
    DSE_USES,
    family("", STMT_MODES, STATEMENT, types=DSE_TYPES, uses=""),
    family("", COLL_MODES, COLLECTION, types=DSE_TYPES, uses=""),
    family("", dse_modes(TUP_MODES, ("set_index(", "crate::tuple::set_index(")), TUPLE, types=DSE_TYPES, uses=""),
    family("", dse_modes(UDT_MODES, ("set_index(", "crate::user_type::set_index(")), USER_TYPE, types=DSE_TYPES,
           uses=""),
])


GENERATED = ("// @generated by tools/gen/value_setters.py: do not edit by hand; change its table and run it\n"
             "// from the repository root (scripts/test-all checks that this file is its output).\n")


def formatted(src):
    """The source as `cargo fmt` leaves it (the repository's rustfmt.toml)."""
    return subprocess.run(["rustfmt", "--edition", "2021", "--emit", "stdout", "--config-path", "rustfmt.toml"],
                          input=src, capture_output=True, text=True, check=True).stdout


OUTPUTS = {
    "src/statement/exports/bind.rs": stmt,
    "src/collection/exports/append.rs": coll,
    "src/tuple/exports/setters.rs": tup,
    "src/user_type/exports/setters.rs": udt,
    "src/dse/exports/value_setters.rs": dse,
}

# Exports are the C ABI, reached from C: allowed by the `unreachable_pub` lint build (scripts/test-all).
ALLOW = "#![allow(unreachable_pub)] // the C ABI: reached from C, not from Rust\n"


def with_allow(src):
    """`src` with ALLOW after its leading comment lines."""
    lines = src.split("\n")
    i = 0
    while i < len(lines) and lines[i].startswith("//"):
        i += 1
    return "\n".join(lines[:i]) + "\n" + ALLOW + "\n".join(lines[i:])


check = "--check" in sys.argv[1:]
stale = []
for path, src in OUTPUTS.items():
    text = formatted(GENERATED + with_allow(src))
    current = open(path).read() if os.path.exists(path) else None
    if current == text:
        continue
    if check:
        stale.append(path)
    else:
        with open(path, "w") as f:
            f.write(text)
if stale:
    print("not the output of tools/gen/value_setters.py (run it): " + ", ".join(stale), file=sys.stderr)
    sys.exit(1)
