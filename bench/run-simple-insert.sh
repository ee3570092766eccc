#!/usr/bin/env bash
# Client CPU per simple INSERT: our library (release build) beside the reference C++ driver, both
# against cqlbench's null server (../shared/tools/cqlbench/server), client on CPU 0, server on CPU 1.
#   bench/run-simple-insert.sh [N] [REPS] [CONCURRENCY...]     defaults: 200000 3 "32 256"
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
n=${1:-200000}; reps=${2:-3}; shift $(( $# > 2 ? 2 : $# )) || true
conc=${*:-32 256}
server_dir=$root/../shared/tools/cqlbench/server
(cd "$server_dir" && cargo build --release -q)
cargo build --release -q --lib
mkdir -p build/bench
# The library's SONAME is libscylla-cpp-driver.so.2; cargo names the file after the crate.
ln -sf "$root/target/release/libscylla_cpp_driver.so" build/bench/libscylla-cpp-driver.so.2
ln -sf libscylla-cpp-driver.so.2 build/bench/libscylla-cpp-driver.so
cc -O2 -std=c99 -Wall -Wextra -Werror -Iinclude bench/simple_insert.c -Lbuild/bench -lscylla-cpp-driver \
  -Wl,-rpath,"$root/build/bench" -lpthread -o build/bench/simple_insert-ours
# shellcheck disable=SC2046
cc -O2 -std=c99 -Wall -Wextra -Werror -Iinclude bench/simple_insert.c $(scripts/reference-driver --quiet --print-ldflags) \
  -lpthread -o build/bench/simple_insert-reference
taskset -c 1 "$server_dir/target/release/cql-null-server" --port 19042 --max-seconds 900 >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
sleep 1
for c in $conc; do
  for r in $(seq "$reps"); do
    for impl in reference ours; do
      taskset -c 0 build/bench/simple_insert-$impl 127.0.0.1 19042 "$n" "$c" "$impl" 2>>build/bench/errors.log
    done
  done
done
