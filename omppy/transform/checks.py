"""OpenMP's rules on a construct, checked before anything is rewritten.

Each function raises a :class:`PragmaError` that says what is wrong and what to
write instead, located at the pragma or at the offending use; the survey calls them
in a fixed order (the first rule broken is the one reported).  Nothing here decides
how a construct is translated.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from libcst.metadata import CodeRange

from .diagnostics import PragmaError, PragmaWarning
from .model import Construct, Usage
from .pragma import (
    LOOP_DIRECTIVES,
    ONE_AT_A_TIME_DIRECTIVES,
    PARALLEL_DIRECTIVES,
    SYNC_DIRECTIVES,
    TASK_DIRECTIVES,
    WORKSHARING_DIRECTIVES,
    Pragma,
)
from .sharing import BUILTIN_NAMES

# What may not be closely nested in what: a work share, or a barrier, directly inside
# a construct that binds to the same region (all but ``parallel`` itself).
# (``scope`` is run by the whole team: a work share or barrier may stand in it.)
_REGION_BINDING = (
    (WORKSHARING_DIRECTIVES - {"scope"})
    | SYNC_DIRECTIVES
    | (PARALLEL_DIRECTIVES - {"parallel"})
    | TASK_DIRECTIVES  # a task runs on one thread, at any time
)
# The reduction that would make ``x op= ...`` correct, for the hint.
_AUG_TO_REDUCTION = {
    "AddAssign": "+",
    "SubtractAssign": "-",
    "MultiplyAssign": "*",
    "BitAndAssign": "&",
    "BitOrAssign": "|",
    "BitXorAssign": "^",
}


def error(
    filename: str, where: CodeRange | tuple[int, int], message: str, hint: str | None = None
) -> PragmaError:
    line, col = (where.start.line, where.start.column) if isinstance(where, CodeRange) else where
    return PragmaError(message, filename=filename, line=line, col=col, hint=hint)


def at(pragma: Pragma) -> tuple[int, int]:
    """Where ``pragma`` starts, as :func:`error` takes it."""
    return pragma.pos.line, pragma.pos.col


def placement(construct: Construct, scope: str, *, filename: str) -> None:
    """Where a construct may stand at all: not directly in a class body."""
    pragma = construct.pragma
    if scope == "class":
        raise error(
            filename,
            (pragma.pos.line, pragma.pos.col),
            "omp constructs cannot stand directly in a class body",
            hint="move the code into a method or a function",
        )


def clause_conflicts(construct: Construct, *, filename: str) -> None:
    """Clauses that cannot go together on one pragma."""
    pragma = construct.pragma
    nowait = pragma.clause("nowait")
    if nowait is not None and pragma.clause("copyprivate") is not None:
        raise error(
            filename,
            (nowait.pos.line, nowait.pos.col),
            "'copyprivate' and 'nowait' cannot be combined: the values are handed "
            "to the other threads at the barrier that 'nowait' removes",
            hint="drop 'nowait'",
        )


def nesting(construct: Construct, stack: list[Construct], *, filename: str) -> None:
    """OpenMP's rules on which constructs may be closely nested in which."""
    pragma = construct.pragma
    where = (pragma.pos.line, pragma.pos.col)
    directive = pragma.directive
    # The constructs of the same region that enclose this one, innermost first.
    enclosing: list[Construct] = []
    for outer in reversed(stack):
        if outer.directive == "section":
            continue  # a part of its sections construct, which follows
        if outer.directive in PARALLEL_DIRECTIVES:
            if outer.directive != "parallel":
                enclosing.append(outer)  # parallel for/sections: also the work share
            break
        enclosing.append(outer)
    closest = enclosing[0] if enclosing else None
    nests = directive in WORKSHARING_DIRECTIVES | {"barrier"} and closest is not None
    if nests and closest is not None and closest.directive in _REGION_BINDING:
        what = "a barrier" if directive == "barrier" else f"'# omp {directive}'"
        raise error(
            filename,
            where,
            f"{what} cannot be nested inside '# omp {closest.directive}' "
            "(it would wait for threads that never reach it)",
            hint="put it directly in the parallel region, or start a nested "
            "'# omp parallel' around it",
        )
    in_task = closest is not None and closest.directive in TASK_DIRECTIVES
    if directive in ("master", "masked") and closest is not None and in_task:
        raise error(
            filename,
            where,
            f"'# omp {directive}' cannot be nested inside '# omp {closest.directive}': "
            "which thread runs a task is not known, so the block would run or not by "
            "chance",
            hint="move it out of the task",
        )
    if directive == "ordered":
        loop = next((c for c in enclosing if c.directive in LOOP_DIRECTIVES), None)
        if enclosing and enclosing[0].directive in ONE_AT_A_TIME_DIRECTIVES:
            raise error(
                filename,
                where,
                f"'# omp ordered' cannot be nested inside '# omp {enclosing[0].directive}'",
                hint=f"end the '# omp {enclosing[0].directive}' block before the "
                "'# omp ordered', or put the ordered block outside it",
            )
        if loop is None and any(c.directive in PARALLEL_DIRECTIVES for c in stack):
            raise error(
                filename,
                where,
                "'# omp ordered' must be inside a loop with the 'ordered' clause",
                hint="add 'ordered' to the loop's pragma",
            )
        if loop is not None and loop.pragma.clause("ordered") is None:
            raise error(
                filename,
                where,
                "'# omp ordered' is inside a loop without the 'ordered' clause",
                hint=f"write '# omp {loop.directive} ordered ...' (line {loop.pragma.pos.line})",
            )
    if directive == "critical":
        for outer in enclosing:
            if outer.directive == "critical" and outer.pragma.name == pragma.name:
                raise error(
                    filename,
                    where,
                    "a critical section cannot be nested in a critical section of the "
                    "same name: it would wait for itself",
                    hint="give the inner one another name: '# omp critical(name)'",
                )


