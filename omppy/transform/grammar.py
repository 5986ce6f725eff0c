"""The pragma grammar: from the text of one ``# omp`` pragma to a :class:`Pragma`.

This module owns the syntax that docs/pragmas.md describes: directive names, which
clauses each directive takes, and the shape of every clause argument. It checks each
argument as far as the text allows (names are identifiers, expressions parse, kinds are
known) and reports the first problem as a :class:`PragmaError` at the exact line and
column of the offending token, also when that token sits on a continuation line.

Finding pragma comments and joining their continuation lines is ``scanner.py``'s job;
whether a pragma sits on a statement it can apply to is ``plan.py``'s.

One idea, the pragma grammar, in one module (it is longer than most): a parser with
one method per kind of clause argument, and the scanning of Python text inside
arguments (strings, brackets) that they share.
"""

from __future__ import annotations

import ast
import keyword
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from .diagnostics import PragmaError, did_you_mean
from .pragma import (
    BLOCK_DIRECTIVES,
    DEFAULT_KINDS,
    DIRECTIVE_CLAUSES,
    LOOP_DIRECTIVES,
    PROC_BIND_KINDS,
    REDUCTION_ALIASES,
    REDUCTION_OPERATORS,
    SCHEDULE_KINDS,
    UNSUPPORTED_DIRECTIVES,
    Clause,
    Position,
    Pragma,
)

__all__ = ["Segment", "parse_pragma"]


class Segment(NamedTuple):
    """The part of one physical line that belongs to a pragma.

    ``text`` follows the sentinel (``# omp``) or, on a continuation line without the
    sentinel, the ``#``; a continuation backslash is already removed.  ``col`` is the
    0-based column of ``text[0]`` in ``source_line``, the whole physical line.
    """

    text: str
    line: int
    col: int
    source_line: str


DOCS_HINT = "see docs/pragmas.md for what omppy supports"

ALL_CLAUSES = frozenset().union(*DIRECTIVE_CLAUSES.values())
# Clauses that take a list of variables and may therefore be given more than once.
LIST_CLAUSES = frozenset({"private", "firstprivate", "lastprivate", "shared", "copyprivate"})
REPEATABLE_CLAUSES = LIST_CLAUSES | {"reduction"}
# The one pair of data-sharing clauses OpenMP lets name the same variable.
COMPATIBLE_CLAUSES = frozenset({"firstprivate", "lastprivate"})
EXPRESSION_CLAUSES = frozenset({"if", "num_threads", "filter", "hint"})
FLAG_CLAUSES = frozenset({"nowait", "ordered", "update"})
SCHEDULE_MODIFIERS = ("monotonic", "nonmonotonic", "simd")
REDUCTION_MODIFIERS = ("default", "inscan", "task")
# OpenMP clauses that omppy knows but does not implement: "not supported", not "unknown".
UNSUPPORTED_CLAUSES = frozenset(
    {
        "copyin",
        "linear",
        "aligned",
        "allocate",
        "depend",
        "doacross",
        "order",
        "bind",
        "in_reduction",
        "task_reduction",
        "untied",
        "mergeable",
        "final",
        "priority",
        "grainsize",
        "num_tasks",
        "nogroup",
        "safelen",
        "simdlen",
        "nontemporal",
        "threads",
        "seq_cst",
        "acq_rel",
        "release",
        "acquire",
        "relaxed",
        "device",
        "map",
        "thread_limit",
        "num_teams",
        "dist_schedule",
        "affinity",
        "detach",
    }
)
# ``atomic`` forms other than the update of one augmented assignment.
UNSUPPORTED_ATOMIC = frozenset({"read", "write", "capture", "compare"})

# Two-word directive names, recognised before their first word alone.
_PHRASES = frozenset(d for d in DIRECTIVE_CLAUSES.keys() | UNSUPPORTED_DIRECTIVES if " " in d)
# Words that start a directive; one following a directive asks for a combined construct
# (``parallel master``, ``for simd``).  Words that are also clauses (``ordered``) stay
# clauses there.
_DIRECTIVE_WORDS = (
    frozenset(w for d in DIRECTIVE_CLAUSES.keys() | UNSUPPORTED_DIRECTIVES for w in d.split())
    - ALL_CLAUSES
)
_KNOWN_WORDS = frozenset({w for d in DIRECTIVE_CLAUSES for w in d.split()} | {"end"})

