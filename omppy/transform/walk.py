"""Reading a libcst tree without rebuilding it: children, visits, parents.

libcst's ``node.visit(visitor)`` and ``node.children`` go through each node's
``_visit_and_replace_children``, which builds a new copy of every node it passes
(with type checks), even for a visitor that only reads.  On a 2,600-line module one
such walk costs about as much as parsing the module, and the translator walked it a
dozen times (issue 21).  Here the same walks only read:

- :func:`children` gives a node's children in libcst's order (the order of
  ``node.children``, which is the order of the source), read straight from the
  node's fields.  The fields and their order come from the node class's own
  ``_visit_and_replace_children`` (its ``visit_*(self, "field", ...)`` calls, read
  once per class from its source); a class whose source cannot be read falls back
  to ``node.children``.
- :func:`walk` runs a read-only ``cst.CSTVisitor`` (``visit_X``/``leave_X``, a
  ``False`` from ``visit_X`` skips the children) exactly as ``node.visit`` would.
- :func:`parents` is ``ParentNodeProvider``'s map, built by one walk.
- :class:`OwnScope` is the visitors' way to stay out of nested defs, classes and
  lambdas.
- :func:`owned_suites` gives the suites a compound statement owns (body, else,
  handlers...), without searching its expressions.

tests/test_walk.py checks :func:`children` against ``node.children`` on every node
of the test programs.
"""

from __future__ import annotations

import ast
import linecache
import textwrap
import weakref
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, cast

import libcst as cst

# Node class -> the names of its fields that hold children, in visiting order; None:
# read ``node.children`` instead.
_FIELDS: dict[type, tuple[str, ...] | None] = {}
_SEQUENCES = (tuple, list)
_NODE_TYPES: dict[type, bool] = {}  # class of a field's value -> is it a CSTNode
# Node -> its children, while :func:`remembering`.
_remembered: dict[cst.CSTNode, Sequence[cst.CSTNode]] | None = None
_Handlers = tuple[Callable[..., Any] | None, Callable[..., Any] | None]
# Visitor class -> node class -> its visit_X and leave_X methods (unbound), or None.
# Weak: many visitors are classes made afresh by each call of a function.
_HANDLERS: weakref.WeakKeyDictionary[type, dict[type, _Handlers]] = weakref.WeakKeyDictionary()


def _visited_fields(kind: type) -> tuple[str, ...] | None:
    """The fields ``kind._visit_and_replace_children`` visits, in the order it does."""
    try:
        tree = ast.parse(_source_of(cast(Any, kind)._visit_and_replace_children))
    except (AttributeError, SyntaxError, ValueError):
        return None
    calls = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id.startswith("visit_")
        and len(node.args) >= 2
        and isinstance(node.args[1], ast.Constant)
        and isinstance(node.args[1].value, str)
    ]
    calls.sort(key=lambda call: (call.lineno, call.col_offset))
    fields = tuple(dict.fromkeys(call.args[1].value for call in calls))  # type: ignore[attr-defined]
    return fields if all(hasattr(kind, name) for name in fields) else None


def _source_of(function: Any) -> str:
    """The source of a method, read by its indentation (``inspect.getsource``
    tokenizes, which costs more than all the walks it saves on a small module)."""
    code = function.__code__
    lines = linecache.getlines(code.co_filename)
    first = code.co_firstlineno - 1
    if not lines or first >= len(lines):
        raise ValueError("no source")
    indent = len(lines[first]) - len(lines[first].lstrip())
    end = first
    while end < len(lines) and not lines[end].split("#")[0].rstrip().endswith(":"):
        end += 1  # the rest of the signature
    end += 1
    while end < len(lines):
        line = lines[end]
        if line.strip() and len(line) - len(line.lstrip()) <= indent:
            break
        end += 1
    return textwrap.dedent("".join(lines[first:end]))


def children(node: cst.CSTNode) -> Sequence[cst.CSTNode]:
    """``node.children``, without building a copy of ``node``."""
    if _remembered is not None:
        try:
            return _remembered[node]
        except KeyError:
            found = _remembered[node] = _children(node)
            return found
    return _children(node)


def _children(node: cst.CSTNode) -> Sequence[cst.CSTNode]:
    kind = type(node)
    try:
        fields = _FIELDS[kind]
    except KeyError:
        fields = _FIELDS[kind] = _visited_fields(kind)
    if fields is None:
        return tuple(node.children)
    found: list[cst.CSTNode] = []
    for name in fields:
        value = getattr(node, name)
        if type(value) in _SEQUENCES:
            found.extend(value)
        elif _is_node(type(value)):
            found.append(value)
    return tuple(found)


def _is_node(kind: type) -> bool:
    try:
        return _NODE_TYPES[kind]
    except KeyError:
        found = _NODE_TYPES[kind] = issubclass(kind, cst.CSTNode)
        return found


