"""The forked side of a team: what a worker does between ``fork`` and ``os._exit``.

Everything a worker needs was prepared by the master before the fork (its thread
context, its liveness watcher, the output writers), so the worker writes, and so
copies, as few pages as it can.  It always leaves through ``os._exit`` in a
``finally``: it can never run on into the master's code after its region.
"""

from __future__ import annotations

import _signal
import faulthandler
import io
import os
import pickle
import signal
import struct
import types
from typing import TYPE_CHECKING, Any

from . import failedstate, failures, files, observe, private_globals, reaping, state, wire
from .arena import FINISHED, Liveness
from .errors import OmpError, TeamAborted
from .forked import EXIT_UNREPORTED, die_with_parent, reseed
from .output import RegionOutput
from .region import Region
from .reports import HEADER
from .watch import explain_read_only
from .where import location

if TYPE_CHECKING:
    from .thread import ThreadContext

_SIG_UNBLOCK, _SIGINT_ONLY = int(signal.SIG_UNBLOCK), (int(signal.SIGINT),)  # plain ints
ONE_WRITE = 1 << 15  # a report up to this size goes with its length in one write


class WorkerReport:
    """What a worker hands its master when its part of the region is done.

    A plain class, not a dataclass: importing ``dataclasses`` (which imports
    ``inspect``) was about a sixth of a cached run's start (issue 21)."""

    def __init__(
        self,
        error: Any = None,
        partials: dict[str, Any] | None = None,
        last: dict[str, Any] | None = None,
        part: tuple[Any, int] = (None, 0),
        out: str = "",
        err: str = "",
        private_globals: dict[Any, Any] | None = None,
        position: tuple[int, int | None] | None = None,
    ) -> None:
        self.error = error  # failures.pack_exception(...) of what it raised, or None
        self.partials = partials  # its reduction results
        self.last = last  # lastprivate values, if it ran the last iteration
        self.part = part  # its changes to shared objects (coherence)
        self.out = out  # what it printed, when the master collects output
        self.err = err
        self.private_globals = private_globals  # its threadprivate globals' values
        self.position = position  # where it failed, in python's order (firstfailure.py)

    def replace(self, **changes: Any) -> WorkerReport:
        """This report with ``changes`` (field name -> value), as a new one."""
        new = object.__new__(WorkerReport)
        new.__dict__.update(self.__dict__)
        new.__dict__.update(changes)
        return new


EMPTY_REPORT = pickle.dumps(WorkerReport(partials={}))
OUT_OF_BAND = b"B"  # a report with buffers apart (a pickle starts b"\x80")


def run_worker(
    me: ThreadContext,
    watcher: Liveness,
    pipes: list[tuple[int, int]],
    master_pid: int,
    output: RegionOutput,
    region: Region,
    call: dict[str, Any],
) -> None:  # pragma: no cover - runs in the forked child
    """Thread ``me.num``'s whole life: run the body, send the report, exit."""
    status = EXIT_UNREPORTED
    try:
        die_with_parent(master_pid)
        # Held around fork (forkjoin.py); ``_signal``'s function, which returns plain ints.
        _signal.pthread_sigmask(_SIG_UNBLOCK, _SIGINT_ONLY)
        num = me.num
        write_end = pipes[num - 1][1]
        for index, (_, other_write) in enumerate(pipes):
            if index != num - 1:
                os.close(other_write)
        # A crash in C (an extension's segfault) writes this thread's Python stack
        # where the master reads the report: WorkerDied shows it (loky does the same).
        faulthandler.enable(file=write_end, all_threads=False)
        # Native pools: one thread each, set by the master before the fork (blas.py).
        me.team.liveness = watcher  # type: ignore[union-attr]
        chunks = _work(me, output, region, call)
        size = sum(len(chunk) for chunk in chunks)
        if size <= ONE_WRITE:
            # Length and report in one write: the master, asleep in poll, wakes once.
            chunks = [HEADER.pack(size) + b"".join(chunks)]
        else:
            # The length apart, then each piece from where it lies: no copy of a big report.
            widen_pipe(write_end, size)
            os.write(write_end, HEADER.pack(size))
        for chunk in chunks:
            view = memoryview(chunk).cast("B")
            while view:
                view = view[os.write(write_end, view) :]
        if observe.observer is not None:  # this worker's spans (docs/tracing.md)
            observe.observer.worker_exit(me)
        status = 0
        # Off the master's path now (it has the report): the workers of the teams
        # this one started (nested regions) leave no zombie behind.
        reaping.reap_all()
    finally:
        os._exit(status)


WIDE_PIPE = 1 << 20  # /proc/sys/fs/pipe-max-size's default: what any user may ask for


def widen_pipe(fd: int, size: int) -> None:
    """Let the report pipe hold up to 1 MiB (64 KiB by default) for a report of ``size``
    bytes: the master, reading a 6.6 MB report, then wakes 7 times rather than 100
    (9 ms -> 6.6 ms here).  Refused (a user over its pipe quota, not Linux): as it
    was."""
    try:
        import fcntl

        fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, min(size + HEADER.size, WIDE_PIPE))
    except (ImportError, AttributeError, OSError):  # AttributeError: not Linux
        pass


