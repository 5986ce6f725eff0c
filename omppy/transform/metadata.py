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

import re
from collections.abc import Collection, Iterator, Mapping, Sequence
from typing import Any

import libcst as cst
from libcst._nodes.internal import CodegenState
from libcst.metadata import (
    BaseMetadataProvider,
    BatchableMetadataProvider,
    CodePosition,
    CodeRange,
    ExpressionContext,
    MetadataWrapper,
)
from libcst.metadata.position_provider import PositionProvidingCodegenState

from .walk import parents, walk

# What libcst's positions count as a newline (libcst/metadata/position_provider.py).
NEWLINE_RE = re.compile(r"\r\n?|\n")
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

    def provide(self, provider: Any, value: Mapping[cst.CSTNode, object]) -> None:
        """Take ``value`` as what ``provider`` resolves to (worked out otherwise)."""
        self._resolved[provider] = value

    def resolve_many(self, providers: Collection[Any]) -> Any:
        for provider in providers:
            if provider in self._resolved:
                continue
            if issubclass(provider, BatchableMetadataProvider) or provider.METADATA_DEPENDENCIES:
                self._resolved[provider] = super().resolve(provider)
            else:
                self._resolved[provider] = provider()._gen(self)
        return {provider: self._resolved[provider] for provider in providers}


# A node's range as four numbers: start line, start column, end line, end column.
Span = tuple[int, int, int, int]


class Positions(BaseMetadataProvider[CodeRange]):
    """The ranges of ``libcst.metadata.PositionProvider``, by the same code generation,
    kept as four numbers and made ``CodeRange`` objects only when looked up (making
    one for each of a big module's nodes cost more than the generation itself)."""

    def _gen(self, wrapper: MetadataWrapper) -> Mapping[cst.CSTNode, CodeRange]:
        module = wrapper.module
        before: dict[cst.CSTNode, int] = dict.fromkeys(module.body, 0)
        spans = _spans(self, module, module, 1, before)
        return Ranges(spans, before)


def spans_of(
    statement: cst.BaseStatement, module: cst.Module, line: int
) -> dict[cst.CSTNode, Span]:
    """The spans of a statement of ``module``'s body alone, as if it began at ``line``
    (the spans :class:`Positions` gives it in the whole module)."""
    return _spans(Positions(), statement, module, line, {})


def _spans(
    provider: Positions,
    node: cst.CSTNode,
    module: cst.Module,
    line: int,
    before: dict[cst.CSTNode, int],
) -> dict[cst.CSTNode, Span]:
    state = _PositionState(
        default_indent=module.default_indent,
        default_newline=module.default_newline,
        provider=provider,
    )
    state.spans, state.starts, state.before = {}, [], before
    state.line = line
    node._codegen(state)
    return state.spans


def generate(
    module: cst.Module, texts: Mapping[cst.CSTNode, str] | None = None
) -> tuple[str, dict[cst.CSTNode, int]]:
    """``module.code``, and the number of lines before each statement of its body.

    ``texts``: statements of the body with their code as they were written (the
    plain statements of ``outline.py``, in a module whose lines all end in ``\n``):
    taken as they are, not generated.
    """
    if texts:
        return _generate_with(module, texts)
    state = _MarkingState(
        default_indent=module.default_indent, default_newline=module.default_newline
    )
    state.marks = dict.fromkeys(module.body, 0)
    module._codegen(state)
    tokens = state.tokens
    text = "".join(tokens)
    lines: dict[cst.CSTNode, int] = {}
    count, done = 0, 0
    for statement, index in state.marks.items():
        count += _newlines(tokens[done:index], text)
        done = index
        lines[statement] = count
    return text, lines


def _generate_with(
    module: cst.Module, texts: Mapping[cst.CSTNode, str]
) -> tuple[str, dict[cst.CSTNode, int]]:
    state = CodegenState(default_indent=module.default_indent, default_newline="\n")
    for line in module.header:
        line._codegen(state)
    tokens = state.tokens
    count = "".join(tokens).count("\n")
    lines: dict[cst.CSTNode, int] = {}
    for statement in module.body:
        lines[statement] = count
        text = texts.get(statement)
        if text is None:
            mark = len(tokens)
            statement._codegen(state)
            text = "".join(tokens[mark:])
            del tokens[mark:]
        tokens.append(text)
        count += text.count("\n")
    for line in module.footer:
        line._codegen(state)
    if not tokens:
        tokens.append("\n")
    return "".join(tokens), lines


def _newlines(tokens: list[str], text: str) -> int:
    """Newlines in ``tokens``, counted as libcst's positions count them (each token
    apart; ``\r\n``, ``\r`` and ``\n`` are one each)."""
    if "\r" not in text:
        return "".join(tokens).count("\n")
    return sum(len(NEWLINE_RE.findall(token)) for token in tokens)


class _MarkingState(CodegenState):
    """Plain code generation that notes where each statement of the body begins."""

    marks: dict[cst.CSTNode, int]  # statement -> index of its first token

    def before_codegen(self, node: cst.CSTNode) -> None:
        if node in self.marks:
            self.marks[node] = len(self.tokens)


class Ranges(Mapping[cst.CSTNode, CodeRange]):
    """:class:`Positions`' result: node -> ``CodeRange``; ``spans`` has the numbers."""

    def __init__(self, spans: dict[cst.CSTNode, Span], before: dict[cst.CSTNode, int]) -> None:
        self.spans = spans
        self.before = before  # statement of the module's body -> lines before it
        self._made: dict[cst.CSTNode, CodeRange] = {}

    def span(self, node: cst.CSTNode) -> Span:
        return self.spans[node]

    def __getitem__(self, node: cst.CSTNode) -> CodeRange:
        made = self._made.get(node)
        if made is None:
            line, column, end_line, end_column = self.spans[node]
            made = CodeRange(CodePosition(line, column), CodePosition(end_line, end_column))
            self._made[node] = made
        return made

    def __contains__(self, node: object) -> bool:
        return node in self.spans

    def __iter__(self) -> Iterator[cst.CSTNode]:
        return iter(self.spans)

    def __len__(self) -> int:
        return len(self.spans)


