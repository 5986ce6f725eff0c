"""The join: what the master does with its workers' reports.

A worker's report (``worker.WorkerReport``, pickled after a length word) arrives
whole over its pipe, or not at all when the worker died.  :func:`collect` reads every
pipe until its report is whole or the pipe closes; :func:`exit_statuses` waits for
the workers that died; :func:`check_workers` raises the team's failures (a worker's
exception, a worker's death with its crash stack): the first in python's order, the
others in its note (firstfailure.py); :func:`merge` applies
the threads' changes to the shared objects in the master and gives the values its
names take after the region (reductions, lastprivate, published names).
"""

from __future__ import annotations

import os
import pickle
import struct
import sys
from typing import TYPE_CHECKING, Any

from . import failedstate, failures, reaping
from .arena import LOG_SEQ
from .errors import OmpError, RegionStateLost, TeamAborted, WorkerDied
from .firstfailure import Failure, first_failure
from .region import Region
from .reports import HEADER, whole
from .reports import collect as collect  # (forkjoin calls join.collect)
from .sharedmem import is_array, is_shared
from .where import interval
from .worker import EMPTY_REPORT, OUT_OF_BAND, WorkerReport

if TYPE_CHECKING:
    from .team import Team
    from .thread import ThreadContext

# The master's own part of the region: (its locals, its exception, whether it ran
# the last iteration).
Outcome = tuple[dict[str, Any] | None, BaseException | None, bool]


def exit_statuses(pids: dict[int, int], reports: dict[int, bytearray]) -> dict[int, int]:
    """The exit status of each worker: a worker whose report is whole is exiting
    with status 0 and is reaped later (reaping.py); one that died is waited for now,
    its status says how it ended."""
    statuses = {}
    for num, pid in list(pids.items()):
        if whole(reports[num]):
            reaping.later(pid)
            statuses[num] = 0
        else:
            statuses[num] = os.waitpid(pid, 0)[1]
        del pids[num]
    return statuses


def _decode(data: bytearray) -> WorkerReport | None:
    if len(data) < HEADER.size:
        return None
    (length,) = HEADER.unpack_from(data)
    if len(data) != HEADER.size + length:
        return None
    view = memoryview(data)  # no copy of the report before it is unpickled
    body = view[HEADER.size :]
    if body == EMPTY_REPORT:  # a worker with nothing to hand over
        return WorkerReport(partials={})
    if body[:1] != OUT_OF_BAND:
        report: WorkerReport = pickle.loads(body)
        return report
    # Buffers apart (worker._pickle_report): unpickled as views of ``data`` itself.
    (count,) = struct.unpack_from("<q", body, 1)
    sizes = struct.unpack_from(f"<{count + 1}q", body, 9)
    at = 9 + 8 * (count + 1)
    pieces = []
    for size in sizes:
        pieces.append(body[at : at + size])
        at += size
    report = pickle.loads(pieces[0], buffers=pieces[1:])
    return report


def check_workers(
    team: Team,
    outcome: Outcome,
    raw_reports: dict[int, bytearray],
    statuses: dict[int, int],
    master: ThreadContext | None = None,
    region: Region | None = None,
    arrays: bool = False,
    where: str = "",
) -> dict[int, WorkerReport]:
    """Every worker's report, or the team's failures raised (firstfailure.py), after
    what the threads changed is settled as python leaves it (:func:`settle`; with
    ``region`` and ``master``; ``arrays``: the region's names reach arrays in shared
    memory; ``where``: the region's place)."""
    _, master_error, _ = outcome
    errors: list[Failure] = []
    aborted = master_error is not None and isinstance(master_error, TeamAborted)
    if master_error is not None and not aborted:
        at = (master.loops, master.chunk_start) if master is not None else None
        errors.append((0, at, master_error))
    reports: dict[int, WorkerReport] = {}
    for num in sorted(raw_reports):
        report = _decode(raw_reports[num])
        status = statuses[num]
        if report is None or os.WIFSIGNALED(status) or os.WEXITSTATUS(status) != 0:
            how, stack = (
                failures.describe_exit(status),
                failures.crash_stack(bytes(raw_reports[num])),
            )
            errors.append((num, None, WorkerDied(num, team.pids[num], how, stack)))
            continue
        reports[num] = report
        _write_collected(report)
        if report.error is not None:
            errors.append((num, report.position, failures.unpack_exception(report.error)))
    team.arena.broken = team.arena.broken or bool(errors) or aborted
    if errors or aborted:
        # A failed region is not on a fast path: its workers are reaped now, so the
        # program goes on with no process of the team left (as after a kill).
        reaping.reap_all()
    if errors:
        chosen = first_failure(errors)
        if region is not None and master is not None:
            settle(team, region, outcome, reports, master, errors, chosen, arrays, where)
        raise chosen
    if aborted:  # a worker aborted the team but reported nothing: should not happen
        raise OmpError("the team was aborted without a reported cause")
    return reports


