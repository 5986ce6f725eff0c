"""Threadprivate names as ``_omp_private.name``: the last step of a translation.

A module's ``# omp threadprivate(x)`` makes ``x`` each thread's own.  With forked
workers every thread has globals of its own; with threads (``OMPPY_BACKEND=threads``)
the module's namespace is one for all, so each use of ``x`` in the module's code
becomes ``_omp_private.x``: on the fork backend the namespace itself as an object
(the same global, one attribute lookup more), on the threads backend each thread's
own attribute (``runtime/private_globals.py``, ``runtime/threads/private.py``).

The step runs on the translated text, after every construct is emitted: the analysis
and the fork backend's code see the plain global, and the code that hands out a
``copyprivate`` value or refreshes a name is rewritten with the user's.  It renames
names only, so every line stays where it was (the line table holds).  Rewritten:

- in any function, lambda or comprehension (outlined region bodies included), each
  use that means the module's global (a read, ``global x`` then ``x = ...``,
  ``x += 1``, ``for x in``, ``del x``);
- in code that runs as the module starts (its top level, a class body), each use
  after the directive: the bindings before it give the first value.

Other bindings of the name (``import``, ``def``, ``class``, ``:=``, ``except ... as``,
``with ... as``, a ``match`` capture) cannot bind an attribute: a clear error.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping

import libcst as cst
from libcst.metadata import (
    Assignment,
    CodeRange,
    GlobalScope,
    MetadataWrapper,
    ParentNodeProvider,
    PositionProvider,
    ScopeProvider,
)

from .diagnostics import PragmaError, source_lines

PRIVATE = "_omp_private"
DIRECTIVE = "_omp.threadprivate"


def rewrite(
    text: str, names: Collection[str], filename: str, line_of: Mapping[int, int], source: str
) -> str:
    """``text`` (a translation) with its uses of the threadprivate ``names`` rewritten.

    ``line_of`` maps the translation's lines to the user's (for errors)."""
    module = cst.parse_module(text)
    wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
    scopes = wrapper.resolve(ScopeProvider)
    positions = wrapper.resolve(PositionProvider)
    parents = wrapper.resolve(ParentNodeProvider)
    top = next(s for s in scopes.values() if isinstance(s, GlobalScope))
    declared = _directive_lines(module, positions)
    nested = _in_functions(module)
    found: set[cst.Name] = set()
    for name in names:
        # (every binding of a module's name is an Assignment, which has its node)
        nodes = [a.node for a in top.assignments[name] if isinstance(a, Assignment)]
        for scope in {s for s in scopes.values() if s is not None}:
            for access in scope.accesses[name]:
                if access.scope is top or any(r.scope is top for r in access.referents):
                    nodes.append(access.node)
        for node in nodes:
            line = positions[node].start.line
            if node not in nested and line <= declared[name]:
                continue  # the module's own binding, before the directive
            if not isinstance(node, cst.Name) or not _renamable(node, parents):
                raise _binding_error(name, node, parents, line_of.get(line, 1), filename, source)
            found.add(node)
    return module.visit(_Rename(found)).code if found else text


def _directive_lines(
    module: cst.Module, positions: Mapping[cst.CSTNode, CodeRange]
) -> dict[str, int]:
    """Each threadprivate name -> the line of the ``_omp.threadprivate`` call naming it."""
    lines: dict[str, int] = {}

    class Calls(cst.CSTVisitor):
        def visit_Call(self, node: cst.Call) -> None:
            if cst.helpers.get_full_name_for_node(node.func) != DIRECTIVE:
                return
            listed = node.args[1].value
            assert isinstance(listed, cst.Tuple)
            for element in listed.elements:
                assert isinstance(element.value, cst.SimpleString)
                line = positions[node].start.line
                lines.setdefault(str(element.value.evaluated_value), line)

    module.visit(Calls())
    return lines


def _in_functions(module: cst.Module) -> set[cst.CSTNode]:
    """The nodes inside a function or lambda (they run after the module started)."""
    inside: set[cst.CSTNode] = set()

    class Functions(cst.CSTVisitor):
        depth = 0

        def on_visit(self, node: cst.CSTNode) -> bool:
            if self.depth:
                inside.add(node)
            if isinstance(node, (cst.FunctionDef, cst.Lambda)):
                self.depth += 1
            return True

        def on_leave(self, original_node: cst.CSTNode) -> None:
            if isinstance(original_node, (cst.FunctionDef, cst.Lambda)):
                self.depth -= 1

    module.visit(Functions())
    return inside


def _renamable(node: cst.Name, parents: Mapping[cst.CSTNode, cst.CSTNode]) -> bool:
    """Whether an attribute may stand where ``node`` stands (not ``x := ...``, not a
    name after ``as``, a ``match`` capture or a function's parameter)."""
    parent = parents.get(node)
    if isinstance(parent, cst.NamedExpr):
        return parent.target is not node
    return not isinstance(
        parent, (cst.AsName, cst.MatchAs, cst.MatchStar, cst.Param, cst.Global, cst.Nonlocal)
    )


def _binding_error(
    name: str,
    node: cst.CSTNode,
    parents: Mapping[cst.CSTNode, cst.CSTNode],
    line: int,
    filename: str,
    source: str,
) -> PragmaError:
    what = {
        cst.FunctionDef: "a 'def'",
        cst.ClassDef: "a 'class'",
        cst.ImportAlias: "an import",
        cst.Import: "an import",
        cst.ImportFrom: "an import",
        cst.NamedExpr: "':='",
        cst.AsName: "'as'",
        cst.MatchAs: "a 'match' capture",
        cst.MatchStar: "a 'match' capture",
    }
    kind = "this statement"
    current: cst.CSTNode | None = node
    while current is not None and not isinstance(current, cst.BaseStatement):
        if type(current) in what:
            kind = what[type(current)]
            break
        current = parents.get(current)
    else:
        if current is not None:
            kind = what.get(type(current), kind)
    user_lines = source_lines(source)
    text = user_lines[line - 1] if 1 <= line <= len(user_lines) else ""
    found = re.search(rf"\b{re.escape(name)}\b", text)
    return PragmaError(
        f"'{name}' is threadprivate: {kind} cannot bind it after its "
        "'# omp threadprivate' directive (each thread's copy is bound by '=', '+=', "
        "'for' and 'del')",
        filename=filename,
        line=line,
        col=found.start() if found else 0,
        hint=f"bind it with '{name} = ...'",
    )


class _Rename(cst.CSTTransformer):
    def __init__(self, found: set[cst.Name]) -> None:
        super().__init__()
        self.found = found

    def leave_Name(self, original_node: cst.Name, updated_node: cst.Name) -> cst.BaseExpression:
        if original_node not in self.found:
            return updated_node
        bare = updated_node.with_changes(lpar=(), rpar=())
        return cst.Attribute(
            cst.Name(PRIVATE), bare, lpar=updated_node.lpar, rpar=updated_node.rpar
        )
