#!/usr/bin/env python3
"""Every function the generated headers declare has a doc comment that names each of its
parameters with `@param` (optionally `@param[in]`, `@param[out]`, `@param[in,out]`) and, unless it
returns void, says what it returns with `@return`; and no `@param` names a parameter the function
does not have. Exit 1 with the offenders otherwise.

    tools/checks/doc_params.py [--list] [NAME_PREFIX...]

With prefixes, only functions whose names start with one of them are checked; --list prints the
offenders without failing (a work list).
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# A doc comment followed by one exported prototype.
DECLARATION = re.compile(r"/\*\*(?P<doc>(?:(?!\*/).)*)\*/\s*CASS_EXPORT\s+(?P<proto>[^;]*?\))\s*;", re.S)
PARAM_TAG = re.compile(r"@param(?:\[[a-z,]+\])?\s+(\w+)")


def parameters(proto):
    """The function's name, whether it returns void, and its parameter names."""
    head, _, args = proto.partition("(")
    name = re.findall(r"\w+", head)[-1]
    returns_void = re.sub(r"\b" + name + r"\s*$", "", head).split() == ["void"]
    args = args.rsplit(")", 1)[0]
    names = []
    depth, current = 0, ""
    for ch in args + ",":
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "," and depth == 0:
            arg = current.strip()
            current = ""
            if arg and arg != "void":
                # A function pointer parameter names itself inside `(*name)`.
                pointer = re.search(r"\(\s*\*\s*(\w+)\s*\)", arg)
                names.append(pointer.group(1) if pointer else re.findall(r"\w+", arg)[-1])
            continue
        current += ch
    return name, returns_void, names


def problems(doc, proto):
    name, returns_void, names = parameters(proto)
    tagged = PARAM_TAG.findall(doc)
    found = []
    for param in names:
        if param not in tagged:
            found.append(f"no @param {param}")
    for extra in sorted(set(tagged) - set(names)):
        found.append(f"@param {extra} is not a parameter")
    if not returns_void and "@return" not in doc:
        found.append("no @return")
    return name, found


def main():
    args = sys.argv[1:]
    listing = "--list" in args
    prefixes = [a for a in args if a != "--list"]
    total = bad = 0
    for header in ("cassandra.h", "dse.h"):
        text = open(os.path.join(ROOT, "include", header)).read()
        for m in DECLARATION.finditer(text):
            name, found = problems(m.group("doc"), m.group("proto"))
            if prefixes and not any(name.startswith(p) for p in prefixes):
                continue
            total += 1
            if found:
                bad += 1
                print(f"{header}: {name}: {'; '.join(found)}")
    print(f"doc_params: {total - bad} of {total} functions document every parameter and the result")
    sys.exit(0 if listing or bad == 0 else 1)


main()