def settle(
    team: Team,
    region: Region,
    outcome: Outcome,
    reports: dict[int, WorkerReport],
    master: ThreadContext,
    errors: list[Failure],
    chosen: BaseException,
    arrays: bool,
    where: str,
) -> None:
    """A failed region's changes to shared objects: the workers' that python makes too
    applied in the master (the others' dropped), or :class:`RegionStateLost` raised
    from ``chosen`` (failedstate.py).  Nothing is done for a failure python does not
    have (omppy's own errors, a worker that died)."""
    if not failedstate.judged(chosen) or len(reports) != team.size - 1:
        return
    words = team.arena.words
    stops = {0: failedstate.stop_of(master, outcome[1])}
    for num in reports:
        stops[num] = failedstate.read(words, team.arena.stop_base, num)
    carried = ""
    if arrays or any(
        is_array(value) and is_shared(value)
        for name, value in region.args.items()
        if name not in region.readonly
    ):
        carried = "its stores to the region's numpy arrays in shared memory cannot be undone"
    elif words[LOG_SEQ]:
        carried = (
            "synchronisation blocks (critical, atomic, single...) may have carried its "
            "changes to the team"
        )
    unknown = [num for num, report in reports.items() if report.part[0] is False]
    coherence = master.coherence
    assert coherence is not None
    mine = coherence.final_part
    if mine is None:
        # Its changes since the last barrier (``_own``); taken already when a
        # teammate's failure broke the barrier it was at (ThreadContext.exchange).
        mine = (None, coherence.seen)
        if master.unsent_part is None:
            mine = coherence.before_barrier(keep=True)
    quiet = [num for num, report in reports.items() if report.part[0] is None]
    if not coherence.changed:
        quiet.append(0)
    if failedstate.storeless(region):
        quiet = [0, *reports]
    try:
        dropped = failedstate.decide(
            errors,
            stops,
            (0,),
            failedstate.names_bound(region),
            where,
            carried,
            unknown,
            quiet,
        )
    except RegionStateLost as lost:
        raise lost from chosen
    parts = [mine] + [
        (None, 0) if num in dropped else reports[num].part for num in sorted(reports)
    ]
    try:
        coherence.after_barrier(parts, where, final=True)
    except BaseException as problem:
        raise problem from chosen


def merge(
    region: Region,
    outcome: Outcome,
    reports: dict[int, WorkerReport],
    master: ThreadContext,
    end: str,
) -> dict[str, Any]:
    """The threads' changes to shared objects applied in the master, and the values
    its names take after the region."""
    values, _, master_last = outcome
    values = values or {}
    coherence = master.coherence
    assert coherence is not None
    mine = coherence.final_part  # compared when its part ended (forkjoin._run_master)
    if mine is None:
        mine = coherence.before_barrier(keep=True)
    parts = [mine] + [reports[num].part for num in sorted(reports)]
    coherence.after_barrier(parts, interval(master.last_sync, end), final=True)
    if coherence.stream is not None:
        coherence.stream.after_region()
    partials = [region.partials(values)]
    partials += [reports[num].partials or {} for num in sorted(reports)]
    partials = region.gathered(partials)
    last = region.last_values(values, master_last)
    for num in sorted(reports):
        if reports[num].last is not None:
            last = reports[num].last
    latest = {name: value for name, (_, value) in coherence.latest.items()}
    return region.outputs(values, partials, last, latest)


def _write_collected(report: WorkerReport) -> None:
    out, err = report.out, report.err
    if out:
        sys.stdout.write(out)
    if err:
        sys.stderr.write(err)
