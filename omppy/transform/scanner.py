"""Finding ``# omp`` pragmas in Python source text.

This module owns the textual side of pragmas: which comments are pragmas (a comment
alone on its line whose text starts with the sentinel ``# omp``), joining a pragma's
continuation lines.  The cheap check :func:`has_pragmas` lives in ``sentinel.py``, so
that the import hook can run it on every module without importing the rest.  What the
text of a pragma means is ``grammar.py``'s business.

Comments are found with :mod:`tokenize`, not with line regexes, so that ``# omp`` inside
a string literal, or in a trailing comment such as ``x = 1  # omp for``, is not a pragma.
"""

from __future__ import annotations

import io
import tokenize
from collections.abc import Callable, Sequence
from typing import NamedTuple

from .diagnostics import PragmaError
from .grammar import Segment, parse_pragma, without_comment
from .pragma import Position, Pragma
from .sentinel import PRAGMA_RE, SENTINEL_RE, has_pragmas

__all__ = ["PRAGMA_RE", "find_pragmas", "has_pragmas"]

# Tokens after which a comment is the first thing on its logical line.
_LINE_START = frozenset(
    {tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT, tokenize.ENCODING}
)


class _Comment(NamedTuple):
    """A comment that has only whitespace before it on its physical line."""

    line: int
    col: int
    text: str
    # False when the comment is inside a statement: within brackets, or after a
    # backslash line continuation.  A pragma there could not apply to anything.
    between_statements: bool


def find_pragmas(
    source: str,
    filename: str = "<string>",
    regions: Sequence[tuple[int, int]] | None = None,
) -> list[Pragma]:
    """Every pragma in ``source``, continuation lines joined, in document order.

    ``source`` must be valid Python.  Raises :class:`PragmaError` for a malformed pragma.
    ``regions``: the only lines to search, ``(first, last]`` each, every one beginning
    where a statement of the module's body (or the comments above it) begins, and
    every pragma's lines inside one (``outline.Outline.regions``, for a source whose
    lines all end in ``\n``): tokenizing the whole of a big module cost more than
    translating its one construct.
    """
    if not has_pragmas(source):
        return []
    if regions is not None:
        lines = [line + "\n" for line in source.split("\n")[:-1]]
        comments: dict[int, _Comment] = {}
        for first, last in regions:
            readline = io.StringIO("".join(lines[first:last])).readline
            comments.update(_own_line_comments(readline, lines, filename, first))
        return _pragmas(comments, lines, filename)
    # Python counts a lone '\r' as a line break; tokenize only sees '\n'.
    source = source.replace("\r\n", "\n").replace("\r", "\n")
    lines = []
    comments = _own_line_comments(_recording_readline(source, lines), lines, filename)
    return _pragmas(comments, lines, filename)


def _pragmas(comments: dict[int, _Comment], lines: list[str], filename: str) -> list[Pragma]:
    pragmas = []
    continuations: set[int] = set()
    for comment in comments.values():
        sentinel = SENTINEL_RE.match(comment.text)
        if sentinel is None or comment.line in continuations:
            continue
        if not comment.between_statements:
            raise PragmaError(
                "a pragma must stand on a line between statements, not inside one",
                filename=filename,
                line=comment.line,
                col=comment.col,
                source_line=_physical(lines, comment.line),
                hint="move it above the statement it applies to",
            )
        segments = _segments(comment, sentinel.end(), comments, lines, filename)
        continuations.update(seg.line for seg in segments[1:])
        pos = Position(comment.line, comment.col)
        pragmas.append(parse_pragma(segments, filename, pos=pos))
    return pragmas


def _recording_readline(source: str, lines: list[str]) -> Callable[[], str]:
    """A readline for tokenize that also keeps each line, for error messages."""
    readline = io.StringIO(source).readline

    def read() -> str:
        line = readline()
        if line:
            lines.append(line)
        return line

    return read


def _physical(lines: list[str], line: int) -> str:
    return lines[line - 1].rstrip("\n") if 1 <= line <= len(lines) else ""


def _own_line_comments(
    readline: Callable[[], str], lines: list[str], filename: str, offset: int = 0
) -> dict[int, _Comment]:
    """The comments that stand alone on their physical line, by line number.

    ``lines`` fills up as ``readline`` reads, so a token's line is always there (or
    holds every line, when ``readline`` reads the part after line ``offset``).
    """
    comments: dict[int, _Comment] = {}
    depth = 0
    previous = tokenize.ENCODING
    try:
        for tok in tokenize.generate_tokens(readline):
            if tok.type == tokenize.OP and tok.string in "([{":
                depth += 1
            elif tok.type == tokenize.OP and tok.string in ")]}":
                depth -= 1
            elif tok.type == tokenize.COMMENT:
                line, col = tok.start
                line += offset
                indent = lines[line - 1][:col]
                if not indent.strip(" \t\f"):
                    between = depth == 0 and previous in _LINE_START
                    if "\f" in indent:
                        # A form feed in the indentation resets it, as Python reads
                        # it: the comment's column (and the line messages show) start
                        # after the last one.
                        cut = indent.rfind("\f") + 1
                        lines[line - 1] = lines[line - 1][cut:]
                        col -= cut
                    comments[line] = _Comment(line, col, tok.string, between)
            previous = tok.type
    except (tokenize.TokenError, SyntaxError) as err:
        # The caller parsed the source first, so this is a bug or a tokenize quirk; it
        # still gets reported as a located error rather than a traceback.
        line, col = _error_location(err)
        line += offset
        raise PragmaError(
            f"cannot tokenize the source: {_error_message(err)}",
            filename=filename,
            line=line,
            col=col,
            source_line=_physical(lines, line),
            hint="python cannot read this line either: fix its syntax",
        ) from None
    return comments


def _error_location(err: tokenize.TokenError | SyntaxError) -> tuple[int, int]:
    if isinstance(err, SyntaxError):
        return err.lineno or 1, max((err.offset or 1) - 1, 0)
    line, col = err.args[1]
    return line, col


def _error_message(err: tokenize.TokenError | SyntaxError) -> str:
    return err.msg if isinstance(err, SyntaxError) else str(err.args[0])


def _segments(
    first: _Comment,
    start: int,
    comments: dict[int, _Comment],
    lines: list[str],
    filename: str,
) -> list[Segment]:
    """The pragma starting in ``first`` (its text from ``start``), one segment a line.

    A line whose text ends in a backslash continues on the next line, which must be a
    comment of its own; that comment may repeat the sentinel or be a bare ``#``.
    """
    segments = []
    comment = first
    while True:
        text = without_comment(comment.text[start:])
        body = text.rstrip()
        continued = body.endswith("\\")
        source_line = _physical(lines, comment.line)
        segments.append(
            Segment(
                body[:-1] if continued else text, comment.line, comment.col + start, source_line
            )
        )
        if not continued:
            return segments
        following = comments.get(comment.line + 1)
        if following is None:
            raise PragmaError(
                "the pragma continues ('\\') but the next line is not a comment",
                filename=filename,
                line=comment.line,
                col=comment.col + start + len(body) - 1,
                source_line=source_line,
                hint="continue it on the next line with '# omp <clauses>' or "
                "'#   <clauses>', or remove the '\\'",
            )
        sentinel = SENTINEL_RE.match(following.text)
        comment, start = following, sentinel.end() if sentinel else 1
