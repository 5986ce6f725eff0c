"""New dict keys in the order of the iterations that added them (threads backend).

A dict keeps its keys in insertion order, so keys that the threads of a team add to
one dict at once come out in the order the threads happened to run: a dict filled by
a ``dynamic`` loop would print differently from run to run, and differently from
``python``.  The fork backend orders them by iteration at every barrier
(docs/data-sharing.md); this module does the same for a thread team:

- while a team runs, the region's shared dicts (and the dicts a translated module's
  functions change, its ``_omp_effects``) are watched with CPython's dict watchers
  (``PyDict_AddWatcher``, Python 3.12+, reached through ctypes): a key added to one,
  by any means (a store, ``setdefault``, ``update``, a called function), is noted in
  the adding thread's list with a tag, (work-sharing loop, first iteration of the
  running chunk; ``update`` into an empty dict adds a whole dict's keys in one
  event, CLONED), unless it is added in an ``ordered`` block (those come in
  iteration order already); a value set again under an existing key is noted too,
  for a key added since the barrier takes the place of the first iteration that set
  it (thread 0 may add ``counts["gamma"]`` at iteration 21 before thread 1, which
  sets it again, runs iteration 2: python inserts it at 2);
- at the next barrier, the last thread to arrive (the others wait) moves each dict's
  new keys to its end sorted by tag.  A chunk is run by one thread, in iteration
  order, so keys of one chunk are already in order among themselves.

Python 3.11 has no dict watchers: there the keys stay in the order the threads added
them (docs/backends.md).  A watcher costs a few microseconds per change of a watched
dict while a team runs, and nothing otherwise.
"""

from __future__ import annotations

import _thread
import sys
from collections.abc import Iterable
from itertools import islice
from types import FunctionType
from typing import Any

from .. import state
from ..firstfailure import AFTER_LOOP as AFTER_LOOP  # code after a loop: after its chunks
from ..objects import ATTRIBUTE_LEVELS, attribute_dicts
from ..watch import translated_modules

# (loop number, first iteration of its chunk), extended by a task's place in
# python's order when a task adds the key (tasks.py)
Tag = tuple[int, ...]
Note = tuple[dict[Any, Any], Any, Tag, bool]  # (dict, key, tag, whether added)
Place = tuple[Tag, int]
# PyDict_WatchEvent's PyDict_EVENT_ADDED, _MODIFIED, _CLONED (``d.update(other)`` on
# an empty ``d``, ``dict.copy``'s target: all of ``other``'s keys at once)
ADDED, MODIFIED, CLONED = 0, 1, 3


class NewKeys:
    """The keys every thread of one team added since the last barrier."""

    __slots__ = ("by_thread", "set_by_thread")

    def __init__(self, size: int) -> None:
        self.by_thread: list[list[Note]] = [[] for _ in range(size)]
        # (id(dict), key) of the values each thread set again since the barrier: a
        # thread's chunks come in iteration order, so its first note is its earliest
        # (a dict counting words sets its few keys millions of times)
        self.set_by_thread: list[dict[tuple[int, Any], None]] = [{} for _ in range(size)]

    def order(self) -> None:
        """Put the noted keys in iteration order (all threads are at a barrier)."""
        notes: list[list[Note]] = []
        for mine in self.by_thread:
            if mine:
                notes.append(mine[:])
                mine.clear()
        for already in self.set_by_thread:
            already.clear()
        if not notes:
            return
        self._apply(notes)
        for mine in self.by_thread:  # the moves themselves were noted: not new keys
            mine.clear()

    def order_now(self, num: int) -> None:
        """The same, by thread ``num`` at a ``taskwait``, while the others may run:
        each list loses only the notes taken (appends go on at its end), and the
        notes of this thread's own moves are dropped."""
        notes: list[list[Note]] = []
        for mine in self.by_thread:
            if mine:
                taken = mine[:]
                del mine[: len(taken)]
                notes.append(taken)
        if not notes:
            return
        own = self.by_thread[num]
        mark = len(own)
        self._apply(notes)
        del own[mark:]

    @staticmethod
    def _apply(by_thread: list[list[Note]]) -> None:
        # A key's place: (tag, the note's place in its thread's list).  A chunk runs
        # on one thread, so the second part orders one chunk's keys as they came.
        tags: dict[int, dict[Any, Place]] = {}
        targets: dict[int, dict[Any, Any]] = {}
        for notes in by_thread:
            for index, (target, key, tag, new) in enumerate(notes):
                if new:
                    added = tags.setdefault(id(target), {})
                    targets[id(target)] = target
                    # (two adders: a race, keep the first)
                    if key not in added or (tag, index) < added[key]:
                        added[key] = (tag, index)
        for notes in by_thread:
            for index, (target, key, tag, new) in enumerate(notes):
                # A key added since the barrier and set again by an earlier iteration
                # (``d[w] = d.get(w, 0) + 1`` under critical) takes that one's place.
                if not new:
                    added = tags.get(id(target), {})
                    if key in added and (tag, index) < added[key]:
                        added[key] = (tag, index)
        for ident, added in tags.items():
            _reorder(targets[ident], added)


