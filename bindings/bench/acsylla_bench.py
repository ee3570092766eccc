"""Benchmark of the acsylla wheel: prepared INSERTs and SELECTs with a fixed number of requests in
flight, measuring throughput and the client's CPU time per request.

Two modes:

  python acsylla_bench.py run [--requests N] [--scenarios insert:32,select:256,...]
      Runs the scenarios in this process, on whatever driver the wheel calls (its own C++ driver,
      or our library when started with LD_PRELOAD), and prints one JSON object per scenario.

  python acsylla_bench.py compare --lib RELEASE_LIB [--requests N] [--repeat R]
      Runs `run` in child processes, alternating the wheel as is ("stock") and the wheel with
      LD_PRELOAD=RELEASE_LIB ("ours"), R times each, each child pinned to CPU 0 when taskset
      exists, and prints a table of medians. bench/run.sh is the usual way in.

Measures, per scenario, after a warm-up of --warmup requests: wall time, ops/s, and the process's
CPU time (user + system, all threads: the event loop and the driver's I/O threads) per request,
from resource.getrusage(RUSAGE_SELF). The node is $ACSYLLA_HOST (default 127.0.0.1) port
$ACSYLLA_PORT (default 9042), keyspace pyt_bench; bench/null-server answers the same statements.
"""

import argparse
import asyncio
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time

KEYSPACE = "pyt_bench"
KEYS = 10_000
DEFAULT_SCENARIOS = "insert:32,insert:256,select:32,select:256"


def cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


async def prepare(session):
    import acsylla

    await session.execute(acsylla.create_statement(
        f"CREATE KEYSPACE IF NOT EXISTS {KEYSPACE} WITH replication = {{'class': 'SimpleStrategy', 'replication_factor': 1}}"
    ))
    await session.use_keyspace(KEYSPACE)
    await session.execute(acsylla.create_statement("CREATE TABLE IF NOT EXISTS bench (k int PRIMARY KEY, v int)"))
    insert = await session.create_prepared("INSERT INTO bench (k, v) VALUES (?, ?)")
    for start in range(0, KEYS, 1000):
        await asyncio.gather(*(session.execute(insert([k, k])) for k in range(start, min(start + 1000, KEYS))))


async def drive(session, kind, in_flight, requests, statements):
    """Runs `requests` requests with `in_flight` workers; returns (wall seconds, cpu seconds)."""
    insert, select = statements
    counter = 0

    async def worker():
        nonlocal counter
        while counter < requests:
            i = counter
            counter += 1
            key = (i * 7919) % KEYS
            if kind == "insert":
                await session.execute(insert.bind([key, i]))
            else:
                row = (await session.execute(select.bind([key]))).first()
                row.column_value("v")

    wall0, cpu0 = time.perf_counter(), cpu_seconds()
    await asyncio.gather(*(worker() for _ in range(in_flight)))
    return time.perf_counter() - wall0, cpu_seconds() - cpu0


async def run_scenarios(args):
    import acsylla

    host = os.environ.get("ACSYLLA_HOST", "127.0.0.1")
    port = int(os.environ.get("ACSYLLA_PORT", "9042"))
    cluster = acsylla.create_cluster([host], port=port, log_level="critical", num_threads_io=1, queue_size_io=65536)
    session = await cluster.create_session()
    await prepare(session)
    statements = (
        await session.create_prepared("INSERT INTO bench (k, v) VALUES (?, ?)"),
        await session.create_prepared("SELECT v FROM bench WHERE k = ?"),
    )
    for scenario in args.scenarios.split(","):
        kind, in_flight = scenario.split(":")
        in_flight = int(in_flight)
        if kind not in ("insert", "select"):
            raise SystemExit(f"unknown scenario kind {kind!r}")
        await drive(session, kind, in_flight, args.warmup, statements)
        wall, cpu = await drive(session, kind, in_flight, args.requests, statements)
        print(json.dumps({
            "impl": os.environ.get("IMPL", "ours" if os.environ.get("LD_PRELOAD") else "stock"),
            "scenario": kind,
            "in_flight": in_flight,
            "requests": args.requests,
            "wall_s": round(wall, 4),
            "ops_per_s": round(args.requests / wall, 1),
            "cpu_us_per_request": round(cpu / args.requests * 1e6, 3),
        }), flush=True)
    await session.close()


