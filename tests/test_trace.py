"""Traces, the load-balance report and the progress bar (docs/tracing.md).

The quick tests check the pieces in-process on made-up spans (the trace format, the
report's arithmetic and hints, the bar's line); the slow ones run programs with
``omppy run --trace/--report/--progress`` and check what comes out: the JSON's
structure (every chunk once, spans nested, every thread and nested team present), the
report's hint on an imbalanced static loop and not on a balanced one, and the bar on
a terminal (a pty) and its absence without one.
"""

from __future__ import annotations

import itertools
import json
import os
import pty
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from omppy import progress, report
from omppy.runtime import trace
from omppy.runtime.watching import with_join_idle

from .helpers import CORPUS, ROOT, _environment, run_omppy, run_python

MS = 1_000_000  # ns

# -- quick: the pieces ------------------------------------------------------------------


def _region(rid: str, where: str, key: tuple[int, ...], begin: int, end: int, threads: int):
    return (f"parallel {where}", "region", key, 0, begin, end,
            {"region": rid, "where": where, "threads": threads})


def _loop_spans(rid, where, loop, schedule, n, busy_ms, begin=10 * MS):
    """A loop's spans: one chunk per thread, thread t busy ``busy_ms[t]``."""
    spans = []
    per = n // len(busy_ms)
    for tid, busy in enumerate(busy_ms):
        args = {"loop": loop, "instance": 1, "schedule": schedule, "n": n, "region": rid}
        end = begin + busy * MS
        spans.append(("body", "body", (), tid, begin, end + MS, {"region": rid}))
        spans.append((f"for {loop}", "loop", (), tid, begin, end, args))
        spans.append(("chunk", "chunk", (), tid, begin, end,
                      {**args, "start": tid * per, "stop": (tid + 1) * per}))
    return spans


def test_report_flags_imbalanced_static_loop_only() -> None:
    spans = [_region("r1", "/x/a.py:3", (), 0, 400 * MS, 3)]
    spans += _loop_spans("r1", "/x/a.py:3", "/x/a.py:4", "static", 3000, [100, 200, 300])
    spans += [_region("r2", "/x/a.py:9", (), 500 * MS, 900 * MS, 3)]
    spans += _loop_spans("r2", "/x/a.py:9", "/x/a.py:10", "static", 3000, [300, 300, 290],
                         begin=510 * MS)
    rows = report.analyse(spans)
    assert [r.where for r in rows] == ["/x/a.py:3", "/x/a.py:9"]
    first, second = rows[0].loops[0], rows[1].loops[0]
    assert first.imbalance == pytest.approx(1 - 200 / 300)
    assert second.imbalance < 0.05
    found = report.hints(rows)
    assert len(found) == 1
    assert "a.py:4: schedule(static) left threads idle 33% of the time" in found[0]
    assert "try schedule(dynamic, 64)" in found[0]  # 3000 / (3 * 8) = 125 -> 64
    text = report.render(spans)
    assert "a.py:4 for static" in text and "hints:" in text


def test_report_dynamic_imbalance_gets_no_static_hint() -> None:
    spans = [_region("r1", "/x/a.py:3", (), 0, 400 * MS, 3)]
    spans += _loop_spans("r1", "/x/a.py:3", "/x/a.py:4", "dynamic,1", 300, [100, 200, 300])
    assert report.hints(report.analyse(spans)) == []


def test_report_many_short_regions_hint() -> None:
    spans = []
    for run in range(200):
        rid = f"r{run}"
        begin = run * 3 * MS
        spans.append(_region(rid, "/x/b.py:8", (), begin, begin + 2 * MS, 2))
        for tid in (0, 1):
            spans.append(("body", "body", (), tid, begin + MS, begin + MS + MS // 10,
                          {"region": rid}))
    found = report.hints(report.analyse(spans))
    assert len(found) == 1
    assert found[0].startswith("/x/b.py:8: region ran 200 times at 1.9 ms overhead each")
    assert found[0].endswith("move the pragma to the outer loop")


def test_busy_time_leaves_out_waits() -> None:
    spans = [_region("r", "/x/c.py:1", (), 0, 100 * MS, 2)]
    spans.append(("body", "body", (), 0, 0, 100 * MS, {"region": "r"}))
    spans.append(("body", "body", (), 1, 0, 100 * MS, {"region": "r"}))
    spans.append(("barrier wait", "wait", (), 1, 20 * MS, 80 * MS, None))
    row = report.analyse(spans)[0]
    assert row.busy == {0: 100 * MS, 1: 40 * MS}
    assert row.imbalance == pytest.approx(0.3)


