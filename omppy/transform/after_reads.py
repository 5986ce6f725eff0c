"""Reads, after a construct, of the names the construct kept to each thread.

One idea: find where the code after a construct reads a name that, under python,
holds the construct's value but, under omppy, does not.  A ``parallel`` region
binds ``x`` (so ``x`` is each thread's own: docs/data-sharing.md) and the code
after the region reads ``x``: the master's ``x`` is still its value from before
the region, python's is the region's.  A worksharing ``for`` binds ``t`` in its
body and the region reads ``t`` after the loop: each thread holds the value of
the last iteration *it* ran, python holds the last iteration's.  Either would be
a different answer with exit status 0, so the survey refuses such a read
(``survey_rules.RuleChecks._reads_after``, with :func:`refuse`'s message) unless a
clause carries the value out.

The search follows the statements that may run after the construct, in order, in
its function (or module): the rest of its block, then the blocks around it; a
loop around it runs again, so the statements before the construct in the loop's
body (and the construct itself) come after it too.  A plain assignment of the name
ends the search for that name along that path (python's value is gone there too);
a read before one is reported.  Functions, lambdas and classes read their free
names whenever they are called, so one defined in the scope (outside the
construct) that reads the name counts as a read, wherever it stands; so does a
function of the module reading the module global a module-level region binds.
The search is conservative: only an assignment every path runs ends it (a ``while``
or ``for`` loop may run no time, unless it goes over a literal that is not empty,
``for t in (1, 2)``, ``range(3)``, or over what the construct's own loop went over,
``range(n)`` again: if that runs no time, the construct's ran none and bound
nothing; a ``try`` may stop anywhere).  One exception: a ``for`` loop in another's
body is taken to run (a nest's inner range, ``range(i)``, is empty only for some
outer items), so a nest whose inner loops all run no time, then a read, is missed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet

import libcst as cst
from libcst.metadata import ExpressionContext

from .analysis import free_names
from .diagnostics import PragmaError
from .names import import_binding, target_names
from .walk import walk

ContextOf = Callable[[cst.CSTNode], ExpressionContext | None]
# Whether a read (the node reading, the name read) counts.
Counts = Callable[[cst.CSTNode, str], bool]
Live = frozenset[str]
_COMPREHENSIONS = (cst.ListComp, cst.SetComp, cst.DictComp, cst.GeneratorExp)


class _Flow:
    """Walks statements in the order they may run, noting the first read of each
    live name (a name whose python value the construct's threads kept)."""

    def __init__(
        self,
        context_of: ContextOf,
        counts: Counts | None = None,
        loops: AbstractSet[str] = frozenset(),
    ) -> None:
        self.context_of = context_of
        self.counts = counts  # which reads count, by node and name (None: all of them)
        # The code of what the construct's own loop goes over: a later loop over the
        # same runs no time only if the construct's ran none (and bound nothing).
        self.loops = loops
        self.loop_depth = 0  # for loops around the statement walked now
        self.found: dict[str, cst.CSTNode] = {}  # name -> the node that reads it
        self.scopes: dict[cst.CSTNode, frozenset[str]] = {}  # def/lambda -> free names
        self.callers: dict[str, cst.CSTNode] = {}  # name -> the def/lambda/class reading it

    # -- statements ---------------------------------------------------------------

    def block(self, statements: Sequence[cst.CSTNode], live: Live) -> Live:
        for statement in statements:
            if not live:
                break
            live = self.statement(statement, live)
        return live

    def suite(self, suite: cst.BaseSuite | None, live: Live) -> Live:
        if suite is None:
            return live
        return self.block(suite.body, live)

    def statement(self, node: cst.CSTNode, live: Live) -> Live:
        if isinstance(node, cst.SimpleStatementLine):
            return self.block(node.body, live)
        if isinstance(node, cst.If):
            self.reads(node.test, live)
            taken = self.suite(node.body, live)
            if isinstance(node.orelse, cst.If):
                other = self.statement(node.orelse, live)
            elif isinstance(node.orelse, cst.Else):
                other = self.suite(node.orelse.body, live)
            else:
                other = live
            return taken | other
        if isinstance(node, cst.For):
            self.reads(node.iter, live)
            self.loop_depth += 1
            try:
                after = self.suite(node.body, live - set(target_names(node.target)))
            finally:
                self.loop_depth -= 1
            if self.loop_depth:
                pass  # (a loop in a loop's body: a nest's inner ranges, ``range(i)``,
                # are empty for some outer items only; taken to run)
            elif not _runs_once(node.iter) and _code(node.iter) not in self.loops:
                # It may run no time (``for t in range(m)``, m = 0): then python's
                # value from the construct is still there, and omppy's is stale.
                after = after | live
            return self.suite(node.orelse.body, after) if node.orelse else after
        if isinstance(node, cst.While):
            self.reads(node.test, live)
            self.suite(node.body, live)
            if node.orelse is not None:
                self.suite(node.orelse.body, live)
            return live
        if isinstance(node, (cst.Try, cst.TryStar)):
            after = self.suite(node.body, live)
            for handler in node.handlers:
                if handler.type is not None:
                    self.reads(handler.type, live)
                bound = set(target_names(handler.name.name)) if handler.name else set()
                self.suite(handler.body, live - bound)
            if node.orelse is not None:
                self.suite(node.orelse.body, after)
            if node.finalbody is not None:
                self.suite(node.finalbody.body, live)
            return live
        if isinstance(node, cst.With):
            for item in node.items:
                self.reads(item.item, live)
                if item.asname is not None:
                    live = live - set(target_names(item.asname.name))
            return self.suite(node.body, live)
        if isinstance(node, (cst.FunctionDef, cst.ClassDef)):
            self.reads(node, live)
            return live - {node.name.value}
        return self._small(node, live)

    def _small(self, node: cst.CSTNode, live: Live) -> Live:
        if isinstance(node, cst.Assign):
            self.reads(node.value, live)
            for target in node.targets:
                live = self._target(target.target, live)
            return live
        if isinstance(node, cst.AnnAssign):
            if node.value is None:
                return live
            self.reads(node.value, live)
            return self._target(node.target, live)
        if isinstance(node, (cst.Import, cst.ImportFrom)):
            if isinstance(node.names, cst.ImportStar):
                return live
            bound = set()
            for alias in node.names:
                if alias.asname is not None:
                    bound.update(target_names(alias.asname.name))
                else:
                    name = import_binding(alias)
                    if name is not None:
                        bound.add(name)
            return live - bound
        if isinstance(node, (cst.Global, cst.Nonlocal, cst.Pass, cst.Break, cst.Continue)):
            return live
        updated = node.target if isinstance(node, cst.AugAssign) else None
        if isinstance(updated, cst.Name) and updated.value in live:
            self.note(updated)  # (an update's target is a store to libcst)
        # ``x += 1``, ``del x``, ``return x``, an expression, a ``match``...: any
        # use of the name reads what it holds (``del x`` included: python's ``x``
        # may exist where omppy's does not).
        self.reads(node, live, deleting=True)
        return live

    def _target(self, target: cst.BaseExpression, live: Live) -> Live:
        """An assignment's target: a plain name ends the search for it; an item or
        attribute store reads its object (``x[0] = 1`` reads ``x``)."""
        if isinstance(target, cst.Name):
            return live - {target.value}
        if isinstance(target, (cst.Tuple, cst.List)):
            for element in target.elements:
                live = self._target(element.value, live)
            return live
        if isinstance(target, cst.StarredElement):
            return self._target(target.value, live)
        self.reads(target, live)
        return live

    # -- expressions --------------------------------------------------------------

    def reads(self, node: cst.CSTNode, live: Live, deleting: bool = False) -> None:
        """Note every live name ``node`` reads, those nested scopes in it read too."""
        if live:
            walk(node, _Reads(self, live, _DELETING if deleting else _LOADING))

    def note(self, name: cst.Name) -> None:
        """``name`` reads a live name: the first such read (that counts) is kept."""
        value = name.value
        if value not in self.found and (self.counts is None or self.counts(name, value)):
            self.found[name.value] = name

    def nested(self, node: cst.CSTNode, live: Live) -> None:
        """A def, class, lambda or comprehension: the live names it reads freely."""
        free = self.scopes.get(node)
        if free is None:
            free = self.scopes[node] = frozenset(free_names(node, self.context_of))
        for name in sorted(free & live):
            if name not in self.found and (self.counts is None or self.counts(node, name)):
                self.found[name] = first_load(node, name, self.context_of) or node
                if not isinstance(node, _COMPREHENSIONS):
                    self.callers[name] = node


_LOADING = (ExpressionContext.LOAD,)
_DELETING = (ExpressionContext.LOAD, ExpressionContext.DEL)
_SCOPES = (cst.FunctionDef, cst.ClassDef, cst.Lambda, *_COMPREHENSIONS)


class _Reads(cst.CSTVisitor):
    """:meth:`_Flow.reads`' walk of one statement or expression (one class, not one
    made per call: the flow reads every statement after a construct)."""

    def __init__(self, flow: _Flow, live: Live, wanted: tuple[ExpressionContext, ...]) -> None:
        super().__init__()
        self.flow, self.live, self.wanted = flow, live, wanted
        self.keywords: set[cst.CSTNode] = set()

    def visit_Arg(self, arg: cst.Arg) -> None:
        if arg.keyword is not None:
            self.keywords.add(arg.keyword)  # ``f(key=v)`` reads no ``key``

    def visit_Name(self, name: cst.Name) -> None:
        if (
            name.value in self.live
            and name not in self.keywords
            and self.flow.context_of(name) in self.wanted
        ):
            self.flow.note(name)

    def on_visit(self, node: cst.CSTNode) -> bool:
        if isinstance(node, _SCOPES):
            self.flow.nested(node, self.live)
            return False
        return super().on_visit(node)


def first_load(node: cst.CSTNode, name: str, context_of: ContextOf) -> cst.Name | None:
    """The first ``Name`` under ``node`` that reads ``name`` (for the error's place)."""
    found: list[cst.Name] = []

    class First(cst.CSTVisitor):
        def visit_Name(self, candidate: cst.Name) -> None:
            if (
                not found
                and candidate.value == name
                and context_of(candidate) is (ExpressionContext.LOAD)
            ):
                found.append(candidate)

    walk(node, First())
    return found[0] if found else None


def reads_after(
    statements: Sequence[cst.BaseStatement],
    names: Iterable[str],
    parents: Mapping[cst.CSTNode, cst.CSTNode],
    context_of: ContextOf,
    scope: cst.CSTNode,
    counts: Counts | None = None,
) -> tuple[dict[str, cst.CSTNode], dict[str, cst.CSTNode]]:
    """The first read of each of ``names`` that may run after ``statements`` (one
    construct, in that order, in one block) in ``scope``, its function or module;
    and every function, lambda or class of the scope, outside the construct, that
    reads one freely (it may be called after the construct).  Also, for a name
    found in a def, lambda or class, that def, lambda or class.  ``counts``: which
    reads count, given the reading node and the name (a read it refuses is passed
    over)."""
    live = frozenset(names)
    if not live or not statements:
        return {}, {}
    last = statements[-1]
    loops = frozenset({_code(last.iter)}) if isinstance(last, cst.For) else frozenset()
    flow = _Flow(context_of, counts, loops)
    inside: set[cst.CSTNode] = set(statements)
    _defined_outside(flow, scope, inside, live)
    node: cst.CSTNode = statements[-1]
    while live:
        block = parents.get(node)
        if block is None:
            break
        if isinstance(block, (cst.Module, cst.IndentedBlock, cst.SimpleStatementSuite)):
            body = list(block.body)
            index = body.index(node)
            live = flow.block(body[index + 1 :], live)
            owner = parents.get(block) if not isinstance(block, cst.Module) else None
            if owner is None or owner is scope:
                break
            if isinstance(owner, (cst.For, cst.While)) and owner.body is block:
                # The loop runs again: its test or target, then its body up to
                # here (the construct itself included: it may read the name first).
                if isinstance(owner, cst.While):
                    flow.reads(owner.test, live)
                    again = live
                else:
                    again = live - set(target_names(owner.target))
                flow.block(body[: index + 1], again)
                if owner.orelse is not None:
                    live = flow.suite(owner.orelse.body, live)
            elif isinstance(owner, (cst.Try, cst.TryStar)) and owner.body is block:
                if owner.orelse is not None:
                    live = flow.suite(owner.orelse.body, live)
                if owner.finalbody is not None:
                    live = flow.suite(owner.finalbody.body, live)
            node = owner
            continue
        if isinstance(block, (cst.ExceptHandler, cst.ExceptStarHandler)):
            try_node = parents.get(block)
            if isinstance(try_node, (cst.Try, cst.TryStar)) and try_node.finalbody is not None:
                live = flow.suite(try_node.finalbody.body, live)
            node = try_node if try_node is not None else block
            continue
        node = block  # an Else, a Finally, an If's ``elif``: up to the statement
    return flow.found, flow.callers


def _defined_outside(
    flow: _Flow, scope: cst.CSTNode, inside: set[cst.CSTNode], live: Live
) -> None:
    """Every def, class and lambda of ``scope`` outside the construct that reads a
    live name freely: calling it after the construct (or in it) reads that name
    where omppy's value is not python's."""
    nested: list[cst.CSTNode] = []

    class Defs(cst.CSTVisitor):
        def on_visit(self, node: cst.CSTNode) -> bool:
            if node in inside:
                return False
            if isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.Lambda)) and node is not scope:
                nested.append(node)
                return False
            return True

    walk(scope, Defs())
    for node in nested:
        flow.nested(node, live)