# Shown in hints when a clause's argument is missing or malformed.
EXAMPLES = {
    "private": "private(a, b)",
    "firstprivate": "firstprivate(a, b)",
    "lastprivate": "lastprivate(a, b)",
    "shared": "shared(a, b)",
    "copyprivate": "copyprivate(a, b)",
    "reduction": "reduction(+: total)",
    "if": "if(n > 1000)",
    "num_threads": "num_threads(4)",
    "filter": "filter(0)",
    "hint": "hint(0)",
    "schedule": "schedule(dynamic, 4)",
    "default": "default(none)",
    "proc_bind": "proc_bind(close)",
    "collapse": "collapse(2)",
}

_WORD_RE = re.compile(r"[^\W\d]\w*")
# What an error says it found: a word or number, else one character.
_TOKEN_RE = re.compile(r"\w+|\S")
_INTEGER_RE = re.compile(r"[0-9]+")
_CLOSERS = {"(": ")", "[": "]", "{": "}"}


def parse_pragma(
    segments: Sequence[Segment], filename: str = "<string>", *, pos: Position | None = None
) -> Pragma:
    """Parse one pragma from its segments (one per physical line, in order).

    ``pos`` is where the pragma's ``#`` is; it defaults to the start of the first segment.
    Raises :class:`PragmaError` for anything malformed.
    """
    if not segments:
        raise ValueError("a pragma has at least one segment")
    first = segments[0]
    return _Parser(segments, filename).parse(pos or Position(first.line, first.col))


class _Span(NamedTuple):
    """A piece of the joined pragma text and the offset where it starts."""

    text: str
    start: int

    def strip(self) -> _Span:
        lead = len(self.text) - len(self.text.lstrip())
        return _Span(self.text.strip(), self.start + lead)


class _OpenString(Exception):
    """A string literal in a clause argument that never closes."""

    def __init__(self, offset: int) -> None:
        super().__init__(offset)
        self.offset = offset


def _string_end(text: str, i: int) -> int:
    """Index just past the string literal whose opening quote is at ``i``, or -1."""
    quote = text[i] * 3 if text.startswith(text[i] * 3, i) else text[i]
    j = i + len(quote)
    while j < len(text):
        if text[j] == "\\":
            j += 2
        elif text.startswith(quote, j):
            return j + len(quote)
        else:
            j += 1
    return -1


def _code_chars(text: str, start: int = 0) -> Iterator[tuple[int, str]]:
    """Each character of ``text`` from ``start`` that is not inside a string literal.

    Brackets, commas and colons inside strings (``if(s == "a, b:")``) must not count.
    """
    i = start
    while i < len(text):
        c = text[i]
        if c in "'\"":
            end = _string_end(text, i)
            if end < 0:
                raise _OpenString(i)
            i = end
            continue
        yield i, c
        i += 1


def _split(span: _Span, sep: str, maxsplit: int = -1) -> list[_Span]:
    """``span`` split at ``sep`` where it is outside brackets and strings."""
    pieces: list[_Span] = []
    depth = begin = 0
    for i, c in _code_chars(span.text):
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        elif c == sep and depth == 0 and len(pieces) != maxsplit:
            pieces.append(_Span(span.text[begin:i], span.start + begin))
            begin = i + 1
    pieces.append(_Span(span.text[begin:], span.start + begin))
    return pieces


def _is_name(text: str) -> bool:
    return text.isidentifier() and not keyword.iskeyword(text)


class _Joined:
    """The segments joined by single spaces, and the way back to line and column."""

    def __init__(self, segments: Sequence[Segment]) -> None:
        self.segments = list(segments)
        self.starts: list[int] = []
        offset = 0
        for seg in self.segments:
            self.starts.append(offset)
            offset += len(seg.text) + 1
        # The space keeps words on different lines apart ('parallel' ending one line,
        # 'for' starting the next).
        self.text = " ".join(seg.text for seg in self.segments)

    def locate(self, offset: int) -> tuple[Segment, int]:
        """The segment holding ``offset`` and the column there.

        The joining space after a segment maps to the segment's end, where its
        backslash was.
        """
        index = bisect_right(self.starts, offset) - 1
        seg = self.segments[index]
        return seg, seg.col + offset - self.starts[index]


