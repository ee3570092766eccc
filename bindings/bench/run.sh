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
# started here if it is down), BENCH_SERVER (node: the real node, the default; null: builds
# bench/null-server, starts it on a free port of 127.0.0.1 pinned to CPU 1 and points acsylla at
# it; the null server answers the DDL with VOID and knows the table pyt_bench.bench). The client is
# pinned to CPU 0 when taskset exists; the node runs on this machine too, so compare the two
# columns with each other, not with other machines.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)

lib=${1:-}
requests=${2:-100000}
repeat=${3:-3}
[ -n "$lib" ] || { sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
[ -f "$lib" ] || { echo "run.sh: no such library: $lib" >&2; exit 2; }
lib=$(cd "$(dirname "$lib")" && pwd)/$(basename "$lib")
case $lib in *debug*) echo "run.sh: warning: $lib looks like a debug build; the numbers will say little" >&2 ;; esac

coverage=$ROOT/../shared/tools/api-coverage
if [ -x "$coverage" ] && ! "$coverage" "$lib" --require acsylla >/dev/null; then
    echo "run.sh: $lib does not export every function the acsylla wheel calls; preloading it would mix two drivers" >&2
    exit 1
fi

py=$("$ROOT/scripts/python-env")
server=${BENCH_SERVER:-node}
case $server in node | null) ;; *) echo "run.sh: BENCH_SERVER is node or null, not $server" >&2; exit 2 ;; esac

if [ "$server" = null ]; then
    echo "run.sh: building bench/null-server" >&2
    CARGO_TARGET_DIR=$ROOT/target/bench-null-server \
        cargo build --release -q --locked --manifest-path "$ROOT/bench/null-server/Cargo.toml"
    port=$("$py" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    pin=()
    if command -v taskset >/dev/null; then pin=(taskset -c 1); fi
    log=$(mktemp "${TMPDIR:-/tmp}/acsylla-null-server.XXXXXX")
    "${pin[@]}" "$ROOT/target/bench-null-server/release/bench-null-server" --port "$port" --max-seconds 7200 \
        >"$log" 2>&1 &
    server_pid=$!
    trap 'kill "$server_pid" 2>/dev/null || true; rm -f "$log"' EXIT
    for _ in $(seq 50); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
        sleep 0.1
    done
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        echo "run.sh: the null server did not come up on port $port:" >&2
        cat "$log" >&2
        exit 1
    fi
    echo "run.sh: null server on 127.0.0.1:$port (pid $server_pid${pin:+, CPU 1})" >&2
    export ACSYLLA_HOST=127.0.0.1 ACSYLLA_PORT=$port BENCH_SERVER_LABEL="bench/null-server${pin:+ on CPU 1}"
elif [ -z "${ACSYLLA_HOST:-}" ] && ! "$ROOT/scripts/cassandra" status plain >/dev/null 2>&1; then
    if "$ROOT/scripts/cassandra" status multi >/dev/null 2>&1; then
        echo "run.sh: the multi cluster holds 127.0.0.1; not stopping it (set ACSYLLA_HOST or stop it first)" >&2
        exit 1
    fi
    "$ROOT/scripts/cassandra" start plain >&2
fi

"$py" "$HERE/acsylla_bench.py" compare --lib "$lib" --requests "$requests" --repeat "$repeat" \
    ${BENCH_SCENARIOS:+--scenarios "$BENCH_SCENARIOS"}
