"""Where each statement of a module's body sits, read off Python's own parse.

One idea: the statements of the module's body that hold no pragma ("plain" ones)
need no libcst code generation at all (issue 21: on a 2,600-line module with one
pragma, generating code twice, for positions and for the result, cost more than
translating the construct).  Python's ``ast`` gives the line of each statement of
the body; with the count of comment and blank lines libcst puts before it
(``leading_lines``), that is where libcst's own code generation would start it.
So a plain statement's text in the result is its text in the source, its lines
in the line table are its own (moved by the lines inserted above it), and its
positions are worked out only if something asks (``metadata.LazyRanges``).

The analysis still sees the whole module (what its functions may change is written
into the result); only text, positions and line numbers are read this way.  When
the source is not laid out as this expects (a lone ``\\r`` line end, no final
newline, a statement that does not start a line), :func:`outline` gives None and
the translator generates everything as before.
"""

from __future__ import annotations

import ast
import bisect
from collections.abc import Iterable, Iterator

import libcst as cst

from .pragma import Pragma
from .sentinel import pragma_lines


class Outline:
    """The body's statements: lines before each (libcst's count), their own lines,
    and the text of each in the source."""

    def __init__(
        self,
        before: dict[cst.CSTNode, int],
        spans: dict[cst.CSTNode, tuple[int, int]],
        nodes: dict[cst.CSTNode, list[ast.stmt]],
        lines: list[str],
        footer_start: int,
    ) -> None:
        self.before = before  # statement -> lines before it (its comments included)
        self.spans = spans  # statement -> its first and last line (libcst's span)
        self.nodes = nodes  # statement -> the ast statements it is
        self.lines = lines  # the source's lines, each with its line end
        self.footer_start = footer_start  # lines before the module's footer
        self.plain: frozenset[cst.CSTNode] = frozenset()

    def ends(self) -> Iterator[tuple[cst.CSTNode, int, int]]:
        """Each statement with the lines of its text: ``(first, last]``."""
        statements = list(self.before)
        for index, statement in enumerate(statements):
            following = statements[index + 1] if index + 1 < len(statements) else None
            end = self.footer_start if following is None else self.before[following]
            yield statement, self.before[statement], end

    def mark_plain(self, pragmas: Iterable[Pragma]) -> None:
        """The statements whose text holds no pragma (all of them hold one, or
        none is plain, when a pragma stands at the module's level)."""
        pragma_lines = sorted(p.pos.line for p in pragmas)
        if any(p.pos.col == 0 for p in pragmas):
            return  # a construct of the module's own code may span statements
        plain = []
        for statement, first, last in self.ends():
            if not any(first < line <= last for line in pragma_lines):
                plain.append(statement)
        self.plain = frozenset(plain)

    def regions(self, source: str) -> list[tuple[int, int]]:
        """The lines ``(first, last]`` to search for pragmas (``scanner.find_pragmas``):
        each piece of the module (its header, a statement of the body with the
        comments above it, its footer) holding a line that may be one, and the piece
        after a piece whose last line continues a comment (``\\``)."""
        lines = self.lines
        pieces = [(0, next(iter(self.before.values())))]  # the header
        pieces += [(first, last) for _, first, last in self.ends()]
        pieces.append((self.footer_start, len(lines)))
        starts = [first for first, _ in pieces]
        chosen: set[int] = set()
        for line in pragma_lines(source):
            index = bisect.bisect_left(starts, line) - 1
            while index not in chosen and 0 <= index < len(pieces):
                chosen.add(index)
                first, last = pieces[index]
                if not (last > first and lines[last - 1].rstrip().endswith("\\")):
                    break
                index += 1
        return [pieces[index] for index in sorted(chosen) if pieces[index][1] > pieces[index][0]]

    def texts(self) -> dict[cst.CSTNode, str]:
        """The plain statements' code as libcst generates it: their lines in the source."""
        return {
            node: "".join(self.lines[first:last])
            for node, first, last in self.ends()
            if node in self.plain
        }

    def statement_lines(self, statement: cst.CSTNode) -> set[int]:
        """The lines the line table enters for a statement kept as it is, as
        ``translate._line_table`` enters them from libcst's positions: the first line
        of each compound statement in it, every line of each simple statement line."""
        found: set[int] = set()
        _enter_lines(self.nodes[statement], self.lines, found)
        return found


