"""Two threads that changed the same place of a shared object between two
synchronisation points: a data race, which omppy reports instead of picking a winner.

Each thread's changes (``shadow.py`` records) are relative to the state the team
agreed on at the last synchronisation point, so two changes to *different* places
of one container combine (``out[3]`` by one thread, ``out[7]`` by another; two keys
of a dict; two attributes of an object).  Changes to the same place combine only
when they put the same value there (a flag every thread sets to ``True``).  A change
of a list's length (``append``, ``insert``, ``pop``) combines with nothing else done
to that list in the same interval: the positions of the other change would be off.
Every thread checks the same records in the same order, so every thread raises the
same error, and the region ends with it.
"""

from __future__ import annotations

import math
import pickle
from collections.abc import Iterator
from typing import Any

from .errors import OmpError
from .replica import ATOMIC, Change, Changes, Replica, Token

Source = tuple[str, Changes]  # (who made them: "thread 1", "'# omp critical' in thread 2")


def check(sources: list[Source], replica: Replica, where: str, strict: bool = False) -> None:
    """Raise :class:`OmpError` if two sources changed the same place differently.

    ``where`` says which interval the changes belong to, for the message
    ("between the barriers at prog.py:10 and prog.py:14").  ``strict``: any two
    changes of one place clash, even to the same value (a synchronisation block's
    change against one made without seeing it: one of them is an update that the
    other overwrites).
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
                clash = _clash(made[i][1], made[j][1], strict)
                if clash is not None:
                    _raise(replica.label_of(token), made[i][0], made[j][0], clash, where)


def _raise(label: str, first: str, second: str, clash: tuple[str, Any], where: str) -> None:
    kind, place = clash
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
    raise OmpError(
        f"{first} and {second} both changed {label}{_place(place)}, {where}, to different "
        "values (a data race in OpenMP; with python one of them would have seen the other's "
        "value). Give each place to one thread, or make the update inside '# omp critical' "
        "or '# omp atomic' (or use a reduction)"
    )


def _place(place: Any) -> str:
    if isinstance(place, tuple) and len(place) == 2 and place[0] in ("attr", "slot"):
        return f".{place[1]}"
    if isinstance(place, tuple) and len(place) == 2 and place[0] == "element":
        return f" (element {place[1]!r})"
    return f"[{place!r}]"


def _clash(a: Change, b: Change, strict: bool) -> tuple[str, Any] | None:
    """The first place where changes ``a`` and ``b`` of one container disagree."""
    same = _never_same if strict else same_value
    kind = a[0]
    if kind != b[0]:
        if "S" in (a[0], b[0]):
            return ("length", None)
        return ("whole", None)
    if kind == "L":
        return _clash_runs(a[1], b[1], same)
    if kind == "D":
        return _clash_keys(a, b, same)
    if kind == "A":
        found = _clash_keys(a, b, same)
        if found is not None and not isinstance(found[1], tuple):
            return (found[0], ("attr", found[1]))
        return found
    if kind == "Z":
        added_a, removed_a = set(a[1]), set(a[2])
        for element in b[1]:
            if element in removed_a or (strict and element in added_a):
                return ("value", ("element", element))
        for element in b[2]:
            if element in added_a or (strict and element in removed_a):
                return ("value", ("element", element))
        return None
    if kind == "N":
        return _clash_array(a, b, strict)
    # The same new value twice is one value; the same insertion twice is two.
    if kind in ("Q", "C") and not strict and _same_change(a, b):
        return None
    return ("length", None) if kind == "S" else ("whole", None)


def _clash_runs(
    runs_a: list[tuple[int, list[Any]]], runs_b: list[tuple[int, list[Any]]], same: Any
) -> tuple[str, Any] | None:
    """Compare two sorted lists of runs where they overlap."""
    i = j = 0
    while i < len(runs_a) and j < len(runs_b):
        start_a, values_a = runs_a[i]
        start_b, values_b = runs_b[j]
        stop_a, stop_b = start_a + len(values_a), start_b + len(values_b)
        for index in range(max(start_a, start_b), min(stop_a, stop_b)):
            if not same(values_a[index - start_a], values_b[index - start_b]):
                return ("value", index)
        if stop_a <= stop_b:
            i += 1
        else:
            j += 1
    return None


def _clash_keys(a: Change, b: Change, same: Any) -> tuple[str, Any] | None:
    sets_a = dict(_hashable_pairs(a[1]))
    dels_a = set(_hashable(a[2]))
    for key, value in b[1]:
        if key in dels_a:
            return ("value", key)
        if key in sets_a and not same(sets_a[key], value):
            return ("value", key)
    for key in b[2]:
        if key in sets_a:
            return ("value", key)
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


def _clash_array(a: Change, b: Change, strict: bool) -> tuple[str, Any] | None:
    if a[1] is None or b[1] is None:
        return None if not strict and _same_change(a, b) else ("whole", None)
    import numpy as np

    common, in_a, in_b = np.intersect1d(a[1], b[1], assume_unique=True, return_indices=True)
    if len(common) == 0:
        return None
    differ = np.flatnonzero(a[2][in_a] != b[2][in_b]) if not strict else np.arange(len(common))
    if len(differ):
        return ("value", int(common[differ[0]]))
    return None


def _same_change(a: Change, b: Change) -> bool:
    try:
        return pickle.dumps(a) == pickle.dumps(b)
    except Exception:
        return False


def _never_same(a: Any, b: Any) -> bool:
    return False


def same_value(a: Any, b: Any) -> bool:
    """Whether two threads put the same value in one place (so they do not conflict)."""
    if a is b:
        return True
    kind = type(a)
    if kind is not type(b):
        return False
    if kind in ATOMIC:
        if kind is float and math.isnan(a) and math.isnan(b):
            return True
        return bool(a == b)
    try:
        return pickle.dumps(a) == pickle.dumps(b)
    except Exception:
        return False
