"""The names of a module as ``reach.py`` reads them, from its syntax alone.

One walk over the module (:class:`Scan`) counts how many times each name is bound
at the top level and finds the defs, classes, methods, generators, lambdas and
generator expressions, and the names used other than by calling them; with it, the
classes a call runs no hidden code for (:func:`plain_class`), the classes with a base
from outside the module (:func:`foreign_based`), and every name a region's statements
bind (:func:`bound_in`).  Pure functions over libcst nodes, with no OpenMP in them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import libcst as cst
from libcst.metadata import ExpressionContext

from .known_calls import BUILTINS
from .summaries import Summary
from .walk import walk


class Scan(cst.CSTVisitor):
    """One walk over the module for all :class:`~.reach.Reach` needs to know of it: how many
    times each name is bound at the top level (defs, classes, stores, imports, loops,
    ``del``...), the names some function declares ``global`` (which it may rebind),
    the top-level defs, the classes and their methods, the generators, the locals
    around each nested def, every outermost lambda and generator expression with the
    locals where it is, and the names used other than by calling them."""

    def __init__(
        self,
        defs: dict[cst.FunctionDef, tuple[Summary, set[str], bool]],
        contexts: Any,
        parents: dict[cst.CSTNode, cst.CSTNode],
    ) -> None:
        self.defs = defs
        self.contexts = contexts
        self.parents = parents
        self.star = False
        self.counts: dict[str, int] = {}
        self.declared: set[str] = set()
        self.top_level: list[cst.FunctionDef] = []
        self.classes: dict[str, cst.ClassDef] = {}  # a name defined twice: its last
        self.methods: list[cst.FunctionDef] = []
        self.generators: set[cst.FunctionDef] = set()
        self.outer_locals: dict[cst.FunctionDef, set[str]] = {}
        self.deferred: list[tuple[cst.CSTNode, set[str]]] = []
        self.values: set[str] = set()  # names loaded other than to be called
        self.attributes: set[str] = set()  # attributes read other than to be called
        # (kind, node, the locals of the functions around and in it)
        self.scopes: list[tuple[str, cst.CSTNode | None, set[str]]] = [("module", None, set())]
        self.inside_deferred = 0

    def _bind(self, names: Iterable[str]) -> None:
        if self.scopes[-1][0] == "module":
            for name in names:
                self.counts[name] = self.counts.get(name, 0) + 1

    def _called(self, node: cst.CSTNode) -> bool:
        parent = self.parents.get(node)
        return isinstance(parent, cst.Call) and parent.func is node

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        kind, _, around = self.scopes[-1]
        if kind == "module":
            self._bind([node.name.value])
            self.top_level.append(node)
        elif kind == "class":
            self.methods.append(node)
        self.outer_locals[node] = set(around)
        own = self.defs[node][1] if node in self.defs else set()
        self.scopes.append(("def", node, around | own))

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self.scopes.pop()

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self._bind([node.name.value])
        self.classes[node.name.value] = node
        self.scopes.append(("class", node, self.scopes[-1][2]))

    def leave_ClassDef(self, original_node: cst.ClassDef) -> None:
        self.scopes.pop()

    def visit_Lambda(self, node: cst.Lambda) -> None:
        self._deferred(node)
        self.scopes.append(("lambda", node, self.scopes[-1][2]))

    def leave_Lambda(self, original_node: cst.Lambda) -> None:
        self.scopes.pop()
        self.inside_deferred -= 1

    def visit_GeneratorExp(self, node: cst.GeneratorExp) -> None:
        self._deferred(node)

    def leave_GeneratorExp(self, original_node: cst.GeneratorExp) -> None:
        self.inside_deferred -= 1

    def _deferred(self, node: cst.CSTNode) -> None:
        if not self.inside_deferred:
            self.deferred.append((node, self.scopes[-1][2]))
        self.inside_deferred += 1

    def visit_Yield(self, node: cst.Yield) -> None:
        self._generator()

    def visit_Await(self, node: cst.Await) -> None:
        self._generator()

    def _generator(self) -> None:
        kind, function, _ = self.scopes[-1]
        if kind == "def" and isinstance(function, cst.FunctionDef):
            self.generators.add(function)

    def visit_ImportStar(self, node: cst.ImportStar) -> None:
        self.star = True

    def visit_Global(self, node: cst.Global) -> None:
        self.declared.update(item.name.value for item in node.names)

    def visit_Name(self, node: cst.Name) -> None:
        if self.contexts.get(node) == ExpressionContext.LOAD and not self._called(node):
            self.values.add(node.value)

    def visit_Attribute(self, node: cst.Attribute) -> None:
        if not self._called(node):
            self.attributes.add(node.attr.value)

    def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
        self._bind(_target_roots(node.target))

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        self._bind(_target_roots(node.target))

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self._bind(_target_roots(node.target))

    def visit_For(self, node: cst.For) -> None:
        self._bind(_target_roots(node.target))

    def visit_CompFor(self, node: cst.CompFor) -> None:
        self._bind(_target_roots(node.target))  # (its own scope: counted, to be safe)

    def visit_AsName(self, node: cst.AsName) -> None:
        self._bind(_target_roots(node.name))

    def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
        self._bind(_target_roots(node.target))

    def visit_Del(self, node: cst.Del) -> None:
        self._bind(_target_roots(node.target))

    def visit_ImportAlias(self, node: cst.ImportAlias) -> None:
        name: cst.BaseExpression = node.name
        while isinstance(name, cst.Attribute):
            name = name.value
        if node.asname is None and isinstance(name, cst.Name):
            self._bind([name.value])


def _target_roots(target: cst.BaseExpression) -> list[str]:
    """The names a target binds (``a``, ``a, (b, *c)``); none for ``a[i]``, ``a.x``."""
    if isinstance(target, cst.Name):
        return [target.value]
    if isinstance(target, (cst.Tuple, cst.List)):
        return [n for element in target.elements for n in _target_roots(element.value)]
    if isinstance(target, cst.StarredElement):
        return _target_roots(target.value)
    return []


def plain_class(node: cst.ClassDef) -> bool:
    """A class whose call runs only its own (and its bases') special methods: no
    metaclass or class keyword, no decorator but ``dataclass``."""
    if node.keywords:
        return False
    for decorator in node.decorators:
        expression = decorator.decorator
        if isinstance(expression, cst.Call):
            expression = expression.func
        if isinstance(expression, cst.Attribute):
            expression = expression.attr
        if not (isinstance(expression, cst.Name) and expression.value == "dataclass"):
            return False
    return True


def foreign_based(classes: dict[str, cst.ClassDef], bound: set[str]) -> set[str]:
    """The classes with a base from outside the module (not a builtin type), directly
    or through a class of the module: the base's code may call any of their
    methods."""
    foreign: set[str] = set()
    changed = True
    while changed:
        changed = False
        for name, node in classes.items():
            if name in foreign:
                continue
            for base in node.bases:
                value = base.value
                if isinstance(value, cst.Name) and value.value in classes:
                    if value.value in foreign:
                        foreign.add(name)
                        changed = True
                        break
                    continue
                if isinstance(value, cst.Name) and value.value in BUILTINS and (
                    value.value not in bound
                ):
                    continue
                foreign.add(name)
                changed = True
                break
    return foreign


def bound_in(nodes: Sequence[cst.CSTNode]) -> set[str]:
    """Every name the statements bind, in their nested scopes too (to be safe: a name
    bound anywhere in a region is not taken for the module's)."""
    bound: set[str] = set()

    class Binder(cst.CSTVisitor):
        def visit_Name(self, node: cst.Name) -> None:
            pass

        def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
            bound.update(_target_roots(node.target))

        def visit_AugAssign(self, node: cst.AugAssign) -> None:
            bound.update(_target_roots(node.target))

        def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
            bound.update(_target_roots(node.target))

        def visit_For(self, node: cst.For) -> None:
            bound.update(_target_roots(node.target))

        def visit_CompFor(self, node: cst.CompFor) -> None:
            bound.update(_target_roots(node.target))

        def visit_AsName(self, node: cst.AsName) -> None:
            bound.update(_target_roots(node.name))

        def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
            bound.update(_target_roots(node.target))

        def visit_Param(self, node: cst.Param) -> None:
            bound.add(node.name.value)

        def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
            bound.add(node.name.value)

        def visit_ClassDef(self, node: cst.ClassDef) -> None:
            bound.add(node.name.value)

        def visit_ImportAlias(self, node: cst.ImportAlias) -> None:
            name: cst.BaseExpression = node.name
            while isinstance(name, cst.Attribute):
                name = name.value
            if isinstance(name, cst.Name):
                bound.add(name.value)

    for node in nodes:
        walk(node, Binder())
    return bound
