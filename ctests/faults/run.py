#!/usr/bin/env python3
"""Fault tests: node crashes, a full outage, a graceful stop and a silent node, on this library and
on the reference C++ driver, against the three durable `faults` nodes of scripts/cassandra
(127.0.4.1 and .2 in dc1, .3 in dc2; keyspaces NetworkTopologyStrategy dc1:2 dc2:1).

    ctests/faults/run.py BUILD_DIR [--only SCENARIO] [--impl ours|reference]

Each scenario runs ctests/faults/fault_load (prepared idempotent QUORUM inserts, 32 in flight, plus
round-robin probes that name the node serving them) while this script breaks and mends nodes, then
reads every acknowledged write back at ALL. Checked for this library (the reference is measured
beside it and reported, not judged):
  - no acknowledged write lost;
  - every failed request failed within the request timeout (plus 1 s of slack);
  - the mended node serves a probe within 2 s of answering CQL, or no later than with the
    reference (+0.5 s) when the node is found through the server's UP event (the session is never
    recreated);
  - while nodes are down, at most one log line per second per host; no ERROR for a graceful stop.
Every scenario is bounded in time; the whole run takes a few minutes.
"""
import argparse
import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CASSANDRA = os.path.join(ROOT, "scripts", "cassandra")
NODES = ["127.0.4.1", "127.0.4.2", "127.0.4.3"]
VARIANT = "faults"
CONCURRENCY = 32
TIMEOUT_MS = 2000
REUSE_LIMIT_S = 2.0
MAX_WRITER_S = 240


def now_ms():
    return int(time.time() * 1000)


def log(msg):
    print(f"faults: {msg}", flush=True)


def cassandra(*args):
    subprocess.run([CASSANDRA, *args], check=True, stdout=subprocess.DEVNULL)


def answers_cql(ip, timeout=0.5):
    """True when the node answers an OPTIONS request with SUPPORTED (protocol v4 framing)."""
    try:
        with socket.create_connection((ip, 9042), timeout=timeout) as s:
            s.settimeout(timeout)
            s.sendall(bytes([0x04, 0, 0, 0, 0x05, 0, 0, 0, 0]))
            header = s.recv(9)
            return len(header) >= 5 and header[4] == 0x06
    except OSError:
        return False


def wait_answering(ip, limit_s=180):
    """Polls every 50 ms; returns the epoch ms at which the node first answered CQL."""
    deadline = time.time() + limit_s
    while time.time() < deadline:
        if answers_cql(ip):
            return now_ms()
        time.sleep(0.05)
    raise RuntimeError(f"{ip} did not answer CQL within {limit_s} s")


def node_index(ip):
    return str(NODES.index(ip) + 1)


def start_nodes_async(ips):
    """Restarts stopped nodes (data kept) one after another, as an operator would; returns (thread,
    {ip: epoch ms at which it answered CQL})."""
    answered = {}

    def watch(ip):
        answered[ip] = wait_answering(ip)

    def go():
        watchers = [threading.Thread(target=watch, args=(ip,)) for ip in ips]
        for w in watchers:
            w.start()
        for ip in ips:
            subprocess.run([CASSANDRA, "node-start", VARIANT, node_index(ip)], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=240)
        for w in watchers:
            w.join()

    t = threading.Thread(target=go)
    t.start()
    return t, answered