def test_report_without_regions() -> None:
    assert "no parallel region ran" in report.render([])


def test_chrome_trace_names_every_track() -> None:
    spans = [
        ("parallel a.py:1", "region", (), 0, 1000, 9000, {"region": "r"}),
        ("chunk [0, 2)", "chunk", (), 1, 2000, 3000, {"start": 0}),
        ("parallel a.py:5", "region", (1,), 0, 2500, 2900, None),
    ]
    events = trace.chrome_trace(spans, origin=1000)["traceEvents"]
    names = {(e["pid"], e["tid"]): e["args"]["name"] for e in events
             if e["name"] == "thread_name"}
    processes = {e["pid"]: e["args"]["name"] for e in events if e["name"] == "process_name"}
    assert processes == {1: "team (level 1)", 2: "team of thread 1 (level 2)"}
    assert names == {(1, 0): "thread 0 (master)", (1, 1): "thread 1", (2, 0): "thread 0 (master)"}
    complete = [e for e in events if e["ph"] == "X"]
    assert complete[0] == {"name": "parallel a.py:1", "cat": "region", "ph": "X", "ts": 0.0,
                           "dur": 8.0, "pid": 1, "tid": 0, "args": {"region": "r"}}


def test_join_idle_fills_each_worker_until_the_join() -> None:
    spans = [
        ("join", "wait", (), 0, 50, 90, {"region": "r"}),
        ("parallel x", "region", (), 1, 10, 60, {"region": "r"}),
        ("parallel x", "region", (), 2, 10, 90, {"region": "r"}),
    ]
    added = with_join_idle(spans)[3:]
    assert added == [("waiting for the team", "wait", (), 1, 60, 90, {"region": "r"})]


def test_bar_line() -> None:
    line = progress.bar_line("/x/loop.py:12", 500, 1000, 2.0, 80)
    assert line.startswith("loop.py:12 [")
    assert " 50% 500/1,000 250 it/s 2 s left" in line
    assert len(line) <= 80
    done = progress.bar_line("/x/loop.py:12", 1000, 1000, 4.0, 80)
    assert "100% 1,000/1,000 in 4.0 s" in done
    assert len(progress.bar_line("/x/loop.py:12", 1, 3, 1.0, 20)) <= 20


def test_suggested_chunk() -> None:
    assert report.suggested_chunk(2_000_000, 4) == 32768
    assert report.suggested_chunk(10, 4) == 1


# -- slow: programs run with the options ------------------------------------------------

TRACED = """\
import time
total = 0
hits = []
# omp parallel num_threads(3)
if True:
    # omp for schedule(static) reduction(+:total)
    for i in range(10):
        total += i
    # omp for schedule(static, 2)
    for i in range(11):
        time.sleep(0.001)
    # omp for schedule(dynamic, 3)
    for i in range(17):
        time.sleep(0.001)
    # omp for schedule(guided) ordered
    for i in range(13):
        # omp ordered
        hits.append(i)
    # omp critical
    hits.append(-1)
    # omp barrier
    # omp parallel num_threads(2)
    if True:
        # omp for schedule(dynamic)
        for j in range(6):
            time.sleep(0.001)
print(total, len(hits))
"""


def _load(path: Path) -> list[dict[str, Any]]:
    data = json.loads(path.read_text())
    assert set(data) >= {"traceEvents"}
    return data["traceEvents"]


def _tracks(events: list[dict[str, Any]]) -> dict[tuple[int, int], list[dict[str, Any]]]:
    tracks = defaultdict(list)
    for event in events:
        if event["ph"] == "X":
            tracks[(event["pid"], event["tid"])].append(event)
    return tracks


def _inside(inner: dict[str, Any], outer: dict[str, Any]) -> bool:
    slack = 0.002  # microseconds: the JSON's rounding
    return (outer["ts"] - slack <= inner["ts"]
            and inner["ts"] + inner["dur"] <= outer["ts"] + outer["dur"] + slack)