def _reorder(target: dict[Any, Any], added: dict[Any, Place]) -> None:
    """Move ``added``'s keys still in ``target`` to its end, sorted by place."""
    # New keys were appended: they are among the last len(added), read from the end.
    tail = list(islice(reversed(target), len(added)))
    tail.reverse()
    present = [key for key in tail if key in added]
    ordered = sorted(present, key=added.__getitem__)
    if ordered == present:
        return
    for key in ordered:
        target[key] = target.pop(key)


# -- watching dicts ----------------------------------------------------------------------


def _event(event: int, target: Any, key: Any, value: Any) -> int:
    """The watcher: note a key added, or a value set again, by a thread of a team.
    Never raises (CPython would print the exception); a note it fails to make leaves
    a key unordered.

    ``key`` and ``value`` come as addresses (either is NULL for some events, which
    ctypes cannot make an object of); only the key is read.
    """
    if event != ADDED and event != MODIFIED and event != CLONED:
        return 0
    try:
        me = state.current()
        notes = getattr(me, "new_keys", None)
        # Keys added in an 'ordered' block come in iteration order already, and the
        # block may have ordered the dict its own way (an OrderedDict's move_to_end,
        # which no watcher sees): they stay where they are.
        if notes is None or any(k.startswith("ordered") for k in getattr(me, "inside", ())):
            return 0
        changed = _object_at(key)
        if event == CLONED:  # (``key`` is the dict copied in: its keys, in its order)
            tag = me.key_tag()  # type: ignore[attr-defined]
            notes.extend((target, added, tag, True) for added in list(changed))
            return 0
        if event == MODIFIED and type(changed) in _PLAIN_KEYS:  # (hashed in C)
            already = me.keys_set  # type: ignore[attr-defined]
            mark = (id(target), changed)
            if mark in already:
                return 0
            already[mark] = None
        tag = me.key_tag()  # type: ignore[attr-defined]
        notes.append((target, changed, tag, event == ADDED))
        if event == ADDED and value:
            _watch_put(me, _object_at(value), tag, notes)
    except BaseException:
        pass
    return 0


_PLAIN_KEYS = frozenset({str, int, bytes, float})


def _watch_put(me: Any, value: Any, tag: Tag, notes: list[Note]) -> None:
    """A dict a thread put into a watched dict as a new key's value
    (``tree.setdefault(a, {})[b] = i``): watched too until the team ends, as other
    threads' blocks may add keys to it; the keys it came with were added here."""
    if not isinstance(value, dict):
        return
    team = me.team
    watched = getattr(team, "watched_dicts", None)
    if watched is None or id(value) in WATCHING:
        return
    watched.extend(_the_watcher().watch([value]))
    notes.extend((value, key, tag, True) for key in list(value))


def set_again(target: dict[Any, Any], key: Any) -> None:
    """A block's statement set ``target[key]`` (keynotes.keyed): noted as a value set
    again, which a watcher does not see when the value is the same object
    (``seen[k] = True``) or the key is only read (``tree.setdefault(k, {})``)."""
    me = state.current()
    notes = getattr(me, "new_keys", None)
    if notes is None or any(k.startswith("ordered") for k in getattr(me, "inside", ())):
        return
    if type(key) in _PLAIN_KEYS:
        already = me.keys_set  # type: ignore[attr-defined]
        mark = (id(target), key)
        if mark in already:
            return
        already[mark] = None
    notes.append((target, key, me.key_tag(), False))  # type: ignore[attr-defined]


def _object_at(address: int) -> Any:
    """The object at ``address`` (ctypes is imported: the watcher exists)."""
    import ctypes

    return ctypes.cast(address, ctypes.py_object).value


# id(dict) -> the thread teams watching it now
WATCHING: dict[int, int] = {}