def escapes(construct: Construct, usage: Usage, *, filename: str) -> None:
    """``break``, ``return``, ``yield``... may not leave a region or a work-shared loop."""
    for what, where in usage.escapes:
        is_loop = construct.directive in LOOP_DIRECTIVES
        kind = "worksharing loop" if is_loop else "parallel region"
        hint = {
            "break": "a worksharing loop must run every iteration; use a flag instead, or "
            "'# omp cancel for' to stop a search early",
            "return": "compute the result into a variable (e.g. with a reduction) and "
            "return after the construct",
            "yield": "collect the values into a shared list (e.g. ordered, or by index) "
            "and yield them after the construct",
            "await": "await before or after the construct; the threads of a team run "
            "no event loop",
        }.get(what, f"move the '{what}' out of the construct")
        raise error(
            filename,
            where,
            f"'{what}' cannot leave a {kind} ('# omp {construct.directive}')",
            hint,
        )


def unsupported(usage: Usage, *, filename: str) -> None:
    """Statements omppy cannot run in a construct (``import *``, ``global``...)."""
    for what, where in usage.unsupported:
        raise error(
            filename,
            where,
            f"{what} is not supported inside an omp construct",
            hint=f"move {what} out of the construct: before its pragma, or into a function "
            "the construct calls",
        )


def class_private(usage: Usage, class_name: str | None, *, filename: str) -> None:
    """Refuse ``__x`` names in a class: Python mangles them, the runtime's keys not."""
    if class_name is None or not class_name.lstrip("_"):
        return
    for name, where in [*usage.bound.items(), *usage.read.items()]:
        if name.startswith("__") and not name.endswith("__"):
            mangled = f"_{class_name.lstrip('_')}{name}"
            raise error(
                filename,
                where,
                f"'{name}' is a class-private name (Python mangles it to '{mangled}' "
                "in this class); omppy cannot carry it into or out of an omp construct",
                hint=f"rename it, for example to '{name[1:]}'",
            )


def mutations(
    usage: Usage,
    private: AbstractSet[str],
    imported_modules: AbstractSet[str],
    own_methods: AbstractSet[str] = frozenset(),
    *,
    filename: str,
) -> None:
    """A listed container method (``append``, ``update``...) on a shared object itself,
    outside any synchronisation: every thread changes the one object (its length, its
    keys) at once, a data race.  A method of the program's own classes with such a name
    (``own_methods``) is not taken for a container's; on an item of the object
    (``rows[i].append(x)``) each thread changes its own item, which is carried (a race
    between two threads on one item is found when the region runs)."""
    # The sections (None: outside every section) in which each root is changed.
    changed_in: dict[str, set[int | None]] = {}
    for number, (root, *_) in enumerate(usage.mutations):
        changed_in.setdefault(root, set()).add(usage.in_section.get(number))
    for number, (root, method, where, receiver) in enumerate(usage.mutations):
        if root in private or root in imported_modules or method in own_methods:
            continue  # ``np.append(a, x)`` is a function of a module, not a mutation
        if usage.sets_locks or number in usage.lock_guarded:
            continue  # under a lock, maybe: the run time refuses two unguarded changes
        if number in usage.in_section and len(changed_in[root]) == 1:
            continue  # one section (one thread) changes it: the barrier carries it
        if receiver == root and number in usage.in_section:
            raise error(
                filename,
                where,
                f"'{root}.{method}(...)' in a '# omp section' changes the shared object "
                f"'{root}' itself, which another section or the code around the sections "
                "changes too: the sections run at once in different threads, a data "
                "race: their changes to its length or keys cannot be combined",
                hint=f"change '{root}' in one section only, or wrap each change in "
                "'# omp critical'",
            )
        if receiver == root:
            raise error(
                filename,
                where,
                f"'{root}.{method}(...)' changes the shared object '{root}' itself from "
                "every thread that runs it at once, a data race: the threads' changes "
                "to its length or keys cannot be combined",
                hint=f"wrap it in '# omp critical', use reduction(+:{root}) for a list, "
                f"or store by index ('{root}[i] = ...')",
            )


