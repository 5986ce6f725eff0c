"""Noted twins of the functions that synchronisation blocks call.

One idea: a function a block may call that touches dict keys gets a copy with key
notes beside it, and the block calls the copy.

A block's key notes (``key_notes.py``) follow the statements written in the block.
A C programmer puts the ``critical`` around the call instead, ``tot += lookup(k)``,
and the helper fills a memo dict, ``if k not in memo: memo[k] = k * k``: the keys it
touches, in order, are as much the block's as its own statements' (a key set again
to the same object, or only tested, changes nothing a diff sees: docs/data-sharing.md,
"Dict insertion order").

So each function that a block may call and that touches a key (or calls such a
function) gets a twin: the same ``def`` with the notes, named ``_omp_twin_<name>``,
defined right after it in its own scope and registered there,
``_omp.twin_of(lookup, _omp_twin_lookup)``, which notes the twin on the function (the
twin takes the function's default values, the very objects: its own defaults are
``None``, never evaluated).  The block calls ``_omp.twin(f)(x)`` for every call that
may reach one: the twin while ``f`` is the function it was made for (a method bound
as it was, an object's ``__call__``), ``f`` otherwise.  A block may call a function
by its name, as a method, as a decorator's wrapper (a def its function returns), as
``__call__``, through another name (``HANDLERS[k](x)``, ``lookup = cache.get``), or
hand it on (``map(mark, words)``): all are followed.  Twinned: plain functions (of
the module or nested), methods (``staticmethod`` and ``classmethod`` too) and
lambdas the module names; not a function a library decorates, one with a pragma
inside (its own blocks have their notes), or one of another module.  A block whose
order depends on what those set is an error where omppy can tell
(coherence.py, ``_check_known_order``), a documented gap otherwise.

:class:`Plan` also says what each twin touches (a presence test in a block that
calls a twin touching the same dict is a test: key_notes.py, ``_as_tests``).
"""

from __future__ import annotations

import builtins
from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

import libcst as cst

from . import key_notes
from .model import Lines
from .pragma import SYNC_DIRECTIVES
from .walk import KeepsLines, OwnScope, children, owned_suites, walk

TWIN_PREFIX = "_omp_twin_"


@dataclass(frozen=True)
class Twin:
    """A function that gets a twin: how blocks call it (``lookup``, or ``.add`` for a
    method) and its ``def`` (for ``put = lambda k: d.__setitem__(k, 1)``, one made
    of the lambda: ``def put(k): return d.__setitem__(k, 1)``)."""

    callee: str
    definition: cst.FunctionDef


class Plan(dict[cst.BaseStatement, Twin]):
    """:func:`plan`'s twins, and ``direct``: the names a block calls that are a plain
    function without a twin or a class (called as they are; any other name a block
    calls, not a builtin, may hold a twinned wrapper or object: through
    ``_omp.twin``)."""

    direct: frozenset[str] = frozenset()
    # how each twinned function is called -> the containers it touches, through the
    # twins it calls too (key_notes._as_tests: a presence test whose block calls one
    # that touches the same dict)
    touches: Mapping[str, frozenset[str]] = MappingProxyType({})