class Run:
    """One scenario on one library: the writer process and what it wrote."""

    def __init__(self, exe, impl, scenario, hosts, work):
        self.exe, self.impl, self.scenario, self.hosts = exe, impl, scenario, hosts
        self.keyspace = f"faults_{scenario}_{impl}"
        self.out = os.path.join(work, f"{scenario}.{impl}.out")
        self.stop_file = os.path.join(work, f"{scenario}.{impl}.stop")
        self.events = []  # (epoch ms, what)

    def mark(self, what):
        self.events.append((now_ms(), what))
        log(f"  {self.impl}: {what}")

    def setup(self):
        subprocess.run([self.exe, "setup", ",".join(NODES), self.keyspace], check=True, timeout=120,
                       stderr=subprocess.DEVNULL)

    def start(self):
        if os.path.exists(self.stop_file):
            os.remove(self.stop_file)
        self.writer = subprocess.Popen(
            [self.exe, "write", self.hosts, self.keyspace, self.out, self.stop_file, str(MAX_WRITER_S),
             str(CONCURRENCY), str(TIMEOUT_MS)], stdout=subprocess.PIPE, text=True)
        line = self.writer.stdout.readline().strip()
        if line != "ready":
            raise RuntimeError(f"writer did not start: {line!r}")
        self.mark("writer ready")

    def stop(self):
        open(self.stop_file, "w").close()
        self.writer.wait(timeout=120)
        if self.writer.returncode != 0:
            raise RuntimeError(f"writer exited with {self.writer.returncode}")

    def verify(self):
        out = subprocess.run([self.exe, "verify", ",".join(NODES), self.keyspace, self.out], check=True,
                             capture_output=True, text=True, timeout=300).stdout.split()
        return int(out[out.index("lost") + 1])

    def outcomes(self):
        acked, failed, probes = 0, {}, []
        slowest_failure = 0
        with open(self.out) as f:
            for line in f:
                w = line.split()
                if w[0] == "A":
                    acked += 1
                elif w[0] == "P":
                    probes.append((int(w[2]), w[3]))
                elif w[0] == "F":
                    failed[w[4]] = failed.get(w[4], 0) + 1
                    slowest_failure = max(slowest_failure, int(w[3]))
        return acked, failed, probes, slowest_failure

    def logs(self):
        lines = []
        with open(self.out + ".log") as f:
            for line in f:
                parts = line.rstrip("\n").split(" ", 2)
                if len(parts) == 3 and parts[0].isdigit():
                    lines.append((int(parts[0]), parts[1], parts[2]))
                elif lines:  # the next line of a message that holds a newline
                    lines[-1] = (lines[-1][0], lines[-1][1], lines[-1][2] + "\n" + line.rstrip("\n"))
        return lines


def error_name(code):
    return {
        "100000a": "LIB_NO_HOSTS_AVAILABLE", "100000e": "LIB_REQUEST_TIMED_OUT",
        "1000012": "LIB_UNABLE_TO_CONNECT", "2001000": "SERVER_UNAVAILABLE", "2001100": "SERVER_WRITE_TIMEOUT",
        "2001001": "SERVER_OVERLOADED", "2001002": "SERVER_IS_BOOTSTRAPPING", "2000000": "SERVER_SERVER_ERROR",
        "2001500": "SERVER_WRITE_FAILURE", "200000a": "SERVER_PROTOCOL_ERROR",
    }.get(code, code)


# ---------------------------------------------------------------- scenarios --
# Each takes a started Run, breaks and mends nodes, and returns (mended node ip, epoch ms it
# answered CQL again, (outage start, outage end) in epoch ms).

def stop_and_restart(run, index, how, what):
    """Stops node `index` (1-based) with `scripts/cassandra how`, waits 6 s, restarts it."""
    time.sleep(4)
    run.mark(what)
    cassandra(how, VARIANT, str(index))
    down = now_ms()
    time.sleep(6)
    run.mark(f"restarting node {index}")
    ip = NODES[index - 1]
    t, answered = start_nodes_async([ip])
    t.join()
    run.mark(f"node {index} answers CQL")
    return ip, answered[ip], (down, answered[ip])


def scenario_kill(run):
    return stop_and_restart(run, 2, "node-kill", "SIGKILL node 2")


