"""The memory soak (bindings/soak_rss.py) with fewer requests than its documented 1,000,000 run:
RSS must stay flat after warm-up. $ACSYLLA_SOAK_REQUESTS changes the count (default 200,000)."""

import os
import subprocess
import sys

import pytest

from conftest import HOST

SOAK = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "soak_rss.py")


@pytest.mark.slow
@pytest.mark.timeout(420)
def test_rss_stays_flat():
    requests = int(os.environ.get("ACSYLLA_SOAK_REQUESTS", "200000"))
    completed = subprocess.run(
        [
            sys.executable,
            SOAK,
            "--requests", str(requests),
            "--sample-every", str(max(requests // 10, 1000)),
            "--concurrency", "128",
            "--max-seconds", "300",
            "--host", HOST,
        ],
        capture_output=True,
        text=True,
        timeout=400,
    )
    print(completed.stdout)
    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-3000:]
    assert "soak: PASS" in completed.stdout, completed.stdout[-3000:]