class _Watcher:
    """The process's one dict watcher, registered at first use (CPython has 8)."""

    def __init__(self) -> None:
        self.ident = -1
        self.counts = WATCHING
        self.guard = _thread.allocate_lock()  # nested teams start and end at once
        self.api: Any = None
        self.callback: Any = None  # kept alive as long as the watcher is registered
        if sys.version_info < (3, 12):
            return
        try:
            import ctypes

            api = ctypes.pythonapi
            kind = ctypes.CFUNCTYPE(
                ctypes.c_int, ctypes.c_int, ctypes.py_object, ctypes.c_void_p, ctypes.c_void_p
            )
            api.PyDict_AddWatcher.argtypes = [kind]
            api.PyDict_AddWatcher.restype = ctypes.c_int
            for name in ("PyDict_Watch", "PyDict_Unwatch"):
                function = getattr(api, name)
                function.argtypes = [ctypes.c_int, ctypes.py_object]
                function.restype = ctypes.c_int
            callback = kind(_event)
            ident = api.PyDict_AddWatcher(callback)
        except Exception:  # no ctypes, or an interpreter without the C API
            return
        if ident >= 0:
            self.ident, self.api, self.callback = ident, api, callback

    def watch(self, dicts: list[dict[Any, Any]]) -> list[dict[Any, Any]]:
        """Watch ``dicts`` (until :meth:`unwatch`); returns those now watched."""
        if self.ident < 0:
            return []
        watched = []
        with self.guard:
            for target in dicts:
                count = self.counts.get(id(target), 0)
                if count or self.api.PyDict_Watch(self.ident, target) == 0:
                    self.counts[id(target)] = count + 1
                    watched.append(target)
        _switch()
        return watched

    def unwatch(self, dicts: list[dict[Any, Any]]) -> None:
        with self.guard:
            for target in dicts:
                count = self.counts.pop(id(target), 1) - 1
                if count:
                    self.counts[id(target)] = count
                else:
                    self.api.PyDict_Unwatch(self.ident, target)
        _switch()


_watcher: _Watcher | None = None


def _switch() -> None:
    from ..keynotes import publish_switch  # (keynotes imports this module)

    publish_switch()


def available() -> bool:
    """Whether this interpreter can watch dicts (CPython 3.12+ with ctypes)."""
    return _the_watcher().ident >= 0


def _the_watcher() -> _Watcher:
    global _watcher
    if _watcher is None:
        _watcher = _Watcher()
    return _watcher


def watch(values: Iterable[Any]) -> list[dict[Any, Any]]:
    """Watch the dicts among a region's shared values and the dicts translated
    modules' functions change; returns what :func:`unwatch` needs."""
    watcher = _the_watcher()
    if watcher.ident < 0:
        return []
    dicts = {}
    for value in values:
        if isinstance(value, dict):
            dicts[id(value)] = value
        elif isinstance(value, FunctionType):
            # a helper the region calls: the dicts of its closure (``index[w] = tag``)
            for cell in value.__closure__ or ():
                held = cell.cell_contents if _full(cell) else None
                if isinstance(held, dict):
                    dicts[id(held)] = held
        elif type(value).__module__ != "builtins" and not isinstance(value, type):
            # an object of the program's class: its attributes' dicts (``self.counts``,
            # ``self.stats.counts``)
            for held in attribute_dicts(value, ATTRIBUTE_LEVELS):
                dicts[id(held)] = held
    for namespace in _translated_namespaces():
        effects = namespace.get("_omp_effects")
        for variable in effects if isinstance(effects, dict) else ():
            value = namespace.get(variable)
            if isinstance(value, dict):
                dicts[id(value)] = value
            elif isinstance(value, type):  # a class's own dicts (``Event.kinds[k] = n``)
                for held in list(vars(value).values()):
                    if isinstance(held, dict):
                        dicts[id(held)] = held
    return watcher.watch(list(dicts.values())) if dicts else []


def _full(cell: Any) -> bool:
    try:
        return cell.cell_contents is not _full
    except ValueError:  # (a variable not bound yet)
        return False


_namespaces: list[dict[str, Any]] = []
_modules_seen = -1  # len(sys.modules) when _namespaces was found


def _translated_namespaces() -> list[dict[str, Any]]:
    """The namespaces of the modules running translated code, found again only when
    modules were imported since (looking costs about 0.4 ms; a region, microseconds)."""
    global _namespaces, _modules_seen
    if len(sys.modules) != _modules_seen:
        _namespaces = [namespace for _, namespace in translated_modules()]
        _modules_seen = len(sys.modules)
    return _namespaces


def unwatch(dicts: list[dict[Any, Any]]) -> None:
    if dicts:
        _the_watcher().unwatch(dicts)
