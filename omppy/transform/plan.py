"""From pragmas to a plan of constructs: which statements each pragma covers.

libcst keeps comments as ``EmptyLine`` nodes: before a statement in its
``leading_lines``, at the end of a block in its ``footer``, before a module's first
statement in ``Module.header``.  This pass finds the ``EmptyLine`` of every pragma (by
line number), and groups each block's statements into constructs:

- a pragma applies to the next statement of its block (pragmas stacked above one
  statement nest, outermost first);
- a block directive followed later in the same block by ``# omp end <directive>``
  covers every statement in between;
- ``barrier`` and ``flush`` stand alone; ``section`` splits a ``sections`` block.

Misplaced pragmas (nothing follows, an ``end`` without its start, a loop directive
not followed by ``for``) are :class:`PragmaError`\\ s here.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace

import libcst as cst
from libcst.metadata import MetadataWrapper

from . import atomic_forms
from .diagnostics import PragmaError
from .metadata import Positions
from .model import Construct, Item
from .pragma import (
    BLOCK_DIRECTIVES,
    COMBINED_REGIONS,
    LOOP_DIRECTIVES,
    PARALLEL_TASKLOOP_DIRECTIVES,
    SECTIONS_DIRECTIVES,
    SEQUENTIAL_LOOP_DIRECTIVES,
    STANDALONE_DIRECTIVES,
    TASKLOOP_DIRECTIVES,
    Clause,
    Pragma,
)
from .walk import walk


class Blocks:
    """The pragmas of a module, attached to the statements and blocks they sit in."""

    def __init__(self, pragmas: list[Pragma]) -> None:
        self.by_line = {p.pos.line: p for p in pragmas}
        self.leading: dict[cst.CSTNode, list[Pragma]] = {}  # statement -> pragmas above it
        self.footer: dict[cst.CSTNode, list[Pragma]] = {}  # block -> pragmas at its end


class _Finder(cst.CSTVisitor):
    """Records, for each pragma's ``EmptyLine``, the statement or block that owns it."""

    METADATA_DEPENDENCIES = (Positions,)

    def __init__(self, blocks: Blocks) -> None:
        super().__init__()
        self.blocks = blocks
        self.claimed: set[int] = set()

    def _take(self, lines: Sequence[cst.EmptyLine]) -> list[Pragma]:
        found = []
        for line in lines:
            if line.comment is None:
                continue
            where = self.get_metadata(Positions, line, None)
            if where is None:
                continue
            pragma = self.blocks.by_line.get(where.start.line)
            if pragma is not None:
                found.append(pragma)
                self.claimed.add(where.start.line)
        return found

    def visit_Module(self, node: cst.Module) -> None:
        header = self._take(node.header)
        if node.body and header:
            self.blocks.leading.setdefault(node.body[0], [])[:0] = header
        elif header:
            self.blocks.footer.setdefault(node, []).extend(header)
        self.blocks.footer.setdefault(node, []).extend(self._take(node.footer))

    def visit_IndentedBlock(self, node: cst.IndentedBlock) -> None:
        self.blocks.footer.setdefault(node, []).extend(self._take(node.footer))

    def _statement(self, node: cst.BaseStatement) -> None:
        pragmas = self._take(node.leading_lines)  # type: ignore[attr-defined]
        if pragmas:
            self.blocks.leading.setdefault(node, []).extend(pragmas)

    def visit_SimpleStatementLine(self, node: cst.SimpleStatementLine) -> bool:
        self._statement(node)
        return False  # its small statements hold no statement

    def on_visit(self, node: cst.CSTNode) -> bool:
        if isinstance(node, _NO_STATEMENTS):
            return False  # an expression holds no statement, no block
        if isinstance(node, cst.BaseCompoundStatement):
            self._statement(node)
        return super().on_visit(node)


# What the finder does not search: no pragma of a statement or block is inside.
_NO_STATEMENTS = (cst.BaseExpression, cst.BaseParenthesizableWhitespace)


def attach(
    wrapper: MetadataWrapper,
    pragmas: list[Pragma],
    filename: str,
    plain: Collection[cst.CSTNode] = (),
) -> Blocks:
    """Find where each pragma sits; a pragma nowhere a statement could follow is an error.

    ``plain``: statements of the module's body whose text holds no pragma, not searched.
    """
    blocks = Blocks(pragmas)
    finder = _Finder(blocks)
    module = wrapper.module
    with finder.resolve(wrapper):
        if plain:
            finder.visit_Module(module)
            for statement in module.body:
                if statement not in plain:
                    walk(statement, finder)
        else:
            walk(module, finder)
    for pragma in pragmas:
        if pragma.pos.line not in finder.claimed:
            raise _error(
                pragma, filename, "a pragma must stand between statements, not inside one",
                hint="put the pragma on a line of its own, above the statement it applies to",
            )
    return blocks


