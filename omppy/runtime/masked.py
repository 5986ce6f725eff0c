"""Scattered changes to a long list, carried as one masked run (``"M"`` change records).

One idea: a change of a list that kept its length is normally ``("L", runs)``, a
``(start, values)`` pair per run of changed items (``shadow.py``).  A partition's swaps
spread over a million items make hundreds of thousands of runs, and every step of
carrying them (finding, pickling, applying, checking for races) then costs a Python
object or call per run: seconds for one quicksort step.  With more than
:data:`MANY_RUNS` runs the change is ``("M", start, flags, values)`` instead: ``flags``
has one byte per item of the changed stretch (1: changed), ``values`` the changed
items in order.  That is one bytes object and one list whatever the number of runs,
and every step below runs in C (``itertools.compress``, ``map``, big-integer ``&``).

The record says exactly what an ``"L"`` record says (which items changed, to what),
so races are found as before: two changes clash exactly where both flags are set.
"""

from __future__ import annotations

import itertools
import pickle
from collections.abc import Iterator
from typing import Any

from . import layout, packing

# Changes with at most this many runs stay ``("L", runs)``: a few runs are cheaper as
# they are, and most records (a thread's chunk of a loop, one store) have one run.
MANY_RUNS = 64


class Stretch:
    """``live[start:stop]`` read where it lies, not copied: the values of the master's
    own last part, which go to no one and are read only if a check finds a clash
    (``conflict._same_at``), before anything else is put into ``live``."""

    __slots__ = ("live", "start", "stop")

    def __init__(self, live: list[Any], start: int, stop: int) -> None:
        self.live, self.start, self.stop = live, start, stop

    def __len__(self) -> int:
        return self.stop - self.start

    def __getitem__(self, index: int) -> Any:
        if not 0 <= index < self.stop - self.start:
            raise IndexError(index)
        return list.__getitem__(self.live, self.start + index)

    def __iter__(self) -> Iterator[Any]:
        return iter(self.copied())

    def copied(self) -> list[Any]:
        return list.__getitem__(self.live, slice(self.start, self.stop))


def copied(change: tuple[Any, ...]) -> tuple[Any, ...]:
    """``change`` with the values of its :class:`Stretch` runs copied out."""
    if change[0] != "L" or not any(type(values) is Stretch for _, values in change[1]):
        return change
    runs = [(s, v.copied() if type(v) is Stretch else v) for s, v in change[1]]
    return ("L", runs)


def spans(flags: bytes) -> list[tuple[int, int]] | None:
    """The ``(start, stop)`` runs of 1 in ``flags``, or None when there are more than
    :data:`MANY_RUNS` (a masked change)."""
    lo = flags.find(1)
    if lo < 0:
        return []
    hi = flags.rfind(1) + 1
    if flags.find(0, lo, hi) < 0:
        # One run (a thread's block of a static loop, the usual case): three scans
        # in C, where counting the runs and a regular expression over a
        # 2-million-byte flag string cost milliseconds.
        return [(lo, hi)]
    if flags.count(b"\x00\x01") + (flags[:1] == b"\x01") <= MANY_RUNS:
        return layout.flag_runs(flags)
    return None


def run_change(
    live: list[Any], runs: list[tuple[int, int]], packed: bool = False, kept: bool = False
) -> tuple[Any, ...]:
    """The ``"L"`` change of ``live`` whose items changed in ``runs`` (:func:`spans`).

    ``packed``: the change is only to be sent (a worker's last part), so runs of
    numbers are read off the live list as machine words (``("L#", ...)``,
    ``packing.py``) without copying them out as a list first, and runs of strings
    go as their joined UTF-8 (``packing.joined``).  ``kept``: the change
    is only to be checked (the master's last part): its runs are :class:`Stretch`
    views of ``live``."""
    if runs and packed and runs[-1][1] - runs[0][0] >= packing.MIN_VALUES:
        found: list[tuple[int, str, Any]] = []  # out of band when pickled (wire.Parcel)
        for start, end in runs:
            read = packing.examine(live, True, start, end)
            if read is not None and read[0] == "s":  # strings: their UTF-8, joined
                blocks = packing.joined(live, start, end)
                if blocks is None:
                    break
                found.append((start, "s", [pickle.PickleBuffer(block) for block in blocks]))
                continue
            if read is None or read[0] not in ("q", "d"):
                break
            found.append((start, read[0], pickle.PickleBuffer(read[1])))
        else:
            return ("L#", found)
    if kept:
        return ("L", [(start, Stretch(live, start, end)) for start, end in runs])
    return ("L", [(start, live[start:end]) for start, end in runs])