def plan(
    module: cst.Module,
    blocks: Iterable[Sequence[cst.BaseStatement]],
    pragma_lines: Iterable[int],
    span: Callable[[cst.CSTNode], tuple[int, int, int, int]],
    properties: Callable[[], frozenset[str]],
) -> Plan:
    """The functions that get a twin, by the statement that defines them: plain
    functions (of the module's body or nested in a function), lambdas the code names,
    and plain methods of classes, that ``blocks`` (the synchronisation blocks'
    statements) call (by name; a method by its name on anything), directly or through
    other such functions, and that touch a key or call a twin."""
    statements = [s for block in blocks for s in block]
    calls_of: dict[cst.FunctionDef, set[str]] = {}

    def callees(definition: cst.FunctionDef) -> set[str]:
        found = calls_of.get(definition)
        if found is None:
            found = calls_of[definition] = _called(children(definition.body))
        return found

    called = _called(statements)
    passed = _passed(statements)
    if not called and not passed:
        return Plan()
    pragmas = sorted(set(pragma_lines))
    plain: dict[str, list[tuple[cst.BaseStatement, cst.FunctionDef]]] = {}
    nested: list[tuple[str, cst.FunctionDef]] = []  # (callee, the function it is in)
    direct: set[str] = set()
    for statement, in_class, enclosing in _definitions(module.body, False, None):
        if isinstance(statement, cst.ClassDef):
            direct.add(statement.name.value)
        if isinstance(statement, cst.FunctionDef):
            name = statement.name.value
            if not in_class and not statement.decorators:
                direct.add(name)
            if in_class and _mangled(name):
                continue
            if _plain(statement):
                callee = "." + name if in_class else name
                plain.setdefault(callee, []).append((statement, statement))
                if enclosing is not None:
                    nested.append((callee, enclosing))
        elif not in_class and isinstance(statement, cst.SimpleStatementLine):
            made = _lambda_def(statement)
            if made is not None:
                plain.setdefault(made.name.value, []).append((statement, made))
    found = called | passed
    if passed & plain.keys() or _calls_indirectly(statements, direct):
        # what a block may reach under another name: a decorator's wrapper (a def
        # its function returns), an object's ``__call__``, a function held in a
        # container or bound to another name (a walk of the whole module: only then)
        found |= {".__call__", *(c for c, within in nested if _returns(within, c))}
        found |= _aliased(module)
    found &= plain.keys()
    if not found:
        return Plan()
    reached: set[str] = set()
    pending = list(found)
    while pending:
        name = pending.pop()
        if name in reached:
            continue
        reached.add(name)
        # (one with a pragma inside has no twin, its own blocks have notes: found for
        # the functions reached only, as positions cost)
        plain[name] = [(s, d) for s, d in plain[name] if not _holds_pragma(s, pragmas, span)]
        for _, definition in plain[name]:
            pending.extend(n for n in callees(definition) if n in plain)
    known = properties()  # (a walk of the module's statements: once)
    chosen = {
        statement: Twin(name, definition)
        for name in reached
        for statement, definition in plain[name]
        if _touches_keys(definition, known)
    }
    while True:  # a function that calls a twin is twinned too (an override's super())
        twinned = {twin.callee for twin in chosen.values()}
        more = {
            statement: Twin(name, definition)
            for name in reached
            for statement, definition in plain[name]
            if statement not in chosen and callees(definition) & twinned
        }
        if not more:
            result = Plan(chosen)
            result.direct = frozenset(direct - twinned)
            result.touches = _containers(chosen, callees)
            return result
        chosen.update(more)


def sync_blocks(constructs: Iterable[Any]) -> list[list[cst.BaseStatement]]:
    """The statements of each synchronisation construct of ``constructs``."""
    return [
        c.statements() for c in constructs if c.pragma.directive in SYNC_DIRECTIVES
    ]


def statement_lines(
    twins: Mapping[cst.BaseStatement, Twin],
    span: Callable[[cst.CSTNode], tuple[int, int, int, int]],
) -> dict[cst.CSTNode, Lines]:
    """The user's lines of every statement of the twinned functions (a twin's
    statements stand for them: its tracebacks show the function's own lines; a
    lambda's, its line)."""
    found: dict[cst.CSTNode, Lines] = {}

    class Statements(cst.CSTVisitor):
        def __init__(self, lines: Lines | None = None) -> None:
            self.lines = lines

        def on_visit(self, node: cst.CSTNode) -> bool:
            if isinstance(node, cst.BaseStatement):
                if self.lines is None:
                    start, _, end, _ = span(node)
                    found[node] = (start, end)
                else:
                    found[node] = self.lines
            return not isinstance(node, cst.BaseExpression)

    for statement, twin in twins.items():
        walk(statement, Statements())
        if twin.definition is not statement:
            walk(twin.definition, Statements(found[statement]))
    return found


