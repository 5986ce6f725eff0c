"""What the translator decides about task constructs (docs/pragmas.md, "Tasks").

A ``task`` or ``taskloop`` becomes a function (``emit_tasks.py``) that any thread of
the team may run later, so this module decides, for each:

- the names it **captures**: the names its statements read that the enclosing
  function (or region) binds, passed to the function with their values when the
  task is created (OpenMP's ``firstprivate`` default for tasks).  Module globals
  are not captured: a task reads them as the function it is in would.  A name in
  ``shared`` that the task reads is passed when it is bound;
- the names it hands back (``shared``, and every name it binds under
  ``default(shared)``), and of those the ones its region shares (bound in a
  synchronisation construct, or handed back by a task): the task publishes them
  like a ``critical`` when it ends, so every thread has them after the next barrier;
- how deep it may change the objects it captures (``effects.py``): an object the
  team does not share yet is shared from the task's creation on when the task may
  change it (``omppy/runtime/tasks.py``); and which names a synchronisation block
  would say it touches;
- OpenMP's rules on tasks: no ``return``/``break`` out of one, an augmented
  assignment needs a clause, ``default(none)``, ``nogroup`` with ``reduction`` or
  ``lastprivate``.

A ``taskwait``, the end of a ``taskgroup`` and an explicit ``barrier`` assign the
names the tasks created in the same function (or task) body hand back (``shared``,
and names bound in a ``critical`` or ``atomic`` inside the task, which that block
publishes); :func:`scopes` says which body each construct is in, and the emitter
gathers the names (``emit_tasks.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Any

import libcst as cst

from . import checks
from .model import Construct, Item, Usage
from .names import bindings, target_names
from .pragma import PARALLEL_DIRECTIVES, TASK_DIRECTIVES, TASKLOOP_DIRECTIVES
from .sharing import BUILTIN_NAMES, ordered
from .summaries import locals_of
from .walk import OwnScope, walk

# The function, region or task body each construct stands in (its scope).
Scopes = dict[Construct, Any]
_AUG_TO_REDUCTION = {"AddAssign": "+", "MultiplyAssign": "*", "SubtractAssign": "-"}


@dataclass(frozen=True)
class TaskInfo:
    """What the emitter needs for a task construct, or for a wait (``refreshed``)."""

    scope: Any = None  # the body it stands in (scopes)
    captured: tuple[str, ...] = ()  # passed with their values
    maybe: tuple[str, ...] = ()  # passed when bound (shared names the task reads)
    shared: tuple[str, ...] = ()  # handed back to the creating task
    synced: tuple[str, ...] = ()  # of those, names a sync block in it publishes
    publish: tuple[str, ...] = ()  # of ``shared``, the region's shared names
    in_reduction: tuple[tuple[str, str], ...] = ()  # (name, operator)
    changes: Mapping[str, int] = field(default_factory=dict)  # name -> depth
    touches: tuple[str, ...] | None = None
    loop_vars: frozenset[str] = frozenset()  # taskloop


def scopes(
    module: cst.Module,
    plans: Mapping[cst.CSTNode, list[Item]],
    blocks_of: Callable[[cst.BaseStatement], list[cst.BaseSuite]],
) -> Scopes:
    """Each construct's scope: the function, region or task whose body holds it."""
    scope_of: dict[Construct, Any] = {}

    def walk(items: Iterable[Item], scope: Any) -> None:
        for item in items:
            if not isinstance(item, Construct):
                inner = item if isinstance(item, cst.FunctionDef) else scope
                for block in blocks_of(item):
                    if isinstance(block, cst.IndentedBlock) and block in plans:
                        walk(plans[block], inner)  # not planned: a plain statement's
                continue
            scope_of[item] = scope
            if item.directive in TASK_DIRECTIVES | PARALLEL_DIRECTIVES:
                walk(item.body, item)
            else:
                walk(item.body, scope)

    walk(plans[module], module)
    return scope_of


