"""Running programs with plain Python and with ``omppy run``, for the tests."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
BACKENDS = ("fork", "threads")
# The line the threads backend prints once on an interpreter with the GIL (backend.py).
GIL_NOTICE_START = "omppy: the threads backend runs under the GIL"


@dataclass
class Result:
    status: int
    out: str
    err: str


def _environment(threads: int | None, extra: dict[str, str] | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OMP_", "OMPPY_", "PYMP_"))}
    env["PYTHONPATH"] = str(ROOT)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    if threads is not None:
        env["OMP_NUM_THREADS"] = str(threads)
    env.update(extra or {})
    return env


def without_gil_notice(err: str) -> str:
    """``err`` without the threads backend's one-line notice about the GIL."""
    return "".join(
        line for line in err.splitlines(keepends=True) if not line.startswith(GIL_NOTICE_START)
    )


def run_python(
    path: Path | str,
    *args: str,
    env: dict[str, str] | None = None,
    cwd: Path | str | None = None,
    timeout: float = 30,
) -> Result:
    done = subprocess.run(
        [sys.executable, str(path), *args],
        capture_output=True,
        text=True,
        env=_environment(None, env),
        cwd=cwd,
        timeout=timeout,
    )
    return Result(done.returncode, done.stdout, done.stderr)


def run_omppy(
    *args: str,
    threads: int | None = 2,
    env: dict[str, str] | None = None,
    cwd: Path | str | None = None,
    timeout: float = 30,
    stdin: str | None = None,
) -> Result:
    done = subprocess.run(
        [sys.executable, "-m", "omppy", *args],
        capture_output=True,
        text=True,
        env=_environment(threads, env),
        cwd=cwd,
        timeout=timeout,
        input=stdin,
    )
    return Result(done.returncode, done.stdout, done.stderr)


def assert_same_as_python(script: Path, threads: int, backend: str) -> None:
    """``script`` run by ``omppy run`` prints what ``python`` prints, with exit 0."""
    want = run_python(script)
    assert want.status == 0, want.err
    got = run_omppy("run", str(script), threads=threads, env={"OMPPY_BACKEND": backend})
    assert (got.status, got.out) == (0, want.out), without_gil_notice(got.err)
