"""What the translated code says about one task construct, for both backends.

The translated code calls ``_omp.task(_omp_t, <function>, {<values>}, <clauses>)``
and ``_omp.taskloop(...)`` with keyword clauses; the entry points
(``threads/tasks.py``, which hands a thread of a fork team to ``tasks.py``) gather
them once into a :class:`TaskClauses` (and, for a taskloop, a
:class:`TaskloopClauses`), the one place their names and defaults are written.
:class:`Spec` is the part that travels with a deferred task (pickled with it on the
fork backend): what its runner needs to know when it starts and ends.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from .unbound import UNBOUND


class Spec(NamedTuple):
    """What the runner of one task needs from its construct."""

    shared: tuple[str, ...] = ()  # names handed back to the creating task
    publish: tuple[str, ...] = ()  # of those, the region's shared names: published
    in_reduction: dict[str, str] | None = None  # name -> operator
    touches: tuple[str, ...] | None = None  # names whose objects it may change
    last: tuple[str, ...] = ()  # taskloop: lastprivate names (the last chunk's task)
    # Names a synchronisation block in the task binds: the task starts from their
    # newest published value, not the one captured (which may be older).
    fresh: tuple[str, ...] = ()
    # Names in its depend clauses: the task starts from the value its predecessor
    # left in a name it reads (in, inout), and leaves the names it writes (out,
    # inout) for its successors (on the fork backend published under its creator's
    # key, dependence_key).
    reads: tuple[str, ...] = ()
    writes: tuple[str, ...] = ()
    # The Python call that created it (the id of its frame, see taskdeps.places): the
    # values of its depend names are left under the call's key.
    scope: int = 0


class TaskClauses(NamedTuple):
    """The clauses of one ``task`` construct as the translated code passes them.

    ``changes``: the names whose objects the task may change, and how deep (the
    translator's effects analysis); ``touches``: the same as a sync block's (both for
    the fork backend's comparisons); ``fresh``: see :class:`Spec`; ``last``: the
    ``lastprivate`` names a taskloop's last chunk hands back.  A NamedTuple rather than
    a dataclass: one is made for every task created, and it costs least to make.
    """

    shared: tuple[str, ...] = ()
    publish: tuple[str, ...] = ()
    if_: Any = True
    final: Any = False
    priority: Any = 0
    depend: tuple[tuple[Any, ...], ...] = ()
    in_reduction: dict[str, str] | None = None
    changes: dict[str, int] | None = None
    touches: tuple[str, ...] | None = None
    last: tuple[str, ...] = ()
    fresh: tuple[str, ...] = ()
    detach: Any = None  # the task's event (taskevents.py), made just before it
    scope: Any = None  # the frame of the call creating it (``depend`` names' places)

    def spec(self) -> Spec:
        """The part of the clauses that travels with a deferred task."""
        depend = self.depend
        reads = tuple(d[1] for d in depend if len(d) == 2 and d[0] != "out")
        writes = tuple(d[1] for d in depend if len(d) == 2 and d[0] != "in")
        if "omp_all_memory" in writes:  # every place: every name it hands back
            reads = (*reads, *self.shared)
            writes = (*writes, *self.shared)
        return Spec(
            self.shared, self.publish, self.in_reduction, self.touches, self.last,
            self.fresh, reads, writes, id(self.scope) if self.scope is not None else 0,
        )  # fmt: skip


class TaskloopClauses(NamedTuple):
    """The clauses of a ``taskloop`` that are not every chunk's task's (those are a
    :class:`TaskClauses`): how the loop is cut, and its implicit taskgroup's."""

    grainsize: Any = None
    num_tasks: Any = None
    strict: bool = False
    nogroup: bool = False
    reduction: dict[str, tuple[str, Any]] | None = None
    lastprivate: tuple[str, ...] = ()

    @classmethod
    def split(cls, clauses: dict[str, Any]) -> tuple[TaskloopClauses, TaskClauses]:
        """A taskloop's keyword clauses as the loop's and each chunk's task's."""
        loop = {name: clauses.pop(name) for name in cls._fields if name in clauses}
        return cls(**loop), TaskClauses(**clauses)


def dependence_key(name: str, creator: str, scope: int = 0) -> str:
    """The name under which a task leaves ``name`` for its siblings made by the same
    call (``scope``) of its creator (never a name a program can bind)."""
    return f"{name} (a dependence of the tasks of {creator}, call {scope})"


def reading(spec: Spec, written: frozenset[str] | None) -> Spec:
    """``spec`` taking its predecessors' values only for the names one of them
    writes (``Dependences.written``); other names keep the value the creator passed
    (a later call of the creating function, say, with a value of its own)."""
    if written is None:
        return spec
    kept = tuple(n for n in spec.reads if n in written)
    return spec if kept == spec.reads else spec._replace(reads=kept)


def bound(values: dict[str, Any], name: str) -> bool:
    """Whether a task's ``values`` bind ``name``."""
    return name in values and values[name] is not UNBOUND


def handed_back(values: dict[str, Any], spec: Spec) -> dict[str, Any]:
    """The values a task hands its creator: its ``shared`` and ``lastprivate`` names.
    An ``in_reduction`` name is the task's own copy, which goes to its reduction only
    (handed back too, a task run at once added its part to the creator's copy as well
    as to the reduction: counted twice)."""
    names = (*spec.shared, *spec.last)
    if spec.in_reduction:
        names = tuple(n for n in names if n not in spec.in_reduction)
    return {n: values[n] for n in names if bound(values, n)}


def no_task_reduction(op: str, name: str) -> str:
    """The error of a task with ``in_reduction(op: name)`` that no task reduction is
    open for."""
    return (
        f"in_reduction({op}: {name}): the task is not inside a taskgroup with "
        f"task_reduction({op}: {name}), a taskloop with reduction({op}: {name}), or a "
        f"parallel, for or sections with reduction(task, {op}: {name})"
    )