def with_twins(
    body: Sequence[cst.BaseStatement],
    twins: Plan,
    origin: MutableMapping[cst.CSTNode, Lines],
    properties: frozenset[str],
) -> list[cst.BaseStatement]:
    """``body`` (a module's, a function's or a class's) with each twinned function's
    twin, and the statement that registers it, right after it: in its own scope, so
    that the twin sees the same names (a nested helper's closure, a method's class)."""
    if not twins or not any(statement in twins for statement in body):
        return list(body)
    out: list[cst.BaseStatement] = []
    for statement in body:
        out.append(statement)
        if statement in twins:
            out += _twin(twins[statement].definition, twins, origin, properties)
    return out


def _definitions(
    body: Sequence[cst.BaseStatement], in_class: bool, enclosing: cst.FunctionDef | None
) -> Iterator[tuple[cst.BaseStatement, bool, cst.FunctionDef | None]]:
    """Each ``def`` and one-line statement in ``body`` and the blocks it holds,
    whether it is directly in a class (a method), and the function it is in."""
    for statement in body:
        if isinstance(statement, cst.SimpleStatementLine):
            yield statement, in_class, enclosing
            continue
        inside = enclosing
        if isinstance(statement, cst.FunctionDef):
            yield statement, in_class, enclosing
            inside = statement
        elif isinstance(statement, cst.ClassDef):
            yield statement, in_class, enclosing
            inside = None
        inner = isinstance(statement, cst.ClassDef) or (
            in_class and not isinstance(statement, cst.FunctionDef)
        )
        for suite in owned_suites(statement):
            if isinstance(suite, cst.IndentedBlock):
                yield from _definitions(suite.body, inner, inside)


def _returns(function: cst.FunctionDef, name: str) -> bool:
    """Whether ``function`` returns the name ``name`` (a decorator its wrapper)."""
    found: list[bool] = []

    class Returns(OwnScope, cst.CSTVisitor):
        def visit_Return(self, node: cst.Return) -> None:
            if isinstance(node.value, cst.Name) and node.value.value == name:
                found.append(True)

    visitor = Returns()
    visitor.root = function
    walk(function, visitor)
    return bool(found)


def _containers(
    chosen: Mapping[cst.BaseStatement, Twin], callees: Callable[[cst.FunctionDef], set[str]]
) -> dict[str, frozenset[str]]:
    """:attr:`Plan.touches`: each callee's containers, then those of what it calls."""
    own: dict[str, set[str]] = {}
    calls: dict[str, set[str]] = {}
    for twin in chosen.values():
        body = _statements(twin.definition)
        own.setdefault(twin.callee, set()).update(key_notes.touched_containers(body))
        calls.setdefault(twin.callee, set()).update(callees(twin.definition))
    changed = True
    while changed:
        changed = False
        for callee, called in calls.items():
            for other in called & own.keys():
                if not own[other] <= own[callee]:
                    own[callee] |= own[other]
                    changed = True
    return {callee: frozenset(found) for callee, found in own.items()}


def _calls_indirectly(statements: list[cst.BaseStatement], direct: set[str]) -> bool:
    """Whether the blocks call something that may hold a twinned function under
    another name: a name that is neither a plain function, a class nor a builtin (a
    decorated function, an alias, an object), or an item (``HANDLERS[k](x)``)."""
    found: list[bool] = []

    class Indirect(OwnScope, cst.CSTVisitor):
        def visit_Call(self, node: cst.Call) -> None:
            func = node.func
            if isinstance(func, cst.Name):
                if func.value not in direct and func.value not in _BUILTINS:
                    found.append(True)
            elif isinstance(func, cst.Subscript):
                found.append(True)

    for statement in statements:
        walk(statement, Indirect())
        if found:
            return True
    return False