def outline(module: cst.Module, source: str, tree: ast.Module) -> Outline | None:
    """The module's :class:`Outline`, or None when its source is laid out otherwise."""
    if "\r" in source or not source.endswith("\n") or not module.has_trailing_newline:
        return None
    if not module.body:
        return None
    lines = [line + "\n" for line in source.split("\n")[:-1]]
    groups: list[list[ast.stmt]] = []
    last_end = 0
    for node in tree.body:
        if groups and node.lineno <= last_end:
            groups[-1].append(node)  # ``a = 1; b = 2``: one statement line for libcst
        else:
            groups.append([node])
        last_end = max(last_end, node.end_lineno or node.lineno)
    if len(groups) != len(module.body):
        return None
    before: dict[cst.CSTNode, int] = {}
    spans: dict[cst.CSTNode, tuple[int, int]] = {}
    nodes: dict[cst.CSTNode, list[ast.stmt]] = {}
    previous = len(module.header)
    for statement, group in zip(module.body, groups, strict=True):
        first = group[0]
        decorators = getattr(first, "decorator_list", None)
        start = decorators[0].lineno if decorators else first.lineno
        if not _starts_line(lines, start, "@" if decorators else None):
            return None
        count = start - 1 - len(statement.leading_lines)
        if count < previous:
            return None
        before[statement] = previous = count
        spans[statement] = (first.lineno, max(n.end_lineno or n.lineno for n in group))
        nodes[statement] = group
    if module.body and before[module.body[0]] != len(module.header):
        return None
    footer_start = len(lines) - len(module.footer)
    if module.body and footer_start < spans[module.body[-1]][1]:
        return None
    return Outline(before, spans, nodes, lines, footer_start)


def _starts_line(lines: list[str], line: int, mark: str | None) -> bool:
    if not 1 <= line <= len(lines):
        return False
    text = lines[line - 1]
    if not text or text[0] in " \t\f\n#":
        return False
    return mark is None or text.startswith(mark)


def _enter_lines(body: list[ast.stmt], lines: list[str], found: set[int]) -> None:
    """Statements of one block: compound ones enter their first line; each logical
    line of simple ones (``a = 1; b = 2`` is one) enters all its lines, unless it
    follows its compound statement's colon on the same line (libcst's
    ``SimpleStatementSuite``, which is no statement)."""
    end_of_line = 0  # the last line of the current logical line of simple statements
    entered = False  # whether that line is entered (not a suite)
    for node in body:
        if isinstance(node, _COMPOUND):
            if not _is_elif(node, lines):  # an ``elif`` is in no block: not entered
                found.add(node.lineno)
            for part in _blocks(node):
                _enter_lines(part, lines, found)
            end_of_line = 0
            continue
        end = node.end_lineno or node.lineno
        if end_of_line and node.lineno <= end_of_line:
            pass  # after a ';': the same logical line
        else:
            entered = not lines[node.lineno - 1][: node.col_offset].strip(" \t\f")
        if entered:
            found.update(range(node.lineno, end + 1))
        end_of_line = max(end_of_line, end)


def _is_elif(node: ast.stmt, lines: list[str]) -> bool:
    return isinstance(node, ast.If) and lines[node.lineno - 1].lstrip().startswith("elif")


_COMPOUND = (
    ast.FunctionDef,
    ast.AsyncFunctionDef,
    ast.ClassDef,
    ast.If,
    ast.For,
    ast.AsyncFor,
    ast.While,
    ast.With,
    ast.AsyncWith,
    ast.Try,
    ast.Match,
    *([ast.TryStar] if hasattr(ast, "TryStar") else []),
)


def _blocks(node: ast.stmt) -> Iterator[list[ast.stmt]]:
    for name in ("body", "orelse", "finalbody"):
        part = getattr(node, name, None)
        if part:
            yield part
    for handler in getattr(node, "handlers", ()):
        yield handler.body
    for case in getattr(node, "cases", ()):
        yield case.body