# What the master (or each thread) holds after the construct, and what python holds.
_VALUES = {
    "parallel region": ("its value from before the region", "the region's"),
    "loop": ("the value of the last iteration that thread ran", "the last iteration's"),
    "task": ("its value from before the task", "the task's"),
    "taskloop": ("its value from before the taskloop", "the last iteration's"),
    "sections construct": (
        "the value of the last section that thread ran",
        "the last section's",
    ),
}


def refuse(
    construct_kind: str,
    where: tuple[int, int],
    bound_at: Mapping[str, tuple[int, int]],
    found: Mapping[str, cst.CSTNode],
    callers: Mapping[str, cst.CSTNode],
    position_of: Callable[[cst.CSTNode], tuple[int, int]],
    *,
    hint: Callable[[str], str],
    filename: str,
    partials: AbstractSet[str] = frozenset(),
    copies: AbstractSet[str] = frozenset(),
) -> None:
    """Raise the error for the first read (in source order) that :func:`reads_after`
    found.  ``construct_kind``: a key of ``_VALUES``; ``where``: its pragma's
    line and column; ``bound_at``: where the construct binds each name."""
    if not found:
        return
    name = min(found, key=lambda n: position_of(found[n]))
    line, col = position_of(found[name])
    bound_line = bound_at.get(name, where)[0]
    whose = "for itself" if construct_kind == "task" else "for each thread"
    # (a firstprivate object the construct only changes in place is not bound in it)
    owner = "its" if construct_kind == "task" else "each thread's"
    binds, binds_it = (
        (f"binds (line {bound_line}) {whose}", f"binds it (line {bound_line}) {whose}")
        if name in bound_at
        else (f"changes {owner} own copy", f"changes {owner} own copy of it")
    )
    kept, python = _VALUES[construct_kind]
    if name in copies:  # (the construct's own private copy, dropped after it)
        kept = f"its value from before the {construct_kind}"
    caller = callers.get(name)
    if caller is not None:
        what = (
            f"function '{caller.name.value}'"
            if isinstance(caller, cst.FunctionDef)
            else f"class '{caller.name.value}'"
            if isinstance(caller, cst.ClassDef)
            else "this lambda"
        )
        message = (
            f"{what} reads '{name}', which the {construct_kind} at line {where[0]} {binds}: "
            f"the function sees {kept}, where python's run sees {python} value"
        )
        advice = (
            f"pass the value to the function as an argument, or give the {construct_kind}'s "
            f"'{name}' another name"
        )
    elif name in partials:
        message = (
            f"'{name}' is read by one thread after the {construct_kind} at line {where[0]}, "
            f"which accumulates it in each thread (line {bound_line}): here it holds that "
            f"thread's part, where python's run holds the whole {construct_kind}'s"
        )
        advice = (
            f"combine the parts first: make '{name}' a 'reduction' of the {construct_kind}, "
            f"or add each thread's part to a shared total under '# omp critical' and read that"
        )
    else:
        message = (
            f"'{name}' is read after the {construct_kind} at line {where[0]}, which {binds_it}: "
            f"here it holds {kept}, where python's run holds {python} value"
        )
        advice = hint(name)
    raise PragmaError(message, line=line, col=col, hint=advice, filename=filename)


