#!/usr/bin/env python3
"""Lists import cycles among the top-level modules of src/ (`src/x.rs` or `src/x/`): module A depends on
module B when A's non-test code names `crate::B` (in a `use` or a path). Run from the repository root; exit 1
when there is a cycle, printing each one (A -> B -> ... -> A). `--graph` prints every module's dependencies."""

import glob
import os
import re
import sys

# Cycles being removed elsewhere: src/runtime.rs and src/future/ are rewritten in another branch (the runtime
# completes futures, futures reach the runtime for their callbacks). Empty this set when that lands.
KNOWN: set = set()

CRATE_PATH = re.compile(r"(?<!\$)\bcrate::(\w+)")  # `$crate::` in a macro resolves where it is expanded
USE_GROUP = re.compile(r"\buse crate::\{([^;]*)\};", re.S)


def non_test(src):
    """The source without its inline test module and `#[cfg(test)]` items."""
    src = re.split(r"#\[cfg\(test\)\]\s*mod \w+\s*\{", src)[0]
    src = re.sub(r"//[^\n]*", "", src)  # comments name modules without depending on them
    return re.sub(r"#\[cfg\(test\)\][^;{]*;", "", src)


def test_files():
    """Files declared as `#[cfg(test)] mod x;` (fuzz tests and the like)."""
    out = set()
    for path in glob.glob("src/**/*.rs", recursive=True):
        for name in re.findall(r"#\[cfg\(test\)\]\s*(?:pub(?:\([\w:]+\))? )?mod (\w+);", open(path).read()):
            base = os.path.dirname(path) if path.endswith(("mod.rs", "lib.rs")) else path[:-3]
            out.update({f"{base}/{name}.rs", f"{base}/{name}/mod.rs"})
    return out


def graph():
    modules = {os.path.basename(p)[:-3] if p.endswith(".rs") else os.path.basename(p)
               for p in glob.glob("src/*") if p != "src/lib.rs"}
    skip = test_files()
    # `pub use statement::prepared;` in lib.rs: `crate::prepared` is the statement module
    alias = dict((a, m) for m, a in re.findall(r"^pub use (\w+)::(\w+);", open("src/lib.rs").read(), flags=re.M))
    deps = {m: set() for m in modules}
    for path in glob.glob("src/**/*.rs", recursive=True):
        if path == "src/lib.rs" or path in skip:
            continue
        owner = path.split("/")[1].removesuffix(".rs")
        if "/exports" in path[4:]:
            continue  # the C API layer: it may use every family (nothing uses it)
        src = non_test(open(path).read())
        names = set(CRATE_PATH.findall(src))
        for group in USE_GROUP.findall(src):  # use crate::{a::X, b::Y}
            names.update(re.findall(r"(?:^|,|\{)\s*(\w+)", group))
        names = {alias.get(n, n) for n in names}
        deps[owner].update(n for n in names if n in modules and n != owner)
    return deps


def cycles(deps):
    """One cycle per strongly connected component of more than one module (Tarjan), shortest found by BFS."""
    index, low, stack, on, comps, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(deps[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = set()
            while True:
                w = stack.pop()
                on.discard(w)
                comp.add(w)
                if w == v:
                    break
            if len(comp) > 1:
                comps.append(comp)

    sys.setrecursionlimit(10000)
    for v in sorted(deps):
        if v not in index:
            visit(v)
    found = []
    for comp in comps:
        for start in sorted(comp):
            for w in sorted(deps[start] & comp):
                # shortest path w -> start inside the component
                prev, frontier = {w: None}, [w]
                while frontier and start not in prev:
                    nxt = []
                    for x in frontier:
                        for y in sorted(deps[x] & comp):
                            if y not in prev:
                                prev[y] = x
                                nxt.append(y)
                    frontier = nxt
                path, x = [], start
                while x is not None:
                    path.append(x)
                    x = prev[x]
                found.append([start] + path[::-1])
                break
            break
        # list every edge of the component that closes a cycle, for the reader
    return found, comps


def main():
    deps = graph()
    if "--graph" in sys.argv[1:]:
        for m in sorted(deps):
            print(f"{m}: {' '.join(sorted(deps[m]))}")
    found, comps = cycles(deps)
    known = [(c, comp) for c, comp in zip(found, comps) if frozenset(comp) in KNOWN]
    for cycle, _ in known:
        print(f"known cycle, being removed: {' -> '.join(cycle)}")
    new = [(c, comp) for c, comp in zip(found, comps) if frozenset(comp) not in KNOWN]
    if new:
        print("import cycles between src/ modules (move the shared piece to the lower module):", file=sys.stderr)
        for cycle, comp in new:
            print(f"  {' -> '.join(cycle)}   (modules caught in it: {', '.join(sorted(comp))})", file=sys.stderr)
        return 1
    print(f"{len(deps)} modules, no import cycle")
    return 0


if __name__ == "__main__":
    sys.exit(main())