def scenario_outage(run):
    time.sleep(4)
    run.mark("stopping all nodes")
    down = now_ms()
    threads = [threading.Thread(target=cassandra, args=("node-stop", VARIANT, str(i))) for i in (1, 2, 3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    time.sleep(10)
    run.mark("restarting all nodes")
    t, answered = start_nodes_async(NODES)
    t.join()
    run.mark("all nodes answer CQL")
    return NODES[0], answered[NODES[0]], (down, answered[NODES[0]])


def scenario_graceful(run):
    return stop_and_restart(run, 1, "node-stop", "graceful stop of node 1 (the only contact point)")


def scenario_silent(run):
    time.sleep(4)
    run.mark("SIGSTOP node 2 (accepts TCP, answers nothing)")
    down = now_ms()
    cassandra("node-pause", VARIANT, "2")
    time.sleep(10)
    cassandra("node-resume", VARIANT, "2")
    answered = wait_answering(NODES[1])
    run.mark("node 2 resumed and answers CQL")
    return NODES[1], answered, (down, answered)


SCENARIOS = {
    # name: (contact points, function)
    "kill": (",".join(NODES), scenario_kill),
    "outage": (",".join(NODES), scenario_outage),
    "graceful": (NODES[0], scenario_graceful),
    "silent": (",".join(NODES), scenario_silent),
}


def run_one(exe, impl, name, work):
    hosts, fn = SCENARIOS[name]
    run = Run(exe, impl, name, hosts, work)
    run.setup()
    run.start()
    node, answered, (down, up) = fn(run)
    run.mark(f"{node} answered CQL at {answered}")
    # Keep writing until the mended node has served probes for a while (bounded).
    deadline = time.time() + 8
    while time.time() < deadline:
        time.sleep(0.5)
    run.stop()
    lost = run.verify()
    acked, failed, probes, slowest_failure = run.outcomes()
    served = [t for t, n in probes if n == node and t >= answered]
    reuse_s = (min(served) - answered) / 1000 if served else None
    lines = run.logs()
    during = [x for x in lines if down <= x[0] <= up + 2000]
    seconds = max(1.0, (up + 2000 - down) / 1000)
    errors = [x for x in during if x[1] == "ERROR"]
    return {
        "impl": impl, "scenario": name, "acked": acked, "failed": failed, "lost": lost,
        "slowest_failure_ms": slowest_failure, "reuse_s": reuse_s, "node": node,
        "log_lines": len(during), "log_per_s_per_host": len(during) / seconds / len(NODES),
        "log_errors": errors, "log_sample": during[:6],
    }


def report(r):
    failed = ", ".join(f"{error_name(k)} {v}" for k, v in sorted(r["failed"].items())) or "none"
    reuse = f"{r['reuse_s']:.2f} s" if r["reuse_s"] is not None else "never"
    log(f"{r['scenario']:9} {r['impl']:9} acked {r['acked']:6}  lost {r['lost']}  failed: {failed}  "
        f"slowest failure {r['slowest_failure_ms']} ms  {r['node']} reused after {reuse}  "
        f"log lines while broken {r['log_lines']} ({r['log_per_s_per_host']:.2f}/s/host)")


def judge(r, reference=None):
    """What fails this library's run `r`; `reference` is the reference's run of the same scenario."""
    problems = []
    if r["lost"]:
        problems.append(f"{r['lost']} acknowledged writes lost")
    if r["slowest_failure_ms"] > TIMEOUT_MS + 1000:
        problems.append(f"a request failed after {r['slowest_failure_ms']} ms (timeout {TIMEOUT_MS} ms)")
    # A node that comes back while others work is found through the server's UP event, which
    # gossip delivers a moment after the node's CQL port opens: then no slower than the reference
    # (+0.5 s) also passes.
    ref_reuse = reference["reuse_s"] if reference and reference["reuse_s"] is not None else None
    if r["reuse_s"] is None or (r["reuse_s"] > REUSE_LIMIT_S and (ref_reuse is None or r["reuse_s"] > ref_reuse + 0.5)):
        problems.append(f"{r['node']} not reused within {REUSE_LIMIT_S} s of answering CQL")
    if r["log_per_s_per_host"] > 1.0:
        problems.append(f"{r['log_per_s_per_host']:.2f} log lines per second per host while broken")
    if r["log_errors"] and r["scenario"] == "graceful":
        problems.append(f"ERROR lines while broken: {r['log_errors'][:3]}")
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("build_dir")
    ap.add_argument("--only", action="append", choices=sorted(SCENARIOS))
    ap.add_argument("--impl", action="append", choices=["ours", "reference"])
    args = ap.parse_args()
    impls = args.impl or ["ours", "reference"]
    scenarios = args.only or ["kill", "outage", "graceful", "silent"]
    exes = {i: os.path.join(os.path.abspath(args.build_dir), "ctests", "faults", i, "fault_load") for i in impls}
    for i, exe in exes.items():
        if not os.path.exists(exe):
            sys.exit(f"faults: {exe} is missing (build the C tests first)")

    subprocess.run([CASSANDRA, "start", VARIANT], check=True)
    results, failures = [], []
    keep = os.environ.get("FAULTS_KEEP")  # a folder to keep the writers' output and logs in
    if keep:
        os.makedirs(keep, exist_ok=True)
    with (contextlib.nullcontext(keep) if keep else tempfile.TemporaryDirectory(prefix="faults-")) as work:
        for name in scenarios:
            for impl in impls:
                log(f"{name} on {impl}")
                r = run_one(exes[impl], impl, name, work)
                report(r)
                results.append(r)
            ours = next((x for x in results if x["scenario"] == name and x["impl"] == "ours"), None)
            ref = next((x for x in results if x["scenario"] == name and x["impl"] == "reference"), None)
            if ours:
                problems = judge(ours, ref)
                failures += [f"{name}: {p}" for p in problems]
                if any("log" in p for p in problems):
                    for line in ours["log_sample"]:
                        log(f"    log: {line}")
    log("summary:")
    for r in results:
        report(r)
    if failures:
        for f in failures:
            log(f"FAIL {f}")
        sys.exit(1)
    log("PASS")


if __name__ == "__main__":
    main()