def _work(
    me: ThreadContext, output: RegionOutput, region: Region, call: dict[str, Any]
) -> list[Any]:  # pragma: no cover - runs in the forked child
    num = me.num
    team = me.team
    assert team is not None
    words = team.arena.words
    state.stack.append(me)
    reseed(num, team.seeds, team.numpy_seeding)
    files.guard_stdin(num)
    if team.files is not None:
        team.files.in_worker(num)
    report = WorkerReport(partials={})
    try:
        assert me.coherence is not None
        replica = me.coherence.replica
        arguments = region.arguments(
            call, in_master=False, shared=lambda value: replica.token_of(value) is not None
        )
        arguments = region.worker_arguments(arguments, num)
        private_globals.enter(me)
        values = region.body(me, **arguments) or {}
        if team.files is not None:
            if team.files.compressed:
                team.files.check_compressed(num, f"in the region at {location()}")
            team.files.flush()  # what it wrote, to the shared offset (files.py)
        report = WorkerReport(
            partials=region.worker_partials(values, num),
            last=region.last_values(values, me.did_last),
            part=me.coherence.before_barrier(last=True),
            private_globals=private_globals.snapshot(me),
        )
        if team.board is not None:
            team.board.leave(me)  # the locks it still holds: nobody will unset them
        # Where it got to, for the master if the region failed after all (a teammate
        # may fail after this thread ran iterations that come after its failure):
        # failedstate.record, written out here, as a function of its own would
        # write (copy) the pages of its objects on every region's path.
        at = team.arena.stop_base + 3 * num
        start = me.chunk_start
        words[at] = (me.loops << 41) + (-1 if start is None else min(start, 1 << 40)) + 2
        first = me.first_chunk
        if first is not None:
            words[at + 1] = (first[0] << 41) + min(first[1], 1 << 40) + 2
        words[FINISHED + num] = 1
    except TeamAborted as exc:
        failedstate.record(words, team.arena.stop_base, me, exc)
        report = WorkerReport(partials={}, part=_failed_part(me))
        words[FINISHED + num] = 1
    except BaseException as exc:
        team.failed(me, exc)
        if team.files is not None:
            team.files.flush()  # what it wrote before the failure, as python would have
        if me.coherence is not None:
            explain_read_only(exc, me.coherence.replica)
        failedstate.record(words, team.arena.stop_base, me, exc)
        report = WorkerReport(
            partials={},
            error=failures.pack_exception(exc),
            position=(me.loops, me.chunk_start),
            part=_failed_part(me),
        )
        words[FINISHED + num] = 1
    out, err = output.collected()
    if out or err:
        report = report.replace(out=out, err=err)
    return _pickle_report(report, num)


def _failed_part(me: ThreadContext) -> tuple[Any, int]:  # pragma: no cover - in the worker
    """A failed or stopped worker's changes since its last barrier, which the master
    applies when they are python's (failedstate.py); ``(False, 0)`` when they could
    not be compared."""
    if me.coherence is None:
        return (None, 0)
    if me.unsent_part is not None:  # taken for the barrier it was stopped at
        return me.unsent_part
    try:
        return me.coherence.before_barrier(last=True)
    except BaseException:
        return (False, 0)


class _ReportPickler(pickle.Pickler):
    """A report's pickler: an exception among the results (``errs.append(e)`` under
    a reduction, a lastprivate) is rebuilt without calling its ``__init__``, which
    may take other arguments than its ``args`` (``wire.reduce_exception``)."""

    def reducer_override(self, obj: Any) -> Any:
        if isinstance(obj, BaseException):
            return wire.reduce_exception(obj)
        return NotImplemented


class _FunctionReportPickler(_ReportPickler):
    """The same, and functions made in the region (a lambda kept in a lastprivate or
    a reduced list) by their code's key: used when the report failed without."""

    def reducer_override(self, obj: Any) -> Any:
        from . import taskcode  # a report with a function made in the region: rare

        if type(obj) is types.FunctionType:
            return taskcode.reduce_function(obj)
        if type(obj) is types.CellType:
            return taskcode.reduce_cell(obj)
        return super().reducer_override(obj)


def _dumps(report: WorkerReport, buffers: list[pickle.PickleBuffer]) -> bytes:
    out = io.BytesIO()
    try:
        _ReportPickler(out, protocol=5, buffer_callback=buffers.append).dump(report)
    except (pickle.PicklingError, AttributeError, TypeError) as error:
        buffers.clear()
        out = io.BytesIO()
        try:
            _FunctionReportPickler(out, protocol=5, buffer_callback=buffers.append).dump(report)
        except Exception:
            raise error from None
    return out.getvalue()


def _pickle_report(report: WorkerReport, num: int) -> list[Any]:
    """The report as the pieces to write after its length: its pickle, or, when its
    part holds buffers kept out of band (``wire.Parcel``), ``OUT_OF_BAND``, their
    count and lengths, the pickle, then the buffers themselves (``join._decode``)."""
    if (
        report.error is None
        and not report.partials
        and report.last is None
        and report.part[0] is None
        and not (report.out or report.err)
        and report.private_globals is None
    ):
        return [EMPTY_REPORT]
    buffers: list[pickle.PickleBuffer] = []
    try:
        data = _dumps(report, buffers)
    except Exception as exc:
        problem = OmpError(
            f"thread {num} could not send its results to the master "
            f"({type(exc).__name__}: {exc}); reduction and lastprivate values must be "
            "picklable"
        )
        failed = WorkerReport(
            partials={}, error=failures.pack_exception(problem), out=report.out, err=report.err
        )
        return [pickle.dumps(failed)]
    if not buffers:
        return [data]
    views = [buffer.raw() for buffer in buffers]
    head = struct.pack(f"<{len(views) + 2}q", len(views), len(data), *map(len, views))
    return [OUT_OF_BAND + head, data, *views]
