"""Small readings of the syntax that the migration survey makes: whether a position
is inside a region, the names in a node, whether a loop body breaks out, and the root
names a body changes (item and attribute stores, method-call statements)."""

from __future__ import annotations

import libcst as cst
from libcst.metadata import CodeRange


def within(inner: CodeRange, outer: CodeRange) -> bool:
    return (inner.start.line, inner.start.column) >= (outer.start.line, outer.start.column) and (
        inner.end.line,
        inner.end.column,
    ) <= (outer.end.line, outer.end.column)


def names_in(node: cst.CSTNode, value: str | None = None) -> list[cst.Name]:
    found: list[cst.Name] = []

    class Names_(cst.CSTVisitor):
        def visit_Name(self, name: cst.Name) -> None:
            if value is None or name.value == value:
                found.append(name)

        def visit_Attribute(self, attribute: cst.Attribute) -> bool:
            attribute.value.visit(self)  # not the attribute's own name
            return False

    node.visit(Names_())
    return found


def breaks_out(body: cst.BaseSuite) -> bool:
    """Whether ``body`` breaks out of the loop that owns it."""
    found = False

    class Breaks(cst.CSTVisitor):
        def visit_For(self, node: cst.For) -> bool:
            return False

        def visit_While(self, node: cst.While) -> bool:
            return False

        def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
            return False

        def visit_Break(self, node: cst.Break) -> None:
            nonlocal found
            found = True

    body.visit(Breaks())
    return found


def _root(node: cst.BaseExpression) -> cst.Name | None:
    while isinstance(node, (cst.Subscript, cst.Attribute)):
        node = node.value
    return node if isinstance(node, cst.Name) else None


def changed_roots(body: cst.CSTNode) -> list[cst.Name]:
    """Root names of item and attribute stores, and of statement method calls."""
    roots: list[cst.Name] = []

    class Changes(cst.CSTVisitor):
        def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
            return False

        def visit_Lambda(self, node: cst.Lambda) -> bool:
            return False

        def _target(self, target: cst.BaseExpression) -> None:
            if isinstance(target, (cst.Tuple, cst.List)):
                for element in target.elements:
                    self._target(element.value)
            elif isinstance(target, cst.StarredElement):
                self._target(target.value)
            elif isinstance(target, (cst.Subscript, cst.Attribute)):
                root = _root(target)
                if root is not None:
                    roots.append(root)

        def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
            self._target(node.target)

        def visit_AugAssign(self, node: cst.AugAssign) -> None:
            self._target(node.target)

        def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
            self._target(node.target)

        def visit_Del(self, node: cst.Del) -> None:
            self._target(node.target)

        def visit_Expr(self, node: cst.Expr) -> None:
            call = node.value
            if isinstance(call, cst.Call) and isinstance(call.func, cst.Attribute):
                root = _root(call.func.value)
                if root is not None:
                    roots.append(root)

    body.visit(Changes())
    return roots
