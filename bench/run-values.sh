#!/usr/bin/env bash
# Nanoseconds per value for binding and reading (bench/values.c): our library (release build)
# beside the reference C++ driver, one after the other, against the local test node.
#   bench/run-values.sh [REPS]      default 3
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
reps=${1:-3}
scripts/cassandra status plain >/dev/null 2>&1 || scripts/cassandra start plain
cargo build --release -q --lib
mkdir -p build/bench
ln -sf "$root/target/release/libscylla_cpp_driver.so" build/bench/libscylla-cpp-driver.so.2
ln -sf libscylla-cpp-driver.so.2 build/bench/libscylla-cpp-driver.so
cc -O2 -std=c99 -Wall -Wextra -Werror -Iinclude bench/values.c -Lbuild/bench -lscylla-cpp-driver \
  -Wl,-rpath,"$root/build/bench" -lpthread -o build/bench/values-ours
# shellcheck disable=SC2046
cc -O2 -std=c99 -Wall -Wextra -Werror -Iinclude bench/values.c $(scripts/reference-driver --quiet --print-ldflags) \
  -lpthread -o build/bench/values-reference
for r in $(seq "$reps"); do
  for impl in reference ours; do
    taskset -c 0 build/bench/values-$impl 127.0.0.1 9042 "$impl" 2> >(grep -v 'SHARD-AWARENESS' >&2)
  done
done