def _error(pragma: Pragma, filename: str, message: str, hint: str | None = None) -> PragmaError:
    return PragmaError(
        message, filename=filename, line=pragma.pos.line, col=pragma.pos.col, hint=hint
    )


def _shown(pragma: Pragma) -> str:
    return f"'# omp {'end ' if pragma.end else ''}{pragma.shown}'"


def group(
    statements: list[cst.BaseStatement],
    blocks: Blocks,
    footer: list[Pragma],
    filename: str,
    column_of: dict[cst.CSTNode, int],
) -> list[Item]:
    """Group one block's statements into constructs (see the module docstring)."""
    # A flat stream of pragmas and statements, in source order.
    stream: list[Pragma | cst.BaseStatement] = []
    for statement in statements:
        for pragma in blocks.leading.get(statement, []):
            stream.append(pragma)
        stream.append(statement)
    stream.extend(footer)
    items, rest = _parse(stream, 0, None, filename, column_of)
    assert rest == len(stream)
    return items


def _parse(
    stream: list[Pragma | cst.BaseStatement],
    index: int,
    closing: Pragma | None,
    filename: str,
    column_of: dict[cst.CSTNode, int],
) -> tuple[list[Item], int]:
    """Items from ``stream[index:]`` up to the ``end`` that closes ``closing`` (if any)."""
    items: list[Item] = []
    while index < len(stream):
        entry = stream[index]
        if not isinstance(entry, Pragma):
            items.append(entry)
            index += 1
            continue
        if entry.end:
            if closing is not None and entry.directive == closing.shown:
                return items, index + 1
            raise _error(
                entry,
                filename,
                f"{_shown(entry)} has no matching '# omp {entry.directive}' earlier in this block",
                hint=f"put '# omp {entry.directive}' above the statements it covers, at the "
                "same indentation in the same block, or remove this line",
            )
        construct, index = _construct(stream, index, filename, column_of)
        items.append(construct)
    if closing is not None:
        raise _error(
            closing,
            filename,
            f"{_shown(closing)} is never closed",
            hint=f"add '# omp end {closing.shown}' at the same indentation",
        )
    return items, index


def _has_end(stream: list[Pragma | cst.BaseStatement], index: int, directive: str) -> bool:
    """Is there an ``end directive`` for the pragma at ``index`` later in this block?"""
    depth = 0
    for entry in stream[index + 1 :]:
        written = entry.directive if isinstance(entry, Pragma) and entry.end else None
        if isinstance(entry, Pragma) and (written or entry.shown) == directive:
            if entry.end:
                if depth == 0:
                    return True
                depth -= 1
            else:
                # A nested pragma of the same directive takes the next end first (had it
                # none, no end would follow this one either).
                depth += 1
    return False


def _construct(
    stream: list[Pragma | cst.BaseStatement],
    index: int,
    filename: str,
    column_of: dict[cst.CSTNode, int],
) -> tuple[Construct, int]:
    pragma = stream[index]
    assert isinstance(pragma, Pragma)
    construct = Construct(pragma)
    if pragma.directive in STANDALONE_DIRECTIVES or pragma.is_doacross:
        return construct, index + 1
    if pragma.shown in BLOCK_DIRECTIVES and _has_end(stream, index, pragma.shown):
        construct.body, index = _parse(stream, index + 1, pragma, filename, column_of)
    else:
        index += 1
        if index >= len(stream) or (
            isinstance(stream[index], Pragma) and stream[index].end  # type: ignore[union-attr]
        ):
            raise _error(
                pragma,
                filename,
                f"{_shown(pragma)} is not followed by a statement in its block",
                hint="a pragma applies to the next statement at its indentation",
            )
        if isinstance(stream[index], Pragma):
            inner, index = _construct(stream, index, filename, column_of)
            if _is_transformation(inner) and pragma.directive in LOOP_DIRECTIVES:
                # 'tile' and 'unroll' are accepted and not applied: the work share
                # takes the loop they would transform (docs/pragmas.md).
                construct.body = inner.body
            else:
                construct.body = [inner]
        else:
            construct.body = [stream[index]]  # type: ignore[list-item]
            index += 1
    _check_target(construct, filename, column_of)
    if pragma.directive in SECTIONS_DIRECTIVES:
        construct.sections = _split_sections(construct, filename)
    if pragma.directive in COMBINED_REGIONS:
        construct = _split_region(construct)
    elif pragma.directive in PARALLEL_TASKLOOP_DIRECTIVES:
        construct = _split_parallel_taskloop(construct)
    elif pragma.directive in ("master taskloop", "masked taskloop"):
        construct = _split_combined(construct)
    return construct, index


