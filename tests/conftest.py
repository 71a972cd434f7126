"""Shared pytest set-up: makes tests/harness.py importable, configures hypothesis for
slow tracing tests, and checks after every test that no process of ours was left in
tracing stop."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))

import harness  # noqa: E402

try:
    from hypothesis import HealthCheck, settings
except ImportError:  # hypothesis is installed by ./run-tests; unit tests may not need it
    pass
else:
    # Tracing a process takes tens of milliseconds: no per-example deadline.
    settings.register_profile("ci", deadline=None, max_examples=50,
                              suppress_health_check=[HealthCheck.too_slow])
    settings.register_profile("dev", deadline=None)
    settings.load_profile("ci" if os.environ.get("CI") else "dev")


@pytest.fixture(autouse=True)
def no_stopped_tracees():
    """After each test, fail if a descendant of this pytest process (or a process traced
    by one) is still in tracing stop; such processes are killed so later tests start
    clean."""
    yield
    stopped = harness.stopped_tracees()
    deadline = time.monotonic() + 2.0
    while stopped and time.monotonic() < deadline:  # a tracer may still be finishing
        time.sleep(0.05)
        stopped = harness.stopped_tracees()
    if stopped:
        harness.kill_quietly(p.pid for p in stopped)
        pytest.fail("processes left in tracing stop: " + ", ".join(
            f"{p.pid} ({p.name}, tracer {p.tracer})" for p in stopped))


@pytest.fixture
def fixed_env() -> dict[str, str]:
    """A copy of the harness's reproducible environment, for tests that extend it."""
    return dict(harness.DEFAULT_ENV)


def pytest_sessionfinish(session: pytest.Session) -> None:
    """With PSTRACE_JSON_COUNT=FILE: add to FILE how many --json lines this process
    validated (tests/jsonout/check.py), to measure the suite."""
    path = os.environ.get("PSTRACE_JSON_COUNT")
    check = sys.modules.get("jsonout.check")
    if path and check is not None:
        with open(path, "a") as f:
            f.write(" ".join(f"{k}={v}" for k, v in sorted(check.COUNTS.items())) + "\n")
