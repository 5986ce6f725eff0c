"""What a freshly forked worker does first, for omppy's teams and omppy.pymp's alike:
die with its parent, and take its own random streams.

The seeds come from the master's generator states, read before the fork (CPython
reseeds ``random`` from ``os.urandom`` in every forked child), so a seeded program
draws the same numbers in each run.
"""

from __future__ import annotations

import os
import random
import signal
import sys
import zlib

# A worker's exit status when it ends without its report (EX_SOFTWARE of sysexits.h):
# the master reports it as a dead worker.
EXIT_UNREPORTED = 70

try:  # die with the master: Linux's prctl(PR_SET_PDEATHSIG, SIGKILL)
    import ctypes

    _prctl = ctypes.CDLL(None, use_errno=True).prctl if sys.platform == "linux" else None
    if _prctl is not None:
        _prctl.restype = ctypes.c_int
    # The arguments made once, and no argtypes: converting them (the signal an enum
    # member) in every fresh worker cost 40-60 us and 15-20 page faults.
    _PDEATHSIG_ARGS = (ctypes.c_int(1), ctypes.c_ulong(signal.SIGKILL))  # PR_SET_PDEATHSIG
except Exception:  # pragma: no cover - no libc symbol
    _prctl = None


def die_with_parent(parent_pid: int) -> None:  # pragma: no cover - runs in the child
    """Be killed when the process that forked this one ends (no orphans on Ctrl-C or a
    crash of the master); exit at once if it already has."""
    if _prctl is not None:
        _prctl(*_PDEATHSIG_ARGS)
    if os.getppid() != parent_pid:
        os._exit(EXIT_UNREPORTED)


def seeds_for_team(serial: int) -> tuple[int, int | None, int]:
    """Seeds for a new team's workers, from the master's generator states.

    ``hash`` of a tuple of ints is not salted, so the same state gives the same
    seeds (the state's last item may be None, whose hash is an address in 3.11).
    """
    base = hash((random.getstate()[1], serial)) & 0xFFFFFFFFFFFFFFFF
    return base, _numpy_seed(), serial


def reseed(num: int, seeds: tuple[int, int | None, int]) -> None:
    """Give worker ``num`` its own random streams, reproducible for a seeded program
    (pymp leaves numpy's global generator as the fork copied it: docs/pymp.md)."""
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