def _is_transformation(construct: Construct) -> bool:
    return construct.directive in ("tile", "unroll")


def _split_region(construct: Construct) -> Construct:
    """``parallel master`` (``parallel masked``) is a region whose body is one
    ``master`` (``masked``) construct: each pragma takes its own clauses."""
    pragma = construct.pragma
    inner_directive, inner_clauses = COMBINED_REGIONS[pragma.directive]
    outer = replace(
        pragma,
        directive="parallel",
        clauses=tuple(c for c in pragma.clauses if c.name not in inner_clauses),
        spelled=pragma.shown,
    )
    inner = replace(
        pragma,
        directive=inner_directive,
        clauses=tuple(c for c in pragma.clauses if c.name in inner_clauses),
        spelled=pragma.shown,
    )
    return Construct(outer, body=[Construct(inner, body=construct.body)])


# Where OpenMP 5.2 (17.2) applies the clauses of ``parallel master taskloop``: these
# to the ``parallel`` only, these to both; ``if`` by its modifier; the rest
# (``private``, ``lastprivate``, ``reduction`` and the taskloop's own) to the
# ``master taskloop``, whose ``filter`` goes on to the ``masked``.
_PARALLEL_ONLY = frozenset({"num_threads", "copyin", "proc_bind"})
_ON_BOTH = frozenset({"shared", "default", "firstprivate"})


def _split_parallel_taskloop(construct: Construct) -> Construct:
    """``parallel master taskloop`` is a region whose body is one ``master
    taskloop`` (``masked``: one ``masked taskloop``)."""
    pragma = construct.pragma
    outer_clauses: list[Clause] = []
    inner_clauses: list[Clause] = []
    for clause in pragma.clauses:
        if clause.name == "if":
            if clause.modifier in (None, "parallel"):
                outer_clauses.append(clause)
            if clause.modifier != "parallel":
                inner_clauses.append(clause)
        elif clause.name in _PARALLEL_ONLY:
            outer_clauses.append(clause)
        elif clause.name in _ON_BOTH:
            outer_clauses.append(clause)
            inner_clauses.append(clause)
        else:
            inner_clauses.append(clause)
    # A reduction or lastprivate variable is shared in the region (OpenMP 5.2, 17.2):
    # say so, or a default(none) or default(private) would take it from the taskloop.
    handed_back = [c for c in pragma.clauses if c.name in ("reduction", "lastprivate")]
    if handed_back and pragma.clause("default") is not None:
        names = tuple(dict.fromkeys(n for c in handed_back for n in c.names))
        outer_clauses.append(Clause("shared", handed_back[0].pos, names=names))
    outer = replace(
        pragma, directive="parallel", clauses=tuple(outer_clauses), spelled=pragma.shown
    )
    inner = replace(
        pragma,
        directive=pragma.directive.removeprefix("parallel "),
        clauses=tuple(inner_clauses),
        spelled=pragma.shown,
    )
    return Construct(outer, body=[_split_combined(Construct(inner, body=construct.body))])


def _split_combined(construct: Construct) -> Construct:
    """``master taskloop`` is a ``master`` around a ``taskloop`` (``masked``: its
    ``filter`` goes to the ``masked``, every other clause to the ``taskloop``)."""
    pragma = construct.pragma
    outer = pragma.directive.split()[0]
    on_outer = [c for c in pragma.clauses if c.name == "filter"]
    inner = Construct(
        replace(
            pragma,
            directive="taskloop",
            clauses=tuple(c for c in pragma.clauses if c.name != "filter"),
        ),
        body=construct.body,
    )
    return Construct(replace(pragma, directive=outer, clauses=tuple(on_outer)), body=[inner])