def handed_back(construct: Construct) -> list[str]:
    """The names a task hands back: ``shared``, or all it binds under
    ``default(shared)`` (but its clause-private names)."""
    pragma = construct.pragma
    names = list(pragma.names_in("shared"))
    default = pragma.clause("default")
    if default is not None and default.kind == "shared":
        own = set(pragma.names_in("private")) | set(pragma.names_in("firstprivate"))
        own |= {
            n for c in ("in_reduction", "reduction", "lastprivate") for n in pragma.names_in(c)
        }
        if construct.directive in TASKLOOP_DIRECTIVES:
            loop = construct.body[0]
            assert isinstance(loop, cst.For)
            own |= set(target_names(loop.target))
        names.extend(sorted(bindings(construct.statements()) - own))
    return list(dict.fromkeys(names))


def loop_nest(construct: Construct) -> list[cst.For]:
    """A taskloop's loop and the ``collapse`` nest below it (checked by the survey)."""
    loop = construct.body[0]
    assert isinstance(loop, cst.For)
    clause = construct.pragma.clause("collapse")
    nest = [loop]
    for _ in range((clause.number or 1) - 1 if clause is not None else 0):
        inner = nest[-1].body.body[0]
        assert isinstance(inner, cst.For)
        nest.append(inner)
    return nest


class _Names(cst.CSTVisitor):
    """The names a scope's code uses, but in the statements it skips (a task's).  Of
    a function defined in it, only the names that are not the function's own locals
    (a helper's parameter ``j`` is not the scope's ``j``)."""

    def __init__(self, skipped: set[cst.CSTNode], root: cst.CSTNode | None = None) -> None:
        self.skipped = skipped
        self.root = root
        self.found: set[str] = set()

    def on_visit(self, node: cst.CSTNode) -> bool:
        if node in self.skipped:
            return False
        if isinstance(node, cst.FunctionDef) and node is not self.root:
            inner = _Names(self.skipped, node)
            walk(node, inner)
            local, _ = locals_of(node)
            self.found |= inner.found - local
            self.found.add(node.name.value)
            return False
        if isinstance(node, cst.Name):
            self.found.add(node.value)
        return True


def names_outside(
    scope: cst.CSTNode, construct: Construct, tasks: Iterable[Construct] = ()
) -> set[str]:
    """The names the function (or module) ``scope`` uses outside ``construct``'s
    statements: a name a task binds that its surroundings also use would, with
    python, be the surroundings' name (see :func:`_check_bound`).

    Of another task among ``tasks`` (not one around ``construct``), only the names it
    uses without binding them count: two tasks that each bind their own temporary do
    not share it."""
    mine = set(construct.statements())
    others = [
        t for t in tasks if t is not construct and not mine <= set(t.statements())
    ]
    skipped: set[cst.CSTNode] = set(mine)
    for other in others:
        skipped.update(other.statements())
    visitor = _Names(skipped, scope)
    walk(scope, visitor)
    found = visitor.found
    for other in others:
        statements = other.statements()
        used = _Names(set())
        for statement in statements:
            walk(statement, used)
        found |= used.found - bindings(statements)
    return found


