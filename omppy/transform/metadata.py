"""The translator's own metadata providers: parents and expression contexts.

They give what libcst's ``ParentNodeProvider`` and ``ExpressionContextProvider``
give, by :mod:`.walk`'s read-only walks instead of libcst's visits (which copy every
node they pass): resolved on a 2,600-line module, libcst's two took about three
times as long as parsing it (issue 21).

:class:`Contexts` follows libcst's ``ExpressionContextVisitor`` (libcst 1.9) rule for
rule: a ``Name`` stored by ``=``, ``+=``, an annotation, ``:=``, ``for``, a
comprehension, ``as``, ``def``, ``class`` or a parameter is STORE, by ``del`` DEL,
and LOAD elsewhere; an ``Attribute``'s ``attr`` has no context; ``Attribute``,
``Subscript``, ``Tuple``, ``List`` and ``StarredElement`` carry the context they are
in.  tests/test_walk.py compares both providers with libcst's on the test programs.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Any

import libcst as cst
from libcst.metadata import (
    BaseMetadataProvider,
    BatchableMetadataProvider,
    ExpressionContext,
    MetadataWrapper,
)

from .walk import parents, walk

LOAD, STORE, DEL = ExpressionContext.LOAD, ExpressionContext.STORE, ExpressionContext.DEL


class Wrapper(MetadataWrapper):
    """A ``MetadataWrapper`` on the module itself (no copy) that resolves a provider
    which is not batchable by running it alone.

    libcst's resolver also runs a batched visit of the whole module for the batchable
    providers asked for at the same time, even when there are none: a walk, copying
    every node, for nothing, at every ``resolve`` of ``PositionProvider``,
    :class:`Parents` or :class:`Contexts`.
    """

    def __init__(self, module: cst.Module) -> None:
        super().__init__(module, unsafe_skip_copy=True)
        self._resolved: dict[Any, Mapping[cst.CSTNode, object]] = {}

    def resolve(self, provider: Any) -> Any:
        return self.resolve_many([provider])[provider]

    def resolve_many(self, providers: Collection[Any]) -> Any:
        for provider in providers:
            if provider in self._resolved:
                continue
            if issubclass(provider, BatchableMetadataProvider) or provider.METADATA_DEPENDENCIES:
                self._resolved[provider] = super().resolve(provider)
            else:
                self._resolved[provider] = provider()._gen(self)
        return {provider: self._resolved[provider] for provider in providers}


class Parents(BaseMetadataProvider[cst.CSTNode]):
    """Each node's parent, as ``libcst.metadata.ParentNodeProvider``."""

    def _gen_impl(self, module: cst.Module) -> None:
        for child, parent in parents(module).items():
            self.set_metadata(child, parent)


class Contexts(BaseMetadataProvider[ExpressionContext]):
    """Each name's (and target's) context, as ``libcst.metadata.ExpressionContextProvider``."""

    def _gen_impl(self, module: cst.Module) -> None:
        found: dict[cst.CSTNode, ExpressionContext] = {}
        walk(module, _ContextVisitor(found, LOAD))
        for node, context in found.items():
            self.set_metadata(node, context)


class _ContextVisitor(cst.CSTVisitor):
    def __init__(self, found: dict[cst.CSTNode, ExpressionContext], context: ExpressionContext):
        super().__init__()
        self.found = found
        self.context = context

    def _in(self, node: cst.CSTNode, context: ExpressionContext) -> None:
        walk(node, _ContextVisitor(self.found, context))

    def visit_Assign(self, node: cst.Assign) -> bool:
        for target in node.targets:
            self._in(target, STORE)
        walk(node.value, self)
        return False

    def visit_AnnAssign(self, node: cst.AnnAssign) -> bool:
        self._in(node.target, STORE)
        walk(node.annotation, self)
        if node.value:
            walk(node.value, self)
        return False

    def visit_AugAssign(self, node: cst.AugAssign) -> bool:
        self._in(node.target, STORE)
        walk(node.value, self)
        return False

    def visit_NamedExpr(self, node: cst.NamedExpr) -> bool:
        self._in(node.target, STORE)
        walk(node.value, self)
        return False

    def visit_Name(self, node: cst.Name) -> bool:
        self.found[node] = self.context
        return False

    def visit_AsName(self, node: cst.AsName) -> bool:
        self._in(node.name, STORE)
        return False

    def visit_CompFor(self, node: cst.CompFor) -> bool:
        self._in(node.target, STORE)
        walk(node.iter, self)
        for condition in node.ifs:
            walk(condition, self)
        if node.inner_for_in:
            walk(node.inner_for_in, self)
        return False

    def visit_For(self, node: cst.For) -> bool:
        self._in(node.target, STORE)
        walk(node.iter, self)
        walk(node.body, self)
        if node.orelse:
            walk(node.orelse, self)
        return False

    def visit_Del(self, node: cst.Del) -> bool:
        self._in(node.target, DEL)
        return False

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        self.found[node] = self.context
        self._in(node.value, LOAD)
        return False  # the attr (a Name) has no context

    def visit_Subscript(self, node: cst.Subscript) -> bool:
        self.found[node] = self.context
        self._in(node.value, LOAD)
        if isinstance(node.slice, Sequence):
            for part in node.slice:
                self._in(part, LOAD)
        else:
            self._in(node.slice, LOAD)
        return False

    def visit_Tuple(self, node: cst.Tuple) -> None:
        self.found[node] = self.context

    def visit_List(self, node: cst.List) -> None:
        self.found[node] = self.context

    def visit_StarredElement(self, node: cst.StarredElement) -> None:
        self.found[node] = self.context

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        self._in(node.name, STORE)
        walk(node.body, self)
        for part in (*node.bases, *node.keywords, *node.decorators):
            walk(part, self)
        return False

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        self._in(node.name, STORE)
        walk(node.params, self)
        walk(node.body, self)
        for decorator in node.decorators:
            walk(decorator, self)
        if node.returns:
            walk(node.returns, self)
        return False

    def visit_Param(self, node: cst.Param) -> bool:
        self._in(node.name, STORE)
        if node.annotation:
            walk(node.annotation, self)
        if node.default:
            walk(node.default, self)
        return False


__all__ = ["Contexts", "Parents", "Wrapper"]
