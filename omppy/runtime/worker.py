"""The forked side of a team: what a worker does between ``fork`` and ``os._exit``.

Everything a worker needs was prepared by the master before the fork (its thread
context, its liveness watcher, the output writers), so the worker writes, and so
copies, as few pages as it can.  It always leaves through ``os._exit`` in a
``finally``: it can never run on into the master's code after its region.
"""

from __future__ import annotations

import faulthandler
import os
import pickle
import random
import signal
import struct
import sys
import zlib
from typing import Any

from . import blas, failures, state
from .arena import ABORT, FINISHED, Liveness
from .context import ThreadContext
from .errors import OmpError, TeamAborted
from .output import RegionOutput
from .region import Region

HEADER = struct.Struct("<q")  # a report is its length, then its pickle
EMPTY_REPORT = pickle.dumps({"error": None, "partials": {}, "last": None, "log": None})

try:  # die with the master: Linux's prctl(PR_SET_PDEATHSIG, SIGKILL)
    import ctypes

    _prctl = ctypes.CDLL(None, use_errno=True).prctl if sys.platform == "linux" else None
    if _prctl is not None:
        _prctl.argtypes = (ctypes.c_int, ctypes.c_ulong)
        _prctl.restype = ctypes.c_int
except Exception:  # pragma: no cover - no libc symbol
    _prctl = None


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
    status = 70
    try:
        if _prctl is not None:
            _prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
            if os.getppid() != master_pid:
                os._exit(status)
        num = me.num
        write_end = pipes[num - 1][1]
        for index, (_, other_write) in enumerate(pipes):
            if index != num - 1:
                os.close(other_write)
        # A crash in C (an extension's segfault) writes this thread's Python stack
        # where the master reads the report: WorkerDied shows it (loky does the same).
        faulthandler.enable(file=write_end, all_threads=False)
        blas.limit()  # native pools of one thread (blas.py); the worker never restores
        me.team.liveness = watcher  # type: ignore[union-attr]
        report = _work(me, output, region, call)
        data = HEADER.pack(len(report)) + report
        view = memoryview(data)
        while view:
            view = view[os.write(write_end, view) :]
        status = 0
    finally:
        os._exit(status)


def _work(
    me: ThreadContext, output: RegionOutput, region: Region, call: dict[str, Any]
) -> bytes:  # pragma: no cover - runs in the forked child
    num = me.num
    team = me.team
    assert team is not None
    words = team.arena.words
    state.stack.append(me)
    _reseed(num, team.seeds)
    try:
        values = region.body(me, **region.arguments(call, in_master=False)) or {}
        if (
            region.reduction
            or me.log
            or me.stored_ids
            or me.published_ids
            or me.publish_locks
            or (region.lastprivate and me.did_last)
        ):
            report: dict[str, Any] = {
                "error": None,
                "partials": region.partials(values),
                "last": region.last_values(values, me.did_last),
                "log": me.log,
                "stored": sorted(me.stored_ids),
                "published": sorted(me.published_ids),
                "locks": me.publish_locks,
            }
            data = _pickle_report(report, num)
        else:
            data = EMPTY_REPORT
        words[FINISHED + num] = 1
    except TeamAborted:
        data = EMPTY_REPORT
        words[FINISHED + num] = 1
    except BaseException as exc:
        words[ABORT] = 1
        report = {"error": failures.pack_exception(exc), "partials": {}, "last": None, "log": None}
        data = pickle.dumps(report)
        words[FINISHED + num] = 1
    out, err = output.collected()
    if out or err:
        report = pickle.loads(data)
        report["out"], report["err"] = out, err
        data = pickle.dumps(report)
    return data


def seeds_for_team(serial: int) -> tuple[int, int | None, int]:
    """Seeds for a new team's workers, from the master's generator states.

    ``hash`` of a tuple of ints is not salted, so the same state gives the same
    seeds (the state's last item may be None, whose hash is an address in 3.11).
    """
    base = hash((random.getstate()[1], serial)) & 0xFFFFFFFFFFFFFFFF
    return base, _numpy_seed(), serial


def _reseed(num: int, seeds: tuple[int, int | None, int]) -> None:
    """Give this worker its own random streams, reproducible for a seeded program.

    The seed comes from the master's state, read before the fork: CPython reseeds
    ``random`` from ``os.urandom`` in every forked child.
    """
    base, numpy_base, serial = seeds
    random.seed((base ^ num * 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF)
    numpy_random = sys.modules.get("numpy.random")
    if numpy_random is not None and numpy_base is not None:
        numpy_random.seed([numpy_base, serial & 0xFFFFFFFF, num])


def _numpy_seed() -> int | None:
    """A checksum of numpy's global generator state (None when numpy.random is unused).

    numpy.random is imported lazily: only a program that imported it can be using it.
    """
    numpy_random = sys.modules.get("numpy.random")
    if numpy_random is None:
        return None
    try:
        state = numpy_random.get_state()[1]
        return zlib.crc32(state.tobytes())
    except Exception:
        return None


def _pickle_report(report: dict[str, Any], num: int) -> bytes:
    try:
        return pickle.dumps(report, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception as exc:
        problem = OmpError(
            f"thread {num} could not send its results to the master "
            f"({type(exc).__name__}: {exc}); reduction, lastprivate and stored values "
            "must be picklable"
        )
        return pickle.dumps(
            {"error": failures.pack_exception(problem), "partials": {}, "last": None, "log": None}
        )
