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
import subprocess
import sys

# name, C parameters (Rust syntax), expression giving Result<Input, CassError>, doc phrase
TYPES = [
    ("null", [], "Ok(Input::null())", "NULL"),
    ("int8", [("value", "cass_int8_t")], "Ok(Input::int8(value))", "a tinyint"),
    ("int16", [("value", "cass_int16_t")], "Ok(Input::int16(value))", "a smallint"),
    ("int32", [("value", "cass_int32_t")], "Ok(Input::int32(value))", "an int"),
    ("uint32", [("value", "cass_uint32_t")], "Ok(Input::uint32(value))", "a date (days, 2^31 is the epoch)"),
    ("int64", [("value", "cass_int64_t")], "Ok(Input::int64(value))", "a bigint, counter, timestamp or time"),
    ("float", [("value", "cass_float_t")], "Ok(Input::float(value))", "a float"),
    ("double", [("value", "cass_double_t")], "Ok(Input::double(value))", "a double"),
    ("bool", [("value", "cass_bool_arg")], "Ok(Input::bool(value.get()))", "a boolean"),
    ("string", [("value", "*const c_char")], "from_c::string(value)",
     "NUL-terminated text (NULL is read as empty text)"),
    ("string_n", [("value", "*const c_char"), ("value_length", "usize")], "from_c::string_n(value, value_length)",
     "text of `value_length` bytes, sent as given"),
    ("bytes", [("value", "*const cass_byte_t"), ("value_size", "usize")], "from_c::bytes(value, value_size)",
     "a blob (also accepted by varint and custom columns)"),
    ("custom", [("class_name", "*const c_char"), ("value", "*const cass_byte_t"), ("value_size", "usize")],
     "from_c::custom(class_name, value, value_size)",
     "a custom value of the class `class_name` (only classes the `scylla` crate parses reach the server:\n/// Cassandra 5 vectors and blob-compatible types; see the README)"),
    ("custom_n", [("class_name", "*const c_char"), ("class_name_length", "usize"), ("value", "*const cass_byte_t"),
                  ("value_size", "usize")],
     "from_c::custom_n(class_name, class_name_length, value, value_size)",
     "a custom value of the class `class_name` (`class_name_length` bytes; the classes the `scylla`\n/// crate parses, as for the `_custom` form)"),
    ("uuid", [("value", "CassUuid")], "Ok(Input::uuid(value))", "a uuid or timeuuid"),
    ("inet", [("value", "CassInet")], "from_c::inet(&value)", "an inet (4 or 16 address bytes)"),
    ("decimal", [("varint", "*const cass_byte_t"), ("varint_size", "usize"), ("scale", "cass_int32_t")],
     "from_c::decimal(varint, varint_size, scale)", "a decimal: the unscaled varint bytes, passed through verbatim, and the scale"),
    ("duration", [("months", "cass_int32_t"), ("days", "cass_int32_t"), ("nanos", "cass_int64_t")],
     "Ok(Input::duration(months, days, nanos))", "a duration"),
    ("collection", [("value", "*const CassCollection")], "from_c::collection(value)",
     "a list, set or map (its items are copied now)"),
    ("tuple", [("value", "*const CassTuple")], "from_c::tuple(value)", "a tuple (its fields are copied now)"),
    ("user_type", [("value", "*const CassUserType")], "from_c::user_type(value)",
     "a user defined type value (its fields are copied now)"),
]