def decide(
    construct: Construct,
    usage: Usage,
    *,
    outside: set[str] | None = None,
    available: set[str],
    module_defs: set[str],
    region_published: tuple[str, ...],
    enclosing_tasks: list[Construct],
    depths: Callable[[Iterable[str]], dict[str, int]],
    touches: tuple[str, ...] | None,
    scope: Any,
    filename: str,
    inner_synced: AbstractSet[str] = frozenset(),
) -> TaskInfo:
    """Decide a task or taskloop (see the module docstring); raise ``PragmaError``
    for what OpenMP forbids."""
    pragma = construct.pragma
    directive = pragma.directive
    private = set(pragma.names_in("private"))
    firstprivate = list(pragma.names_in("firstprivate"))
    shared = handed_back(construct)
    in_reduction = [(n, c.op or "+") for c in pragma.all("in_reduction") for n in c.names]
    reduction = [(n, c.op or "+") for c in pragma.all("reduction") for n in c.names]
    lastprivate = set(pragma.names_in("lastprivate"))
    loop_vars: set[str] = set()
    if directive in TASKLOOP_DIRECTIVES:
        loop_vars = {n for loop in loop_nest(construct) for n in target_names(loop.target)}
        _check_nogroup(construct, filename)
    reduced = {n for n, _ in [*in_reduction, *reduction]}
    _check_all_memory(construct, filename)
    clause_names = private | set(firstprivate) | set(shared) | reduced | lastprivate
    _check_detach(construct, clause_names, filename)
    default = pragma.clause("default")
    if default is not None and default.kind == "none":
        checks.default_none(usage, module_defs | clause_names | loop_vars, filename=filename)
    _check_escapes(construct, usage, filename)
    checks.unsupported(usage, filename=filename)
    _check_augmented(construct, usage, clause_names, filename)
    # Names the task binds itself: its own, unless its surroundings use them too.
    own = set(usage.bound) - clause_names - loop_vars - set(shared) - usage.sync_bound
    private_default = default is not None and default.kind in ("private", "firstprivate")
    if outside is not None and not private_default:  # default(private): the task's own
        _check_bound(construct, usage, own & outside, filename)
    # What the task reads, from the scopes around it; a name listed in a clause is
    # passed whatever it is (firstprivate of a global is its value then).
    # ``x += v`` reads ``x`` too (the analysis records no read of it, and no
    # augmented binding inside a synchronisation block, where a stacked ``single``
    # puts the task's own statements).
    updated = augmented_names(construct)
    read = (set(usage.read) | updated) - private - loop_vars - BUILTIN_NAMES
    read = {n for n in read if n in clause_names or (n in available and n not in module_defs)}
    read -= own  # bound by the task before it reads them (else python raises too)
    # Names bound in a synchronisation block in the task are published by the block,
    # which starts from their newest value: the task needs them, bound or not, and
    # hands them back (to its creator, a team of one has no other way).
    # (a name in shared(...) too: bound in a critical or atomic, it is synchronised)
    synced_names = (usage.sync_bound | usage.task_shared) - private
    synced = [n for n in ordered(synced_names, usage) if n in available]
    # A name in a depend clause may get its value from a task not run yet (the
    # runtime gives the task its predecessor's value): passed when bound.
    # (``depend(depobj: o)`` names a dependence object, not a place.)
    depended = [
        n
        for c in pragma.all("depend")
        if c.kind != "depobj"
        for n in c.names
        if n.isidentifier()
    ]
    maybe = [
        n
        for n in [*shared, *synced, *depended]
        if (n in read or n in synced) and n not in firstprivate
    ]
    maybe = list(dict.fromkeys(maybe))
    captured = (read | set(firstprivate) | reduced) - set(maybe) - private - lastprivate
    captured_names = tuple(ordered(captured, usage))
    # (not a name a synchronisation block in the task binds: the block published it,
    # and the task's value at its end, published again after a teammate's newer
    # block, would undo that block's update: `atomic r += i` in `task shared(r)`)
    publish = [
        n
        for n in shared
        if n in region_published
        and n not in inner_synced
        and all(n in handed_back(t) for t in enclosing_tasks)
    ]
    return TaskInfo(
        scope=scope,
        captured=captured_names,
        maybe=tuple(maybe),
        shared=tuple(dict.fromkeys([*shared, *synced])),
        synced=tuple(synced),
        publish=tuple(publish),
        in_reduction=tuple(in_reduction),
        changes=depths([*captured_names, *maybe]),
        touches=touches,
        loop_vars=frozenset(loop_vars),
    )


def _check_all_memory(construct: Construct, filename: str) -> None:
    """``omp_all_memory`` names every place: only ``out`` and ``inout`` may name it."""
    for clause in construct.pragma.all("depend"):
        if "omp_all_memory" in clause.names and clause.kind not in ("out", "inout"):
            raise checks.error(
                filename,
                (clause.pos.line, clause.pos.col),
                f"'omp_all_memory' in depend({clause.kind}: ...): OpenMP allows it only "
                "with 'out' or 'inout'",
                hint="write depend(inout: omp_all_memory)",
            )


def augmented_names(construct: Construct) -> set[str]:
    """The bare names ``construct``'s statements update in place (``x += v``), outside
    nested defs, classes and lambdas."""
    found: set[str] = set()

    class Updates(OwnScope, cst.CSTVisitor):
        def visit_AugAssign(self, node: cst.AugAssign) -> None:
            if isinstance(node.target, cst.Name):
                found.add(node.target.value)

    for statement in construct.statements():
        walk(statement, Updates())
    return found