def _check_loop_target(target: cst.BaseExpression, pragma: Pragma, filename: str) -> None:
    """A work-shared loop binds private names: an item or an attribute as its target
    (``for a[0] in ...``) would be one shared place every thread stores to."""
    stack: list[cst.CSTNode] = [target]
    while stack:
        node = stack.pop()
        stack.extend(node.children)
        if isinstance(node, cst.Attribute | cst.Subscript):
            code = cst.Module([]).code_for_node(node)
            raise _error(
                pragma,
                filename,
                f"the loop of {_shown(pragma)} binds '{code}', not a name: every thread "
                "would store its iterations' values to that one shared place",
                hint=f"loop over a name and assign it in the body: 'for v in ...: {code} = v'",
            )


def _check_target(construct: Construct, filename: str, column_of: dict[cst.CSTNode, int]) -> None:
    pragma = construct.pragma
    first = construct.body[0] if construct.body else None
    if first is not None and not isinstance(first, Construct):
        column = column_of.get(first)
        if column is not None and column != pragma.pos.col:
            raise _error(
                pragma,
                filename,
                f"{_shown(pragma)} is not aligned with the statement it applies to",
                hint="indent the pragma like the next statement",
            )
    loops = (
        LOOP_DIRECTIVES
        | SEQUENTIAL_LOOP_DIRECTIVES
        | TASKLOOP_DIRECTIVES
        | PARALLEL_TASKLOOP_DIRECTIVES
    )
    if pragma.directive in loops:
        if len(construct.body) != 1 or not isinstance(construct.body[0], cst.For):
            found = _describe(construct.body[0]) if construct.body else "nothing"
            raise _error(
                pragma,
                filename,
                f"{_shown(pragma)} must be followed by a for loop, found {found}",
                hint="put the pragma on the line above the for statement it applies to",
            )
        loop = construct.body[0]
        if loop.asynchronous is not None:
            raise _error(
                pragma,
                filename,
                "'async for' loops cannot be work-shared",
                hint="use an ordinary for loop, or remove the pragma",
            )
        if loop.orelse is not None:
            raise _error(
                pragma,
                filename,
                f"a loop under {_shown(pragma)} cannot have an 'else' clause",
                hint="an else clause runs after the whole loop; move its code after the loop",
            )
        shared = LOOP_DIRECTIVES | TASKLOOP_DIRECTIVES | PARALLEL_TASKLOOP_DIRECTIVES
        if pragma.directive in shared:
            _check_loop_target(loop.target, pragma, filename)
    if pragma.directive == "atomic":
        atomic_forms.check(construct, filename)
    if pragma.directive == "declare simd" and not (
        len(construct.body) == 1 and isinstance(construct.body[0], cst.FunctionDef)
    ):
        found = _describe(construct.body[0]) if construct.body else "nothing"
        raise _error(
            pragma, filename, f"'# omp declare simd' must be followed by a def, found {found}",
            hint="put '# omp declare simd' on the line above a def",
        )


def _describe(item: Item) -> str:
    if isinstance(item, Construct):
        return f"another pragma ({_shown(item.pragma)})"
    if isinstance(item, cst.SimpleStatementLine):
        kind = type(item.body[0]).__name__.lower()
    else:
        kind = type(item).__name__.lower().replace("def", " def")
    article = "an" if kind[0] in "aeiou" else "a"
    return f"{article} '{kind}' statement"


def _split_sections(construct: Construct, filename: str) -> list[list[Item]]:
    """The sections of a ``sections`` construct.

    Each ``# omp section`` starts a section that runs until the next one; statements
    before the first ``# omp section`` form the first section (as in OpenMP, where the
    first ``section`` directive may be left out).
    """
    sections: list[list[Item]] = []
    current: list[Item] | None = None
    for item in construct.body:
        if isinstance(item, Construct) and item.directive == "section":
            current = list(item.body)
            sections.append(current)
        else:
            if current is None:
                current = []
                sections.append(current)
            current.append(item)
    return sections


def validate_nesting(items: list[Item], filename: str, inside_sections: bool = False) -> None:
    """``section`` only directly inside ``sections``."""
    for item in items:
        if isinstance(item, Construct):
            if item.directive == "section" and not inside_sections:
                raise _error(
                    item.pragma,
                    filename,
                    "'# omp section' must be directly inside '# omp sections'",
                    hint="write '# omp section' between the statements of a "
                    "'# omp sections' block, at its indentation (docs/pragmas.md, sections)",
                )
            validate_nesting(item.body, filename, item.directive in SECTIONS_DIRECTIVES)