# dse.h: the same four families for DSE's custom types, written to src/dse/ (so that they are
# declared in dse.h). Each value goes where a custom type of its class is expected.
DSE_TYPES = [
    ("dse_point", [("x", "cass_double_t"), ("y", "cass_double_t")], "point_input(x, y)",
     "a DSE point (`org.apache.cassandra.db.marshal.PointType`, WKB)"),
    ("dse_line_string", [("line_string", "*const DseLineString")], "line_string_input(line_string)",
     "a DSE line string (`org.apache.cassandra.db.marshal.LineStringType`, WKB; its bytes as\n/// `dse_line_string_finish()` left them are copied now; NULL is `CASS_ERROR_LIB_BAD_PARAMS`)"),
    ("dse_polygon", [("polygon", "*const DsePolygon")], "polygon_input(polygon)",
     "a DSE polygon (`org.apache.cassandra.db.marshal.PolygonType`, WKB; its bytes as\n/// `dse_polygon_finish()` left them are copied now; NULL is `CASS_ERROR_LIB_BAD_PARAMS`)"),
    ("dse_date_range", [("range", "*const DseDateRange")], "date_range_input(range)",
     "a DSE date range (`org.apache.cassandra.db.marshal.DateRangeType`; NULL is\n/// `CASS_ERROR_LIB_BAD_PARAMS`)"),
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

def fn(name, head_params, call, params, expr, doc):
    allp = head_params + params
    sig = ", ".join(f"{p}: {t}" for p, t in allp)
    out = [doc, "#[no_mangle]", f"pub extern \"C\" fn {name}({sig}) -> CassError {{",
           f"    {call}|| {expr})", "}", ""]
    return "\n".join(out)

def family(header, modes, handle_param, skip=(), types=TYPES, uses=USES):
    parts = [header, uses]
    by_type = {t[0]: t for t in types}
    for tname, params, expr, phrase in types:
        if tname in skip:
            continue
        for mode in modes:
            suffix, head, call, docfmt = mode
            by_name = suffix[1].startswith("_by_name")
            if by_name and tname.endswith("_n"):
                # The name variants exist once: `_by_name` takes C strings, `_by_name_n` lengths.
                continue
            params_here, expr_here = params, expr
            if suffix[1] == "_by_name_n" and tname + "_n" in by_type:
                _, params_here, expr_here, _ = by_type[tname + "_n"]
            name = f"{suffix[0]}{tname}{suffix[1]}"
            parts.append(fn(name, [handle_param] + head, call, params_here, expr_here, docfmt.format(phrase)))
    return "\n".join(parts)

STMT_MODES = [(("cass_statement_bind_", ""), [("index", "usize")], "bind_index(statement, index, ",
      "/// Binds {} to the bind marker at `index`."),
     (("cass_statement_bind_", "_by_name"), [("name", "*const c_char")], "bind_name(statement, name, ",
      "/// Binds {} to every bind marker called `name` (case-insensitive unless in double quotes)."),
     (("cass_statement_bind_", "_by_name_n"), [("name", "*const c_char"), ("name_length", "usize")],
      "bind_name_n(statement, name, name_length, ",
      "/// Binds {} to every bind marker called `name` (`name_length` bytes).")]
stmt = family(
    "//! `cass_statement_bind_*`: every C type by marker index, by name and by name with a length.\n"
    "//! Generated by tools/gen/value_setters.py; the logic is in `bind_to` (statement/bind_to.rs).\n\n"
    "use crate::statement::bind_to::{bind_index, bind_name, bind_name_n};\nuse crate::statement::CassStatement;",
    STMT_MODES, ("statement", "*mut CassStatement"))

COLL_MODES = [(("cass_collection_append_", ""), [], "append(collection, ",
      "/// Appends {} to the collection (checked against its item type when it has one).")]
coll = family(
    "//! `cass_collection_append_*`: every C type. Generated by tools/gen/value_setters.py; the logic\n"
    "//! is in `append` (collection/mod.rs).\n\nuse crate::collection::append;",
    COLL_MODES, ("collection", "*mut CassCollection"), skip=("null",))

TUP_MODES = [(("cass_tuple_set_", ""), [("index", "usize")], "set_index(tuple, index, ",
      "/// Sets the field at `index` to {}.")]
tup = family(
    "//! `cass_tuple_set_*`: every C type by index. Generated by tools/gen/value_setters.py; the logic\n"
    "//! is in `set_index` (tuple/mod.rs).\n\nuse crate::tuple::set_index;",
    TUP_MODES, ("tuple", "*mut CassTuple"))

UDT_MODES = [(("cass_user_type_set_", ""), [("index", "usize")], "set_index(user_type, index, ",
      "/// Sets the field at `index` to {}."),
     (("cass_user_type_set_", "_by_name"), [("name", "*const c_char")], "set_name(user_type, name, ",
      "/// Sets the field called `name` (case-insensitive unless in double quotes) to {}."),
     (("cass_user_type_set_", "_by_name_n"), [("name", "*const c_char"), ("name_length", "usize")],
      "set_name_n(user_type, name, name_length, ",
      "/// Sets the field called `name` (`name_length` bytes) to {}.")]
udt = family(
    "//! `cass_user_type_set_*`: every C type by field index, by name and by name with a length.\n"
    "//! Generated by tools/gen/value_setters.py; the logic is in user_type/mod.rs.\n\n"
    "use crate::user_type::{set_index, set_name, set_name_n};",
    UDT_MODES, ("user_type", "*mut CassUserType"))

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
    family("", STMT_MODES, ("statement", "*mut CassStatement"), types=DSE_TYPES, uses=""),
    family("", COLL_MODES, ("collection", "*mut CassCollection"), types=DSE_TYPES, uses=""),
    family("", dse_modes(TUP_MODES, ("set_index(", "crate::tuple::set_index(")), ("tuple", "*mut CassTuple"),
           types=DSE_TYPES, uses=""),
    family("", dse_modes(UDT_MODES, ("set_index(", "crate::user_type::set_index(")), ("user_type", "*mut CassUserType"),
           types=DSE_TYPES, uses=""),
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
