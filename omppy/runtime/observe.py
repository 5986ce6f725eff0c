"""Whether anything watches the teams: ``OMPPY_TRACE``, ``OMPPY_REPORT`` and
``OMPPY_PROGRESS`` (docs/tracing.md).

:data:`observer` is None unless one of the three variables asks for something, and
then the runtime's hooks call it: ``forkjoin.parallel`` around each region (a single
``observer is not None`` test when nothing is watched), ``_run_team`` once the
team's thread contexts exist and once its workers are joined, ``worker.py`` just
before a worker exits, and the threads backend's region (which is not watched, and
says so once).  Nothing is added to the hot paths themselves: a watched team's
objects get timed methods of their own (``watching.py``, imported only then), so a
program that watches nothing runs the very same code as before.

This module stays this small because the runtime imports it on every run.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .watching import Observer

TRACE_VARIABLE = "OMPPY_TRACE"
REPORT_VARIABLE = "OMPPY_REPORT"
PROGRESS_VARIABLE = "OMPPY_PROGRESS"

observer: Observer | None = None  # the hooks test this: None = nothing is watched


def _flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() not in ("", "0", "no", "false", "off")


def from_environment() -> None:
    """Start watching if the environment asks for it (the runtime's import calls this)."""
    global observer
    if observer is not None or not (
        os.environ.get(TRACE_VARIABLE) or os.environ.get(REPORT_VARIABLE)
        or os.environ.get(PROGRESS_VARIABLE)
    ):
        return
    import sys

    from .watching import Observer, trace_problem

    trace_path = os.environ.get(TRACE_VARIABLE, "").strip() or None
    problem = trace_problem(trace_path) if trace_path is not None else None
    if trace_path is not None and problem is not None:
        sys.stderr.write(f"omppy: {TRACE_VARIABLE}={trace_path}: {problem}; no trace is written\n")
        trace_path = None
    report = _flag(REPORT_VARIABLE)
    progress = None
    if _flag(PROGRESS_VARIABLE):
        from ..progress import Progress, wanted

        progress = Progress() if wanted() else None
    if trace_path is None and not report and progress is None:
        return  # a progress bar without a terminal: nothing to do at all
    observer = Observer(trace_path, report, progress)