class LazyRanges(Ranges):
    """:class:`Ranges` worked out one statement of the module's body at a time, when
    a node in it is first looked up (``outline.py`` gives where each begins): the
    statements far from any pragma are never generated."""

    def __init__(
        self,
        module: cst.Module,
        before: dict[cst.CSTNode, int],
        parents: Mapping[cst.CSTNode, cst.CSTNode],
        footer_start: int,
    ) -> None:
        super().__init__({}, before)
        self._module = module
        self._parents = parents
        self._footer_start = footer_start
        self._done: set[cst.CSTNode] = set()

    def span(self, node: cst.CSTNode) -> Span:
        found = self.spans.get(node)
        if found is None:
            self._generate(node)
            found = self.spans[node]  # KeyError: not a node of the module
        return found

    def __getitem__(self, node: cst.CSTNode) -> CodeRange:
        made = self._made.get(node)
        if made is None:
            line, column, end_line, end_column = self.span(node)
            made = CodeRange(CodePosition(line, column), CodePosition(end_line, end_column))
            self._made[node] = made
        return made

    def __contains__(self, node: object) -> bool:
        try:
            self.span(node)  # type: ignore[arg-type]
        except KeyError:
            return False
        return True

    def __iter__(self) -> Iterator[cst.CSTNode]:
        self._generate_all()
        return iter(self.spans)

    def __len__(self) -> int:
        self._generate_all()
        return len(self.spans)

    def _generate_all(self) -> None:
        module = self._module
        for node in (*module.header, *module.body, *module.footer):
            self._generate(node)

    def _generate(self, node: cst.CSTNode) -> None:
        """The spans of the statement of the body (or header or footer line) that
        holds ``node``, generated from where it begins."""
        module, parents = self._module, self._parents
        root: cst.CSTNode | None = node
        while root is not None and parents.get(root) is not module:
            root = parents.get(root)
        if root is None or root in self._done:
            return
        self._done.add(root)
        if root in self.before:
            line = self.before[root] + 1
        elif root in module.header:
            line = module.header.index(root) + 1
        elif root in module.footer:
            line = self._footer_start + module.footer.index(root) + 1
        else:
            return
        self.spans.update(_spans(Positions(), root, module, line, {}))


class _PositionState(PositionProvidingCodegenState):
    """libcst's position-tracking code generation, recording numbers (same rules: a
    node's range spans its code, unless the node records a syntactic range, which
    may be hoisted from a child's)."""

    spans: dict[cst.CSTNode, Span]
    starts: list[tuple[int, int]]  # where each node being generated began
    before: dict[cst.CSTNode, int]  # statement of the body -> lines before it
    line: int
    column: int

    def add_token(self, value: str) -> None:
        self.tokens.append(value)
        if "\r" in value:
            self._update_position(value)  # libcst's own, for any kind of newline
            return
        newlines = value.count("\n")
        if newlines:
            self.line += newlines
            self.column = len(value) - value.rfind("\n") - 1
        else:
            self.column += len(value)

    def add_indent_tokens(self) -> None:
        for token in self.indent_tokens:
            self.add_token(token)

    def before_codegen(self, node: cst.CSTNode) -> None:
        self.starts.append((self.line, self.column))
        if node in self.before:
            self.before[node] = self.line - 1

    def after_codegen(self, node: cst.CSTNode) -> None:
        line, column = self.starts.pop()
        if node not in self.spans:  # a syntactic range recorded already stays
            self.spans[node] = (line, column, self.line, self.column)

    def record_syntactic_position(  # type: ignore[override]
        self,
        node: cst.CSTNode,
        *,
        start_node: cst.CSTNode | None = None,
        end_node: cst.CSTNode | None = None,
    ) -> _Syntactic:
        return _Syntactic(self, node, start_node, end_node)


class _Syntactic:
    """``record_syntactic_position`` as a plain context manager (libcst's is a
    generator, which costs more than what it records)."""

    __slots__ = ("end_node", "node", "start", "start_node", "state")

    def __init__(
        self,
        state: _PositionState,
        node: cst.CSTNode,
        start_node: cst.CSTNode | None,
        end_node: cst.CSTNode | None,
    ) -> None:
        self.state, self.node = state, node
        self.start_node, self.end_node = start_node, end_node
        self.start = (0, 0)

    def __enter__(self) -> None:
        self.start = (self.state.line, self.state.column)

    def __exit__(self, *exc: object) -> None:
        state, spans = self.state, self.state.spans
        line, column = self.start if self.start_node is None else spans[self.start_node][:2]
        if self.end_node is None:
            end_line, end_column = state.line, state.column
        else:
            end_line, end_column = spans[self.end_node][2:]
        spans[self.node] = (line, column, end_line, end_column)


class Parents(BaseMetadataProvider[cst.CSTNode]):
    """Each node's parent, as ``libcst.metadata.ParentNodeProvider``: the dict
    :func:`~.walk.parents` builds, as it is (libcst's ``_gen`` would set each entry
    by a call and then copy them all into a read-only proxy, whose lookups cost more:
    on a 2,600-line module, tens of thousands of each, issue 21)."""

    def _gen(self, wrapper: MetadataWrapper) -> Mapping[cst.CSTNode, cst.CSTNode]:
        return parents(wrapper.module)


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


__all__ = ["Contexts", "Parents", "Positions", "Ranges", "Wrapper", "generate", "spans_of"]