@contextmanager
def remembering() -> Iterator[None]:
    """Within: each node's children are worked out once (the translator walks the
    same tree several times; the nodes are kept alive until the block ends)."""
    global _remembered
    saved = _remembered
    if saved is None:
        _remembered = {}
    try:
        yield
    finally:
        _remembered = saved


def _handlers(visitor_class: type) -> dict[type, _Handlers]:
    try:
        return _HANDLERS[visitor_class]
    except KeyError:
        found = _HANDLERS[visitor_class] = {}
        return found


def _handler_pair(visitor_class: type, kind: type) -> _Handlers:
    name = kind.__name__
    return (
        getattr(visitor_class, f"visit_{name}", None),
        getattr(visitor_class, f"leave_{name}", None),
    )


def walk(node: cst.CSTNode, visitor: cst.CSTVisitor) -> None:
    """``node.visit(visitor)`` for a visitor that only reads, without rebuilding.

    The visitor's own ``on_visit``/``on_leave`` are honoured when it overrides them;
    otherwise its ``visit_X``/``leave_X`` methods are called directly.
    """
    kind = type(visitor)
    if kind.on_visit is cst.CSTVisitor.on_visit and kind.on_leave is cst.CSTVisitor.on_leave:
        _walk_plain(node, visitor, _handlers(kind))
    else:
        _walk_hooked(node, visitor)


def _walk_plain(
    node: cst.CSTNode, visitor: cst.CSTVisitor, handlers: dict[type, _Handlers]
) -> None:
    kind = type(node)
    try:
        enter, leave = handlers[kind]
    except KeyError:
        enter, leave = handlers[kind] = _handler_pair(type(visitor), kind)
    if enter is None or enter(visitor, node) is not False:
        for child in children(node):
            _walk_plain(child, visitor, handlers)
    if leave is not None:
        leave(visitor, node)


def _walk_hooked(node: cst.CSTNode, visitor: cst.CSTVisitor) -> None:
    if visitor.on_visit(node):
        for child in children(node):
            _walk_hooked(child, visitor)
    visitor.on_leave(node)


def walk_all(nodes: Iterable[cst.CSTNode], visitor: cst.CSTVisitor) -> None:
    for node in nodes:
        walk(node, visitor)


class KeepsLines(cst.CSTTransformer):
    """A transformer of emitted code whose rebuilt statements stand for the same user
    lines as the ones they replace (``origin``: the emitter's map)."""

    def __init__(self, origin: Any) -> None:
        super().__init__()
        self.origin = origin

    def on_leave(self, original_node: Any, updated_node: Any) -> Any:
        # libcst rebuilds every node it visits: the new one stands for the same lines.
        result = super().on_leave(original_node, updated_node)
        if (
            isinstance(result, cst.CSTNode)
            and result is not original_node
            and original_node in self.origin
        ):
            self.origin[result] = self.origin[original_node]
        return result


class OwnScope:
    """A visitor (or transformer) that does not go into nested scopes: it skips the
    defs, classes and lambdas it meets, but for ``root`` (a def whose own body it
    reads).  Put it first among the bases: ``class V(OwnScope, cst.CSTVisitor)``;
    a subclass that notes a def's name calls ``super().visit_FunctionDef(node)``."""

    root: cst.CSTNode | None = None

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        return node is self.root

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        return node is self.root

    def visit_Lambda(self, node: cst.Lambda) -> bool:
        return node is self.root


def parents(root: cst.CSTNode) -> dict[cst.CSTNode, cst.CSTNode]:
    """Each node under ``root`` -> its parent (``ParentNodeProvider``'s map)."""
    found: dict[cst.CSTNode, cst.CSTNode] = {}

    def visit(node: cst.CSTNode) -> None:
        below = children(node)
        for child in below:
            visit(child)
        # After the children, as libcst's provider does (on leaving the parent).
        for child in below:
            found[child] = node

    visit(root)
    return found


# Nodes that never hold a suite: a statement's expressions are not searched.
_NO_SUITES = (cst.BaseExpression, cst.BaseParenthesizableWhitespace, cst.EmptyLine)


def owned_suites(statement: cst.BaseStatement) -> list[cst.BaseSuite]:
    """The suites directly owned by a compound statement (body, else, handlers...)."""
    found: list[cst.BaseSuite] = []

    def descend(node: cst.CSTNode) -> None:
        for child in children(node):
            if isinstance(child, (cst.IndentedBlock, cst.SimpleStatementSuite)):
                found.append(child)
            elif isinstance(child, cst.If) and isinstance(node, cst.If):
                descend(child)  # an elif: its blocks belong to this statement too
            elif not isinstance(child, (cst.BaseStatement, *_NO_SUITES)):
                descend(child)

    descend(statement)
    return found


__all__ = ["children", "owned_suites", "parents", "remembering", "walk", "walk_all"]