def _check_detach(construct: Construct, clause_names: set[str], filename: str) -> None:
    """OpenMP 5.2 (12.5.2): a detachable task is not ``mergeable``, and its event's
    name is in none of its data-sharing clauses."""
    pragma = construct.pragma
    detach = pragma.clause("detach")
    if detach is None:
        return
    mergeable = pragma.clause("mergeable")
    if mergeable is not None:
        raise checks.error(
            filename,
            (mergeable.pos.line, mergeable.pos.col),
            "'mergeable' cannot be combined with 'detach': a detached task completes "
            "when its event is fulfilled, which a merged task would not wait for",
            hint="drop 'mergeable'",
        )
    name = detach.names[0]
    if name in clause_names:
        raise checks.error(
            filename,
            (detach.pos.line, detach.pos.col),
            f"'{name}' is the event of 'detach' and also in a data-sharing clause of the "
            "task; OpenMP forbids it",
            hint=f"the task is created with {name} bound to its event: take {name} out "
            "of the other clause",
        )


def _check_nogroup(construct: Construct, filename: str) -> None:
    pragma = construct.pragma
    nogroup = pragma.clause("nogroup")
    if nogroup is None:
        return
    for name in ("reduction", "lastprivate"):
        clause = pragma.clause(name)
        if clause is not None:
            raise checks.error(
                filename,
                (clause.pos.line, clause.pos.col),
                f"'{name}' cannot be combined with 'nogroup' on a taskloop: its value is "
                "known only when every task of the loop has ended, which 'nogroup' "
                "does not wait for",
                hint="drop 'nogroup'",
            )


def _check_escapes(construct: Construct, usage: Usage, filename: str) -> None:
    kind = "taskloop" if construct.directive in TASKLOOP_DIRECTIVES else "task"
    for what, where in usage.escapes:
        hint = {
            "return": "bind the result to a name listed in shared(...) and return it "
            "after '# omp taskwait'",
            "break": "a taskloop runs every iteration; use a flag instead",
        }.get(what)
        raise checks.error(
            filename,
            where,
            f"'{what}' cannot leave a {kind} ('# omp {construct.directive}'): its "
            "statements run as a function, maybe later, maybe in another thread",
            hint,
        )


def _check_bound(construct: Construct, usage: Usage, names: set[str], filename: str) -> None:
    """A plain binding of a name the code around the task uses: with python the task's
    statements run in place and bind that name; here they run as a function, maybe
    later, in another thread, and the binding would be lost (OpenMP makes such a
    name shared or firstprivate by rules that python's scopes do not have)."""
    if not names:
        return
    name = min(names, key=lambda n: (usage.bound[n].start.line, usage.bound[n].start.column))
    raise checks.error(
        filename,
        usage.bound[name],
        f"'{name}' is bound in '# omp {construct.directive}' and used outside it, but "
        "has no data-sharing clause: the task's statements run as a function, maybe "
        "later, maybe in another thread, so the binding would not reach the code around "
        "the task",
        hint=f"add shared({name}) to hand the value back at '# omp taskwait', or "
        f"private({name}) if the task's {name} is its own",
    )


def _check_augmented(
    construct: Construct, usage: Usage, clause_names: set[str], filename: str
) -> None:
    """``x += ...`` on a captured name: the task would update its own copy."""
    taskloop = construct.directive in TASKLOOP_DIRECTIVES
    for name, (where, op) in usage.augmented.items():
        if name in clause_names or name in usage.plain_bound or name in usage.sync_bound:
            continue
        symbol = _AUG_TO_REDUCTION.get(op)
        if taskloop and symbol:
            hint = f"add reduction({symbol}:{name}) to the taskloop"
        elif symbol:
            hint = (
                f"add in_reduction({symbol}:{name}) and put the tasks in "
                f"'# omp taskgroup task_reduction({symbol}:{name})'"
            )
        else:
            hint = f"bind the result to a name listed in shared({name}) instead"
        raise checks.error(
            filename,
            where,
            f"'{name}' is updated in '# omp {construct.directive}' but has no data-sharing "
            "clause: the task starts from the value it had when the task was created "
            "(firstprivate, as in OpenMP) and the update would be lost",
            hint=hint,
        )