def child(impl, lib, args):
    env = dict(os.environ, IMPL=impl)
    env.pop("LD_PRELOAD", None)
    if impl == "ours":
        env["LD_PRELOAD"] = lib
    command = [sys.executable, os.path.abspath(__file__), "run", "--requests", str(args.requests),
               "--warmup", str(args.warmup), "--scenarios", args.scenarios]
    if shutil.which("taskset") and not args.no_pin:
        command = ["taskset", "-c", "0"] + command
    completed = subprocess.run(command, env=env, capture_output=True, text=True, timeout=args.child_timeout)
    if completed.returncode != 0:
        sys.stderr.write(completed.stderr[-3000:])
        raise SystemExit(f"{impl} run failed with exit {completed.returncode}")
    return [json.loads(line) for line in completed.stdout.splitlines() if line.startswith("{")]


def compare(args):
    if not os.path.exists(args.lib):
        raise SystemExit(f"no such library: {args.lib}")
    results = {}  # (impl, scenario, in_flight) -> [rows]
    for repetition in range(args.repeat):
        for impl in ("stock", "ours"):
            for row in child(impl, args.lib, args):
                results.setdefault((impl, row["scenario"], row["in_flight"]), []).append(row)
                print(f"# run {repetition + 1}/{args.repeat} {impl:5} {row['scenario']:6} {row['in_flight']:>4} in flight: "
                      f"{row['ops_per_s']:>9.0f} ops/s  {row['cpu_us_per_request']:7.2f} us CPU/request", flush=True)
    print()
    print(f"acsylla 1.2.0 wheel, {args.requests} requests per scenario after {args.warmup} warm-up, "
          f"medians of {args.repeat} alternating runs; client {'pinned to CPU 0' if shutil.which('taskset') and not args.no_pin else 'not pinned'}")
    print(f"server: {os.environ.get('BENCH_SERVER_LABEL', 'the node at ' + os.environ.get('ACSYLLA_HOST', '127.0.0.1'))}")
    print(f"ours = LD_PRELOAD={args.lib}")
    print("ratios are ours / stock: the CPU ratio is better below 1, the ops/s ratio above 1")
    print()
    header = f"| {'workload':16} | in flight | {'stock ops/s':>11} | {'stock CPU/req':>13} | {'ours ops/s':>10} | {'ours CPU/req':>12} | CPU ratio | ops/s ratio |"
    print(header)
    print("|" + "|".join("-" * (len(cell)) for cell in header.split("|")[1:-1]) + "|")
    for scenario in args.scenarios.split(","):
        kind, in_flight = scenario.split(":")
        key = (kind, int(in_flight))
        stock = results.get(("stock",) + key, [])
        ours = results.get(("ours",) + key, [])
        if not stock or not ours:
            continue
        s_ops = statistics.median(r["ops_per_s"] for r in stock)
        s_cpu = statistics.median(r["cpu_us_per_request"] for r in stock)
        o_ops = statistics.median(r["ops_per_s"] for r in ours)
        o_cpu = statistics.median(r["cpu_us_per_request"] for r in ours)
        print(f"| prepared {kind:7} | {in_flight:>9} | {s_ops:>11.0f} | {s_cpu:>10.2f} us | {o_ops:>10.0f} | "
              f"{o_cpu:>9.2f} us | {o_cpu / s_cpu:>9.2f} | {o_ops / s_ops:>11.2f} |")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=["run", "compare"])
    parser.add_argument("--requests", type=int, default=100_000)
    parser.add_argument("--warmup", type=int, default=10_000)
    parser.add_argument("--scenarios", default=DEFAULT_SCENARIOS)
    parser.add_argument("--lib", help="our release library (compare mode)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-pin", action="store_true", help="do not pin the client to CPU 0")
    parser.add_argument("--child-timeout", type=float, default=900)
    args = parser.parse_args()
    if args.mode == "run":
        asyncio.run(run_scenarios(args))
    else:
        if not args.lib:
            parser.error("compare needs --lib")
        compare(args)


if __name__ == "__main__":
    main()