class _Parser:
    """A cursor over one pragma's joined text; ``parse`` builds the :class:`Pragma`."""

    def __init__(self, segments: Sequence[Segment], filename: str) -> None:
        self.joined = _Joined(segments)
        self.text = self.joined.text
        self.filename = filename
        self.i = 0
        self.clauses: list[Clause] = []
        # Variable -> the data-sharing clauses that already named it.
        self.listed: dict[str, list[str]] = {}

    # -- errors and positions ------------------------------------------------------

    def error(self, message: str, offset: int, hint: str | None = None) -> PragmaError:
        seg, col = self.joined.locate(offset)
        return PragmaError(
            message,
            filename=self.filename,
            line=seg.line,
            col=col,
            source_line=seg.source_line,
            hint=hint,
        )

    def position(self, offset: int) -> Position:
        seg, col = self.joined.locate(offset)
        return Position(seg.line, col)

    def found(self, offset: int) -> str:
        """The token at ``offset``, quoted, for "expected X, found Y" messages."""
        match = _TOKEN_RE.search(self.text, offset)
        return f"'{match.group()}'" if match else "the end of the pragma"

    # -- the cursor --------------------------------------------------------------------

    def skip_space(self) -> int:
        while self.i < len(self.text) and self.text[self.i].isspace():
            self.i += 1
        return self.i

    def at_end(self) -> bool:
        return self.skip_space() == len(self.text)

    def peek(self) -> str:
        return "" if self.at_end() else self.text[self.i]

    def word(self, *, consume: bool = True) -> _Span | None:
        match = _WORD_RE.match(self.text, self.skip_space())
        if match is None:
            return None
        if consume:
            self.i = match.end()
        return _Span(match.group(), match.start())

    def argument(self) -> _Span | None:
        """The text inside a parenthesised argument at the cursor, if there is one."""
        if self.peek() != "(":
            return None
        open_at = self.i
        close_at = self.matching_paren(open_at)
        self.i = close_at + 1
        return _Span(self.text[open_at + 1 : close_at], open_at + 1)

    def matching_paren(self, open_at: int) -> int:
        stack: list[tuple[str, int]] = []
        try:
            for i, c in _code_chars(self.text, open_at):
                if c in _CLOSERS:
                    stack.append((c, i))
                elif c in ")]}":
                    opener, _ = stack.pop()
                    if _CLOSERS[opener] != c:
                        raise self.error(f"closing '{c}' does not match opening '{opener}'", i)
                    if not stack:
                        return i
        except _OpenString as err:
            raise self.error("unterminated string literal", err.offset) from None
        opener, at = stack[-1]
        raise self.error(f"'{opener}' was never closed", at)

    # -- directives ----------------------------------------------------------------------

    def parse(self, pos: Position) -> Pragma:
        first = self.word()
        if first is None:
            if self.at_end():
                raise self.error(
                    "missing directive after '# omp'",
                    0,
                    hint="write a directive, e.g. '# omp parallel for'; " + DOCS_HINT,
                )
            raise self.error(f"expected a directive, found {self.found(self.i)}", self.i)
        if first.text == "end":
            return self.parse_end(pos)
        directive = self.directive(first)
        name, flush_names = self.directive_argument(directive)
        self.parse_clauses(directive)
        return self.pragma(directive, pos, name=name, flush_names=flush_names)

    def pragma(
        self,
        directive: str,
        pos: Position,
        *,
        end: bool = False,
        name: str | None = None,
        flush_names: tuple[str, ...] = (),
    ) -> Pragma:
        segments = self.joined.segments
        text = " ".join(s.text.strip() for s in segments if s.text.strip())
        return Pragma(
            directive,
            pos,
            end_line=segments[-1].line,
            text=text,
            clauses=tuple(self.clauses),
            end=end,
            name=name,
            flush_names=flush_names,
        )

    def directive(self, first: _Span) -> str:
        """The canonical directive name starting with the word ``first``."""
        second = self.word(consume=False)
        name = first.text
        if second is not None and f"{name} {second.text}" in _PHRASES:
            self.word()
            name = f"{name} {second.text}"
        if name in UNSUPPORTED_DIRECTIVES:
            raise self.unsupported(name, first.start)
        if name not in DIRECTIVE_CLAUSES:
            if name in ALL_CLAUSES:
                raise self.error(
                    f"expected a directive, found clause '{name}'",
                    first.start,
                    hint=f"clauses follow a directive, e.g. '# omp parallel {name}(...)'",
                )
            raise self.error(
                f"unknown directive '{name}'{did_you_mean(name, _KNOWN_WORDS - {name})}",
                first.start,
                hint=DOCS_HINT,
            )
        extra = self.word(consume=False)
        if extra is not None and extra.text in _DIRECTIVE_WORDS:
            raise self.unsupported(f"{name} {extra.text}", first.start)
        return name

    def unsupported(self, name: str, offset: int) -> PragmaError:
        hint = DOCS_HINT
        outer, _, inner = name.rpartition(" ")
        if outer in DIRECTIVE_CLAUSES and inner in DIRECTIVE_CLAUSES:
            hint = f"nest the constructs instead: '# omp {inner}' inside '# omp {outer}'"
        return self.error(f"'# omp {name}' is not supported by omppy", offset, hint=hint)

    def parse_end(self, pos: Position) -> Pragma:
        blocks = ", ".join(sorted(BLOCK_DIRECTIVES))
        word = self.word()
        if word is None:
            raise self.error(
                "missing directive after '# omp end'",
                self.i,
                hint=f"'# omp end' closes one of: {blocks}",
            )
        directive = self.directive(word)
        if directive in LOOP_DIRECTIVES:
            raise self.error(
                f"cannot end '{directive}': it is a loop construct",
                word.start,
                hint="a loop construct ends with its for statement; remove this line",
            )
        if directive not in BLOCK_DIRECTIVES:
            raise self.error(
                f"cannot end '{directive}': it is not a block construct",
                word.start,
                hint=f"'# omp end' closes one of: {blocks}",
            )
        name, _ = self.directive_argument(directive)
        if not self.at_end():
            raise self.error(
                f"'# omp end {directive}' takes no clauses",
                self.i,
                hint=f"put clauses on the opening '# omp {directive}'",
            )
        return self.pragma(directive, pos, end=True, name=name)

    def directive_argument(self, directive: str) -> tuple[str | None, tuple[str, ...]]:
        """The parenthesised argument of ``critical(name)`` or ``flush(a, b)``, if any."""
        arg = self.argument()
        if arg is None:
            return None, ()
        if directive == "critical":
            return self.identifier(arg, "a name", "critical(name)"), ()
        if directive == "flush":
            return None, tuple(
                self.identifier(p, "a variable name", "flush(a, b)") for p in _split(arg, ",")
            )
        raise self.error(f"directive '{directive}' takes no argument", arg.start - 1)

    # -- clauses -------------------------------------------------------------------------

    def parse_clauses(self, directive: str) -> None:
        while not self.at_end():
            # OpenMP allows an optional comma before each clause.
            if self.text[self.i] == ",":
                comma = self.i
                self.i += 1
                if self.at_end():
                    raise self.error("trailing ',' after the last clause", comma)
            word = self.word()
            if word is None:
                raise self.error(f"expected a clause, found {self.found(self.i)}", self.i)
            self.check_clause(directive, word)
            self.clauses.append(self.clause(word))

    def check_clause(self, directive: str, word: _Span) -> None:
        name = word.text
        allowed = DIRECTIVE_CLAUSES[directive]
        accepts = (
            f"'{directive}' accepts: {', '.join(sorted(allowed))}"
            if allowed
            else f"'{directive}' takes no clauses"
        )
        if name not in ALL_CLAUSES:
            if directive == "atomic" and name in UNSUPPORTED_ATOMIC:
                raise self.error(
                    f"'# omp atomic {name}' is not supported by omppy",
                    word.start,
                    hint="omppy's atomic applies to one augmented assignment such as "
                    "'count += 1'; use '# omp critical' for anything else",
                )
            if name in UNSUPPORTED_CLAUSES:
                raise self.error(
                    f"clause '{name}' is not supported by omppy", word.start, hint=DOCS_HINT
                )
            suggestion = did_you_mean(name, ALL_CLAUSES)
            raise self.error(
                f"unknown clause '{name}'{suggestion}",
                word.start,
                hint=None if suggestion else accepts,
            )
        if name not in allowed:
            raise self.error(
                f"clause '{name}' is not allowed on '{directive}'", word.start, hint=accepts
            )
        if name not in REPEATABLE_CLAUSES and any(c.name == name for c in self.clauses):
            raise self.error(f"clause '{name}' appears twice", word.start)

    def clause(self, word: _Span) -> Clause:
        name, pos = word.text, self.position(word.start)
        paren = self.skip_space()  # where a '(' would be
        arg = self.argument()
        if name in FLAG_CLAUSES:
            if arg is None:
                return Clause(name, pos)
            if name == "ordered":
                raise self.error(
                    "'ordered(n)' (doacross loops) is not supported by omppy",
                    paren,
                    hint="write 'ordered' on the loop and '# omp ordered' in its body",
                )
            raise self.error(f"clause '{name}' takes no argument", paren)
        if arg is None:
            raise self.error(
                f"clause '{name}' needs an argument",
                word.start,
                hint=f"for example {EXAMPLES[name]}",
            )
        if name in LIST_CLAUSES:
            return Clause(name, pos, names=self.names(arg, name))
        if name in EXPRESSION_CLAUSES:
            expr = self.expression(self.if_modifier(arg) if name == "if" else arg, name)
            return Clause(name, pos, expr=expr.text, expr_pos=self.position(expr.start))
        if name == "reduction":
            return self.reduction(arg, pos)
        if name == "schedule":
            return self.schedule(arg, pos)
        if name == "collapse":
            return Clause(name, pos, number=self.collapse(arg))
        choices = DEFAULT_KINDS if name == "default" else PROC_BIND_KINDS
        return Clause(name, pos, kind=self.keyword(arg.strip(), name, choices))

    def identifier(self, span: _Span, what: str, example: str) -> str:
        """The Python name in ``span``, NFKC-normalised as the compiler does."""
        span = span.strip()
        name = unicodedata.normalize("NFKC", span.text)
        if span.text.isidentifier() and _is_name(name):
            return name
        found = f"'{span.text}'" if span.text else self.found(span.start)
        hint = (
            f"'{name}' is a Python keyword"
            if keyword.iskeyword(name)
            else f"for example {example}"
        )
        raise self.error(f"expected {what}, found {found}", span.start, hint=hint)

    def names(self, arg: _Span, clause: str) -> tuple[str, ...]:
        names = []
        for piece in _split(arg, ","):
            name = self.identifier(piece, "a variable name", EXAMPLES[clause])
            self.note_listed(name, clause, piece.strip().start)
            names.append(name)
        return tuple(names)

    def note_listed(self, name: str, clause: str, offset: int) -> None:
        """Refuse a variable that already has a data-sharing clause in this pragma."""
        earlier = self.listed.setdefault(name, [])
        for prev in earlier:
            if {prev, clause} != COMPATIBLE_CLAUSES:
                message = (
                    f"'{name}' appears twice in '{clause}'"
                    if prev == clause
                    else f"'{name}' appears in both '{prev}' and '{clause}'"
                )
                raise self.error(
                    message,
                    offset,
                    hint="a variable takes one data-sharing clause "
                    "(only firstprivate and lastprivate may share one)",
                )
        earlier.append(clause)

    def expression(self, arg: _Span, clause: str) -> _Span:
        """The stripped expression in ``arg``, checked to be one valid Python expression."""
        expr = arg.strip()
        if not expr.text:
            raise self.error(
                f"clause '{clause}' needs an expression",
                expr.start,
                hint=f"for example {EXAMPLES[clause]}",
            )
        depth = 0
        for i, c in _code_chars(expr.text):
            depth += (c in "([{") - (c in ")]}")
            # A '#' would turn the rest of the generated line into a comment.
            if c == "#" or (c == "," and depth == 0):
                raise self.error(
                    f"unexpected '{c}' in clause '{clause}'",
                    expr.start + i,
                    hint=f"for example {EXAMPLES[clause]}",
                )
        try:
            ast.parse(expr.text, mode="eval")
        except (SyntaxError, ValueError, MemoryError, RecursionError) as err:
            # MemoryError: CPython 3.11 reports a parser stack overflow that way.
            col = getattr(err, "offset", None) or 1
            offset = expr.start + min(max(col - 1, 0), len(expr.text))
            reason = getattr(err, "msg", None) or str(err) or type(err).__name__
            raise self.error(
                f"invalid expression in clause '{clause}': {reason}", offset
            ) from None
        return expr

    def if_modifier(self, arg: _Span) -> _Span:
        """``arg`` without a leading ``parallel:`` (the only construct ``if`` applies to)."""
        head = _split(arg, ":", maxsplit=1)
        modifier = head[0].strip()
        if len(head) == 1 or not _is_name(modifier.text):
            return arg
        if modifier.text != "parallel":
            raise self.error(
                f"'if' modifier '{modifier.text}' is not supported",
                modifier.start,
                hint="write if(parallel: expr) or if(expr)",
            )
        return head[1]

    def keyword(self, span: _Span, clause: str, choices: Sequence[str]) -> str:
        if span.text in choices:
            return span.text
        what = "schedule kind" if clause == "schedule" else f"{clause} kind"
        if not span.text:
            raise self.error(
                f"clause '{clause}' needs an argument",
                span.start,
                hint=f"for example {EXAMPLES[clause]}",
            )
        raise self.error(
            f"unknown {what} '{span.text}'{did_you_mean(span.text, choices)}",
            span.start,
            hint=f"{what}s: {', '.join(choices)}",
        )

    def reduction(self, arg: _Span, pos: Position) -> Clause:
        parts = _split(arg, ":", maxsplit=1)
        if len(parts) == 1:
            raise self.error(
                "missing ':' after the reduction operator",
                arg.strip().start,
                hint="write reduction(op: names), e.g. reduction(+: total)",
            )
        *modifiers, op_span = (p.strip() for p in _split(parts[0], ","))
        for modifier in modifiers:
            self.reduction_modifier(modifier)
        op = REDUCTION_ALIASES.get(op_span.text, op_span.text)
        if op not in REDUCTION_OPERATORS:
            message = (
                f"unknown reduction operator '{op}'{did_you_mean(op, REDUCTION_OPERATORS)}"
                if op
                else "missing reduction operator"
            )
            raise self.error(
                message,
                op_span.start,
                hint=f"operators: {' '.join(REDUCTION_OPERATORS)} (&& and || mean and, or)",
            )
        return Clause("reduction", pos, names=self.names(parts[1], "reduction"), op=op)

    def reduction_modifier(self, modifier: _Span) -> None:
        if modifier.text == "default":  # what OpenMP does without a modifier
            return
        if modifier.text in REDUCTION_MODIFIERS:
            raise self.error(
                f"reduction modifier '{modifier.text}' is not supported by omppy",
                modifier.start,
                hint=DOCS_HINT,
            )
        raise self.error(
            f"unknown reduction modifier '{modifier.text}'"
            f"{did_you_mean(modifier.text, REDUCTION_MODIFIERS)}",
            modifier.start,
            hint="write reduction(op: names), e.g. reduction(+: total)",
        )

    def schedule(self, arg: _Span, pos: Position) -> Clause:
        head = _split(arg, ":", maxsplit=1)
        modifiers = [m.strip() for m in _split(head[0], ",")]
        if len(head) == 2 and all(_is_name(m.text) for m in modifiers):
            colon = head[1].start - 1
            for modifier in modifiers:
                self.schedule_modifier(modifier, colon)
            arg = head[1]
        kind_span, *chunk = _split(arg, ",", maxsplit=1)
        kind = self.keyword(kind_span.strip(), "schedule", SCHEDULE_KINDS)
        if not chunk:
            return Clause("schedule", pos, kind=kind)
        if kind in ("runtime", "auto"):
            raise self.error(
                f"schedule kind '{kind}' takes no chunk size",
                chunk[0].strip().start,
                hint=f"write schedule({kind})"
                + ("; the kind and chunk come from OMP_SCHEDULE" if kind == "runtime" else ""),
            )
        if not chunk[0].strip().text:
            raise self.error(
                "missing chunk size after ','",
                chunk[0].start - 1,
                hint=f"for example schedule({kind}, 4)",
            )
        expr = self.expression(chunk[0], "schedule")
        return Clause(
            "schedule", pos, kind=kind, expr=expr.text, expr_pos=self.position(expr.start)
        )

    def schedule_modifier(self, modifier: _Span, colon: int) -> None:
        if modifier.text in SCHEDULE_MODIFIERS:  # accepted; they change nothing here
            return
        if modifier.text in SCHEDULE_KINDS:
            raise self.error(
                f"expected ',' after schedule kind '{modifier.text}', found ':'",
                colon,
                hint=f"write schedule({modifier.text}, chunk)",
            )
        raise self.error(
            f"unknown schedule modifier '{modifier.text}'"
            f"{did_you_mean(modifier.text, SCHEDULE_MODIFIERS)}",
            modifier.start,
            hint=f"schedule modifiers: {', '.join(SCHEDULE_MODIFIERS)}",
        )

    def collapse(self, arg: _Span) -> int:
        span = arg.strip()
        if _INTEGER_RE.fullmatch(span.text) and int(span.text) > 0:
            return int(span.text)
        if not span.text:
            raise self.error(
                "clause 'collapse' needs an argument", span.start, hint="for example collapse(2)"
            )
        raise self.error(
            f"collapse needs a positive integer literal, found '{span.text}'",
            span.start,
            hint="for example collapse(2)",
        )
