"""New dict keys in the order of the iterations that added them (threads backend).

A dict keeps its keys in insertion order, so keys that the threads of a team add to
one dict at once come out in the order the threads happened to run: a dict filled by
a ``dynamic`` loop would print differently from run to run, and differently from
``python``.  The fork backend orders them by iteration at every barrier
(docs/data-sharing.md); this module does the same for a thread team, from the stores
the translator routes through ``_omp_t.store`` (``ThreadedContext.store``):

- a store that adds a key to a dict notes ``(dict, key, tag)`` in its thread's list,
  where the tag is (work-sharing loop, first iteration of the running chunk);
- at the next barrier, the last thread to arrive (the others wait) moves each dict's
  new keys to its end sorted by tag.  A chunk is run by one thread, in iteration
  order, so keys of one chunk are already in order among themselves.

Keys the program adds in other ways (``setdefault``, ``update``, a plain store in a
``critical`` block) stay where the threads put them.
"""

from __future__ import annotations

from itertools import islice
from typing import Any

Tag = tuple[int, int]  # (loop number, first iteration of its chunk)
Note = tuple[dict[Any, Any], Any, Tag]


class NewKeys:
    """The keys every thread of one team added since the last barrier."""

    __slots__ = ("by_thread",)

    def __init__(self, size: int) -> None:
        self.by_thread: list[list[Note]] = [[] for _ in range(size)]

    def order(self) -> None:
        """Put the noted keys in iteration order (all threads are at a barrier)."""
        notes: list[Note] = []
        for mine in self.by_thread:
            if mine:
                notes.extend(mine)
                mine.clear()
        if not notes:
            return
        tags: dict[int, dict[Any, Tag]] = {}
        targets: dict[int, dict[Any, Any]] = {}
        for target, key, tag in notes:
            added = tags.setdefault(id(target), {})
            targets[id(target)] = target
            if key not in added or tag < added[key]:  # two adders: a race, keep the first
                added[key] = tag
        for ident, added in tags.items():
            _reorder(targets[ident], added)


def _reorder(target: dict[Any, Any], added: dict[Any, Tag]) -> None:
    """Move ``added``'s keys still in ``target`` to its end, sorted by tag (stable:
    keys with one tag keep the order they were inserted in)."""
    # New keys were appended: they are among the last len(added), read from the end.
    tail = list(islice(reversed(target), len(added)))
    tail.reverse()
    present = [key for key in tail if key in added]
    ordered = sorted(present, key=added.__getitem__)
    if ordered == present:
        return
    for key in ordered:
        target[key] = target.pop(key)