def _aliased(module: cst.Module) -> set[str]:
    """What the module holds under another name, which a block may call through it:
    a function put in a container or bound to a name (``H = {"m": mark}``, ``f =
    mark``), a method bound to a name (``lookup = cache.get_or_make``: ``.get_or_make``)."""
    found: set[str] = set()

    def note(value: cst.BaseExpression) -> None:
        if isinstance(value, cst.Name):
            found.add(value.value)
        elif isinstance(value, cst.Attribute):
            found.add("." + value.attr.value)

    class Aliases(cst.CSTVisitor):
        def visit_Assign(self, node: cst.Assign) -> None:
            note(node.value)

        def visit_Element(self, node: cst.Element) -> None:
            note(node.value)

        def visit_DictElement(self, node: cst.DictElement) -> None:
            note(node.value)

    walk(module, Aliases())
    return found


def _passed(nodes: Iterable[cst.CSTNode]) -> set[str]:
    """The names handed to a call as values (``map(mark, words)``, ``key=mark``)."""
    found: set[str] = set()

    class Passed(OwnScope, cst.CSTVisitor):
        def visit_Arg(self, node: cst.Arg) -> None:
            if isinstance(node.value, cst.Name):
                found.add(node.value.value)

    for node in nodes:
        walk(node, Passed())
    return found


def calls(
    body: list[cst.BaseStatement],
    names: frozenset[str],
    origin: MutableMapping[cst.CSTNode, Any],
    direct: frozenset[str] = frozenset(),
) -> list[cst.BaseStatement]:
    """``body`` with each call that may reach a twin made through ``_omp.twin``:
    ``lookup(k)`` as ``_omp.twin(lookup)(k)``, a name that may hold a twinned
    wrapper or object (not ``direct``, not a builtin: a decorated function, an alias,
    ``HANDLERS[k](x)``), and a twinned function handed on as a value
    (``map(_omp.twin(mark), words)``)."""
    if not names:
        return body
    through = _Through(names, origin, direct)
    return [statement.visit(through) for statement in body]  # type: ignore[misc]


def _twin(
    definition: cst.FunctionDef,
    twins: Plan,
    origin: MutableMapping[cst.CSTNode, Lines],
    properties: frozenset[str],
) -> tuple[cst.BaseStatement, cst.BaseStatement]:
    """The twin of a function, and the statement that registers it."""
    name = definition.name.value
    body = calls(_statements(definition), frozenset(twins.touches), origin, twins.direct)
    body = key_notes.add(body, origin, properties, twins.touches)
    params = definition.params.visit(_Unannotated())
    twin = definition.with_changes(
        name=cst.Name(TWIN_PREFIX + name),
        params=params,
        returns=None,
        body=cst.IndentedBlock(body=body),
        leading_lines=[],
    )
    register = cst.parse_statement(f"_omp.twin_of({name}, {TWIN_PREFIX}{name})\n")
    lines = origin.get(definition)
    if lines is not None:
        origin[twin] = (lines[0], lines[0])
        origin[register] = (lines[0], lines[0])
    return twin, register


class _Unannotated(cst.CSTTransformer):
    """A twin's parameters: no annotations, and ``None`` for each default (the twin
    takes the function's own, ``_omp.twin_of``)."""

    def leave_Param(self, original_node: cst.Param, updated_node: cst.Param) -> cst.Param:
        if updated_node.default is None:
            return updated_node.with_changes(annotation=None)
        tight = cst.AssignEqual(
            whitespace_before=cst.SimpleWhitespace(""), whitespace_after=cst.SimpleWhitespace("")
        )
        return updated_node.with_changes(annotation=None, default=cst.Name("None"), equal=tight)


class _Through(OwnScope, KeepsLines):
    def __init__(
        self,
        names: frozenset[str],
        origin: MutableMapping[cst.CSTNode, Any],
        direct: frozenset[str],
    ) -> None:
        super().__init__(origin)
        self.names = names
        self.direct = direct

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.Call:
        func = updated_node.func
        args = [
            arg.with_changes(value=_through(arg.value))
            if isinstance(arg.value, cst.Name) and arg.value.value in self.names
            else arg
            for arg in updated_node.args
        ]
        if _ours(func) or not self._may_reach(func):
            return updated_node.with_changes(args=args)
        return updated_node.with_changes(func=_through(func), args=args)

    def _may_reach(self, func: cst.BaseExpression) -> bool:
        callee = _callee(func)
        if callee in self.names:
            return True
        if isinstance(func, cst.Name):
            return func.value not in self.direct and func.value not in _BUILTINS
        return isinstance(func, cst.Subscript)


