#!/usr/bin/env bash
# bench/run.sh: the acsylla wheel on the C++ driver it carries ("stock") and on our library
# ("ours", through LD_PRELOAD), side by side: prepared INSERT and SELECT at 32 and 256 requests in
# flight, ops/s and client CPU time per request, medians of alternating runs.
#
#   bindings/bench/run.sh RELEASE_LIB [REQUESTS] [REPEAT]
#   e.g. cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release && cmake --build build/release
#        bindings/bench/run.sh build/release/libscylla-cpp-driver.so 100000 3
#
# REQUESTS per scenario (default 100000, after 10000 warm-up requests), REPEAT runs per
# implementation (default 3). Extra knobs: BENCH_SCENARIOS (default
# insert:32,insert:256,select:32,select:256), ACSYLLA_HOST (default 127.0.0.1, the plain node,
# started here if it is down). The client is pinned to CPU 0 when taskset exists; the node runs
# on this machine too, so compare the two columns with each other, not with other machines.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)

lib=${1:-}
requests=${2:-100000}
repeat=${3:-3}
[ -n "$lib" ] || { sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
[ -f "$lib" ] || { echo "run.sh: no such library: $lib" >&2; exit 2; }
lib=$(cd "$(dirname "$lib")" && pwd)/$(basename "$lib")
case $lib in *debug*) echo "run.sh: warning: $lib looks like a debug build; the numbers will say little" >&2 ;; esac

coverage=$ROOT/../shared/tools/api-coverage
if [ -x "$coverage" ] && ! "$coverage" "$lib" --require acsylla >/dev/null; then
    echo "run.sh: $lib does not export every function the acsylla wheel calls; preloading it would mix two drivers" >&2
    exit 1
fi

py=$("$ROOT/scripts/python-env")
if [ -z "${ACSYLLA_HOST:-}" ] && ! "$ROOT/scripts/cassandra" status plain >/dev/null 2>&1; then
    if "$ROOT/scripts/cassandra" status multi >/dev/null 2>&1; then
        echo "run.sh: the multi cluster holds 127.0.0.1; not stopping it (set ACSYLLA_HOST or stop it first)" >&2
        exit 1
    fi
    "$ROOT/scripts/cassandra" start plain >&2
fi

exec "$py" "$HERE/acsylla_bench.py" compare --lib "$lib" --requests "$requests" --repeat "$repeat" \
    ${BENCH_SCENARIOS:+--scenarios "$BENCH_SCENARIOS"}
