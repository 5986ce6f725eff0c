"""What a freshly forked worker does first, for omppy's teams and omppy.pymp's alike:
die with its parent, and take its own random streams.

The seeds come from the master's generator states, read before the fork (CPython
reseeds ``random`` from ``os.urandom`` in every forked child), so a seeded program
draws the same numbers in each run.
"""

from __future__ import annotations

import ctypes
import os
import random
import signal
import sys
import zlib
from typing import Any

# A worker's exit status when it ends without its report (EX_SOFTWARE of sysexits.h):
# the master reports it as a dead worker.
EXIT_UNREPORTED = 70

try:  # die with the master: Linux's prctl(PR_SET_PDEATHSIG, SIGKILL)
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
    return team_seeds(serial, 1)[0]


def team_seeds(serial: int, size: int) -> tuple[tuple[int, int | None, int], NumpyStates | None]:
    """:func:`seeds_for_team`, and for a team of ``size`` forked in this process the
    state each worker's numpy global generator will have (None: each worker seeds it)."""
    base = hash((random.getstate()[1], serial)) & 0xFFFFFFFFFFFFFFFF
    numpy_base, fresh = _numpy_seed()
    seeds = (base, numpy_base, serial)
    states = NumpyStates.made(seeds, size) if fresh and size > 1 else None
    return seeds, states


def reseed(
    num: int, seeds: tuple[int, int | None, int], states: NumpyStates | None = None
) -> None:
    """Give worker ``num`` its own random streams, reproducible for a seeded program
    (pymp leaves numpy's global generator as the fork copied it: docs/pymp.md).
    ``states``: the numpy states made for this team by its master (the same streams)."""
    base, numpy_base, _ = seeds
    random.seed((base ^ num * 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF)
    numpy_random = sys.modules.get("numpy.random")
    if numpy_random is not None and numpy_base is not None:
        if states is not None:
            states.put(num)
        else:
            numpy_random.seed(numpy_seed_words(seeds, num))


def numpy_seed_words(seeds: tuple[int, int | None, int], num: int) -> list[int]:
    """What worker ``num`` seeds numpy's global generator with (``numpy.random.seed``)."""
    return [seeds[1] or 0, seeds[2] & 0xFFFFFFFF, num]


class NumpyStates:
    """Each worker's numpy global generator state, made by the master before the fork.

    ``numpy.random.seed([...])`` in a fresh worker took 250-500 us and 110-145 page
    faults (numpy's legacy seeding runs Python-level code whose objects the worker
    writes for the first time); the master makes the same state in ~7 us per worker
    on a generator of its own (the same seeding, the same words), and the worker
    copies its 2,500 bytes (624 words and the position) into its global generator:
    25-30 us, 20 faults.  Only for the plain case: the global generator is numpy's
    MT19937 and holds no spare normal deviate (``seed`` would drop it; the copy leaves
    the rest of the generator as the fork copied it), and the layout was checked once
    in this process (``_fast_seeding``)."""

    __slots__ = ("address", "by_num")

    def __init__(self, address: int, by_num: dict[int, bytes]) -> None:
        self.address = address  # of the global generator's state, the same in a worker
        self.by_num = by_num

    @classmethod
    def made(cls, seeds: tuple[int, int | None, int], size: int) -> NumpyStates | None:
        fast = _fast_seeding()
        if fast is None:
            return None
        mt19937, scratch, scratch_address = fast
        generator = getattr(sys.modules.get("numpy.random.mtrand"), "_rand", None)
        bit_generator: Any = getattr(generator, "_bit_generator", None)
        if type(bit_generator) is not mt19937:
            return None  # numpy.random.set_bit_generator: the worker seeds it
        by_num = {}
        for num in range(1, size):
            scratch._legacy_seeding(numpy_seed_words(seeds, num))
            by_num[num] = ctypes.string_at(scratch_address, _MT_STATE_BYTES)
        return cls(bit_generator.ctypes.state_address, by_num)

    def put(self, num: int) -> None:  # pragma: no cover - runs in the worker
        ctypes.memmove(self.address, self.by_num[num], _MT_STATE_BYTES)


# numpy's ``mt19937_state``: ``uint32_t key[624]; int pos;``
_MT_STATE_BYTES = 624 * 4 + 4
_fast: list[Any] = []  # [(MT19937, a generator of the master's, its state address) or None]


def _fast_seeding() -> tuple[Any, Any, int] | None:
    """numpy's MT19937 and a generator of omppy's own to seed, once the state's layout
    is checked in this process: bytes copied from one seeded generator into another
    give it the same state (else None: workers call ``numpy.random.seed``)."""
    if not _fast:
        found = None
        try:
            mt19937 = sys.modules["numpy.random"].MT19937
            scratch, check = mt19937(0), mt19937(0)
            scratch._legacy_seeding([12345, 678, 9])
            ctypes.memmove(
                check.ctypes.state_address,
                ctypes.string_at(scratch.ctypes.state_address, _MT_STATE_BYTES),
                _MT_STATE_BYTES,
            )
            mine, copied = scratch.state["state"], check.state["state"]
            if mine["pos"] == copied["pos"] and (mine["key"] == copied["key"]).all():
                found = (mt19937, scratch, scratch.ctypes.state_address)
        except Exception:
            found = None
        _fast.append(found)
    return _fast[0]


def _numpy_seed() -> tuple[int | None, bool]:
    """A checksum of numpy's global generator state (None when numpy.random is unused),
    and whether that generator holds no spare normal deviate (``has_gauss``).

    numpy.random is imported lazily: only a program that imported it can be using it.
    """
    numpy_random = sys.modules.get("numpy.random")
    if numpy_random is None:
        return None, False
    try:
        state = numpy_random.get_state()
        fresh = len(state) == 5 and state[3] == 0 and state[4] == 0.0
        return zlib.crc32(state[1].tobytes()), fresh
    except Exception:
        return None, False