@pytest.mark.slow
def test_trace_structure(write, tmp_path: Path) -> None:
    program = write("traced.py", TRACED)
    out = tmp_path / "out.json"
    result = run_omppy("run", "--trace", str(out), str(program), threads=None,
                       env={"OMP_MAX_ACTIVE_LEVELS": "2"})
    assert result.status == 0, result.err
    assert result.out == "45 16\n"  # 13 ordered appends, one critical one per thread
    events = _load(out)
    for event in events:
        assert event["ph"] in ("X", "M")
        if event["ph"] == "X":
            assert set(event) >= {"name", "cat", "ts", "dur", "pid", "tid"}
            assert event["dur"] >= 0
    processes = {e["args"]["name"]: e["pid"] for e in events if e["name"] == "process_name"}
    named = {(e["pid"], e["tid"]) for e in events if e["name"] == "thread_name"}
    tracks = _tracks(events)
    assert set(tracks) <= named
    # All threads, and a team (two threads) for each thread of the outer team.
    outer = processes.pop("team (level 1)")
    assert {t for p, t in tracks if p == outer} == {0, 1, 2}
    assert sorted(processes) == [f"team of thread {k} (level 2)" for k in range(3)]
    for pid in processes.values():
        assert {t for p, t in tracks if p == pid} == {0, 1}
    # Every chunk of every loop exactly once, covering its iteration space.
    chunks = defaultdict(list)
    loops = {}
    for event in events:
        if event.get("cat") == "chunk":
            args = event["args"]
            chunks[(args["region"], args["loop"], args["instance"])].append(
                (args["start"], args["stop"]))
            loops[(args["region"], args["loop"], args["instance"])] = args
    outer_loops = {args["schedule"] for args in loops.values() if args["n"] != 6}
    assert outer_loops == {"static", "static,2", "dynamic,3", "guided"}
    assert len([a for a in loops.values() if a["n"] == 6]) == 3  # one per nested team
    for loop, ranges in chunks.items():
        covered = sorted(ranges)
        assert covered[0][0] == 0 and covered[-1][1] == loops[loop]["n"], (loop, covered)
        for (_, stop), (start, _) in itertools.pairwise(covered):
            assert stop == start, (loop, covered)  # no gap, no overlap, no repeat
    # Spans nest: every span of a track inside a region span of that track (the wait
    # for the rest of the team comes after the worker's region), chunks inside their
    # loop, loops inside the body; and no two spans of a track overlap partly.
    for track, spans in tracks.items():
        regions = [s for s in spans if s["cat"] == "region"]
        assert regions, track
        for span in spans:
            if span["cat"] == "region" or span["name"] == "waiting for the team":
                continue
            assert any(_inside(span, r) for r in regions), (track, span)
            if span["cat"] == "chunk":
                assert any(_inside(span, s) for s in spans if s["cat"] == "loop"), span
            if span["cat"] == "loop":
                assert any(_inside(span, s) for s in spans if s["cat"] == "body"), span
        ordered = sorted(spans, key=lambda s: (s["ts"], -s["dur"]))
        stack: list[dict[str, Any]] = []
        for span in ordered:
            while stack and stack[-1]["ts"] + stack[-1]["dur"] <= span["ts"] + 0.002:
                stack.pop()
            assert not stack or _inside(span, stack[-1]), (track, stack[-1], span)
            stack.append(span)
    names = {e["name"] for e in events if e["ph"] == "X"}
    assert {"setup", "fork", "body", "join", "merge", "report", "barrier", "barrier wait",
            "critical", "critical wait", "ordered", "ordered wait"} <= names


@pytest.mark.slow
def test_trace_written_when_the_program_fails(write, tmp_path: Path) -> None:
    program = write("fails.py", """\
# omp parallel for num_threads(3)
for i in range(6):
    if i == 5:
        raise ValueError("boom")
""")
    out = tmp_path / "out.json"
    result = run_omppy("run", "--trace", str(out), str(program), threads=None)
    assert result.status == 1
    assert "ValueError: boom" in result.err
    regions = [e for e in _load(out) if e.get("cat") == "region" and e["tid"] == 0]
    assert regions and regions[0]["args"]["failed"] is True


BALANCE = """\
import time
# omp parallel for schedule(static) num_threads(3)
for i in range(24):
    time.sleep(0.003 * i)
# omp parallel for schedule(static) num_threads(3)
for i in range(24):
    time.sleep(0.02)
print("ok")
"""


@pytest.mark.slow
def test_report_flags_the_imbalanced_loop_not_the_balanced_one(write) -> None:
    program = write("balance.py", BALANCE)
    result = run_omppy("run", "--report", "balance.py", threads=None, cwd=program.parent)
    assert result.status == 0, result.err
    assert result.out == "ok\n"  # the report goes to stderr
    assert "omppy report" in result.err
    hint_lines = result.err.split("hints:")[1].strip().splitlines()
    assert len(hint_lines) == 1, result.err
    assert hint_lines[0].strip().startswith("balance.py:3: schedule(static) left threads idle")
    assert "try schedule(dynamic, 1)" in hint_lines[0]
    assert "balance.py:6" not in result.err.split("hints:")[1]


