"""Two threads that changed the same place of a shared object between two
synchronisation points: a data race, which omppy reports instead of picking a winner.

Each thread's changes (``shadow.py`` records) are relative to the state the team
agreed on at the last synchronisation point, so two changes to *different* places
of one container combine (``out[3]`` by one thread, ``out[7]`` by another; two keys
of a dict; two attributes of an object).  Two changes of the same place never do,
even to the same value: ``counts[w] += 1`` in two threads gives both the same new
value, and keeping it would lose one update.  A change
of a list's length (``append``, ``insert``, ``pop``) combines with nothing else done
to that list in the same interval: the positions of the other change would be off.
Every thread checks the same records in the same order, so every thread raises the
same error, and the region ends with it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import Any

from . import masked
from .errors import OmpError
from .replica import Change, Changes, Replica, Token

Source = tuple[str, Changes]  # (who made them: "thread 1", "'# omp critical' in thread 2")


def check(sources: list[Source], replica: Replica, where: str) -> None:
    """Raise :class:`OmpError` if two sources changed the same place.

    ``where`` says which interval the changes belong to, for the message
    ("between the barriers at prog.py:10 and prog.py:14").  Two changes of one place
    clash even when they put the same value there: ``counts[w] += 1`` racing in two
    threads gives both the same new value, and keeping one would lose an update.
    """
    if len(sources) < 2:
        return
    by_token: dict[Token, list[tuple[str, Change]]] = {}
    for who, changes in sources:
        for token, change in changes:
            by_token.setdefault(token, []).append((who, change))
    for token, made in by_token.items():
        if len(made) < 2:
            continue
        for i in range(len(made)):
            for j in range(i + 1, len(made)):
                clash = _clash(made[i][1], made[j][1])
                if clash is not None:
                    same = _same_at(made[i][1], made[j][1], clash[1])
                    _raise(replica.label_of(token), made[i][0], made[j][0], clash, where, same)


_BARE = re.compile(r"thread \d+")


def _raise(
    label: str, first: str, second: str, clash: tuple[str, Any], where: str, same: bool
) -> None:
    kind, place = clash
    try:
        _refuse(label, first, second, kind, place, where, same)
    except OmpError as error:
        if "'# omp task'" in first or "'# omp task'" in second:
            raise OmpError(
                f"{error.args[0]}. Tasks may run at the same time in different threads: "
                "order the two with depend(...) or '# omp taskwait', or use "
                "in_reduction (docs/tasks.md)"
            ) from None
        bare = [who for who in (first, second) if _BARE.fullmatch(who)]
        if len(bare) == 1:
            # A block's record against a thread's own changes (coherence.py): the
            # thread's change is not the block's, whatever line ``where`` names.
            raise OmpError(
                f"{error.args[0]}. {bare[0].capitalize()} made its change outside any "
                "synchronisation block (or in one it had not left yet); a block hands on "
                "every change its thread made to what it names, so the block's change may "
                "have been made outside it too. A pragma without '# omp end ...' covers "
                "only the next statement"
            ) from None
        raise


def _refuse(
    label: str, first: str, second: str, kind: str, place: Any, where: str, same: bool
) -> None:
    if kind == "length":
        raise OmpError(
            f"{first} changed the length of {label} (append, insert, pop, del...) while "
            f"{second} also changed it, {where}; omppy cannot combine the two (a data "
            "race in OpenMP). Make every change to its length inside one '# omp critical', "
            "or give each thread its own list and combine them after the loop "
            "(a reduction(+:...) concatenates lists in order)"
        )
    if kind == "whole":
        raise OmpError(
            f"{first} and {second} both changed {label}, {where}, in ways omppy cannot "
            "combine (a data race in OpenMP). Make the changes inside one '# omp critical', "
            "or give each thread its own part"
        )
    if same:
        raise OmpError(
            f"{first} and {second} both changed {label}{_place(place)}, {where}, to the "
            "same value (a data race in OpenMP: an update such as 'x[k] += 1' made by two "
            "threads gives both the same new value, and keeping it would lose one). If "
            "every thread runs this store (code outside a work-sharing construct runs on "
            "every thread), put it in '# omp single' or '# omp master'; otherwise make the "
            "update inside '# omp atomic' or '# omp critical' (or use a reduction)"
        )
    raise OmpError(
        f"{first} and {second} both changed {label}{_place(place)}, {where} (a data race "
        "in OpenMP: with python, one would have seen the other's change). Give each place "
        "to one thread, or make the update inside '# omp critical' or '# omp atomic' (or "
        "use a reduction)"
    )


def _place(place: Any) -> str:
    if isinstance(place, tuple) and len(place) == 2 and place[0] in ("attr", "slot"):
        return f".{place[1]}"
    if isinstance(place, tuple) and len(place) == 2 and place[0] == "element":
        return f" (element {place[1]!r})"
    return f"[{place!r}]"


def _clash(a: Change, b: Change) -> tuple[str, Any] | None:
    """The first place that changes ``a`` and ``b`` of one container both change."""
    kind = a[0]
    if "M" in (kind, b[0]) and {kind, b[0]} <= {"L", "M"}:  # many runs (masked.py)
        common = masked.first_common(a, b)
        return None if common is None else ("value", common)
    if kind != b[0]:
        if "S" in (a[0], b[0]):
            return ("length", None)
        return ("whole", None)
    if kind == "L" or kind == "Y":  # a list's runs of items, a bytearray's of bytes
        return _clash_runs(a[1], b[1])
    if kind == "D":
        return _clash_keys(a, b)
    if kind == "A":
        found = _clash_keys(a, b)
        if found is not None and not isinstance(found[1], tuple):
            return (found[0], ("attr", found[1]))
        return found
    if kind == "Z":
        added_a, removed_a = set(a[1]), set(a[2])
        for element in (*b[1], *b[2]):
            if element in added_a or element in removed_a:
                return ("value", ("element", element))
        return None
    if kind == "N":
        return _clash_array(a, b)
    return ("length", None) if kind == "S" else ("whole", None)


def _clash_runs(
    runs_a: list[tuple[int, list[Any]]], runs_b: list[tuple[int, list[Any]]]
) -> tuple[str, Any] | None:
    """The first index two sorted lists of runs both change."""
    if len(runs_a) + len(runs_b) > 64:
        return _clash_runs_bisect(runs_a, runs_b)
    i = j = 0
    while i < len(runs_a) and j < len(runs_b):
        start_a, values_a = runs_a[i]
        start_b, values_b = runs_b[j]
        stop_a, stop_b = start_a + len(values_a), start_b + len(values_b)
        if max(start_a, start_b) < min(stop_a, stop_b):
            return ("value", max(start_a, start_b))
        if stop_a <= stop_b:
            i += 1
        else:
            j += 1
    return None


def _clash_runs_bisect(
    runs_a: list[tuple[int, list[Any]]], runs_b: list[tuple[int, list[Any]]]
) -> tuple[str, Any] | None:
    """:func:`_clash_runs` for many runs (a partition's scattered swaps): each run of
    the shorter list looked up among the other's starts (the runs of one list are
    sorted and disjoint, so only the last one starting before it ends can overlap)."""
    if len(runs_a) > len(runs_b):
        runs_a, runs_b = runs_b, runs_a
    starts = [start for start, _ in runs_b]
    for start, values in runs_a:
        stop = start + len(values)
        k = bisect.bisect_left(starts, stop) - 1  # the last run of b starting before stop
        if k >= 0:
            other_start, other_values = runs_b[k]
            if other_start + len(other_values) > start:
                return ("value", max(start, other_start))
    return None


def _clash_keys(a: Change, b: Change) -> tuple[str, Any] | None:
    keys_a = {key for key, _ in _hashable_pairs(a[1])} | set(_hashable(a[2]))
    for key in (*(key for key, _ in b[1]), *b[2]):
        try:
            if key in keys_a:
                return ("value", key)
        except TypeError:
            continue
    return None


def _hashable_pairs(pairs: list[tuple[Any, Any]]) -> Iterator[tuple[Any, Any]]:
    for key, value in pairs:
        try:
            hash(key)
        except TypeError:
            continue
        yield key, value


def _hashable(keys: list[Any]) -> Iterator[Any]:
    for key in keys:
        try:
            hash(key)
        except TypeError:
            continue
        yield key


def _clash_array(a: Change, b: Change) -> tuple[str, Any] | None:
    if a[1] is None or b[1] is None:
        return ("whole", None)
    import numpy as np

    common = np.intersect1d(a[1], b[1], assume_unique=True)
    return ("value", int(common[0])) if len(common) else None


def _same_at(a: Change, b: Change, place: Any) -> bool:
    """Whether changes ``a`` and ``b`` put the same value at ``place``."""
    missing = object()
    first, second = _value_at(a, place, missing), _value_at(b, place, missing)
    if first is missing or second is missing:
        return False
    if first is second:
        return True
    try:
        return type(first) is type(second) and bool(first == second)
    except Exception:
        return False


def _value_at(change: Change, place: Any, missing: Any) -> Any:
    kind = change[0]
    if kind == "M" and isinstance(place, int):
        return masked.value_at(change, place, missing)
    if kind in ("L", "Y") and isinstance(place, int):
        for start, values in change[1]:
            if start <= place < start + len(values):
                return values[place - start]
    elif kind in ("D", "A"):
        key = place[1] if kind == "A" and isinstance(place, tuple) else place
        for name, value in change[1]:
            if name == key or (isinstance(name, tuple) and name[1:] == (key,)):
                return value
    return missing
