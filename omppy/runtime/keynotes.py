"""The order in which a synchronisation block touches a shared dict's keys.

A dict keeps its keys in the order python first set them.  When a thread's block
sets keys again that another thread's block of *later* iterations added first
(``counts[w] = counts.get(w, 0) + 1`` over a chunk under ``critical``, a Counter
merged with ``update`` or ``+=``, ``seen[k] = True``), python has them where this
earlier block set them, in the order it set them; a diff of the dict says which
values changed, not in what order, and a store of the same object changes nothing
a diff sees (docs/data-sharing.md, "Dict insertion order").

So the translator follows each statement of a synchronisation block that names a
dict key with a note (``_omp.keyed(counts, w)``, ``counts.update(_omp.merging(counts, local))``,
``key_notes.py``); while a block of this process runs, the notes about the team's
tracked dicts (``Replica.ordered_dicts``, the shared and global dicts whose new keys
are put in iteration order) are kept here in the order they came, and the block's
publication (``Coherence._tag_new_keys``) takes them: when they name every key the
block changed, the block's keys take their places from them.

One process runs one thread of the fork backend, so the notes are the process's.
The threads backend sees what a merge changes through dict watchers
(threads/keyorder.py), which see neither a value set again to the same object nor a
key only read: ``keyed`` notes those there as values set again.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Iterator
from types import FunctionType, MethodType
from typing import Any

from .objects import ATTRIBUTE_LEVELS, attribute_dicts
from .threads.keyorder import WATCHING, set_again

# id(dict) -> its token, for the tracked dicts while a block of this process runs
WATCHED: dict[int, Any] = {}
# (id(dict), key) in the order the block's statements touched them
NOTES: list[tuple[int, Any]] = []
# token -> every key noted for it by the last take, in order, repeats included
ALL: dict[Any, list[Any]] = {}
# (id(dict), key) of the presence tests whose other path touches more (tested)
TESTED: list[tuple[int, Any]] = []


def keyed(target: Any, key: Any) -> None:
    """The statement before this call set (or read) ``target[key]``."""
    if WATCHED:
        if id(target) in WATCHED:
            NOTES.append((id(target), key))
    elif WATCHING and id(target) in WATCHING:
        set_again(target, key)  # a thread team's dict (threads/keyorder.py)


def tested(target: Any, key: Any) -> None:
    """The ``if`` after this call tests whether ``key`` is in ``target``, and the path
    it takes when it is not touches more of ``target`` (other keys, a function that
    does: a recursive memo, ``if k not in d: d["pre-" + k] = 0; d[k] = 1``): noted as
    a key it touched, and as a test (:func:`take_tested`)."""
    keyed(target, key)
    if WATCHED and id(target) in WATCHED:
        TESTED.append((id(target), key))


def take_tested() -> list[tuple[Any, Any]]:
    """``(dict token, key)`` of the tests noted since the last call (:func:`tested`)."""
    found = [(WATCHED[ident], key) for ident, key in TESTED if ident in WATCHED]
    TESTED.clear()
    return found


def keywords(target: Any, /, **named: Any) -> dict[str, Any]:
    """``named``, about to be merged into ``target`` by ``target.update(**named)``:
    their keys noted in order."""
    for key in named:
        keyed(target, key)
    return named


def merged(target: Any, other: Any) -> None:
    """The statement before this call merged ``other`` into ``target`` in place
    (``target += other``, a Counter): a mapping's keys, in its order."""
    if hasattr(other, "keys"):
        try:
            for key in list(other.keys()):
                keyed(target, key)
        except Exception:
            pass  # (unreadable: the merge raises, or the block's order stays unknown)


def merging(target: Any, other: Any, mapping_only: bool = False) -> Any:
    """``other``, about to be merged into ``target`` (``target.update(other)``, or
    ``target += other`` with ``mapping_only``): a mapping's keys are noted now, in
    the order the merge reads them; another iterable is handed on through a
    generator that notes each key as the merge takes it (an element, for a
    Counter; the first of a pair, for a dict), so a generator is still read once
    and as lazily as before."""
    if not (id(target) in WATCHED if WATCHED else WATCHING and id(target) in WATCHING):
        return other
    if hasattr(other, "keys"):  # (dict.update's own test for a mapping)
        merged(target, other)  # (what it cannot read, the merge raises again)
        return other
    if mapping_only:
        return other
    return _noting(target, iter(other), isinstance(target, Counter))


def twin_of(function: Any, twin: Any) -> None:
    """``twin`` (the translator's copy of ``function`` with key notes,
    ``key_twins.py``) stands in for it when a block calls it: it takes
    ``function``'s default values (the very objects: a mutable default is shared)."""
    if isinstance(function, (staticmethod, classmethod)):  # (in its class's body)
        function, twin = function.__func__, twin.__func__
    twin.__defaults__ = function.__defaults__
    twin.__kwdefaults__ = function.__kwdefaults__
    # On the function (a nested helper's twin lives as long as it does), with the
    # function itself: a wrapper that copied its __dict__ (functools.wraps) is not it.
    function.__omp_twin__ = (function, twin)


