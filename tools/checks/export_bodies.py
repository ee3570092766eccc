#!/usr/bin/env python3
"""Checks that every exported C function (`#[no_mangle] pub extern "C" fn`) is its own panic boundary: its body
starts with `guard(...)` (src/ffi), with a call to a helper whose body does, or with a call to
another exported function. A panic must never unwind into C, so a body that does any work before
entering the boundary is reported. It also checks where exports live (CONTRIBUTING.md, point 1): in a
family's `exports.rs` or `exports/<topic>.rs`. Run from the repository root; exit 1 lists the offenders."""

import glob
import re
import sys

# Where a `#[no_mangle]` function may be: a family's exports.rs or exports/<topic>.rs. alloc.rs is one
# function with no logic of its own.
EXPORT_FILE = re.compile(r"(^|/)exports(\.rs$|/)|^src/alloc\.rs$")

FN = re.compile(r'(#\[no_mangle\]\s*(?:#\[[^\]]*\]\s*)*pub (?:unsafe )?extern "C" )?(?:pub(?:\([\w:]+\))? )?(?:unsafe )?(?:extern "C" )?fn (\w+)\s*(?:<[^{;]*?>)?\(')


def body_start(src, open_paren):
    """The text of the body after its opening brace, skipping the signature (nested parentheses);
    None for a declaration without a body and for methods (`self` first), which C never calls."""
    if re.match(r"\s*&?\s*(mut\s+)?self\b", src[open_paren:]):
        return None
    i, depth = open_paren, 1
    while depth:
        depth += (src[i] == "(") - (src[i] == ")")
        i += 1
    brace = src.find("{", i)
    semi = src.find(";", i)
    if brace < 0 or (0 <= semi < brace):
        return None
    body = src[brace + 1:].lstrip()
    while body.startswith("//"):  # comments before the first expression
        body = body.split("\n", 1)[1].lstrip()
    return body


def first_call(body):
    """The path called by the body's first expression (`guard`, `crate::ffi::guard`, `with_x`), if any."""
    m = re.match(r"([A-Za-z_][\w:]*)\s*(?:::<[^>]*>)?\(", body)
    return m.group(1).split("::")[-1] if m else None


def main():
    exports, helpers = {}, {}
    for path in sorted(glob.glob("src/**/*.rs", recursive=True)):
        src = open(path).read()
        # Unit tests are not exported; C callbacks defined in tests are the tests' business.
        # (Cut at the inline test module only: a `#[cfg(test)] mod x;` line names a file checked on its own.)
        src = re.split(r"#\[cfg\(test\)\]\s*mod \w+\s*\{", src)[0]
        for m in FN.finditer(src):
            body = body_start(src, m.end())
            if body is None:
                continue
            (exports if m.group(1) else helpers).setdefault(m.group(2), []).append((path, first_call(body)))
    guarded = {"guard", "guard_before_init"}
    changed = True
    while changed:  # helpers that start with a guarded call are guarded themselves
        changed = False
        for name, defs in helpers.items():
            if name not in guarded and any(call in guarded for _, call in defs):
                guarded.add(name)
                changed = True
    bad = [f"{path}: {name}" for name, defs in exports.items() for path, call in defs
           if not (call in guarded or call in exports)]
    misplaced = sorted({path for defs in exports.values() for path, _ in defs if not EXPORT_FILE.search(path)})
    if misplaced:
        print("files with #[no_mangle] functions that are not exports.rs or exports/<topic>.rs:", file=sys.stderr)
        print("\n".join("  " + p for p in misplaced), file=sys.stderr)
        return 1
    if bad:
        print("exported functions whose body is not a panic boundary (start it with guard(...)):", file=sys.stderr)
        print("\n".join("  " + b for b in sorted(bad)), file=sys.stderr)
        return 1
    print(f"{len(exports)} exported functions, each a panic boundary")
    return 0


if __name__ == "__main__":
    sys.exit(main())
