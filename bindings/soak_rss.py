"""Memory soak: many requests through the acsylla wheel with bounded concurrency, sampling the
process's resident set size (RSS); fails when RSS keeps growing after warm-up.

    python soak_rss.py [--requests 1000000] [--concurrency 256] [--sample-every 100000]
                       [--warmup REQUESTS] [--margin-mb 16] [--max-seconds 900] [--host 127.0.0.1]

Run it on the C++ driver of the wheel as is, or on our library with
LD_PRELOAD=<libscylla-cpp-driver.so>. The workload mixes, per round of work items: a prepared
INSERT, a prepared SELECT of one row read into Python values, a simple statement with a bound
value, a batch every 50 requests, a failing statement every 1000 (server error path), and a paged
SELECT every 5000. Every request builds and frees its own statement and result objects.

RSS is read from /proc/self/statm after a garbage collection, every --sample-every requests. The
baseline is the first sample at or after --warmup requests (default: a fifth of the requests);
the run fails (exit 1) if a later sample exceeds the baseline by more than --margin-mb. A run that
reaches --max-seconds stops early and is judged on the samples it has (exit 0 if they pass, and it
says it stopped early). Exit 2: a request failed unexpectedly (e.g. the node went away).

The documented long run is the default, 1,000,000 requests (scripts/python-tests runs 200,000).
"""

import argparse
import asyncio
import gc
import os
import sys
import time

import acsylla

KEYSPACE = "pyt_soak"


def rss_bytes():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


async def setup(session):
    await session.execute(acsylla.create_statement(
        f"CREATE KEYSPACE IF NOT EXISTS {KEYSPACE} WITH replication = {{'class': 'SimpleStrategy', 'replication_factor': 1}}"
    ))
    await session.use_keyspace(KEYSPACE)
    await session.execute(acsylla.create_statement(
        "CREATE TABLE IF NOT EXISTS soak (k int PRIMARY KEY, v text, n bigint, l list<int>)"
    ))


async def run(args):
    cluster = acsylla.create_cluster([args.host], log_level="critical", request_timeout=30.0)
    session = await cluster.create_session()
    await setup(session)
    insert = await session.create_prepared("INSERT INTO soak (k, v, n, l) VALUES (?, ?, ?, ?)")
    select = await session.create_prepared("SELECT k, v, n, l FROM soak WHERE k = ?")

    total = args.requests
    next_index = 0
    done = 0
    errors = 0
    samples = []  # (requests done, rss bytes)
    next_sample = args.sample_every
    started = time.monotonic()
    deadline = started + args.max_seconds
    stopped_early = False

    async def one(i):
        nonlocal errors
        key = i % 10_000
        kind = i % 5000
        if kind == 4999:
            pages = 0
            statement = acsylla.create_statement("SELECT k FROM soak", page_size=500)
            while True:
                result = await session.execute(statement)
                pages += 1
                if not result.has_more_pages() or pages >= 4:
                    break
                statement.set_page_state(result.page_state())
        elif i % 1000 == 999:
            try:
                await session.execute(acsylla.create_statement("SELECT nope FROM soak"))
            except acsylla.errors.CassException:
                errors += 1
        elif i % 50 == 49:
            batch = acsylla.create_batch_unlogged()
            for j in range(5):
                batch.add_statement(insert([(key + j) % 10_000, "batch", j, [j]]))
            await session.execute_batch(batch)
        elif i % 3 == 0:
            await session.execute(insert([key, f"value {i}", i, [i, i + 1]]))
        elif i % 3 == 1:
            row = (await session.execute(select([key]))).first()
            if row is not None:
                row.as_dict()
        else:
            statement = acsylla.create_statement("SELECT v FROM soak WHERE k = ?", [key])
            result = await session.execute(statement)
            [r.as_tuple() for r in result]

    async def worker():
        nonlocal next_index, done, stopped_early
        while next_index < total:
            if time.monotonic() > deadline:
                stopped_early = True
                return
            i = next_index
            next_index += 1
            await one(i)
            done += 1

    async def sampler():
        nonlocal next_sample
        while done < total and not stopped_early:
            if done >= next_sample:
                gc.collect()
                rss = rss_bytes()
                samples.append((done, rss))
                elapsed = time.monotonic() - started
                print(f"requests={done:>9} rss_mb={rss / 2**20:8.1f} elapsed_s={elapsed:7.1f} rate={done / elapsed:8.0f}/s",
                      flush=True)
                next_sample += args.sample_every
            await asyncio.sleep(0.05)

    gc.collect()
    print(f"start rss_mb={rss_bytes() / 2**20:.1f} requests={total} concurrency={args.concurrency} "
          f"preload={os.environ.get('LD_PRELOAD') or '-'}", flush=True)
    sampling = asyncio.ensure_future(sampler())
    await asyncio.gather(*(worker() for _ in range(args.concurrency)))
    await sampling
    gc.collect()
    samples.append((done, rss_bytes()))
    elapsed = time.monotonic() - started
    print(f"requests={done:>9} rss_mb={samples[-1][1] / 2**20:8.1f} elapsed_s={elapsed:7.1f} (final) "
          f"server_errors_expected={errors}", flush=True)
    await session.close()
    return samples, stopped_early, done


def judge(samples, warmup, margin_mb):
    after = [(n, rss) for n, rss in samples if n >= warmup]
    if len(after) < 2:
        return None, "not enough samples after warm-up to judge"
    base_n, base = after[0]
    peak_n, peak = max(after[1:], key=lambda s: s[1])
    growth = (peak - base) / 2**20
    verdict = growth <= margin_mb
    text = (f"baseline {base / 2**20:.1f} MB at {base_n} requests, peak {peak / 2**20:.1f} MB at {peak_n}: "
            f"growth {growth:+.1f} MB, margin {margin_mb} MB")
    return verdict, text


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=1_000_000)
    parser.add_argument("--concurrency", type=int, default=256)
    parser.add_argument("--sample-every", type=int, default=100_000)
    parser.add_argument("--warmup", type=int, default=None, help="requests before the baseline (default: requests/5)")
    parser.add_argument("--margin-mb", type=float, default=16.0)
    parser.add_argument("--max-seconds", type=float, default=900.0)
    parser.add_argument("--host", default=os.environ.get("ACSYLLA_HOST", "127.0.0.1"))
    args = parser.parse_args()
    warmup = args.warmup if args.warmup is not None else args.requests // 5
    try:
        samples, stopped_early, done = asyncio.run(run(args))
    except acsylla.errors.CassException as error:
        print(f"soak: a request failed, no verdict: {type(error).__name__}: {error}", file=sys.stderr)
        return 2
    if stopped_early:
        print(f"soak: stopped after {args.max_seconds:.0f} s with {done} of {args.requests} requests done")
    verdict, text = judge(samples, warmup, args.margin_mb)
    if verdict is None:
        print(f"soak: {text}")
        return 0 if stopped_early else 1
    print(f"soak: {'PASS' if verdict else 'FAIL'}: {text}")
    return 0 if verdict else 1


if __name__ == "__main__":
    sys.exit(main())