def twin(function: Any) -> Any:
    """What a synchronisation block calls for ``function``: its noted twin while the
    name still holds the function it was made for (a method, or an object's
    ``__call__``: bound to the same object), else ``function`` itself.  The twin may
    change a tracked dict the block does not name: notes count from here to the end
    of the block nest (:func:`enable`)."""
    kind = type(function)
    if kind is FunctionType:
        inner, owner = function, None
    elif kind is MethodType:
        inner, owner = function.__func__, function.__self__
    else:
        # an object of a class of the program's that defines __call__ (a memo class)
        found_call = (c.__dict__["__call__"] for c in kind.__mro__ if "__call__" in c.__dict__)
        inner, owner = next(found_call, None), function
    if type(inner) is not FunctionType:
        return function  # (a builtin, a class, a library's callable: no twin)
    found = inner.__dict__.get("__omp_twin__")
    if found is None or found[0] is not inner:
        return function
    if WATCHED and not _runtime_keys():
        _set_keys(True)
    if owner is None:
        return found[1]
    return MethodType(found[1], owner)  # (a method: bound as it was)


def _noting(target: Any, items: Iterator[Any], elements: bool) -> Iterator[Any]:
    for item in items:
        try:
            keyed(target, item if elements else item[0])
        except Exception:
            pass  # (not a pair: dict.update raises its own error for it)
        yield item


def start(replica: Any) -> None:
    """A block starts in this process: watch the tracked dicts (once per block nest;
    a block of a nested team, another replica, starts again: the outer block's
    notes so far are dropped, and its order is unknown, an error where it matters)."""
    global _owner
    if WATCHED and _owner is replica:
        return
    WATCHED.clear()
    NOTES.clear()
    TESTED.clear()
    _owner = replica
    objects = replica.objects
    for token in replica.ordered_dicts:
        live = objects.get(token)
        if live is not None:
            WATCHED[id(live)] = token


def enable(touched: list[Any] | None) -> None:
    """Notes count from here to the end of the block nest if the block may change a
    tracked dict: ``touched``, the objects it names (the translator's ``touches``;
    a dict held in a tracked dict is tracked only as part of one, so its holder is
    named), None when it cannot tell.  A block that fills a list of lists pays a
    test of a local per note."""
    if not WATCHED or (_runtime_keys() and touched is not None):
        return
    if touched is None or any(id(value) in WATCHED or _holds(value) for value in touched):
        _set_keys(True)


def _holds(value: Any) -> bool:
    """Whether an attribute of ``value`` (or a few attributes down) is a tracked dict
    (``self.counts``, ``self.stats.counts``: replica.py, ``watch_root``)."""
    if getattr(value, "__dict__", None) is None:
        return False
    return any(id(held) in WATCHED for held in attribute_dicts(value, ATTRIBUTE_LEVELS))


def take() -> dict[Any, list[Any]]:
    """The keys noted since the last take, by dict token, each once, in first-touch
    order; the notes start again."""
    ALL.clear()
    if not NOTES:
        return {}
    first = NOTES[0][0]
    if NOTES[-1][0] == first and all(ident == first for ident, _ in NOTES):
        # (one dict, the usual case: its keys in one pass in C)
        every = [key for _, key in NOTES]
        try:
            keys = list(dict.fromkeys(every))
        except TypeError:
            keys = None
        if keys is not None:
            NOTES.clear()
            token = WATCHED.get(first)
            if token is None:
                return {}
            ALL[token] = every
            return {token: keys}
    found: dict[Any, dict[Any, None]] = {}
    for ident, key in NOTES:
        token = WATCHED.get(ident)
        if token is not None:
            try:
                found.setdefault(token, {})[key] = None
            except TypeError:  # (an unhashable key: the store itself failed)
                continue
            ALL.setdefault(token, []).append(key)
    NOTES.clear()
    return {token: list(keys) for token, keys in found.items()}


def last_touched(token: Any) -> list[Any]:
    """The keys of the last :func:`take` for ``token``, each once, in the order they
    were *last* touched: where a block that moves keys (``d[w] = d.pop(w) + 1``)
    leaves them."""
    every = ALL.get(token, [])
    return list(reversed(dict.fromkeys(reversed(every))))


def stop() -> None:
    """The outermost block of this process ended (or this is a new worker)."""
    global _owner
    WATCHED.clear()
    NOTES.clear()
    _owner = None
    publish_switch()


def publish_switch() -> None:
    """``omppy.runtime.KEYS``: whether a note can count now, read by the generated
    code once per block (``_omp_keys = _omp.KEYS``; each note then tests the local),
    so that a block that changes no tracked dict, or code run outside any, pays one
    test per note.  On the fork backend :func:`enable` turns it on for a block; a thread
    team watching dicts (threads/keyorder.py) keeps it on while it runs."""
    _set_keys(bool(WATCHING))


def _set_keys(value: bool) -> None:
    runtime = sys.modules.get(__package__ or "")
    if runtime is not None:
        runtime.KEYS = value  # type: ignore[attr-defined]


def _runtime_keys() -> bool:
    runtime = sys.modules.get(__package__ or "")
    return bool(getattr(runtime, "KEYS", False))


_owner: Any = None
os.register_at_fork(after_in_child=stop)
