"""Races on the names a deferred task hands back (``shared``): found when the
values reach the creator, at ``taskwait`` or the end of a ``taskgroup``.

One idea: a ``shared`` name is handed back by assignment, so a value the creator
(or another task) gave the name while the task was deferred would be silently
overwritten; in OpenMP both writes are a data race, so here they are an error.

Plain python runs a task where it stands, so the creator's later write wins there;
a deferred task's value, handed back at ``taskwait``, would win here.  Two sibling
tasks that both bind a name (neither ordered by ``depend``) are also a race; python
and omppy would agree there (the last task created wins), but a C program would
not, and one of the tasks' values is lost: the error says so.

- When a task with ``shared`` names is deferred (kept or handed to the team), its
  creator's values of those names are noted (:func:`note`), with the frame of the
  creating code (the user's function, found past the runtime's frames).
- A deferred task hands back only the ``shared`` names it rebound
  (:func:`rebound_only`): a name it only read would otherwise overwrite a value the
  creator gave it meanwhile (a read/write race, in OpenMP) with its old one.
- When its values are collected in the same frame, a name whose value there is no
  longer the one noted (``is``: the creator rebound it) is a data race
  (:func:`check`), and so is a name two collected siblings both rebound when one of
  them has no ``depend`` clause.

What is not seen: a creator that rebinds the name to the very object it held when
the task was created (``total = 0`` twice: small ints are one object), and a creator
that *reads* the name before ``taskwait`` (python reads the task's value, omppy the
one from before the task): both are races in OpenMP; docs/tasks.md lists them.

Only the fork backend calls this: on the threads backend tasks bind the names in
the creating frame as they end (docs/tasks.md, "Races on shared names").
"""

from __future__ import annotations

import sys
from types import CodeType, FrameType
from typing import TYPE_CHECKING, Any

from .errors import OmpError
from .tracebacks import first_user_frame
from .unbound import UNBOUND

if TYPE_CHECKING:
    from .taskframes import Frame
    from .taskspec import TaskClauses


class Noted:
    """A deferred task's creator, as the task was created: where, and its values of
    the task's ``shared`` names."""

    __slots__ = ("code", "frame", "lasti", "ordered", "values")

    def __init__(
        self, frame: int, code: CodeType, lasti: int, values: dict[str, Any], ordered: bool
    ) -> None:
        self.frame = frame  # id() of the creating frame (kept alive while it waits)
        self.code = code
        self.lasti = lasti  # where in its code: the line is found only for a message
        self.values = values
        self.ordered = ordered  # the task has depend clauses

    @property
    def where(self) -> str:
        """``file:line`` of the task."""
        line = 0
        for start, end, number in self.code.co_lines():
            if start <= self.lasti < end and number is not None:
                line = number
                break
        return f"{self.code.co_filename}:{line}"


def _user_frame() -> FrameType | None:
    return first_user_frame(sys._getframe(2))


def note(clauses: TaskClauses, ordered: bool) -> Noted | None:
    """What a deferred task with ``shared`` names must be checked against.  Names a
    ``critical`` or ``atomic`` in the task binds (``fresh``) are synchronised: the
    wait takes their newest published value, whoever bound it."""
    shared, fresh = clauses.shared, clauses.fresh
    if fresh:
        shared = tuple(n for n in shared if n not in fresh)
        if not shared:
            return None
    frame = _user_frame()
    if frame is None:
        return None
    scope = frame.f_locals
    values = {name: scope.get(name, UNBOUND) for name in shared}
    return Noted(id(frame), frame.f_code, frame.f_lasti, values, ordered)


def rebound_only(
    values: dict[str, Any], started: dict[str, Any], shared: tuple[str, ...]
) -> dict[str, Any]:
    """``values`` without the ``shared`` names the task did not rebind (still the
    object it started with)."""
    for name in shared:
        if name in values and name in started and values[name] is started[name]:
            values = {n: v for n, v in values.items() if n != name}
    return values


class Collecting:
    """One collection of a frame's children's values (one ``taskwait``)."""

    __slots__ = ("scope", "waiting", "writers")

    def __init__(self) -> None:
        self.writers: dict[tuple[int, str], Noted] = {}
        self.waiting: FrameType | None = None
        self.scope: dict[str, Any] | None = None

    def check(self, noted: Noted, outcome: dict[str, Any]) -> OmpError | None:
        """The values ``outcome`` of a task ``noted`` at its creation: the error of a
        race, if any."""
        for name in outcome:
            if name not in noted.values:
                continue  # a lastprivate name
            key = (noted.frame, name)  # tasks created by other calls bind other names
            before = self.writers.get(key)
            if before is not None and not (before.ordered and noted.ordered):
                return OmpError(_siblings(name, before, noted))
            self.writers[key] = noted
            scope = self._scope(noted)
            if scope is None:
                continue
            if scope.get(name, UNBOUND) is not noted.values[name]:
                assert self.waiting is not None
                return OmpError(_creator(name, noted, self.waiting))
        return None

    def mine(self, noted: Noted) -> bool:
        """Whether the waiting code is the one that created the task ``noted``."""
        if self.waiting is None:
            self.waiting = _user_frame()
        waiting = self.waiting
        return (
            waiting is not None and id(waiting) == noted.frame and (waiting.f_code is noted.code)
        )

    def deliver(self, frame: Frame) -> tuple[dict[str, Any], OmpError | None]:
        """The values of ``frame``'s children that a wait in another function
        collected (a callee's ``taskwait`` waits for its caller's tasks too) and that
        were created here: handed back now, checked as any."""
        values: dict[str, Any] = {}
        error: OmpError | None = None
        left = []
        for noted, outcome in frame.elsewhere:
            if self.mine(noted):
                error = error or self.check(noted, outcome)
                values.update(outcome)
            else:
                left.append((noted, outcome))
        frame.elsewhere = left
        return values, error

    def _scope(self, noted: Noted) -> dict[str, Any] | None:
        if not self.mine(noted):
            return None  # collected in another function: see deliver
        if self.scope is None:
            assert self.waiting is not None
            self.scope = self.waiting.f_locals
        return self.scope


def _creator(name: str, noted: Noted, waiting: FrameType) -> str:
    return (
        f"data race on the shared name '{name}': the task created at "
        f"{noted.where} binds it (it is shared in the task), and the code "
        f"that created the task bound it too after creating it, before waiting for it "
        f"at {waiting.f_code.co_filename}:{waiting.f_lineno}; with plain python that "
        f"later binding would win, here the task's value would replace it (a task run "
        f"at once there binds it in that code too).  Bind '{name}' in the creating "
        f"code only after a '# omp taskwait', or give the task another name"
    )


def _siblings(name: str, first: Noted, second: Noted) -> str:
    return (
        f"data race on the shared name '{name}': the tasks created at "
        f"{first.where} and {second.where} both bind it "
        f"(it is shared in both) and may run at the same time, so one value is lost.  "
        f"Add depend(inout: {name}) to both tasks or a '# omp taskwait' between them, or "
        f"give each task its own name (in a taskloop: lastprivate({name}) hands back "
        f"the last iteration's)"
    )
