"""The realistic sweep: ordinary programs run with ``python`` and with ``omppy run``.

Every other ``*.py`` in this directory is a deterministic program, written the way a
C OpenMP programmer or a pymp user would annotate ordinary Python (see
``docs/correctness.md``); all are race-free but ``race_*.py``, whose data races
omppy must refuse.  This script runs each one once with plain ``python`` and
then with ``omppy run`` at ``OMP_NUM_THREADS`` 1, 2, 3 and 4, and classifies every
omppy run:

- ``same``: the same stdout and exit status as ``python``;
- ``clear error``: exit status 1 with an ``OmpError``, a ``PragmaError``, a
  ``file:line:col:`` pragma message or an ``omppy:`` note under the user's exception
  (a write to an array omppy made read-only), and no traceback frame from omppy's
  own code (each is also listed as *refused*, with its message, for a person to
  judge: on a race-free program an error is a refusal the user may not expect);
- ``SILENT WRONG``: exit status 0 (python's) but a different stdout;
- ``crash``: anything else (an internal traceback, an unexpected exception, another
  exit status);
- ``hang``: still running at the timeout (the whole process group is killed).

Usage::

    python tests/realistic/run.py                 # every program, once
    python tests/realistic/run.py --repeat 2      # twice (timing-dependent bugs)
    python tests/realistic/run.py bfs game_of_life -t 3 -j 2
    python tests/realistic/run.py --backend threads  # OMPPY_BACKEND=threads
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
THREADS = (1, 2, 3, 4)
TIMEOUT = 60.0

SAME = "same"
ERROR = "clear error"
WRONG = "SILENT WRONG"
CRASH = "crash"
HANG = "hang"
CLASSES = (SAME, ERROR, WRONG, CRASH, HANG)
FAILING = (WRONG, CRASH, HANG)

# A traceback frame in omppy's own code ("File ".../omppy/runtime/team.py", line 3").
_INTERNAL_FRAME = re.compile(r'^\s*File "[^"]*[/\\]omppy[/\\][^"]*", line \d+', re.MULTILINE)
# (RegionStateLost and TeamDeadlock are OmpErrors the traceback names by their class)
_ERROR_NAME = re.compile(
    r"\b(OmpError|PragmaError|ExchangeOverflow|RegionStateLost|TeamDeadlock)\b"
)
# omppy's located pragma messages: "prog.py:12:5: message".
_LOCATED = re.compile(r"^\S+\.py:\d+:\d+: \S", re.MULTILINE)
# omppy's note under a user's exception that omppy caused on purpose (a write to an
# array it made read-only: docs/data-sharing.md, numpy arrays).
_NOTE = re.compile(r"^omppy: \S", re.MULTILINE)


@dataclass
class Run:
    status: int | None  # None: killed at the timeout
    out: str
    err: str
    seconds: float


@dataclass
class Outcome:
    program: str
    threads: int
    kind: str
    detail: str  # the first differing line, the error message, or the crash's last line
    seconds: float


def programs(selected: Sequence[str] = ()) -> list[Path]:
    """The programs of the sweep (every ``*.py`` here but this script), by name."""
    found = sorted(p for p in HERE.glob("*.py") if p.name != Path(__file__).name)
    if not selected:
        return found
    return [p for p in found if any(s == p.stem or s in p.stem for s in selected)]


BACKEND = ""  # OMPPY_BACKEND for the omppy runs ("": the default, fork)


def environment(threads: int | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OMP_", "OMPPY_", "PYMP_"))}
    env["PYTHONPATH"] = str(ROOT)
    # Translations are cached (__pycache__/*.omppy.pyc, ignored by git): a program runs
    # at four team sizes, and translating it once is enough.
    env["PYTHONDONTWRITEBYTECODE"] = ""
    # The reference run and the omppy run are different processes: give both the same
    # string hashes, so that a set of strings iterates in one order in both.
    env["PYTHONHASHSEED"] = "0"
    if threads is not None:
        env["OMP_NUM_THREADS"] = str(threads)
        if BACKEND:
            env["OMPPY_BACKEND"] = BACKEND
    return env


def execute(command: list[str], env: dict[str, str], timeout: float) -> Run:
    """Run ``command`` in its own process group; kill the whole group at the timeout."""
    start = time.monotonic()
    with subprocess.Popen(
        command,
        cwd=HERE,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    ) as process:
        try:
            out, err = process.communicate(timeout=timeout)
            status: int | None = process.returncode
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            out, err = process.communicate()
            status = None
    try:  # forked workers left behind by a crash or a kill
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    return Run(status, out, err, time.monotonic() - start)


def run_python(program: Path, timeout: float = TIMEOUT) -> Run:
    return execute([sys.executable, str(program)], environment(None), timeout)


def run_omppy(program: Path, threads: int, timeout: float = TIMEOUT) -> Run:
    command = [sys.executable, "-m", "omppy", "run", str(program)]
    return execute(command, environment(threads), timeout)


def is_clear_error(got: Run) -> bool:
    if got.status != 1 or _INTERNAL_FRAME.search(got.err):
        return False
    return bool(_ERROR_NAME.search(got.err) or _LOCATED.search(got.err) or _NOTE.search(got.err))


def error_message(err: str) -> str:
    """The line of ``err`` that states the error (its first line for pragma errors)."""
    lines = [line.strip() for line in err.splitlines() if line.strip()]
    for line in lines:
        if _LOCATED.match(line):
            return line
    for number, line in enumerate(lines):
        if _NOTE.match(line) and number:
            return f"{lines[number - 1]} / {line}"
    for line in reversed(lines):
        if _ERROR_NAME.search(line):
            return line
    return lines[-1] if lines else ""


def first_difference(expected: str, got: str) -> str:
    want, have = expected.splitlines(), got.splitlines()
    for number, (a, b) in enumerate(zip(want, have), 1):
        if a != b:
            return f"line {number}: python {_clip(a)!r}, omppy {_clip(b)!r}"
    if len(want) != len(have):
        return f"python printed {len(want)} lines, omppy {len(have)}"
    return "same lines, different line endings"


def _clip(text: str, width: int = 110) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."


def classify(expected: Run, got: Run) -> tuple[str, str]:
    if got.status is None:
        return HANG, f"no exit after {got.seconds:.0f} s"
    if got.status == expected.status and got.out == expected.out:
        return SAME, ""
    if got.status == expected.status:
        return WRONG, first_difference(expected.out, got.out)
    if is_clear_error(got):
        return ERROR, _clip(error_message(got.err), 400)
    last = error_message(got.err)
    internal = " (omppy-internal traceback)" if _INTERNAL_FRAME.search(got.err) else ""
    return CRASH, _clip(f"exit {got.status}{internal}: {last}", 400)


def check_program(
    program: Path, threads: Iterable[int] = THREADS, timeout: float = TIMEOUT
) -> list[Outcome]:
    """Every omppy run of one program, classified against its python run."""
    expected = run_python(program, timeout)
    if expected.status != 0:
        detail = f"python exits {expected.status}: {error_message(expected.err)}"
        return [Outcome(program.stem, 0, "bad program", detail, expected.seconds)]
    outcomes = []
    for count in threads:
        got = run_omppy(program, count, timeout)
        kind, detail = classify(expected, got)
        outcomes.append(Outcome(program.stem, count, kind, detail, got.seconds))
    return outcomes


def sweep(
    chosen: Sequence[Path], threads: Sequence[int], timeout: float, jobs: int, verbose: bool
) -> list[Outcome]:
    results: list[Outcome] = []
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        for outcomes in pool.map(lambda p: check_program(p, threads, timeout), chosen):
            results.extend(outcomes)
            if verbose:
                marks = " ".join(f"{o.threads}:{o.kind}" for o in outcomes)
                print(f"  {outcomes[0].program:<34} {marks}", flush=True)
    return results


def report(results: list[Outcome], rounds: int) -> str:
    lines = []
    kinds = Counter(o.kind for o in results)
    total = len(results)
    names = sorted({o.program for o in results})
    sizes = sorted({o.threads for o in results if o.threads})
    lines.append(f"{len(names)} programs x team sizes {sizes} x {rounds} round(s)")
    lines.append("")
    lines.append("| class | runs | % |")
    lines.append("|---|---|---|")
    for kind in (*CLASSES, "bad program"):
        if kinds[kind] or kind in CLASSES:
            lines.append(f"| {kind} | {kinds[kind]} | {100 * kinds[kind] / max(total, 1):.1f} |")
    lines.append(f"| total | {total} | |")
    worst: dict[str, str] = {}
    order = {k: i for i, k in enumerate((SAME, ERROR, WRONG, CRASH, HANG, "bad program"))}
    for o in results:
        if o.program not in worst or order[o.kind] > order[worst[o.program]]:
            worst[o.program] = o.kind
    per_program = Counter(worst.values())
    lines.append("")
    lines.append(
        "programs by their worst run: "
        + ", ".join(f"{k} {per_program[k]}" for k in order if per_program[k])
    )
    failing = [o for o in results if o.kind in (*FAILING, "bad program")]
    lines.append("")
    lines.append(f"failing runs ({len(failing)}):")
    for o in sorted(failing, key=lambda o: (o.program, o.threads)):
        lines.append(f"  {o.program} @{o.threads} {o.kind}: {o.detail}")
    refused: dict[tuple[str, str], list[int]] = {}
    for o in results:
        if o.kind == ERROR:
            refused.setdefault((o.program, o.detail), []).append(o.threads)
    lines.append("")
    lines.append(f"refused (clear errors on race-free programs, {len(refused)}):")
    for (program, detail), counts in sorted(refused.items()):
        at = ",".join(str(c) for c in sorted(set(counts)))
        lines.append(f"  {program} @{at}: {detail}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help="programs to run (a name or part of one)")
    parser.add_argument("-t", "--threads", type=int, action="append", help="team sizes")
    parser.add_argument("-j", "--jobs", type=int, default=1, help="programs run at once")
    parser.add_argument("--repeat", type=int, default=1, help="rounds of the whole sweep")
    parser.add_argument("--timeout", type=float, default=TIMEOUT, help="seconds per run")
    parser.add_argument("--json", type=Path, help="write every outcome to this file")
    parser.add_argument("-q", "--quiet", action="store_true", help="no line per program")
    parser.add_argument("--backend", default="", help="OMPPY_BACKEND of the omppy runs")
    options = parser.parse_args(argv)
    global BACKEND
    BACKEND = options.backend
    chosen = programs(options.names)
    if not chosen:
        parser.error("no program matches")
    threads = tuple(options.threads or THREADS)
    results: list[Outcome] = []
    for round_number in range(options.repeat):
        if not options.quiet:
            print(f"round {round_number + 1}/{options.repeat}", flush=True)
        results += sweep(chosen, threads, options.timeout, options.jobs, not options.quiet)
    print()
    print(report(results, options.repeat))
    if options.json:
        options.json.write_text(json.dumps([asdict(o) for o in results], indent=1))
    return 1 if any(o.kind in (*FAILING, "bad program") for o in results) else 0


if __name__ == "__main__":
    sys.exit(main())
