"""What the effects analysis reads off a function's syntax, and off a block's.

A function's :class:`Summary` (its parameters, and how deep it may change each of
them and each global, filled in by ``effects.py``), the names it binds, the names a
piece of code loads, the statement lists of a compound statement, and whether a
method is a property's setter.  Pure functions over libcst nodes, with no OpenMP in
them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import libcst as cst
from libcst.metadata import ExpressionContext

from .names import target_names
from .walk import children, walk


@dataclass
class Summary:
    """What one function may change: through each parameter, and module globals."""

    params: list[str]
    depths: dict[str, int] = field(default_factory=dict)  # parameter or global -> depth
    has_star: bool = False
    # Parameters with a default value: changing one changes the default's object,
    # which no call names (``def remember(w, into=seen)``, ``cache={}``)
    defaulted: frozenset[str] = frozenset()
    # Parameter -> the name its default value is (``into=seen``): a global the
    # function changes through the parameter (effects.Effects.global_depths)
    default_names: dict[str, str] = field(default_factory=dict)

    def changes_defaults(self) -> bool:
        return any(self.depths.get(name, 0) > 0 for name in self.defaulted)


def summary_for(function: cst.FunctionDef) -> Summary:
    params = function.params
    names = [p.name.value for p in (*params.posonly_params, *params.params)]
    names += [p.name.value for p in params.kwonly_params]
    star = isinstance(params.star_arg, cst.Param) or params.star_kwarg is not None
    every = (*params.posonly_params, *params.params, *params.kwonly_params)
    defaulted = frozenset(p.name.value for p in every if p.default is not None)
    named = {p.name.value: p.default.value for p in every if isinstance(p.default, cst.Name)}
    return Summary(names, has_star=star, defaulted=defaulted, default_names=named)


def locals_of(function: cst.FunctionDef) -> tuple[set[str], bool]:
    """Names the function binds (its locals), but not those it declares global; and
    whether it declares any ``global``."""
    bound: set[str] = set()
    declared: set[str] = set()
    rebinds: list[bool] = []

    class Binder(cst.CSTVisitor):
        def visit_Global(self, node: cst.Global) -> None:
            declared.update(n.name.value for n in node.names)
            rebinds.append(True)

        def visit_Nonlocal(self, node: cst.Nonlocal) -> None:
            declared.update(n.name.value for n in node.names)

        def visit_Name(self, node: cst.Name) -> None:
            pass

        def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
            bound.update(target_names(node.target))

        def visit_AugAssign(self, node: cst.AugAssign) -> None:
            bound.update(target_names(node.target))

        def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
            bound.update(target_names(node.target))

        def visit_For(self, node: cst.For) -> None:
            bound.update(target_names(node.target))

        def visit_CompFor(self, node: cst.CompFor) -> None:
            bound.update(target_names(node.target))

        def visit_AsName(self, node: cst.AsName) -> None:
            bound.update(target_names(node.name))

        def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
            bound.update(target_names(node.target))

        def visit_Param(self, node: cst.Param) -> None:
            bound.add(node.name.value)

        def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
            bound.add(node.name.value)
            return node is function

        def visit_ClassDef(self, node: cst.ClassDef) -> bool:
            bound.add(node.name.value)
            return False

        def visit_ImportAlias(self, node: cst.ImportAlias) -> None:
            name = node.asname.name if node.asname else node.name
            while isinstance(name, cst.Attribute):
                name = name.value  # type: ignore[assignment]
            if isinstance(name, cst.Name):
                bound.add(name.value)

    walk(function, Binder())
    return bound - declared, bool(rebinds)


def declares_nonlocal(function: cst.FunctionDef) -> bool:
    found: list[bool] = []

    class Nonlocals(cst.CSTVisitor):
        def visit_Nonlocal(self, node: cst.Nonlocal) -> None:
            found.append(True)

    function.visit(Nonlocals())
    return bool(found)


def loaded_names(nodes: Iterable[cst.CSTNode], contexts: Any) -> dict[str, list[cst.Name]]:
    """Every loaded name in ``nodes``, nested scopes included."""
    found: dict[str, list[cst.Name]] = {}

    class Names(cst.CSTVisitor):
        def visit_Arg(self, node: cst.Arg) -> None:
            if node.keyword is not None:
                keywords.add(id(node.keyword))

        def visit_Name(self, node: cst.Name) -> None:
            if id(node) in keywords:
                return
            if contexts.get(node) == ExpressionContext.LOAD:
                found.setdefault(node.value, []).append(node)

    keywords: set[int] = set()
    visitor = Names()
    for node in nodes:
        walk(node, visitor)
    return found


def augmented_names(statements: Iterable[cst.CSTNode]) -> set[str]:
    """Names that are the target of an augmented assignment (``x += y``)."""
    found: set[str] = set()

    class Targets(cst.CSTVisitor):
        def visit_AugAssign(self, node: cst.AugAssign) -> None:
            if isinstance(node.target, cst.Name):
                found.add(node.target.value)

    for statement in statements:
        walk(statement, Targets())
    return found


def body_of(node: cst.FunctionDef | cst.ClassDef) -> list[cst.CSTNode]:
    body = node.body
    return list(body.body) if isinstance(body, cst.IndentedBlock) else [body]


# Nodes that never hold a block (an expression, whitespace...): not searched.
_NO_BLOCKS = (
    cst.SimpleStatementLine,
    cst.BaseSmallStatement,
    cst.BaseExpression,
    cst.BaseParenthesizableWhitespace,
    cst.EmptyLine,
)


def blocks(statement: cst.CSTNode) -> list[list[cst.CSTNode]]:
    """The statement lists of a compound statement (if/for/while/with/try bodies)."""
    found: list[list[cst.CSTNode]] = []
    for child in children(statement):
        if isinstance(child, cst.IndentedBlock):
            found.append(list(child.body))
        elif (
            isinstance(child, cst.BaseStatement) or not isinstance(child, cst.BaseSuite)
        ) and not isinstance(child, _NO_BLOCKS):
            found.extend(blocks(child))
    return found


def is_setter(function: cst.FunctionDef) -> bool:
    """``@value.setter`` or ``@value.deleter``: what a store or ``del`` runs."""
    return any(
        isinstance(d.decorator, cst.Attribute) and d.decorator.attr.value in ("setter", "deleter")
        for d in function.decorators
    )