@pytest.mark.slow
def test_environment_variables_without_the_command(write, tmp_path: Path) -> None:
    """OMPPY_TRACE and OMPPY_REPORT for a translated file run by plain python."""
    program = write("pi.py", (ROOT / "examples" / "pi.py").read_text())
    translated = tmp_path / "pi_par.py"
    assert run_omppy("translate", str(program), "-o", str(translated)).status == 0
    out = tmp_path / "pi.json"
    result = run_python(translated, "20000",
                        env={"OMPPY_TRACE": str(out), "OMPPY_REPORT": "1",
                             "OMP_NUM_THREADS": "2"})
    assert result.status == 0, result.err
    assert "pi_par.py:" in result.err and "parallel" in result.err
    assert any(e.get("cat") == "chunk" for e in _load(out))


@pytest.mark.slow
def test_bad_trace_path_is_a_usage_error(write) -> None:
    program = write("p.py", "print(1)\n")
    result = run_omppy("run", "--trace", "/no/such/dir/t.json", str(program))
    assert result.status == 2
    assert "--trace /no/such/dir/t.json: no directory /no/such/dir" in result.err


@pytest.mark.slow
def test_threads_backend_says_it_is_not_traced(write, tmp_path: Path) -> None:
    program = write("p.py", "# omp parallel for\nfor i in range(4):\n    pass\nprint(1)\n")
    result = run_omppy("run", "--backend", "threads", "--report", str(program))
    assert result.status == 0
    assert "watch the fork backend only" in result.err


PROGRESS = """\
import time
# omp parallel for schedule(dynamic) num_threads(3)
for i in range(90):
    time.sleep(0.02)
print("finished")
"""


def _run_on_a_terminal(args: list[str], env: dict[str, str]) -> tuple[str, bytes]:
    """Run with stderr on a pty (stdout a pipe): (stdout, what the terminal got)."""
    primary, secondary = pty.openpty()
    child = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                             stderr=secondary, env=env)
    os.close(secondary)
    received = bytearray()
    try:
        while True:
            try:
                data = os.read(primary, 4096)
            except OSError:  # EIO: the child closed the terminal
                break
            if not data:
                break
            received += data
        assert child.stdout is not None
        out = child.stdout.read().decode()
        child.wait(timeout=30)
    finally:
        os.close(primary)
        if child.poll() is None:
            child.kill()
            child.wait()
    return out, bytes(received)


@pytest.mark.slow
def test_progress_bar_on_a_terminal_reaches_100(write) -> None:
    program = write("slow.py", PROGRESS)
    out, terminal = _run_on_a_terminal(
        [sys.executable, "-m", "omppy", "run", "--progress", str(program)],
        _environment(None, None),
    )
    assert out == "finished\n"  # nothing of the bar on stdout
    text = terminal.decode()
    assert "slow.py:3 [" in text
    assert "100% 90/90 in" in text
    assert text.endswith("\r\n")  # the finished bar keeps its line


@pytest.mark.slow
def test_progress_bar_stays_off_without_a_terminal(write) -> None:
    program = write("slow.py", PROGRESS)
    result = run_omppy("run", "--progress", str(program), threads=None)
    assert result.status == 0
    assert result.out == "finished\n"
    assert result.err == ""
    result = run_omppy("run", str(program), threads=None, env={"OMPPY_PROGRESS": "1"})
    assert result.err == ""


# Corpus programs whose constructs the watched team times (critical blocks in helpers,
# ordered, locks, cancel, doacross, nesting, tasks): watching changes nothing they
# print.  (The whole corpus agrees too; these are the ones where it could not.)
WATCHED_CORPUS = (
    "realistic_fixes.py",  # a critical block in a helper changing a global
    "sync_calls.py",
    "sync_constructs.py",
    "nest_locks_ordered.py",
    "cancel_search.py",
    "doacross_wavefront.py",
    "orphaned_constructs.py",
    "nested_regions.py",
    "tasks_with_constructs.py",
)


@pytest.mark.slow
@pytest.mark.parametrize("name", WATCHED_CORPUS)
def test_watching_changes_no_output(name: str, tmp_path: Path) -> None:
    program = CORPUS / name
    want = run_python(program)
    out = tmp_path / "t.json"
    got = run_omppy("run", "--trace", str(out), "--report", str(program), threads=3)
    assert (got.status, got.out) == (want.status, want.out)
    assert got.err.split("omppy report")[0] == want.err
    assert _load(out)