def list_change(
    live: list[Any], flags: bytes, packed: bool = False, kept: bool = False
) -> tuple[Any, ...]:
    """The change of ``live`` whose items changed where ``flags`` (one byte per item,
    1 changed) says: ``("L", runs)`` with few runs (:func:`run_change`, which says
    what ``packed`` and ``kept`` do), else ``("M", ...)``."""
    runs = spans(flags)
    if runs is not None:
        return run_change(live, runs, packed, kept)
    lo = flags.find(1)
    hi = flags.rfind(1) + 1
    stretch = flags[lo:hi]
    # A plain list's items read in place (no copy of the stretch: a million pointers).
    items = itertools.islice(live, lo, hi) if type(live) is list else live[lo:hi]
    return ("M", lo, stretch, list(itertools.compress(items, stretch)))


def apply(target: list[Any], change: tuple[Any, ...]) -> None:
    """Put a ``"M"`` change's values into ``target`` (a list's own ``__setitem__``, as
    ``ListShadow.apply`` does for ``"L"``: a subclass's override is not called)."""
    _, lo, flags, values = change
    places = itertools.compress(range(lo, lo + len(flags)), flags)
    if type(target) is list:  # a plain store per changed item: the fastest way in C
        for place, value in zip(places, values, strict=True):
            target[place] = value
        return
    setitem = list.__setitem__
    for place, value in zip(places, values, strict=True):
        setitem(target, place, value)


def placed(change: tuple[Any, ...]) -> Iterator[tuple[int, Any]]:
    """``(index, value)`` for every item a ``"M"`` change puts."""
    _, lo, flags, values = change
    return zip(itertools.compress(range(lo, lo + len(flags)), flags), values, strict=True)


def runs(change: tuple[Any, ...]) -> list[tuple[int, list[Any]]]:
    """A ``"M"`` change as the runs of an ``"L"`` change."""
    _, lo, flags, values = change
    found = []
    taken = 0
    for start, stop in layout.flag_runs(flags):
        found.append((lo + start, values[taken : taken + stop - start]))
        taken += stop - start
    return found


def _extent(change: tuple[Any, ...]) -> tuple[int, bytes]:
    """Where a list change (``"L"`` or ``"M"``) changes, as a start and flags."""
    if change[0] == "M":
        return change[1], change[2]
    pairs = change[1]
    if not pairs:
        return 0, b""
    lo = pairs[0][0]
    last_start, last_values = pairs[-1]
    flags = bytearray(last_start + len(last_values) - lo)
    for start, values in pairs:
        flags[start - lo : start - lo + len(values)] = b"\x01" * len(values)
    return lo, bytes(flags)


def first_common(a: tuple[Any, ...], b: tuple[Any, ...]) -> int | None:
    """The first index two list changes (``"L"`` or ``"M"``, one at least ``"M"``)
    both change, or None."""
    lo_a, flags_a = _extent(a)
    lo_b, flags_b = _extent(b)
    lo, hi = max(lo_a, lo_b), min(lo_a + len(flags_a), lo_b + len(flags_b))
    if lo >= hi:
        return None
    both = int.from_bytes(flags_a[lo - lo_a : hi - lo_a], "big") & int.from_bytes(
        flags_b[lo - lo_b : hi - lo_b], "big"
    )
    if not both:
        return None
    return lo + both.to_bytes(hi - lo, "big").find(1)


def value_at(change: tuple[Any, ...], place: int, missing: Any) -> Any:
    """The value a ``"M"`` change puts at ``place`` (``missing``: none)."""
    _, lo, flags, values = change
    at = place - lo
    if 0 <= at < len(flags) and flags[at]:
        return values[flags.count(1, 0, at)]
    return missing
