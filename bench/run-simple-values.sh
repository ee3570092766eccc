#!/usr/bin/env bash
# Latency and client CPU of simple statements with values (bench/simple_values.c), our library
# (release build) beside the reference C++ driver, against the local test node.
#   bench/run-simple-values.sh [N] [REPS]     defaults: 5000 3
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
n=${1:-5000}; reps=${2:-3}
scripts/cassandra status plain >/dev/null 2>&1 || scripts/cassandra start plain
cargo build --release -q --lib
mkdir -p build/bench
ln -sf "$root/target/release/libscylla_cpp_driver.so" build/bench/libscylla-cpp-driver.so.2
ln -sf libscylla-cpp-driver.so.2 build/bench/libscylla-cpp-driver.so
cc -O2 -std=c99 -Wall -Wextra -Werror -Iinclude bench/simple_values.c -Lbuild/bench -lscylla-cpp-driver \
  -Wl,-rpath,"$root/build/bench" -o build/bench/simple_values-ours
# shellcheck disable=SC2046
cc -O2 -std=c99 -Wall -Wextra -Werror -Iinclude bench/simple_values.c $(scripts/reference-driver --quiet --print-ldflags) \
  -o build/bench/simple_values-reference
for r in $(seq "$reps"); do
  for impl in reference ours; do
    build/bench/simple_values-$impl 127.0.0.1 9042 "$n" "$impl" 2> >(grep -v 'SHARD-AWARENESS' >&2)
  done
done
