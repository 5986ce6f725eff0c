"""The records of the fork backend's tasks: a task as its creator tracks it
(:class:`Child`), as its creator's own queue holds it (:class:`Kept`), and as the
thread running it sees it (:class:`Frame`).  How they are used is ``tasks.py``'s
story (its module docstring) and ``taskstate.py``'s."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from .taskspec import Spec

if TYPE_CHECKING:
    from .taskdeps import Dependences
    from .taskgroups import GroupRef, TaskGroup
    from .taskrace import Noted


class Child:
    """A task as its creator tracks it: kept (``slot`` -1, ``tid`` a local number) or
    handed to the team (its slot and id in the table)."""

    __slots__ = ("finished", "noted", "orphan", "slot", "tid")

    def __init__(self, slot: int, tid: int) -> None:
        self.slot = slot
        self.tid = tid
        self.finished = False  # a kept task that ran
        self.orphan = False  # its creator ended without waiting for it
        self.noted: Noted | None = None  # its creator's shared values (taskrace.py)


class Kept(NamedTuple):
    """A task in its creator's own queue."""

    function: Any
    args: dict[str, Any]
    spec: Spec
    depth: int
    group: Any  # GroupRef | None
    child: Child
    changes: dict[str, int] | None
    order: int  # orders its in_reduction results as the tasks were created (0: none)
    creator: str  # its creating task's key (see dependence_key)
    tag: tuple[int, ...] | None  # its place in python's order (TaskState.tag)


class Frame:
    """A task as the thread running it sees it (the region's implicit task too)."""

    __slots__ = (
        "base",
        "cancelled",
        "children",
        "created",
        "deps",
        "depth",
        "elsewhere",
        "final",
        "group",
        "groups",
        "inline",
        "key",
        "order",
        "tag",
        "targets",
    )

    def __init__(
        self,
        order: int,
        group: GroupRef | None,
        depth: int,
        final: bool,
        tag: tuple[int, ...] | None = None,
    ) -> None:
        self.order = order  # orders its in_reduction results as created (0: no need)
        self.group: GroupRef | None = group  # the taskgroup the task belongs to
        self.depth = depth
        self.final = final
        self.children: list[Child] = []  # children not collected yet
        # Values of children collected by a wait in another function than the one
        # that created them, for that one's next wait (taskrace.py, deliver).
        self.elsewhere: list[tuple[Noted, dict[str, Any]]] = []
        self.groups: list[TaskGroup] = []  # taskgroups open in this task, innermost last
        self.deps: Dependences | None = None
        self.targets: dict[str, GroupRef] = {}  # in_reduction name -> its taskgroup
        self.key = ""  # names it in the team (for its children's dependences)
        # Its place in python's order (None: the region's implicit task, placed by the
        # work-sharing iterations it runs, ``base``), and the tasks it created there.
        self.tag = tag
        self.base: tuple[int, ...] = ()
        self.created = 0
        self.cancelled = False  # its body was left by a cancel (not measured: cancel.py)
        # A task run at once (TaskState.run_inline): its creator's frame.  Its place in
        # python's order is taken only if it creates a task (TaskState._base): until
        # then what it does is its creator's stretch, as the same code without the
        # task construct would be.
        self.inline: Frame | None = None

    def current_group(self) -> GroupRef | None:
        """The taskgroup a task created now belongs to."""
        return self.groups[-1].ref if self.groups else self.group


def all_done(items: Sequence[Any], done: Callable[[Any], bool]) -> Callable[[], bool]:
    """A ``ready`` test for a wait: whether ``done(item)`` holds for every item.

    A task once done stays done, so each item is tested until it is, and never
    again: a wait for n children, looked at after each of the n tasks it runs
    meanwhile, costs O(n) tests rather than O(n) per look (a producer loop of 5,000
    tasks then a ``taskwait`` made 12 million tests).  Items appended meanwhile are
    tested too."""
    passed = 0

    def ready() -> bool:
        nonlocal passed
        count = len(items)
        while passed < count and done(items[passed]):
            passed += 1
        return passed >= count

    return ready