def default_none(usage: Usage, exempt: AbstractSet[str], *, filename: str) -> None:
    """Under ``default(none)``, every name used must be in a clause or ``exempt``."""
    exempt = BUILTIN_NAMES | exempt
    for name, where in sorted(
        {**usage.read, **usage.bound}.items(),
        key=lambda kv: (kv[1].start.line, kv[1].start.column),
    ):
        if name in exempt or name in usage.inner_outputs or name in usage.inner_private:
            continue
        if name in usage.bound and name not in usage.read:
            continue  # bound before use: a name "declared" inside the construct
        raise error(
            filename,
            where,
            f"'{name}' has no data-sharing clause, and the construct says default(none)",
            hint=f"add shared({name}), private({name}) or firstprivate({name})",
        )


def augmented(
    construct: Construct, usage: Usage, clause_names: AbstractSet[str], *, filename: str
) -> None:
    """``x += ...`` with no clause for ``x``: each thread would update an unbound copy."""
    for name, (where, op) in usage.augmented.items():
        if name in clause_names or name in usage.plain_bound or name in usage.inner_outputs:
            continue
        if name in usage.inner_private:
            continue
        if name in usage.sync_bound:
            continue
        symbol = _AUG_TO_REDUCTION.get(op)
        hint = (
            f"add reduction({symbol}:{name}) to the pragma"
            if symbol
            else f"protect the update with '# omp critical' (it then updates the shared '{name}')"
        )
        raise error(
            filename,
            where,
            f"'{name}' is updated in '# omp {construct.directive}' but has no "
            "data-sharing clause, so each thread would update a private copy that "
            "starts unbound",
            hint=hint,
        )


def mixed_bindings(
    construct: Construct, usage: Usage, exempt: AbstractSet[str], *, filename: str
) -> None:
    """A name bound outside every synchronisation block of the region and updated
    inside one (``total = 0`` in every thread, then ``total += x`` under critical),
    with no clause.  Such a name is each thread's own (sharing.mixed_names), so the
    update would add to the thread's own value, not to what python adds to; as a
    shared name every thread's plain binding would race with the others' updates."""
    for name, where in sorted(
        usage.unsynced_bound_at.items(), key=lambda kv: (kv[1].start.line, kv[1].start.column)
    ):
        inside = usage.sync_bound_at.get(name)
        if inside is None or name not in usage.sync_augmented or name in exempt:
            continue
        if name in usage.inner_private or name in usage.inner_outputs:
            continue
        raise error(
            filename,
            where,
            f"'{name}' is bound here by every thread, outside any synchronisation "
            f"block, and updated at line {inside.start.line} inside one, in "
            f"'# omp {construct.directive}': each thread's binding here races with the "
            "other threads' updates",
            hint=f"bind '{name}' before the region or in '# omp single', use "
            f"reduction(...:{name}), or add private({name}) if each thread keeps its own",
        )


def one_threads_part(
    construct: Construct,
    usage: Usage,
    private: AbstractSet[str],
    loop_stores: dict[str, Construct],
    region_usage: Usage,
    *,
    filename: str,
) -> None:
    """A ``single`` (``master``, ``masked``) reading a name private to its region that
    a worksharing loop of the region fills (``part = [0] * n`` in the region, then
    ``part[k] = ...`` in ``# omp for``, then ``sum(part)`` in ``single``): each
    thread's object holds only its own iterations' items, and the block reads one of
    them, where python's loop filled one object with all of them."""
    for name, where in sorted(
        usage.read.items(), key=lambda kv: (kv[1].start.line, kv[1].start.column)
    ):
        loop = loop_stores.get(name)
        if loop is None or name not in private or name in usage.bound:
            continue
        bound = region_usage.unsynced_bound_at.get(name) or region_usage.bound.get(name)
        at = f" (bound at line {bound.start.line})" if bound is not None else ""
        raise error(
            filename,
            where,
            f"'{name}' is private to the region{at}, so the '# omp {loop.directive}' at "
            f"line {loop.pragma.pos.line} changes each thread's own '{name}', which holds "
            f"only that thread's iterations: this '# omp {construct.directive}' reads one "
            "thread's part, where python's loop fills one object",
            hint=f"bind '{name}' before the region, or only inside '# omp single' "
            "(then it is shared), or combine the threads' parts under '# omp critical'",
        )


def races(
    usage: Usage, loop_variables: AbstractSet[str], private: AbstractSet[str], *, filename: str
) -> list[PragmaWarning]:
    """``counts[word] += 1`` in a work-sharing loop whose variables its keys do not use:
    several iterations, in several threads, may update one place.  Legal (the keys may
    be unique), so a warning: if two threads do update one place, the run ends with an
    error, or, when both happen to compute the same value, quietly keeps one update."""
    found: list[PragmaWarning] = []
    if usage.sets_locks:
        return found  # the updates may be under an OpenMP lock (as under critical)
    for root, where, keys, text in usage.item_updates:
        if root in private or keys & loop_variables:
            continue
        found.append(
            PragmaWarning(
                f"'{text}' is updated in a work-sharing loop, but its place does not depend "
                "on the loop's variables: iterations in different threads may update the "
                "same place (a data race)",
                filename=filename,
                line=where.start.line,
                col=where.start.column,
                hint="put the update under '# omp atomic' or '# omp critical', or use a "
                "reduction",
            )
        )
    return found
