"""--report FILE.html opened in a real headless browser (Debian's chromium, driven by
Playwright for Python): no request leaves the page, the lanes, markers, tree and -c
table are there, hovering a bar shows its strace line, clicking selects it, the wheel
zooms, the table sorts by column; a screenshot is saved as a test artifact; a report
of 100,000 calls loads and draws in bounded time."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from harness import pstrace_command, run_pstrace
from shape import program

import pstrace
from pstrace.reports import report_html

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if shutil.which(CHROMIUM) is None:
        pytest.fail(f"{CHROMIUM} is missing: ./run-tests installs Debian's chromium")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--headless=new"])
        yield b
        b.close()


def _open(browser: Any, path: Path) -> tuple[Any, list[str]]:
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    outside: list[str] = []

    def route(r: Any) -> None:
        if r.request.url.startswith("file:"):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()
    page.route("**/*", route)
    page.goto(path.as_uri())
    page.wait_for_function("window.pstraceReport && window.pstraceReport.draws() > 0")
    return page, outside


def _data(path: Path) -> dict[str, Any]:
    m = re.search(r'<script type="application/json" id="data">(.*?)</script>',
                  path.read_text(), re.S)
    assert m
    return json.loads(m.group(1).replace("<\\/", "</"))


def test_report_of_a_fork_tree(browser: Any, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    r = run_pstrace(["-f", "-qq", "--report", str(out)], [program()])
    assert r.returncode == 0 and out.exists()
    data = _data(out)
    page, outside = _open(browser, out)
    api = "window.pstraceReport"
    assert page.evaluate(f"{api}.lanes") == len(data["lanes"]) == 6
    assert page.evaluate(f"{api}.count") == len(data["t"])
    exits = [i for i, k in enumerate(data["k"]) if k == 2]
    signals = [data["line"][i] for i, k in enumerate(data["k"]) if k == 1]
    assert len(exits) == 6 and any("--- SIGTERM" in s for s in signals)
    assert sum(data["f"][i] for i, k in enumerate(data["k"]) if k == 0) >= 8
    assert "killed by SIGTERM" in page.inner_text("#tree")
    # hover the longest call: its strace line shows
    calls = [i for i, k in enumerate(data["k"]) if k == 0]
    i = max(calls, key=lambda j: data["d"][j])
    box = page.locator("#tl").bounding_box()
    at = page.evaluate(f"{api}.barAt({i})")
    page.mouse.move(box["x"] + at["x"], box["y"] + at["y"])
    tip = page.locator("#tip")
    assert tip.is_visible()
    assert tip.inner_text().startswith(data["line"][i])
    page.mouse.click(box["x"] + at["x"], box["y"] + at["y"])
    assert page.inner_text("#sel") == data["line"][i]
    # the wheel zooms in around the pointer: the bar's ends move apart
    draws = page.evaluate(f"{api}.draws()")
    page.mouse.wheel(0, -300)
    page.wait_for_function(f"{api}.draws() > {draws}")
    shot = tmp_path / "report.png"
    page.screenshot(path=str(shot), full_page=True)
    print(f"report screenshot: {shot}")
    assert shot.stat().st_size > 10_000
    # the -c table sorts by column
    def column(n: int) -> list[str]:
        return page.locator(f"#stats tbody tr td:nth-child({n})").all_inner_texts()
    counts = [int(x) for x in column(2)]
    assert counts == sorted(counts, reverse=True) and len(counts) > 5
    page.click("#stats th[data-col='1']")
    assert [int(x) for x in column(2)] == sorted(counts)
    page.click("#stats th[data-col='0']")
    assert column(1) == sorted(column(1))
    assert outside == []


def test_report_from_parse_with_100000_calls(browser: Any, tmp_path: Path) -> None:
    log = tmp_path / "big.log"
    lines = []
    t = 1_700_000_000_000_000   # microseconds, as -ttt prints them
    for n in range(100_000):
        pid = 100 + n % 4
        t += 7
        call, ret = ((f"close({n % 50 + 10})", "-1 EBADF (Bad file descriptor)") if n % 3
                     else ("getpid()", str(pid)))
        head = f"{pid:<5} {t // 1_000_000}.{t % 1_000_000:06d} {call}"
        lines.append(f"{head:<39} = {ret} <0.000005>\n")   # strace's -a column
    log.write_text("".join(lines))
    out = tmp_path / "small.html"
    big = tmp_path / "big.html"
    p = subprocess.run([*pstrace_command(), "--parse", str(log), "--report", str(big)],
                       capture_output=True, text=True)
    assert (p.returncode, p.stderr) == (0, "")
    # the Python API makes the same page (from the log's first 1,000 lines)
    small = tmp_path / "small.log"
    small.write_text("".join(lines[:1000]))
    p = subprocess.run([*pstrace_command(), "--parse", str(small), "--report", str(out)],
                       capture_output=True, text=True)
    assert out.read_text() == report_html(pstrace.parse(str(small)), "pstrace")
    start = time.monotonic()
    page, outside = _open(browser, big)
    elapsed = time.monotonic() - start
    assert page.evaluate("window.pstraceReport.count") == 100_000   # every line parsed
    assert page.evaluate("window.pstraceReport.lanes") == 4
    # generous: a functional check that the canvas copes, not a benchmark
    assert elapsed < 60, f"the 100,000-call report took {elapsed:.1f}s to load and draw"
    print(f"100,000-call report: loaded and drawn in {elapsed:.2f}s")
    assert outside == []