def _runs_once(iterable: cst.BaseExpression) -> bool:
    """Whether a ``for`` loop over ``iterable`` surely runs its body: a literal list,
    tuple, set or string that is not empty, or ``range`` of positive int literals."""
    if isinstance(iterable, (cst.List, cst.Tuple, cst.Set)):
        return any(isinstance(e, cst.Element) for e in iterable.elements)
    if isinstance(iterable, cst.SimpleString):
        return len(iterable.evaluated_value) > 0
    if (
        isinstance(iterable, cst.Call)
        and isinstance(iterable.func, cst.Name)
        and iterable.func.value == "range"
        and all(a.keyword is None and a.star == "" for a in iterable.args)
    ):
        bounds = [_literal_int(a.value) for a in iterable.args]
        if None in bounds or not 1 <= len(bounds) <= 3:
            return False
        try:
            return len(range(*bounds)) > 0  # type: ignore[arg-type]
        except ValueError:  # (a step of 0)
            return False
    return False


def _literal_int(node: cst.BaseExpression) -> int | None:
    if isinstance(node, cst.Integer):
        return int(node.value.replace("_", ""), 0)
    if isinstance(node, cst.UnaryOperation) and isinstance(node.operator, cst.Minus):
        inner = _literal_int(node.expression)
        return None if inner is None else -inner
    return None


def _code(node: cst.CSTNode) -> str:
    return cst.Module(body=[]).code_for_node(node)
