"""Python's own binding rules, read off the syntax: which names a piece of code binds.

Pure functions over libcst nodes, with no OpenMP in them: the survey and the analysis
ask here what a target, an import, a block or a function binds, and what the root
name of ``a.b[i].c`` is.
"""

from __future__ import annotations

from collections.abc import Iterable

import libcst as cst

from .walk import OwnScope, walk


def root_name(node: cst.BaseExpression) -> str | None:
    """``a`` for ``a``, ``a.b``, ``a[i]``, ``a.b[i].c``; None when the root is no name."""
    while isinstance(node, (cst.Attribute, cst.Subscript)):
        node = node.value
    return node.value if isinstance(node, cst.Name) else None


def import_binding(alias: cst.ImportAlias) -> str | None:
    """The name an import binds: ``y`` for ``import x as y``, ``x`` for ``import x.z``."""
    if alias.asname is not None:
        name = alias.asname.name
        return name.value if isinstance(name, cst.Name) else None
    return root_name(alias.name)


def target_names(target: cst.BaseExpression) -> list[str]:
    """The names an assignment or loop target binds: ``i``, ``(i, (j, *k))``."""
    if isinstance(target, cst.Name):
        return [target.value]
    if isinstance(target, (cst.Tuple, cst.List)):
        return [n for element in target.elements for n in target_names(element.value)]
    if isinstance(target, cst.StarredElement):
        return target_names(target.value)
    return []


def item_positions(target: cst.BaseExpression) -> dict[str, tuple[int, ...]]:
    """Where each name of a loop target sits in the item: ``p`` -> (), ``(i, p)`` -> p: (1,).

    Names after a starred element (whose position depends on the item) are left out.
    """
    if isinstance(target, cst.Name):
        return {target.value: ()}
    positions: dict[str, tuple[int, ...]] = {}
    if isinstance(target, (cst.Tuple, cst.List)):
        for index, element in enumerate(target.elements):
            if isinstance(element, cst.StarredElement):
                break
            for name, inner in item_positions(element.value).items():
                positions[name] = (index, *inner)
    return positions


def bindings(body: Iterable[cst.CSTNode]) -> set[str]:
    """Names bound directly in a block: not those bound in nested functions, classes,
    lambdas (only the def's or class's own name)."""
    names: set[str] = set()

    class Binder(OwnScope, cst.CSTVisitor):
        def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
            names.update(target_names(node.target))

        def visit_AugAssign(self, node: cst.AugAssign) -> None:
            names.update(target_names(node.target))

        def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
            names.update(target_names(node.target))

        def visit_For(self, node: cst.For) -> None:
            names.update(target_names(node.target))

        def visit_AsName(self, node: cst.AsName) -> None:
            names.update(target_names(node.name))

        def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
            names.update(target_names(node.target))

        def visit_ImportAlias(self, node: cst.ImportAlias) -> None:
            if node.asname is None:  # ``as y`` is an AsName, seen above
                name = import_binding(node)
                if name is not None:
                    names.add(name)

        def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
            names.add(node.name.value)
            return super().visit_FunctionDef(node)

        def visit_ClassDef(self, node: cst.ClassDef) -> bool:
            names.add(node.name.value)
            return super().visit_ClassDef(node)

    for statement in body:
        walk(statement, Binder())
    return names


def imported_modules(module: cst.Module) -> set[str]:
    """Names bound by ``import x`` / ``import x.y`` / ``import x as y`` anywhere in the file."""
    names: set[str] = set()

    class Imports(cst.CSTVisitor):
        # An import is a small statement: the rest of a line is not searched.
        def visit_SimpleStatementLine(self, node: cst.SimpleStatementLine) -> bool:
            self._smalls(node.body)
            return False

        def visit_SimpleStatementSuite(self, node: cst.SimpleStatementSuite) -> bool:
            self._smalls(node.body)
            return False

        def _smalls(self, body: Iterable[cst.BaseSmallStatement]) -> None:
            for small in body:
                if isinstance(small, cst.Import):
                    for alias in small.names:
                        name = import_binding(alias)
                        if name is not None:
                            names.add(name)

    walk(module, Imports())
    return names


def definitions(body: Iterable[cst.BaseStatement]) -> set[str]:
    """The functions, classes and imports a block defines at its own level."""
    names: set[str] = set()
    for statement in body:
        if isinstance(statement, (cst.FunctionDef, cst.ClassDef)):
            names.add(statement.name.value)
        elif isinstance(statement, cst.SimpleStatementLine):
            for small in statement.body:
                if isinstance(small, (cst.Import, cst.ImportFrom)) and not isinstance(
                    small.names, cst.ImportStar
                ):
                    for alias in small.names:
                        name = import_binding(alias)
                        if name is not None:
                            names.add(name)
    return names


def function_locals(node: cst.FunctionDef) -> set[str]:
    """A function's parameters and the names its body binds."""
    names = {p.name.value for p in parameters(node.params)}
    body = node.body.body if isinstance(node.body, cst.IndentedBlock) else [node.body]
    return names | bindings(body)


def parameters(params: cst.Parameters) -> list[cst.Param]:
    """Every parameter, ``*args`` and ``**kwargs`` included."""
    found = [*params.posonly_params, *params.params, *params.kwonly_params]
    for star in (params.star_arg, params.star_kwarg):
        if isinstance(star, cst.Param):
            found.append(star)
    return found
