"""What a freshly forked pymp worker does first: die with its parent, reseed its randomness.

The same two steps as omppy's own workers (``runtime/worker.py``), kept here so a pymp
team depends only on the runtime's stable parts.
"""

from __future__ import annotations

import os
import random
import signal
import sys
import zlib

try:  # Linux: prctl(PR_SET_PDEATHSIG, SIGKILL)
    import ctypes

    _prctl = ctypes.CDLL(None, use_errno=True).prctl if sys.platform == "linux" else None
    if _prctl is not None:
        _prctl.restype = ctypes.c_int
    # prctl(PR_SET_PDEATHSIG, SIGKILL)'s arguments made once, and no argtypes: converting
    # them (the signal an enum member) in every fresh worker cost 40-60 us.
    _PDEATHSIG_ARGS = (ctypes.c_int(1), ctypes.c_ulong(signal.SIGKILL))
except Exception:  # pragma: no cover - no libc symbol
    _prctl = None
# A worker's exit status when it ends without its report (EX_SOFTWARE of sysexits.h, as
# runtime/worker.py's EXIT_UNREPORTED): the master reports it as a dead worker.
EXIT_UNREPORTED = 70


def die_with_parent(parent_pid: int) -> None:
    """Be killed when the process that forked this one ends (no orphans on Ctrl-C or a
    crash of the master); exit at once if it already has."""
    if _prctl is not None:
        _prctl(*_PDEATHSIG_ARGS)
    if os.getppid() != parent_pid:
        os._exit(EXIT_UNREPORTED)


def seeds_for_team(serial: int) -> tuple[int, int | None, int]:
    """Seeds for a new team's workers, from the master's generator states, read before
    the fork (CPython reseeds ``random`` from ``os.urandom`` in every child)."""
    base = hash((random.getstate()[1], serial)) & 0xFFFFFFFFFFFFFFFF
    return base, _numpy_seed(), serial


def reseed(num: int, seeds: tuple[int, int | None, int]) -> None:
    """Give worker ``num`` its own streams, the same ones each run of a seeded program.

    pymp leaves numpy's global generator as the fork copied it: every worker then draws
    the master's numbers.  docs/pymp.md says why omppy.pymp does not.
    """
    base, numpy_base, serial = seeds
    random.seed((base ^ num * 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF)
    numpy_random = sys.modules.get("numpy.random")
    if numpy_random is not None and numpy_base is not None:
        numpy_random.seed([numpy_base, serial & 0xFFFFFFFF, num])


def _numpy_seed() -> int | None:
    numpy_random = sys.modules.get("numpy.random")
    if numpy_random is None:
        return None
    try:
        return zlib.crc32(numpy_random.get_state()[1].tobytes())
    except Exception:
        return None