_BUILTINS = frozenset(dir(builtins))


def _through(func: cst.BaseExpression) -> cst.Call:
    return cst.Call(
        func=cst.Attribute(value=cst.Name("_omp"), attr=cst.Name("twin")), args=[cst.Arg(func)]
    )


def _ours(func: cst.BaseExpression) -> bool:
    """``_omp.keyed``, ``_omp.twin(f)``, ``_omp_t.critical``: the generated code's."""
    while isinstance(func, (cst.Attribute, cst.Call, cst.Subscript)):
        func = func.func if isinstance(func, cst.Call) else func.value
    return isinstance(func, cst.Name) and func.value.startswith("_omp")


def _plain(definition: cst.FunctionDef) -> bool:
    """A function a twin can stand for: no decorator (but ``staticmethod`` and
    ``classmethod``, which the twin wears too), not ``async``, not omppy's own."""
    if definition.asynchronous is not None or not all(
        isinstance(d.decorator, cst.Name) and d.decorator.value in _KEPT_DECORATORS
        for d in definition.decorators
    ):
        return False
    return not definition.name.value.startswith("_omp")


def _holds_pragma(
    statement: cst.BaseStatement,
    pragmas: Sequence[int],
    span: Callable[[cst.CSTNode], tuple[int, int, int, int]],
) -> bool:
    start, _, end, _ = span(statement)
    return any(start <= line <= end for line in pragmas)


def _lambda_def(statement: cst.SimpleStatementLine) -> cst.FunctionDef | None:
    """``put = lambda k: d.__setitem__(k, 1)`` as ``def put(k): return ...``."""
    if len(statement.body) != 1 or not isinstance(statement.body[0], cst.Assign):
        return None
    assign = statement.body[0]
    target = assign.targets[0].target if len(assign.targets) == 1 else None
    if not (isinstance(target, cst.Name) and isinstance(assign.value, cst.Lambda)):
        return None
    made = cst.SimpleStatementLine(body=[cst.Return(value=assign.value.body)])
    return cst.FunctionDef(
        name=target, params=assign.value.params, body=cst.IndentedBlock(body=[made])
    )


_KEPT_DECORATORS = frozenset({"staticmethod", "classmethod"})


def _mangled(name: str) -> bool:
    """``__name`` in a class is ``_Class__name`` (the twin's registration is outside)."""
    return name.startswith("__") and not name.endswith("__")


def _callee(func: cst.BaseExpression) -> str | None:
    """How a call names what it calls: ``lookup``, ``.add`` (a method), or None."""
    if isinstance(func, cst.Name):
        return func.value
    if isinstance(func, cst.Attribute):
        return "." + func.attr.value
    return None


def _called(nodes: Iterable[cst.CSTNode]) -> set[str]:
    """What is called in ``nodes`` (:func:`_callee`), nested defs and classes aside."""
    found: set[str] = set()

    class Calls(OwnScope, cst.CSTVisitor):
        def visit_Call(self, node: cst.Call) -> None:
            callee = _callee(node.func)
            if callee is not None:
                found.add(callee)

    for node in nodes:
        walk(node, Calls())
    return found


def _touches_keys(definition: cst.FunctionDef, properties: frozenset[str]) -> bool:
    statements = _statements(definition)
    return key_notes.add(statements, {}, properties) is not statements


def _statements(definition: cst.FunctionDef) -> list[cst.BaseStatement]:
    """The function's statements (``def put(k): d[k] = 1``: its one line)."""
    body = definition.body
    if isinstance(body, cst.IndentedBlock):
        return list(body.body)
    return [cst.SimpleStatementLine(body=body.body)]  # type: ignore[arg-type]
