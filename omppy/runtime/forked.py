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


def team_seeds(serial: int, size: int) -> tuple[tuple[int, int | None, int], NumpySeeding | None]:
    """:func:`seeds_for_team`, and for a team of ``size`` forked in this process how
    its workers seed numpy's global generator cheaply (None: ``numpy.random.seed``)."""
    base = hash((random.getstate()[1], serial)) & 0xFFFFFFFFFFFFFFFF
    numpy_base, fresh = _numpy_seed()
    seeding = NumpySeeding.found() if fresh and size > 1 else None
    return (base, numpy_base, serial), seeding


def reseed(
    num: int, seeds: tuple[int, int | None, int], seeding: NumpySeeding | None = None
) -> None:
    """Give worker ``num`` its own random streams, reproducible for a seeded program
    (pymp leaves numpy's global generator as the fork copied it: docs/pymp.md).
    ``seeding``: numpy's generator given the same state without ``numpy.random.seed``."""
    base, numpy_base, serial = seeds
    random.seed((base ^ num * 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF)
    numpy_random = sys.modules.get("numpy.random")
    if numpy_random is not None and numpy_base is not None:
        words = [numpy_base, serial & 0xFFFFFFFF, num]
        if seeding is not None and num > 0:
            seeding.put(words)
        else:
            numpy_random.seed(words)


class NumpySeeding:
    """numpy's global generator seeded in a worker without ``numpy.random.seed``.

    ``numpy.random.seed([a, b, num])`` in a fresh worker took 240-500 us and 110-145
    page faults: numpy's legacy seeding runs Python-level code (arrays made, cast and
    compared) whose objects the worker writes for the first time after the fork.  Its
    core is the Mersenne Twister's ``init_by_array``, which CPython's ``random``
    runs too: ``_random.Random.seed(a | b << 32 | num << 64)`` seeds with the words
    ``[a, b, num]`` (``num`` > 0, so no word is dropped) and leaves the same 624 words.
    The worker seeds a generator of omppy's own that way and copies the words and the
    position numpy's seeding leaves (624) into its global generator's state: 50-60 us,
    35 faults, the same numbers drawn.  Only in the plain case: the global generator is
    numpy's MT19937 and holds no spare normal deviate (``seed`` drops it; the copy
    leaves the rest of the generator as the fork copied it), and only once both
    layouts are checked in this process (:meth:`found`)."""

    __slots__ = ("address", "scratch", "words_at")

    def __init__(self, address: int, words_at: int, scratch: Any) -> None:
        self.address = address  # the global generator's state, the same in a worker
        self.words_at = words_at  # where ``scratch`` keeps its 624 words
        self.scratch = scratch

    @classmethod
    def found(cls) -> NumpySeeding | None:
        """For this team: None unless the plain case holds.  The master's part, on its
        path before the fork: a type test and a few attribute reads (each object read
        is a reference count written, a page fault after the last fork), nothing made."""
        checked = _checked_layout()
        if checked is None:
            return None
        mt19937, scratch, words_at = checked
        generator = getattr(sys.modules.get("numpy.random.mtrand"), "_rand", None)
        bit_generator: Any = getattr(generator, "_bit_generator", None)
        made = _made.get(id(bit_generator))
        if made is not None and made[0] is bit_generator:
            return made[1]
        if type(bit_generator) is not mt19937:
            return None  # numpy.random.set_bit_generator: the worker seeds it
        seeding = cls(bit_generator.ctypes.state_address, words_at, scratch)
        _made.clear()  # one generator at a time (kept alive here: its id stays its own)
        _made[id(bit_generator)] = (bit_generator, seeding)
        return seeding

    def put(self, words: list[int]) -> None:  # pragma: no cover - runs in the worker
        self.scratch.seed(words[0] | words[1] << 32 | words[2] << 64)
        ctypes.memmove(self.address, self.words_at, _KEY_BYTES)
        ctypes.memmove(self.address + _KEY_BYTES, _POSITION_ADDRESS, 4)


# numpy's ``mt19937_state``: ``uint32_t key[624]; int pos;`` (checked, _checked_layout)
_KEY_BYTES = 624 * 4
_POSITION = ctypes.c_int(624)  # where numpy's seeding leaves it
_POSITION_ADDRESS = ctypes.addressof(_POSITION)
_layout: list[Any] = []  # [(MT19937, a _random.Random, where its words are) or None]
_made: dict[int, tuple[Any, NumpySeeding]] = {}  # the global generator's, by its id


def _checked_layout() -> tuple[Any, Any, int] | None:
    """numpy's MT19937, a ``_random.Random`` of omppy's own and where its 624 words lie,
    once checked in this process: seeded alike, it holds the words numpy's legacy
    seeding gives, and a copy of them and of the position gives numpy's generator
    numpy's seeded state (else None: workers call ``numpy.random.seed``)."""
    if not _layout:
        found = None
        try:
            import _random

            mt19937 = sys.modules["numpy.random"].MT19937
            reference, copy = mt19937(0), mt19937(0)
            reference._legacy_seeding([0x89ABCDEF, 678, 9])
            key = ctypes.string_at(reference.ctypes.state_address, _KEY_BYTES)
            scratch = _random.Random()
            scratch.seed(0x89ABCDEF | 678 << 32 | 9 << 64)
            offset = ctypes.string_at(id(scratch), type(scratch).__basicsize__).find(key)
            if offset >= 0:
                seeding = NumpySeeding(copy.ctypes.state_address, id(scratch) + offset, scratch)
                seeding.put([0x89ABCDEF, 678, 9])
                mine, copied = reference.state["state"], copy.state["state"]
                if mine["pos"] == copied["pos"] == 624 and (mine["key"] == copied["key"]).all():
                    found = (mt19937, scratch, id(scratch) + offset)
        except Exception:
            found = None
        _layout.append(found)
    return _layout[0]


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
