#!/usr/bin/env python3
"""The generated headers declare exactly upstream's functions: every name of
../shared/spec/cassandra-h-functions.txt in include/cassandra.h and of dse-h-functions.txt in
include/dse.h, and no other function (no foreign prototype, such as OpenSSL's, that would clash
with a program's own headers). Exit 1 with the differences otherwise.

    tools/checks/header_names.py [SPEC_DIR]   (default: ../shared/spec beside the project)
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# A prototype at file scope: a return type, a name, an opening parenthesis, a closing `);`.
PROTOTYPE = re.compile(r"^(?:CASS_EXPORT\s+)?[A-Za-z_][\w\s\*]*?\b([A-Za-z_]\w*)\s*\([^;{]*\)\s*;", re.M)


def declared(header):
    text = open(os.path.join(ROOT, "include", header)).read()
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)   # comments
    text = re.sub(r"^\s*#.*$", "", text, flags=re.M)     # preprocessor lines
    text = re.sub(r"typedef[^;]*;", "", text)            # typedefs (function pointer types)
    return {m.group(1) for m in PROTOTYPE.finditer(text)}


def main():
    spec = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "spec")
    failed = False
    for header, names in (("cassandra.h", "cassandra-h-functions.txt"), ("dse.h", "dse-h-functions.txt")):
        want = {line.strip() for line in open(os.path.join(spec, names)) if line.strip()}
        have = declared(header)
        missing, foreign = sorted(want - have), sorted(have - want)
        for name in missing:
            print(f"{header}: missing {name}")
        for name in foreign:
            print(f"{header}: declares {name}, which upstream's {header} does not")
        failed |= bool(missing or foreign)
        print(f"{header}: {len(want & have)} of {len(want)} declared, {len(foreign)} foreign")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
