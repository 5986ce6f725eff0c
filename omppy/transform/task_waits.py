"""The creating code's use of what its deferred task binds or stores, before the wait.

One idea: the code a task's creator runs between creating it and waiting for it,
read in the order it runs, may not touch what the task hands back or stores to.

A ``task`` with ``shared(total)`` that binds ``total`` hands the value back at the
wait (``taskwait``, the end of the ``taskgroup``, a barrier); python runs the task
where it stands.  In between, the creating code reading ``total`` (python reads the
task's value, omppy maybe the one from before the task) or binding it (python keeps
that later binding, omppy the task's value) is a data race in OpenMP: refused here,
at the read or binding.  The same for an item or attribute the task stores to by
assignment (``a[0] = 5``), read or stored to by the same text (``a[0]``) before any
name in it is bound again: a task kept in its creator's queue runs at the wait, so
its store came after the creator's.  The run-time check (``runtime/taskrace.py``)
finds a binding only when the object changed (``is``): not ``total = 0`` before and
after the task, nor a read.

The code "after the task and before the wait" is read off the creating function's
statements in order: the rest of the task's block, then of each block around it (a
loop's body again from its start, and a ``while`` test: the next iteration), up to a
``taskwait`` or ``barrier`` met on the way (one inside an ``if`` counts, however the
test goes), the end of a ``taskgroup`` around the task, or of a construct that ends
in a barrier (``single``, ``for``, ``sections``, ``scope`` without ``nowait``; a
region).  Not read: functions and classes defined there (they run later, maybe after
the wait; but a call of one that binds the name, ``nonlocal total``, binds it); a
later task's changes to objects, and a later task that binds the name too (tasks
against tasks: the run-time check, which knows ``depend``).  A later task that only
reads the name reads it when it is created, unless both tasks name it in ``depend``
(then it is given the value of the task before it).  ``if(False)``: the task runs
where it stands, as with python.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import libcst as cst
from libcst.metadata import CodeRange

from .checks import error
from .diagnostics import PragmaError
from .model import Construct, Item
from .names import bindings
from .pragma import (
    ONE_AT_A_TIME_DIRECTIVES,
    PARALLEL_DIRECTIVES,
    TASK_DIRECTIVES,
    TASKLOOP_DIRECTIVES,
)
from .walk import OwnScope, children, walk

_WAITS = frozenset({"taskwait", "barrier"})
# Constructs whose end is a barrier unless 'nowait' (a task created in them has ended
# by then).
_BARRIER_ENDS = frozenset({"for", "sections", "single", "scope"})
_NESTED_SCOPES = (cst.FunctionDef, cst.ClassDef, cst.Lambda)
_LOOPS = (cst.For, cst.While)
_CODE = cst.Module(body=[])
# Built-in functions that read every item or attribute of their argument (``len``
# does not: it reads no item a task may store to).
_READERS = frozenset(
    {
        "print", "repr", "str", "sum", "sorted", "list", "tuple", "set", "frozenset",
        "dict", "max", "min", "any", "all", "enumerate", "zip", "iter", "reversed",
    }
)  # fmt: skip


class _Found(Exception):
    """The first use of a watched name: where, and whether it binds it."""

    def __init__(
        self,
        node: cst.CSTNode,
        binds: bool,
        name: str,
        through: str | None = None,
        whole: bool = False,
    ) -> None:
        super().__init__(name)
        self.whole = whole  # the place's object read whole (``print(a)``)
        self.node = node
        self.binds = binds
        self.name = name  # a name, or a place: 'a[0]'
        self.through = through  # a function that binds the name
        self.place = whole or isinstance(node, (cst.Subscript, cst.Attribute))


class _Waited(Exception):
    """A wait met on the way: the rest is after it."""


@dataclass
class _Frame:
    """Where the task (or the statement holding it) stands: ``items[index]``, in the
    block of ``owner`` (a construct, a compound statement, or None: the scope's)."""

    items: Sequence[Item]
    index: int
    owner: Construct | cst.BaseStatement | None
    block: Any = None  # the owner statement's suite that holds ``items``


def check(
    task: Construct,
    names: Iterable[str],
    scope: Any,
    plans: Mapping[cst.CSTNode, list[Item]],
    blocks_of: Callable[[cst.BaseStatement], list[cst.BaseSuite]],
    positions: Mapping[cst.CSTNode, CodeRange],
    filename: str,
) -> None:
    """Raise ``PragmaError`` at the first use of one of ``names`` (which ``task``
    binds and hands back) in the code that runs after ``task`` is created and before
    it is waited for, in ``scope`` (the function, region or task around it)."""
    watched = frozenset(names)
    if _undeferred(task):
        return
    if task.directive in TASKLOOP_DIRECTIVES and task.pragma.clause("nogroup") is None:
        return  # its implicit taskgroup waits for its tasks
    if isinstance(scope, Construct):
        top: Sequence[Item] = scope.body
    elif isinstance(scope, cst.FunctionDef):
        top = plans.get(scope.body, [])
    else:
        top = plans.get(scope, [])
    places = _places(task, plans, blocks_of)
    if not watched and not places:
        return  # nothing the creator could use before the wait (most tasks)
    path = _path(top, task, None, None, plans, blocks_of)
    if path is None:
        return
    rebinders = _rebinders(top, watched, plans, blocks_of) if watched else {}
    reader = _Reader(task, watched, plans, rebinders, places)
    try:
        for frame in reversed(path):
            reader.items(frame.items[frame.index + 1 :])
            owner = frame.owner
            if isinstance(owner, Construct):
                if _ends_waiting(owner):
                    return
            elif isinstance(owner, _LOOPS) and frame.block is owner.body:
                # the next iteration: a while's test, the body up to here
                if isinstance(owner, cst.While):
                    reader.node(owner.test)
                else:
                    reader.node(owner.target, binds=True)
                reader.items(frame.items[: frame.index])
            elif isinstance(owner, cst.Try) and owner.finalbody is not None:
                reader.node(owner.finalbody)
    except _Waited:
        return
    except _Found as found:
        raise _error(task, found, positions, filename) from None


def _undeferred(task: Construct) -> bool:
    """``if(False)`` or ``if(0)``: the task runs at once where it stands, as python."""
    condition = next((c for c in task.pragma.all("if") if c.modifier != "simd"), None)
    return condition is not None and (condition.expr or "").strip() in ("False", "0")


def _ends_waiting(construct: Construct) -> bool:
    """Leaving ``construct`` waits for the tasks created in it (or ends the search:
    a ``section``'s neighbours may run in other threads, at any time)."""
    directive = construct.directive
    if directive in ("taskgroup", "section") or directive in PARALLEL_DIRECTIVES:
        return True
    if directive in TASK_DIRECTIVES:
        return True  # (the scope: not reached)
    return directive in _BARRIER_ENDS and construct.pragma.clause("nowait") is None


def _path(
    items: Sequence[Item],
    task: Construct,
    owner: Construct | cst.BaseStatement | None,
    block: Any,
    plans: Mapping[cst.CSTNode, list[Item]],
    blocks_of: Callable[[cst.BaseStatement], list[cst.BaseSuite]],
) -> list[_Frame] | None:
    """The frames from ``items`` down to ``task``, outermost first."""
    for index, item in enumerate(items):
        here = _Frame(items, index, owner, block)
        if item is task:
            return [here]
        if isinstance(item, Construct):
            if item.directive in TASK_DIRECTIVES | PARALLEL_DIRECTIVES:
                continue  # another scope
            inner = _path(item.body, task, item, None, plans, blocks_of)
        elif isinstance(item, _NESTED_SCOPES):
            continue
        else:
            inner = None
            for suite in blocks_of(item):
                planned = plans.get(suite)
                if planned is not None:
                    inner = _path(planned, task, item, suite, plans, blocks_of)
                    if inner is not None:
                        break
        if inner is not None:
            return [here, *inner]
    return None


class _Reader:
    """Reads code in the order it runs, raising ``_Found`` at a use of a watched
    name, ``_Waited`` at a wait."""

    def __init__(
        self,
        task: Construct,
        watched: frozenset[str],
        plans: Mapping[cst.CSTNode, list[Item]],
        rebinders: Mapping[str, str],
        places: Mapping[str, frozenset[str]],
    ) -> None:
        self.task = task
        self.watched = watched
        self.plans = plans
        self.rebinders = rebinders  # function defined here -> a name it binds (nonlocal)
        # The items and attributes the task stores to ('a[0]'), by their text, and the
        # names each place's text uses: once one is bound, the text names another place.
        self.places: dict[str, frozenset[str]] = dict(places)
        # The variables those places start with, each with one place's text: read
        # whole (``print(a)``), one reads every place, whatever names its index uses.
        self.roots: dict[str, str] = {}
        for text in places:
            self.roots.setdefault(_root(text), text)

    def _rebound(self, name: str) -> None:
        for text, used in list(self.places.items()):
            if name in used:
                del self.places[text]
        self.roots.pop(name, None)

    def items(self, items: Iterable[Item]) -> None:
        for item in items:
            if isinstance(item, Construct):
                self.construct(item)
            else:
                self.node(item)

    def construct(self, construct: Construct) -> None:
        directive = construct.directive
        if directive in _WAITS:
            raise _Waited
        if directive in TASK_DIRECTIVES:
            statements = construct.statements()
            if self.watched & bindings(statements):
                return  # two tasks binding it: the run-time check (depend)
            if _both_depend(self.task, construct, self.watched):
                return
            # (two tasks' changes to one object: the run-time check, which knows
            # depend; a binding in it is the task's own)
            places, self.places = self.places, {}
            roots, self.roots = self.roots, {}
            try:
                for statement in statements:
                    self.node(statement)
            finally:
                self.places, self.roots = places, roots
            return
        self.items(construct.body)  # (a taskwait in it waits for the task too)

    def node(self, node: cst.CSTNode, binds: bool = False) -> None:
        if isinstance(node, _NESTED_SCOPES):
            return
        if isinstance(node, cst.IndentedBlock):
            planned = self.plans.get(node)
            if planned is not None:
                self.items(planned)
                return
        if isinstance(node, cst.Name):
            if node.value in self.watched:
                raise _Found(node, binds, node.value)
            if binds:
                self._rebound(node.value)
            return
        if isinstance(node, cst.If):
            self._branches(node)
            return
        if isinstance(node, cst.Call) and isinstance(node.func, cst.Name):
            bound = self.rebinders.get(node.func.value)
            if bound is not None:
                raise _Found(node.func, True, bound, node.func.value)
            if node.func.value in _READERS:
                for arg in node.args:
                    self._whole(arg.value)
        if isinstance(node, (cst.Subscript, cst.Attribute)) and self.places:
            text = _CODE.code_for_node(node)
            if text in self.places:
                raise _Found(node, binds, text)
        if isinstance(node, cst.Attribute):
            self.node(node.value)
            return
        if isinstance(node, cst.Arg):
            self.node(node.value)
            return
        if isinstance(node, (cst.Global, cst.Nonlocal, cst.CompFor)):
            if isinstance(node, cst.CompFor):  # (its target is the comprehension's)
                self.node(node.iter)
                for condition in node.ifs:
                    self.node(condition)
                if node.inner_for_in is not None:
                    self.node(node.inner_for_in)
            return
        if isinstance(node, (cst.Subscript,)):
            self.node(node.value)
            for element in node.slice:
                self.node(element)
            return
        if isinstance(node, cst.AssignTarget):
            self.node(node.target, binds=True)
            return
        if isinstance(node, (cst.AugAssign, cst.AnnAssign)):
            if node.value is not None:
                self.node(node.value)
            self.node(node.target, binds=True)
            return
        if isinstance(node, cst.Assign):
            self.node(node.value)
            for target in node.targets:
                self.node(target)
            return
        if isinstance(node, cst.For):
            self._whole(node.iter)
            self.node(node.iter)
            self.node(node.target, binds=True)
            self._blocks([node.body, node.orelse])
            return
        if isinstance(node, (cst.NamedExpr,)):
            self.node(node.value)
            self.node(node.target, binds=True)
            return
        if isinstance(node, (cst.AsName, cst.Del)):
            self.node(node.name if isinstance(node, cst.AsName) else node.target, binds=True)
            return
        keep = binds and isinstance(
            node, (cst.Tuple, cst.List, cst.StarredElement, cst.Element)
        )
        for child in children(node):
            self.node(child, binds=keep)

    def _whole(self, node: cst.CSTNode) -> None:
        """``node`` read whole (``print(a)``, ``for v in a``): a read of every place
        of it the task stores to."""
        if isinstance(node, cst.Name) and node.value in self.roots:
            raise _Found(node, False, self.roots[node.value], whole=True)

    def _branches(self, node: cst.If) -> None:
        """An ``if``: its test, then each branch; a wait in one counts."""
        self.node(node.test)
        self._blocks([node.body, node.orelse])

    def _blocks(self, blocks: Sequence[cst.CSTNode | None]) -> None:
        waited = False
        for block in blocks:
            if block is None:
                continue
            try:
                self.node(block)
            except _Waited:
                waited = True
        if waited:
            raise _Waited


def _places(
    task: Construct,
    plans: Mapping[cst.CSTNode, list[Item]],
    blocks_of: Callable[[cst.BaseStatement], list[cst.BaseSuite]],
) -> dict[str, frozenset[str]]:
    """The items and attributes ``task`` stores to by a plain assignment (``a[0] = 5``,
    ``node.left = t``) whose names the task does not bind itself (its own
    temporaries, or a loop variable of its: their text names another place in the
    creating code), with the names each one's text uses; not in a ``critical``,
    ``atomic`` or ``ordered`` block (synchronised with the creator's blocks)."""
    statements = task.statements()
    own = bindings(statements)
    found: dict[str, frozenset[str]] = {}
    synced: set[cst.CSTNode] = set()
    pending: list[Item] = list(task.body)
    while pending:
        item = pending.pop()
        if isinstance(item, Construct):
            if item.directive in ONE_AT_A_TIME_DIRECTIVES:
                synced.update(item.statements())
            else:
                pending.extend(item.body)
        elif not isinstance(item, _NESTED_SCOPES):
            for suite in blocks_of(item):
                pending.extend(plans.get(suite, []))

    class Stores(OwnScope, cst.CSTVisitor):
        def on_visit(self, node: cst.CSTNode) -> bool:
            return node not in synced and super().on_visit(node)

        def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
            self._store(node.target)

        def visit_AugAssign(self, node: cst.AugAssign) -> None:
            self._store(node.target)

        def _store(self, target: cst.BaseExpression) -> None:
            if not isinstance(target, (cst.Subscript, cst.Attribute)):
                return
            used = _names_in(target)
            if not used & own:
                found[_CODE.code_for_node(target)] = frozenset(used)

    for statement in statements:
        walk(statement, Stores())
    return found


def _root(text: str) -> str:
    """The variable a place's text starts with: ``a`` of ``a[0]``, ``node.left``."""
    end = len(text)
    for mark in "[.(":
        at = text.find(mark)
        if at != -1:
            end = min(end, at)
    return text[:end].strip()


def _names_in(node: cst.CSTNode) -> set[str]:
    """The variables ``node`` uses (not attribute names)."""
    if isinstance(node, cst.Name):
        return {node.value}
    if isinstance(node, cst.Attribute):
        return _names_in(node.value)
    found: set[str] = set()
    for child in children(node):
        found |= _names_in(child)
    return found


def _rebinders(
    top: Sequence[Item],
    watched: frozenset[str],
    plans: Mapping[cst.CSTNode, list[Item]],
    blocks_of: Callable[[cst.BaseStatement], list[cst.BaseSuite]],
) -> dict[str, str]:
    """The functions defined in the scope that bind a watched name of it
    (``nonlocal total``): a call to one binds that name."""
    found: dict[str, str] = {}
    pending: list[Item] = list(top)
    while pending:
        item = pending.pop()
        if isinstance(item, Construct):
            pending.extend(item.body)
        elif isinstance(item, cst.FunctionDef):
            body = item.body.body if isinstance(item.body, cst.IndentedBlock) else ()
            declared = {
                n.name.value
                for statement in body
                if isinstance(statement, cst.SimpleStatementLine)
                for small in statement.body
                if isinstance(small, cst.Nonlocal)
                for n in small.names
            }
            bound = sorted(declared & watched & bindings(body))
            if bound:
                found[item.name.value] = bound[0]
        elif not isinstance(item, cst.ClassDef):
            for suite in blocks_of(item):
                pending.extend(plans.get(suite, []))
    return found


def _both_depend(first: Construct, later: Construct, watched: frozenset[str]) -> bool:
    """Both tasks name one of ``watched`` in ``depend``: the later one waits for the
    first and is given its value."""

    def depended(construct: Construct) -> set[str]:
        return {
            n
            for c in construct.pragma.all("depend")
            if c.kind != "depobj"
            for n in c.names
        }

    return bool(depended(first) & depended(later) & watched)


def _error(
    task: Construct,
    found: _Found,
    positions: Mapping[cst.CSTNode, CodeRange],
    filename: str,
) -> PragmaError:
    name = found.name
    line = task.pragma.pos.line
    kind = "taskloop" if task.directive in TASKLOOP_DIRECTIVES else "task"
    if found.place:
        created = (
            f"data race on '{name}': the {kind} created at line {line} stores to it and "
            "may run later, in another thread; the code that created it"
        )
        does = "stores to it here too" if found.binds else "reads it here"
        whole = found.node.value if isinstance(found.node, cst.Name) else name
        if found.whole:
            does = f"reads it here, through '{whole}' as a whole"
        message = (
            f"{created} {does}, before waiting for it: with python the {kind} has run by "
            f"then, here its store may come "
            + ("after this one" if found.binds else "after this read")
        )
        used = whole if found.whole else name
        hint = (
            f"use '{used}' in the creating code only after a '# omp taskwait' (or the end "
            "of the taskgroup)"
        )
        return error(filename, positions[found.node], message, hint=hint)
    created = (
        f"data race on the shared name '{name}': the {kind} created at line {line} binds "
        f"it (it is shared in the {kind}) and may run later, in another thread; the code "
        "that created it"
    )
    if found.binds:
        here = (
            "here too"
            if found.through is None
            else f"too, here through '{found.through}()' (nonlocal {name})"
        )
        message = (
            f"{created} binds it {here}, before waiting for it: with python this later "
            f"binding wins, here the {kind}'s value would replace it at the wait"
        )
        hint = (
            f"bind '{name}' in the creating code only after a '# omp taskwait', or give "
            f"the {kind} another name"
        )
    else:
        message = (
            f"{created} reads it here, before waiting for it: with python the {kind} has "
            f"run by then and this reads its value, here it may read the value from "
            f"before the {kind}"
        )
        hint = (
            f"read '{name}' only after a '# omp taskwait' (or the end of the taskgroup), "
            f"or give the {kind} another name"
        )
    return error(filename, positions[found.node], message, hint=hint)
