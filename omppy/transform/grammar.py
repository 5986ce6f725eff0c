"""The pragma grammar: from the text of one ``# omp`` pragma to a :class:`Pragma`.

This module owns the syntax that docs/pragmas.md describes: directive names, which
clauses each directive takes, and the shape of every clause argument. It checks each
argument as far as the text allows (names are identifiers, expressions parse, kinds are
known) and reports the first problem as a :class:`PragmaError` at the exact line and
column of the offending token, also when that token sits on a continuation line.

Finding pragma comments and joining their continuation lines is ``scanner.py``'s job;
whether a pragma sits on a statement it can apply to is ``plan.py``'s.

One idea: the pragma grammar, in one module (it is longer than most): a parser with
one method per kind of clause argument, and the scanning of Python text inside
arguments (strings, brackets) that they share.
"""

from __future__ import annotations

import ast
import keyword
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from typing import NamedTuple

from .diagnostics import PragmaError, did_you_mean
from .pragma import (
    ALIASES,
    AT_KINDS,
    ATOMIC_FORMS,
    BIND_KINDS,
    BLOCK_DIRECTIVES,
    CANCEL_TYPES,
    DEFAULT_KINDS,
    DEFAULT_MEM_ORDER_KINDS,
    DIRECTIVE_CLAUSES,
    FAIL_KINDS,
    KNOWN_DIRECTIVES,
    LOOP_DIRECTIVES,
    MEMORY_ORDERS,
    ORDER_KINDS,
    ORDER_MODIFIERS,
    PROC_BIND_KINDS,
    REDUCTION_ALIASES,
    REDUCTION_OPERATORS,
    REFUSALS,
    SCHEDULE_KINDS,
    SEVERITY_KINDS,
    TASK_REDUCTION_DIRECTIVES,
    TASKLOOP_DIRECTIVES,
    UNSUPPORTED_DIRECTIVES,
    Clause,
    Position,
    Pragma,
)

__all__ = ["Segment", "parse_pragma", "without_comment"]


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
# Clauses of the form ``op: names``.
REDUCTION_CLAUSES = frozenset({"reduction", "in_reduction", "task_reduction"})
# Clauses that take a list of variables and may therefore be given more than once.
LIST_CLAUSES = frozenset(
    {
        "private",
        "firstprivate",
        "lastprivate",
        "shared",
        "copyprivate",
        "copyin",
        "uniform",
        "nontemporal",
        "inclusive",
        "exclusive",
    }
)
REPEATABLE_CLAUSES = LIST_CLAUSES | REDUCTION_CLAUSES | {
    "linear",
    "aligned",
    "allocate",
    "depend",
    "doacross",
    "absent",
    "contains",
}
# Clauses that name variables whose data sharing they decide: a variable may appear
# in only one of them on a pragma.
DATA_SHARING_CLAUSES = frozenset(
    {"private", "firstprivate", "lastprivate", "shared", "copyprivate", "linear"}
    | REDUCTION_CLAUSES
)
# The one pair of data-sharing clauses OpenMP lets name the same variable.
COMPATIBLE_CLAUSES = frozenset({"firstprivate", "lastprivate"})
EXPRESSION_CLAUSES = frozenset(
    {
        "if",
        "num_threads",
        "filter",
        "hint",
        "safelen",
        "simdlen",
        "holds",
        "message",
        "allocator",
        "align",
        "final",
        "priority",
    }
)
FLAG_CLAUSES = frozenset(
    {
        "nowait",
        *ATOMIC_FORMS,
        *MEMORY_ORDERS,
        "weak",
        "threads",
        "simd",
        "inbranch",
        "notinbranch",
        "no_openmp",
        "no_openmp_routines",
        "no_parallelism",
        "full",
        "unified_address",
        "unified_shared_memory",
        "reverse_offload",
        "dynamic_allocators",
        "untied",
        "mergeable",
        "nogroup",
    }
)
# Clauses with an optional argument: ``ordered`` / ``ordered(n)``, ``partial`` / ``partial(n)``.
OPTIONAL_NUMBER_CLAUSES = frozenset({"ordered", "partial"})
KEYWORD_CLAUSES = {
    "default": DEFAULT_KINDS,
    "proc_bind": PROC_BIND_KINDS,
    "bind": BIND_KINDS,
    "at": AT_KINDS,
    "severity": SEVERITY_KINDS,
    "fail": FAIL_KINDS,
    "atomic_default_mem_order": DEFAULT_MEM_ORDER_KINDS,
}
SCHEDULE_MODIFIERS = ("monotonic", "nonmonotonic", "simd")
REDUCTION_MODIFIERS = ("default", "inscan", "task")
LINEAR_MODIFIERS = ("val", "ref", "uval")
# ``grainsize`` and ``num_tasks``: an expression, after an optional ``strict:``.
COUNT_CLAUSES = frozenset({"grainsize", "num_tasks"})
# ``depend`` on '# omp ordered' (doacross) and ``doacross``: the loop's dependences.
DOACROSS_TYPES = ("source", "sink")
# ``depend`` on tasks ('# omp task', '# omp taskwait'): the items a task reads or writes.
DEPEND_TYPES = ("in", "out", "inout", "mutexinoutset", "inoutset")
# The constructs whose ``if`` a modifier may name, by directive.
IF_MODIFIERS = {
    "parallel": ("parallel",),
    "parallel for": ("parallel", "simd"),
    "parallel sections": ("parallel",),
    "parallel master": ("parallel",),
    "parallel masked": ("parallel",),
    "parallel loop": ("parallel",),
    "parallel do": ("parallel",),
    "parallel for simd": ("parallel", "simd"),
    "parallel do simd": ("parallel", "simd"),
    "simd": ("simd",),
    "for simd": ("simd",),
    "do simd": ("simd",),
    "cancel": ("cancel",),
    "task": ("task",),
    "taskloop": ("taskloop",),
    "master taskloop": ("taskloop",),
    "masked taskloop": ("taskloop",),
    "parallel master taskloop": ("parallel", "taskloop"),
    "parallel masked taskloop": ("parallel", "taskloop"),
    "taskloop simd": ("taskloop", "simd"),
    "master taskloop simd": ("taskloop", "simd"),
    "masked taskloop simd": ("taskloop", "simd"),
    "parallel master taskloop simd": ("parallel", "taskloop", "simd"),
    "parallel masked taskloop simd": ("parallel", "taskloop", "simd"),
}
# OpenMP clauses that omppy knows but does not implement: "not supported", not
# "unknown", with the reason.
_DEVICE_CLAUSE = (
    "it is a clause of device constructs ('target', 'teams', 'declare target'...); "
    "omppy's threads are processes on this machine, and it has no devices"
)
UNSUPPORTED_CLAUSES = {
    **dict.fromkeys(
        (
            "device",
            "map",
            "thread_limit",
            "num_teams",
            "dist_schedule",
            "is_device_ptr",
            "use_device_ptr",
            "use_device_addr",
            "has_device_addr",
            "defaultmap",
            "uses_allocators",
            "device_type",
            "enter",
            "link",
            "to",
            "from",
            "indirect",
        ),
        _DEVICE_CLAUSE,
    ),
    "init_complete": "it is OpenMP 6.0's (a scan's initialization phase), which omppy "
    "does not implement; compute what the phase reads into a list before the loop, "
    "or in the input phase",
}

# Multi-word directive names, recognised before their first word alone.
_PHRASES = frozenset(d for d in DIRECTIVE_CLAUSES.keys() | UNSUPPORTED_DIRECTIVES if " " in d)
# Words that start a directive; one following a directive asks for a combined construct
# (``parallel master taskloop``).  Words that are also clauses (``ordered``,
# ``simd``) stay clauses there.
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
    "copyin": "copyin(a, b)",
    "uniform": "uniform(a, b)",
    "nontemporal": "nontemporal(a, b)",
    "inclusive": "inclusive(total)",
    "exclusive": "exclusive(total)",
    "reduction": "reduction(+: total)",
    "if": "if(n > 1000)",
    "num_threads": "num_threads(4)",
    "filter": "filter(0)",
    "hint": "hint(0)",
    "safelen": "safelen(8)",
    "simdlen": "simdlen(8)",
    "holds": "holds(n > 0)",
    "message": "message('not ready')",
    "allocator": "allocator(omp_default_mem_alloc)",
    "align": "align(64)",
    "schedule": "schedule(dynamic, 4)",
    "default": "default(none)",
    "proc_bind": "proc_bind(close)",
    "bind": "bind(parallel)",
    "at": "at(execution)",
    "severity": "severity(warning)",
    "fail": "fail(relaxed)",
    "atomic_default_mem_order": "atomic_default_mem_order(seq_cst)",
    "collapse": "collapse(2)",
    "ordered": "ordered(2)",
    "partial": "partial(4)",
    "linear": "linear(j: 2)",
    "aligned": "aligned(a, b: 64)",
    "allocate": "allocate(omp_default_mem_alloc: a)",
    "order": "order(concurrent)",
    "depend": "depend(in: a, b[i])",  # on '# omp ordered': ORDERED_DEPEND_EXAMPLE
    "doacross": "doacross(sink: i - 1)",
    "sizes": "sizes(4, 4)",
    "affinity": "affinity(data[i])",
    "absent": "absent(critical, atomic)",
    "contains": "contains(parallel)",
    "initializer": "initializer(omp_priv = [])",
    "final": "final(depth > 10)",
    "priority": "priority(1)",
    "grainsize": "grainsize(100)",
    "num_tasks": "num_tasks(8)",
    "in_reduction": "in_reduction(+: total)",
    "task_reduction": "task_reduction(+: total)",
    "detach": "detach(done)",
}

DEPOBJ_EXAMPLE = "depobj(o) depend(inout: a[i])"
# ``depend`` on '# omp ordered' (a doacross loop) rather than on a task.
ORDERED_DEPEND_EXAMPLE = "depend(sink: i - 1)"

_WORD_RE = re.compile(r"[^\W\d]\w*")
# A dotted name, the operator of a reduction by a function: ``merge``, ``math.gcd``.
_DOTTED_RE = re.compile(r"[^\W\d]\w*(\s*\.\s*[^\W\d]\w*)*")
# ``name(argument)``, as in ``step(2)`` or ``val(a, b)``.
_CALL_RE = re.compile(r"([^\W\d]\w*)\s*\((.*)\)\s*", re.S)
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


def without_comment(text: str) -> str:
    """``text`` (a pragma's line after the sentinel) without a trailing comment: from a
    ``#`` outside brackets and string literals (``# omp barrier  # all rows done``).

    A line whose brackets or strings do not close is kept whole: the parser says what
    is wrong with it.
    """
    depth = 0
    try:
        for i, c in _code_chars(text):
            if c in "([{":
                depth += 1
            elif c in ")]}":
                depth -= 1
            elif c == "#" and depth == 0:
                return text[:i]
    except _OpenString:
        pass
    return text


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


class _Argument(NamedTuple):
    """What a directive's own argument gives its :class:`Pragma` (see there)."""

    name: str | None = None
    listed: tuple[str, ...] = ()
    expr: str | None = None
    expr_pos: Position | None = None


class _Parser:
    """A cursor over one pragma's joined text; ``parse`` builds the :class:`Pragma`."""

    def __init__(self, segments: Sequence[Segment], filename: str) -> None:
        self.joined = _Joined(segments)
        self.text = self.joined.text
        self.filename = filename
        self.i = 0
        self.clauses: list[Clause] = []
        self.written = ""  # the directive as written (before aliases are resolved)
        self.current = ""  # the directive whose clauses are being parsed
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
                        raise self.error(
                            f"closing '{c}' does not match opening '{opener}'",
                            i,
                            hint=f"close '{opener}' with '{_CLOSERS[opener]}'",
                        )
                    if not stack:
                        return i
        except _OpenString as err:
            raise self.error(
                "unterminated string literal",
                err.offset,
                hint="close the string on the pragma's line",
            ) from None
        opener, at = stack[-1]
        raise self.error(
            f"'{opener}' was never closed",
            at,
            hint=f"close it with '{_CLOSERS[opener]}' on the pragma's line (a pragma "
            "continues on the next line after a trailing '\\')",
        )

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
            raise self.error(
                f"expected a directive, found {self.found(self.i)}",
                self.i,
                hint="a pragma starts with a directive name, e.g. '# omp parallel for'; "
                + DOCS_HINT,
            )
        if first.text == "end":
            return self.parse_end(pos)
        directive = self.directive(first)
        self.written = directive
        argument = self.directive_argument(directive, first.start)
        self.parse_clauses(directive)
        self.check_combination(directive, argument)
        canonical = self.canonical(directive)
        return self.pragma(
            canonical,
            pos,
            argument=argument,
            spelled=directive if canonical != directive else None,
        )

    def pragma(
        self,
        directive: str,
        pos: Position,
        *,
        end: bool = False,
        argument: _Argument | None = None,
        spelled: str | None = None,
    ) -> Pragma:
        segments = self.joined.segments
        text = " ".join(s.text.strip() for s in segments if s.text.strip())
        argument = argument or _Argument()
        return Pragma(
            directive,
            pos,
            end_line=segments[-1].line,
            text=text,
            clauses=tuple(self.clauses),
            end=end,
            name=argument.name,
            listed=argument.listed,
            spelled=spelled,
            expr=argument.expr,
            expr_pos=argument.expr_pos,
        )

    def directive(self, first: _Span) -> str:
        """The directive name starting with the word ``first`` (as written: aliases
        are resolved by :meth:`canonical` once the clauses are known)."""
        name = first.text
        while True:  # the longest known phrase: 'parallel for simd'
            following = self.word(consume=False)
            if following is None or f"{name} {following.text}" not in _PHRASES:
                break
            self.word()
            name = f"{name} {following.text}"
        if name in UNSUPPORTED_DIRECTIVES:
            following = self.word(consume=False)
            if name in ("declare", "begin") and following is not None:
                # 'declare target': the refusal names what was written.
                raise self.unsupported(f"{name} {following.text}", first.start)
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
        if name in ("cancel", "cancellation point"):
            return name  # the construct type follows: 'cancel for'
        extra = self.word(consume=False)
        if extra is not None and extra.text in _DIRECTIVE_WORDS:
            raise self.unsupported(f"{name} {extra.text}", first.start)
        return name

    def unsupported(self, name: str, offset: int) -> PragmaError:
        hint = REFUSALS.get(name) or REFUSALS.get(name.split()[0]) or DOCS_HINT
        outer, _, inner = name.rpartition(" ")
        if outer in DIRECTIVE_CLAUSES and inner in DIRECTIVE_CLAUSES:
            hint = f"nest the constructs instead: '# omp {inner}' inside '# omp {outer}'"
        return self.error(f"'# omp {name}' is not supported by omppy", offset, hint=hint)

    def canonical(self, directive: str) -> str:
        """The construct ``directive`` means (``for simd`` is ``for``).  ``loop`` is
        ``for``, or ``simd`` when it binds to the thread (``bind(thread)``)."""
        if directive in ("loop", "parallel loop"):
            bind = next((c for c in self.clauses if c.name == "bind"), None)
            kind = bind.kind if bind is not None else None
            if bind is not None and (kind == "teams" or (kind == "thread" and " " in directive)):
                binding = "a league of teams" if kind == "teams" else "one thread"
                offset = self.offset_of(bind)
                raise self.error(
                    f"bind({kind}) makes '# omp {directive}' run on {binding}, which "
                    + (
                        "omppy does not have (it has no teams)"
                        if kind == "teams"
                        else "a 'parallel loop' cannot: its loop is the region's"
                    ),
                    offset,
                    hint="write bind(parallel), or leave bind out",
                )
            if kind == "thread":
                return "simd"
            return "parallel for" if directive == "parallel loop" else "for"
        if directive == "ordered":
            names = {c.name for c in self.clauses}
            if "simd" in names and not names & {"threads", "depend", "doacross"}:
                return "ordered simd"  # orders the lanes of one thread: nothing to do
        return ALIASES.get(directive, directive)

    def offset_of(self, clause: Clause) -> int:
        """The offset in the joined text where ``clause`` starts."""
        for index, seg in enumerate(self.joined.segments):
            if seg.line == clause.pos.line:
                return self.joined.starts[index] + clause.pos.col - seg.col
        return 0

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
        if directive == "assumes":  # 'end assumes' closes 'begin assumes': both no-ops
            if not self.at_end():
                raise self.error(
                    "'# omp end assumes' takes no clauses",
                    self.i,
                    hint="write '# omp end assumes' alone",
                )
            return self.pragma("assumes", pos, spelled="end assumes")
        loops = LOOP_DIRECTIVES | TASKLOOP_DIRECTIVES | {"simd", "tile", "unroll"}
        if self.canonical(directive) in loops:
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
        argument = self.directive_argument(directive, word.start)
        if not self.at_end():
            raise self.error(
                f"'# omp end {directive}' takes no clauses",
                self.i,
                hint=f"put clauses on the opening '# omp {directive}'",
            )
        return self.pragma(directive, pos, end=True, argument=argument)

    def directive_argument(self, directive: str, start: int) -> _Argument:
        """What follows the directive's name before its clauses: ``critical(name)``,
        ``flush(a, b)``, ``threadprivate(a, b)``, ``allocate(a, b)``, the type of
        ``cancel for``, the declaration of ``declare reduction(...)``."""
        if directive in ("cancel", "cancellation point"):
            return _Argument(name=self.cancel_type(directive, start))
        arg = self.argument()
        if directive == "declare reduction":
            return self.reduction_declaration(arg, start)
        if directive in ("threadprivate", "allocate") and arg is None:
            raise self.error(
                f"'# omp {directive}' needs a list of variables",
                self.skip_space(),
                hint=f"for example '# omp {directive}(counter, cache)'",
            )
        if arg is None and directive == "depobj":
            raise self.error(
                "'# omp depobj' needs the name of its dependence object",
                self.skip_space(),
                hint=f"for example '# omp {DEPOBJ_EXAMPLE}'",
            )
        if arg is None:
            return _Argument()
        if directive == "critical":
            return _Argument(name=self.identifier(arg, "a name", "critical(name)"))
        if directive == "depobj":
            return _Argument(name=self.identifier(arg, "a variable name", DEPOBJ_EXAMPLE))
        if directive in ("flush", "threadprivate", "allocate"):
            example = f"{directive}(a, b)"
            listed = tuple(
                self.identifier(p, "a variable name", example) for p in _split(arg, ",")
            )
            return _Argument(listed=listed)
        raise self.error(
            f"directive '{directive}' takes no argument",
            arg.start - 1,
            hint=f"write '{directive}' without parentheses",
        )

    def cancel_type(self, directive: str, start: int) -> str:
        word = self.word()
        choices = ("parallel", "sections", "for", "taskgroup")
        hint = f"write '# omp {directive} for' (or {', '.join(c for c in choices if c != 'for')})"
        if word is None:
            raise self.error(
                f"'# omp {directive}' needs the construct it cancels: "
                "parallel, sections, for or taskgroup",
                self.skip_space(),
                hint=hint,
            )
        if word.text not in CANCEL_TYPES:
            raise self.error(
                f"'# omp {directive}' cannot cancel '{word.text}'"
                f"{did_you_mean(word.text, choices)}",
                word.start,
                hint=hint,
            )
        return "for" if word.text == "do" else word.text

    def reduction_declaration(self, arg: _Span | None, start: int) -> _Argument:
        """``declare reduction(name : type, type : combiner)``."""
        example = "for example '# omp declare reduction(merge : dict : omp_out.update(omp_in))'"
        if arg is None:
            raise self.error(
                "'# omp declare reduction' needs (name : types : combiner)",
                self.skip_space(),
                hint=example,
            )
        parts = _split(arg, ":", maxsplit=2)
        if len(parts) < 3:
            raise self.error(
                "expected (name : types : combiner) after '# omp declare reduction'",
                arg.strip().start,
                hint=example,
            )
        name_span = parts[0].strip()
        builtin = REDUCTION_ALIASES.get(name_span.text, name_span.text)
        if builtin in REDUCTION_OPERATORS:
            raise self.error(
                f"'{name_span.text}' is a built-in reduction operator; a declared reduction "
                "needs a name of its own",
                name_span.start,
                hint="the built-in operators work on any Python type that supports them",
            )
        name = self.identifier(name_span, "a reduction name", "declare reduction(merge : ...)")
        types = []
        for piece in _split(parts[1], ","):
            types.append(self.expression(piece, "declare reduction", example_hint=example).text)
        combiner = parts[2].strip()
        self.python_code(
            combiner,
            "combiner",
            allowed={"omp_out", "omp_in"},
            target="omp_out",
            hint=example,
        )
        return _Argument(
            name=name,
            listed=tuple(types),
            expr=combiner.text,
            expr_pos=self.position(combiner.start),
        )

    def python_code(
        self, span: _Span, what: str, *, allowed: set[str], target: str, hint: str
    ) -> ast.stmt:
        """``span`` checked to be one expression, or one assignment to ``target``,
        that uses no ``omp_`` name but the ``allowed`` ones."""
        if not span.text:
            raise self.error(f"missing {what}", span.start, hint=hint)
        try:
            tree = ast.parse(span.text, mode="exec")
        except (SyntaxError, ValueError, MemoryError, RecursionError) as err:
            col = getattr(err, "offset", None) or 1
            offset = span.start + min(max(col - 1, 0), len(span.text))
            reason = getattr(err, "msg", None) or str(err) or type(err).__name__
            raise self.error(f"invalid {what}: {reason}", offset, hint=hint) from None
        statement = tree.body[0] if len(tree.body) == 1 else None
        if isinstance(statement, ast.Assign):
            targets = statement.targets
            good = len(targets) == 1 and isinstance(targets[0], ast.Name)
            good = good and targets[0].id == target  # type: ignore[attr-defined]
        elif isinstance(statement, ast.AugAssign):
            good = isinstance(statement.target, ast.Name) and statement.target.id == target
        else:
            good = isinstance(statement, ast.Expr)
        if not good or statement is None:
            raise self.error(
                f"the {what} must be one expression, or an assignment to '{target}'",
                span.start,
                hint=hint,
            )
        for node in ast.walk(statement):
            if (
                isinstance(node, ast.Name)
                and node.id in ("omp_out", "omp_in", "omp_priv", "omp_orig")
                and node.id not in allowed
            ):
                col = node.col_offset if node.lineno == 1 else 0
                raise self.error(
                    f"the {what} may use {' and '.join(sorted(allowed, reverse=True))}, "
                    f"not '{node.id}'",
                    span.start + col,
                    hint=hint,
                )
        return statement

    # -- clauses -------------------------------------------------------------------------

    def parse_clauses(self, directive: str) -> None:
        self.current = directive  # the directive whose clauses are being parsed
        while not self.at_end():
            # OpenMP allows an optional comma before each clause.
            if self.text[self.i] == ",":
                comma = self.i
                self.i += 1
                if self.at_end():
                    raise self.error(
                        "trailing ',' after the last clause", comma, hint="remove the ','"
                    )
            word = self.word()
            if word is None:
                raise self.error(
                    f"expected a clause, found {self.found(self.i)}",
                    self.i,
                    hint="clauses are names, each with its arguments in parentheses, e.g. "
                    "'private(x) schedule(dynamic)'; "
                    + DOCS_HINT,
                )
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
            if name in UNSUPPORTED_CLAUSES:
                raise self.error(
                    f"clause '{name}' is not supported by omppy",
                    word.start,
                    hint=UNSUPPORTED_CLAUSES[name],
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
        repeatable = name in REPEATABLE_CLAUSES or name == "if"  # if: one per modifier
        if not repeatable and any(c.name == name for c in self.clauses):
            raise self.error(
                f"clause '{name}' appears twice", word.start, hint=f"keep one '{name}' clause"
            )

    def clause(self, word: _Span) -> Clause:
        name, pos = word.text, self.position(word.start)
        paren = self.skip_space()  # where a '(' would be
        arg = self.argument()
        if self.current == "depobj" and name in ("update", "destroy"):
            return self.depobj_clause(name, arg, pos, paren)
        if name in FLAG_CLAUSES:
            if arg is None:
                return Clause(name, pos)
            raise self.error(
                f"clause '{name}' takes no argument",
                paren,
                hint=f"write '{name}' without parentheses",
            )
        if name in OPTIONAL_NUMBER_CLAUSES:
            if arg is None:
                return Clause(name, pos)
            return Clause(name, pos, number=self.positive_integer(arg, name))
        if arg is None:
            raise self.missing_argument(name, word.start)
        if name == "lastprivate":
            return self.lastprivate(arg, pos)
        if name in LIST_CLAUSES:
            return Clause(name, pos, names=self.names(arg, name))
        if name == "if":
            return self.if_clause(arg, pos, word.start)
        if name in EXPRESSION_CLAUSES:
            expr = self.expression(arg, name)
            return Clause(name, pos, expr=expr.text, expr_pos=self.position(expr.start))
        if name in KEYWORD_CLAUSES:
            return Clause(name, pos, kind=self.keyword(arg.strip(), name, KEYWORD_CLAUSES[name]))
        if name == "depend" and self.current != "ordered":
            return self.task_dependence(arg, pos)
        special: dict[str, Callable[[_Span, Position, str], Clause]] = {
            "reduction": self.reduction,
            "in_reduction": self.reduction,
            "task_reduction": self.reduction,
            "grainsize": self.count,
            "num_tasks": self.count,
            "schedule": self.schedule,
            "linear": self.linear,
            "aligned": self.aligned,
            "allocate": self.allocate,
            "order": self.order,
            "depend": self.dependence,
            "doacross": self.dependence,
            "sizes": self.sizes,
            "absent": self.directive_list,
            "contains": self.directive_list,
            "initializer": self.initializer,
            "affinity": self.affinity,
            "detach": self.detach,
        }
        if name in special:
            return special[name](arg, pos, name)
        assert name == "collapse", name
        return Clause(name, pos, number=self.positive_integer(arg, name))

    def detach(self, arg: _Span, pos: Position, clause: str) -> Clause:
        """``detach(event)``: the name the task's event is bound to (taskevents.py)."""
        name = self.identifier(arg, "the name of the task's event", "detach(done)")
        return Clause(clause, pos, names=(name,))

    def missing_argument(self, clause: str, offset: int) -> PragmaError:
        """``clause '<clause>' needs an argument``, with an example."""
        return self.error(
            f"clause '{clause}' needs an argument",
            offset,
            hint=f"for example {self.example(clause)}",
        )

    def example(self, clause: str) -> str:
        """An example of ``clause`` for a hint, on the directive being parsed."""
        if clause == "depend" and self.current == "ordered":
            return ORDERED_DEPEND_EXAMPLE
        return EXAMPLES.get(clause, clause)

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
            if clause in DATA_SHARING_CLAUSES:
                self.note_listed(name, clause, piece.strip().start)
            names.append(name)
        return tuple(names)

    def lastprivate(self, arg: _Span, pos: Position) -> Clause:
        """``lastprivate(a, b)``, or ``lastprivate(conditional: a, b)``: the value of
        the sequentially last iteration that assigned each name (emit_conditional.py)."""
        head = _split(arg, ":", maxsplit=1)
        if len(head) == 1:
            return Clause("lastprivate", pos, names=self.names(arg, "lastprivate"))
        word = head[0].strip()
        if word.text != "conditional":
            raise self.error(
                f"'lastprivate' modifier '{word.text}' is not supported",
                word.start,
                hint="OpenMP 5.2 has one: lastprivate(conditional: x)",
            )
        if self.current in TASKLOOP_DIRECTIVES:
            raise self.error(
                f"lastprivate(conditional: ...) is not supported on '{self.current}'",
                word.start,
                hint="use it on 'for' or 'sections', or plain lastprivate(x) here",
            )
        names = self.names(head[1], "lastprivate")
        return Clause("lastprivate", pos, names=names, modifier="conditional")

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

    def expression(self, arg: _Span, clause: str, example_hint: str | None = None) -> _Span:
        """The stripped expression in ``arg``, checked to be one valid Python expression."""
        expr = arg.strip()
        hint = example_hint or f"for example {self.example(clause)}"
        if not expr.text:
            raise self.error(f"clause '{clause}' needs an expression", expr.start, hint=hint)
        depth = 0
        for i, c in _code_chars(expr.text):
            depth += (c in "([{") - (c in ")]}")
            # A '#' would turn the rest of the generated line into a comment.
            if c == "#" or (c == "," and depth == 0):
                raise self.error(
                    f"unexpected '{c}' in clause '{clause}'", expr.start + i, hint=hint
                )
        try:
            ast.parse(expr.text, mode="eval")
        except (SyntaxError, ValueError, MemoryError, RecursionError) as err:
            # MemoryError: CPython 3.11 reports a parser stack overflow that way.
            col = getattr(err, "offset", None) or 1
            offset = expr.start + min(max(col - 1, 0), len(expr.text))
            reason = getattr(err, "msg", None) or str(err) or type(err).__name__
            raise self.error(
                f"invalid expression in clause '{clause}': {reason}", offset,
                hint="a clause's argument is a Python expression, written as in the code",
            ) from None
        return expr

    def if_clause(self, arg: _Span, pos: Position, start: int) -> Clause:
        """``if(expr)``, or ``if(construct: expr)`` naming the construct it applies to."""
        allowed = IF_MODIFIERS.get(self.written, ())
        head = _split(arg, ":", maxsplit=1)
        modifier_span = head[0].strip()
        modifier = None
        if len(head) == 2 and _is_name(modifier_span.text):
            modifier = modifier_span.text
            if modifier not in allowed:
                first = allowed[0] if allowed else "parallel"
                raise self.error(
                    f"'if' modifier '{modifier}' is not supported",
                    modifier_span.start,
                    hint=f"write if({first}: expr) or if(expr)",
                )
            arg = head[1]
        for earlier in (c for c in self.clauses if c.name == "if"):
            if earlier.modifier is None or modifier is None or earlier.modifier == modifier:
                raise self.error(
                    "clause 'if' appears twice",
                    start,
                    hint="keep one 'if' clause, or one per construct of a combined "
                    "directive: 'if(parallel: a) if(simd: b)'",
                )
        expr = self.expression(arg, "if")
        return Clause(
            "if", pos, expr=expr.text, expr_pos=self.position(expr.start), modifier=modifier
        )

    def keyword(self, span: _Span, clause: str, choices: Sequence[str]) -> str:
        if span.text in choices:
            return span.text
        what = "schedule kind" if clause == "schedule" else f"{clause} kind"
        if not span.text:
            raise self.missing_argument(clause, span.start)
        raise self.error(
            f"unknown {what} '{span.text}'{did_you_mean(span.text, choices)}",
            span.start,
            hint=f"{what}s: {', '.join(choices)}",
        )

    def reduction(self, arg: _Span, pos: Position, clause: str = "reduction") -> Clause:
        parts = _split(arg, ":", maxsplit=1)
        if len(parts) == 1:
            raise self.error(
                "missing ':' after the reduction operator",
                arg.strip().start,
                hint=f"write {clause}(op: names), e.g. {clause}(+: total)",
            )
        *modifiers, op_span = (p.strip() for p in _split(parts[0], ","))
        modifier = None
        for span in modifiers:
            if clause != "reduction":
                raise self.error(
                    f"'{clause}' takes no modifier",
                    span.start,
                    hint=f"for example {EXAMPLES[clause]}",
                )
            modifier = self.reduction_modifier(span) or modifier
        op = REDUCTION_ALIASES.get(op_span.text, op_span.text)
        if _DOTTED_RE.fullmatch(op):
            op = re.sub(r"\s+", "", op)
        if op not in REDUCTION_OPERATORS and not _DOTTED_RE.fullmatch(op):
            message = (
                f"unknown reduction operator '{op}'{did_you_mean(op, REDUCTION_OPERATORS)}"
                if op
                else "missing reduction operator"
            )
            raise self.error(
                message,
                op_span.start,
                hint=f"operators: {' '.join(REDUCTION_OPERATORS)} (&& and || mean and, or), "
                "a name from '# omp declare reduction', or a function of two arguments",
            )
        tasks = clause != "reduction" or self.current in TASKLOOP_DIRECTIVES or modifier == "task"
        if tasks and op not in REDUCTION_OPERATORS:
            raise self.error(
                f"'{clause}' on '{self.current}' takes one of the operators "
                f"{' '.join(REDUCTION_OPERATORS)}, not '{op}'",
                op_span.start,
                hint="a task reduction by a user-defined reduction or a function is not "
                "supported by omppy",
            )
        names = self.names(parts[1], clause)
        return Clause(clause, pos, names=names, op=op, modifier=modifier)

    def count(self, arg: _Span, pos: Position, clause: str) -> Clause:
        """``grainsize``/``num_tasks``: an expression, after an optional ``strict:``."""
        head = _split(arg, ":", maxsplit=1)
        modifier = head[0].strip()
        kind = None
        if len(head) == 2 and _is_name(modifier.text):
            if modifier.text != "strict":
                raise self.error(
                    f"unknown {clause} modifier '{modifier.text}'"
                    f"{did_you_mean(modifier.text, ('strict',))}",
                    modifier.start,
                    hint=f"write {clause}(strict: n) or {clause}(n)",
                )
            kind, arg = "strict", head[1]
        expr = self.expression(arg, clause)
        return Clause(clause, pos, expr=expr.text, expr_pos=self.position(expr.start), kind=kind)

    def depobj_clause(self, name: str, arg: _Span | None, pos: Position, paren: int) -> Clause:
        """``update(type)`` and ``destroy`` (or ``destroy(o)``) on ``# omp depobj(o)``."""
        if name == "destroy":
            if arg is not None:
                self.identifier(arg, "a variable name", "destroy(o)")
                return Clause(name, pos, names=(arg.strip().text,))
            return Clause(name, pos)
        if arg is None:
            raise self.error(
                "clause 'update' needs a dependence type", paren, hint="for example update(in)"
            )
        kind = arg.strip()
        if kind.text not in DEPEND_TYPES:
            raise self.error(
                f"unknown dependence type '{kind.text}'{did_you_mean(kind.text, DEPEND_TYPES)}",
                kind.start,
                hint=f"update sets one of: {', '.join(DEPEND_TYPES)}",
            )
        return Clause(name, pos, kind=kind.text)

    def task_dependence(self, arg: _Span, pos: Position) -> Clause:
        """A task's ``depend(type: items)``: each item a name, an item or an attribute."""
        parts = _split(arg, ":", maxsplit=1)
        head = parts[0].strip()
        iterators: tuple[str, ...] = ()
        if len(_split(head, ",")) > 1:
            *modifiers, head = (p.strip() for p in _split(head, ","))
            iterators = self.dependence_iterators(modifiers)
        elif head.text.startswith("iterator"):  # 'iterator(...): a' lacks the type
            raise self.error(
                "missing dependence type after the iterator modifier",
                head.start,
                hint="write depend(iterator(i = 0:n), in: a[i])",
            )
        if head.text in ("source", "sink"):
            raise self.error(
                f"depend({head.text}) belongs on '# omp ordered' in a doacross loop, "
                f"not on '{self.current}'",
                head.start,
                hint="put it on '# omp ordered depend(...)' in the body of a loop that has "
                "ordered(n)",
            )
        if len(parts) == 1 or not head.text.isidentifier():  # 'in' is a keyword
            raise self.error(
                "missing ':' after the dependence type",
                head.start,
                hint="write depend(type: items), e.g. depend(in: a, b[i])",
            )
        if head.text == "depobj":
            return self.depobj_dependence(head, parts[1], pos, iterators)
        if head.text not in DEPEND_TYPES:
            if head.text == "iterator":
                raise self.error(
                    f"depend({head.text}...) is not supported by omppy", head.start, hint=DOCS_HINT
                )
            raise self.error(
                f"unknown dependence type '{head.text}'{did_you_mean(head.text, DEPEND_TYPES)}",
                head.start,
                hint=f"dependence types: {', '.join(DEPEND_TYPES)}",
            )
        items = []
        for piece in _split(parts[1], ","):
            item = self.expression(piece, "depend")
            tree = ast.parse(item.text, mode="eval").body
            if not isinstance(tree, (ast.Name, ast.Subscript, ast.Attribute)):
                raise self.error(
                    f"a dependence names a variable, an item or an attribute, not "
                    f"'{item.text}'",
                    item.start,
                    hint="for example depend(out: total), depend(in: a[i]), "
                    "depend(inout: node.left)",
                )
            items.append(item.text)
        modifier = "iterator" if iterators else None
        return Clause(
            "depend", pos, names=tuple(items), kind=head.text, modifier=modifier, exprs=iterators
        )

    def depobj_dependence(
        self, head: _Span, arg: _Span, pos: Position, iterators: tuple[str, ...]
    ) -> Clause:
        """``depend(depobj: o, p)`` on a task or taskwait: the dependence objects."""
        if self.current == "depobj":
            raise self.error(
                "a dependence object holds a dependence, not another dependence object",
                head.start,
                hint="write depobj(o) depend(inout: a[i]), with the type and the item",
            )
        if iterators:
            raise self.error(
                "depend(depobj: ...) takes no iterator modifier",
                head.start,
                hint="name each dependence object: depend(depobj: o1, o2)",
            )
        items = []
        for piece in _split(arg, ","):
            item = self.expression(piece, "depend")
            tree = ast.parse(item.text, mode="eval").body
            if not isinstance(tree, ast.Name):
                # Only a pragma binds a dependence object (a comment under python):
                # nothing else could put one in a list or an attribute.
                raise self.error(
                    f"depend(depobj: ...) names dependence objects, not '{item.text}'",
                    item.start,
                    hint="for example depend(depobj: o), after '# omp depobj(o) depend(...)'",
                )
            items.append(item.text)
        return Clause("depend", pos, names=tuple(items), kind="depobj")

    def dependence_iterators(
        self, modifier: list[_Span], clause: str = "depend"
    ) -> tuple[str, ...]:
        """``iterator(i = 0:n, j = 0:m:2)`` as ``("i in range(0, n)", "j in range(0, m,
        2)")``: OpenMP's ranges leave out their end, as ``range`` does."""
        if len(modifier) != 1:
            raise self.error(
                "a dependence takes one 'iterator(...)' modifier",
                modifier[1].start,
                hint="write the iterators in one: depend(iterator(i = 0:n, j = 0:m), in: a[i][j])",
            )
        found = _CALL_RE.fullmatch(modifier[0].text)
        if found is None or found.group(1) != "iterator":
            raise self.error(
                f"unknown dependence modifier '{modifier[0].text}'",
                modifier[0].start,
                hint="the modifier is iterator(...), e.g. depend(iterator(i = 0:n), in: a[i])",
            )
        inside = _Span(found.group(2), modifier[0].start + found.start(2))
        iterators = []
        for definition in _split(inside, ","):
            sides = _split(definition, "=", maxsplit=1)
            name = sides[0].strip()
            if len(sides) == 1 or not _is_name(name.text):
                what = name.text.split()
                hint = "write iterator(i = begin:end) or iterator(i = begin:end:step)"
                if len(what) == 2 and all(_is_name(w) for w in what):
                    hint = f"a Python iterator has no type: write iterator({what[1]} = ...)"
                raise self.error("malformed iterator", definition.strip().start, hint=hint)
            bounds = _split(sides[1], ":")
            if len(bounds) not in (2, 3):
                raise self.error(
                    f"iterator '{name.text}' needs a range begin:end or begin:end:step",
                    sides[1].strip().start,
                    hint="for example iterator(i = 0:n); the end is left out, as in range()",
                )
            texts = [self.expression(b, clause).text for b in bounds]
            iterators.append(f"{name.text} in range({', '.join(texts)})")
        return tuple(iterators)

    def reduction_modifier(self, modifier: _Span) -> str | None:
        if modifier.text == "default":  # what OpenMP does without a modifier
            return None
        if modifier.text == "inscan":
            return "inscan"
        if modifier.text == "task":
            if self.current not in TASK_REDUCTION_DIRECTIVES:
                raise self.error(
                    f"reduction modifier 'task' is not allowed on '{self.current}'",
                    modifier.start,
                    hint="it makes the reduction of a 'parallel', 'for' or 'sections' (or a "
                    "combined form) a task reduction too, for tasks with in_reduction",
                )
            return "task"
        raise self.error(
            f"unknown reduction modifier '{modifier.text}'"
            f"{did_you_mean(modifier.text, REDUCTION_MODIFIERS)}",
            modifier.start,
            hint="write reduction(op: names), e.g. reduction(+: total)",
        )

    def schedule(self, arg: _Span, pos: Position, name: str = "schedule") -> Clause:
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


    def positive_integer(self, arg: _Span, clause: str) -> int:
        span = arg.strip()
        if _INTEGER_RE.fullmatch(span.text) and int(span.text) > 0:
            return int(span.text)
        if not span.text:
            raise self.missing_argument(clause, span.start)
        raise self.error(
            f"{clause} needs a positive integer literal, found '{span.text}'",
            span.start,
            hint=f"for example {EXAMPLES[clause]}",
        )

    def linear(self, arg: _Span, pos: Position, name: str = "linear") -> Clause:
        """``linear(a, b)``, ``linear(a: step)``, ``linear(a: step(s), val)``,
        ``linear(val(a): step)``."""
        head, *tail = _split(arg, ":", maxsplit=1)
        modifier = None
        listed = head.strip()
        match = _CALL_RE.fullmatch(listed.text)
        if match and match.group(1) in LINEAR_MODIFIERS:
            modifier = self.linear_modifier(match.group(1), listed.start)
            inner = listed.text.index("(") + 1
            listed = _Span(match.group(2), listed.start + inner)
        names = self.names(listed, "linear")
        step: _Span | None = None
        if tail:
            for piece in _split(tail[0], ","):
                item = piece.strip()
                call = _CALL_RE.fullmatch(item.text)
                if item.text in LINEAR_MODIFIERS:
                    modifier = self.linear_modifier(item.text, item.start)
                elif call and call.group(1) == "step":
                    inner = item.text.index("(") + 1
                    step = self.expression(_Span(call.group(2), item.start + inner), name)
                else:
                    step = self.expression(item, name)
        return Clause(
            name,
            pos,
            names=names,
            expr=step.text if step else None,
            expr_pos=self.position(step.start) if step else None,
            modifier=modifier,
        )

    def linear_modifier(self, modifier: str, offset: int) -> str:
        if modifier != "val":
            raise self.error(
                f"linear modifier '{modifier}' is for references (C++ and Fortran); "
                "Python variables are not references",
                offset,
                hint="write linear(a: step) or linear(val(a): step)",
            )
        return modifier

    def aligned(self, arg: _Span, pos: Position, name: str = "aligned") -> Clause:
        head, *tail = _split(arg, ":", maxsplit=1)
        names = self.names(head, name)
        expr = self.expression(tail[0], name) if tail else None
        return Clause(
            name,
            pos,
            names=names,
            expr=expr.text if expr else None,
            expr_pos=self.position(expr.start) if expr else None,
        )

    def allocate(self, arg: _Span, pos: Position, name: str = "allocate") -> Clause:
        """``allocate(a, b)``, ``allocate(allocator: a)``,
        ``allocate(allocator(al), align(64): a)``: accepted, Python allocates."""
        head, *tail = _split(arg, ":", maxsplit=1)
        if not tail:
            return Clause(name, pos, names=self.names(head, name))
        for piece in _split(head, ","):
            item = piece.strip()
            call = _CALL_RE.fullmatch(item.text)
            if call and call.group(1) in ("allocator", "align"):
                inner = item.text.index("(") + 1
                self.expression(_Span(call.group(2), item.start + inner), name)
            else:
                self.expression(item, name)
        return Clause(name, pos, names=self.names(tail[0], name))

    def order(self, arg: _Span, pos: Position, name: str = "order") -> Clause:
        head, *tail = _split(arg, ":", maxsplit=1)
        modifier = None
        if tail:
            modifier = self.keyword(head.strip(), "order modifier", ORDER_MODIFIERS)
            arg = tail[0]
        kind = self.keyword(arg.strip(), "order", ORDER_KINDS)
        return Clause(name, pos, kind=kind, modifier=modifier)

    def dependence(self, arg: _Span, pos: Position, name: str) -> Clause:
        """``depend(source)``, ``depend(sink: i - 1, j)``; ``doacross(source:)``,
        ``doacross(sink: vector)``, with ``omp_cur_iteration`` (docs/pragmas.md)."""
        head, *tail = _split(arg, ":", maxsplit=1)
        kind_span = head.strip()
        example = f"write {name}(source) or {name}(sink: i - 1)"
        if kind_span.text not in DOACROSS_TYPES:
            if kind_span.text in (*DEPEND_TYPES, "depobj"):
                raise self.error(
                    f"'{name}({kind_span.text}: ...)' is a dependence between tasks "
                    "('# omp task depend(...)'); '# omp ordered' takes source and sink",
                    kind_span.start,
                    hint=example,
                )
            raise self.error(
                f"unknown dependence type '{kind_span.text}'"
                f"{did_you_mean(kind_span.text, DOACROSS_TYPES)}",
                kind_span.start,
                hint=example,
            )
        if kind_span.text == "source":
            rest = tail[0].strip() if tail else None
            if rest is not None and rest.text not in ("", "omp_cur_iteration"):
                raise self.error(
                    f"'{name}(source)' names no iteration: it is the current one",
                    rest.start,
                    hint=f"write {name}(source)",
                )
            return Clause(name, pos, kind="source")
        if not tail or not tail[0].strip().text:
            where = tail[0].start if tail else kind_span.start + len(kind_span.text)
            raise self.error(
                f"'{name}(sink: ...)' needs the iteration it waits for",
                where,
                hint=f"for example {name}(sink: i - 1)",
            )
        exprs = tuple(self.expression(p, name).text for p in _split(tail[0], ","))
        return Clause(name, pos, kind="sink", exprs=exprs)

    def sizes(self, arg: _Span, pos: Position, name: str = "sizes") -> Clause:
        exprs = tuple(self.expression(p, name).text for p in _split(arg, ","))
        return Clause(name, pos, exprs=exprs)

    def affinity(self, arg: _Span, pos: Position, name: str = "affinity") -> Clause:
        """``affinity(a[i], b)`` or ``affinity(iterator(i = 0:n): a[i])``: where a
        task's data lives, a hint that omppy takes and ignores (its threads are
        processes; docs/tasks.md).  The items and the iterator are checked as
        ``depend``'s are, no more."""
        parts = _split(arg, ":", maxsplit=1)
        head = parts[0].strip()
        iterators: tuple[str, ...] = ()
        if len(parts) == 2 and _CALL_RE.fullmatch(head.text):
            found = _CALL_RE.fullmatch(head.text)
            assert found is not None
            if found.group(1) != "iterator":
                raise self.error(
                    f"unknown affinity modifier '{found.group(1)}'",
                    head.start,
                    hint="the modifier is iterator(...), e.g. affinity(iterator(i = 0:n): a[i])",
                )
            iterators = self.dependence_iterators([head], clause=name)
            arg = parts[1]
        elif len(parts) == 1 and head.text.startswith("iterator("):
            raise self.error(
                "missing ':' after the iterator modifier",
                head.start,
                hint="write affinity(iterator(i = 0:n): a[i])",
            )
        exprs = tuple(self.expression(p, name).text for p in _split(arg, ","))
        return Clause(name, pos, exprs=exprs, modifier="iterator" if iterators else None)

    def directive_list(self, arg: _Span, pos: Position, name: str) -> Clause:
        """The directive names of ``absent(...)``/``contains(...)``."""
        found = []
        for piece in _split(arg, ","):
            item = piece.strip()
            words = " ".join(item.text.split())
            if words not in KNOWN_DIRECTIVES:
                raise self.error(
                    f"'{item.text}' is not a directive"
                    f"{did_you_mean(words, sorted(KNOWN_DIRECTIVES))}",
                    item.start,
                    hint=f"for example {EXAMPLES[name]}",
                )
            found.append(words)
        return Clause(name, pos, names=tuple(found))

    def initializer(self, arg: _Span, pos: Position, name: str = "initializer") -> Clause:
        """``initializer(omp_priv = expr)`` or ``initializer(expr)``: the value each
        thread's copy starts from (it may use ``omp_orig``)."""
        span = arg.strip()
        statement = self.python_code(
            span,
            "initializer",
            allowed={"omp_priv", "omp_orig"},
            target="omp_priv",
            hint="for example initializer(omp_priv = []) or initializer(type(omp_orig)())",
        )
        if isinstance(statement, ast.AugAssign):
            raise self.error(
                "the initializer gives omp_priv its first value: write 'omp_priv = ...'",
                span.start,
                hint="for example 'initializer(omp_priv = 0)'",
            )
        value = span
        if isinstance(statement, ast.Assign):
            value = _split(span, "=", maxsplit=1)[1].strip()
        for node in ast.walk(ast.parse(value.text, mode="eval")):
            if isinstance(node, ast.Name) and node.id == "omp_priv":
                raise self.error(
                    "the initializer's value cannot use 'omp_priv': it is what it makes",
                    value.start,
                    hint="use omp_orig for the original value, e.g. "
                    "'initializer(omp_priv = type(omp_orig)())'",
                )
        return Clause(name, pos, expr=value.text, expr_pos=self.position(value.start))

    # -- clauses that go together -----------------------------------------------------

    def check_combination(self, directive: str, argument: _Argument) -> None:
        """Clauses that a directive cannot take together."""
        clauses = self.clauses

        def first(*names: str) -> Clause | None:
            return next((c for c in clauses if c.name in names), None)

        def refuse(clause: Clause, message: str, hint: str | None = None) -> PragmaError:
            return self.error(message, self.offset_of(clause), hint=hint)

        if directive == "atomic":
            forms = [c for c in clauses if c.name in ("read", "write", "update", "capture")]
            if len(forms) > 1:
                raise refuse(
                    forms[1],
                    "'# omp atomic' takes one of read, write, update and capture, "
                    f"not both '{forms[0].name}' and '{forms[1].name}'",
                    hint=f"keep '{forms[0].name}' or '{forms[1].name}': one pragma per form",
                )
            compare = first("compare")
            if compare is not None and forms and forms[0].name != "capture":
                raise refuse(
                    compare,
                    f"'compare' goes with 'capture' or alone, not with '{forms[0].name}'",
                    hint=f"remove '{forms[0].name}', or write 'atomic compare capture'",
                )
            orders = [c for c in clauses if c.name in MEMORY_ORDERS]
            if len(orders) > 1:
                raise refuse(
                    orders[1],
                    "'# omp atomic' takes one memory order",
                    hint=f"keep '{orders[0].name}' or '{orders[1].name}'",
                )
            for name in ("fail", "weak"):
                found = first(name)
                if found is not None and compare is None:
                    raise refuse(
                        found,
                        f"'{name}' applies to 'atomic compare' only",
                        hint=f"add 'compare', or remove '{name}'",
                    )
        if directive == "ordered":
            doacross = [c for c in clauses if c.name in ("depend", "doacross")]
            block = first("threads", "simd")
            if doacross and block is not None:
                raise refuse(
                    block,
                    f"'{block.name}' is for the block form of '# omp ordered', not for "
                    f"one with '{doacross[0].name}'",
                    hint=f"remove '{block.name}'",
                )
            sources = [c for c in doacross if c.kind == "source"]
            if sources and len(doacross) > 1:
                other = next(c for c in doacross if c is not sources[0])
                raise refuse(
                    other,
                    "an '# omp ordered' with a source takes no other dependence",
                    hint="put the sinks and the source in two pragmas",
                )
        if directive == "depobj":
            self.check_depobj(argument.name or "o")
        if directive == "flush" and argument.listed and clauses:
            raise refuse(
                clauses[0],
                f"a flush with a memory order ('{clauses[0].name}') takes no list",
                hint="write '# omp flush(a, b)' or '# omp flush acq_rel'",
            )
        if directive == "unroll" and first("full") and first("partial"):
            raise refuse(
                clauses[-1],
                "'full' and 'partial' cannot go together",
                hint="keep one: 'full' unrolls the whole loop, 'partial(n)' n iterations",
            )
        if directive == "declare simd" and first("inbranch") and first("notinbranch"):
            raise refuse(
                clauses[-1],
                "'inbranch' and 'notinbranch' cannot go together",
                hint="keep the one that says how the function is called",
            )
        if directive != "allocators":  # there 'allocate' names what the statement makes
            self.check_allocate()
        self.check_inscan(directive)

    def check_depobj(self, name: str) -> None:
        """``# omp depobj(o)`` takes one of ``depend``, ``update`` and ``destroy``; its
        ``depend`` names one item or attribute (OpenMP 5.2, 15.9.4)."""
        clauses = self.clauses
        end = len(self.text)
        if not clauses:
            raise self.error(
                f"'# omp depobj({name})' needs one of depend(...), update(...) or destroy",
                end,
                hint=f"for example '# omp {DEPOBJ_EXAMPLE}', '# omp depobj({name}) update(in)' "
                f"or '# omp depobj({name}) destroy'",
            )
        if len(clauses) > 1:
            raise self.error(
                f"'# omp depobj' takes one of depend, update and destroy, not both "
                f"'{clauses[0].name}' and '{clauses[1].name}'",
                self.offset_of(clauses[1]),
                hint="write one '# omp depobj' per change",
            )
        (clause,) = clauses
        if clause.name == "destroy" and clause.names and clause.names[0] != name:
            raise self.error(
                f"destroy({clause.names[0]}) names another object than depobj({name})",
                self.offset_of(clause),
                hint=f"write '# omp depobj({name}) destroy'",
            )
        if clause.name != "depend":
            return
        if clause.modifier == "iterator" or len(clause.names) != 1:
            raise self.error(
                "the depend clause of '# omp depobj' names one item",
                self.offset_of(clause),
                hint=f"for example '# omp {DEPOBJ_EXAMPLE}'",
            )
        if clause.names[0].isidentifier():
            raise self.error(
                f"a dependence object holds an item or an attribute (a[i], node.left), not "
                f"the name '{clause.names[0]}'",
                self.offset_of(clause),
                hint=f"a task hands a name's value to the next through its own depend: write "
                f"depend({clause.kind}: {clause.names[0]}) on the tasks",
            )

    def check_allocate(self) -> None:
        private = {"private", "firstprivate", "lastprivate", "linear", "reduction"}
        owned = {n for c in self.clauses if c.name in private for n in c.names}
        for clause in self.clauses:
            if clause.name != "allocate":
                continue
            for name in clause.names:
                if name not in owned:
                    raise self.error(
                        f"allocate({name}): '{name}' needs a private copy on this pragma "
                        "(private, firstprivate, lastprivate, linear or reduction): the "
                        "allocator is for that copy",
                        self.offset_of(clause),
                        hint=f"add private({name}), or drop it from 'allocate'",
                    )

    def check_inscan(self, directive: str) -> None:
        reductions = [c for c in self.clauses if c.name == "reduction"]
        scans = [c for c in reductions if c.modifier == "inscan"]
        if not scans:
            return
        if self.canonical(directive) not in ("for", "parallel for", "simd"):
            raise self.error(
                "reduction(inscan, ...) is for loops that hold a '# omp scan', not for "
                f"'# omp {directive}'",
                self.offset_of(scans[0]),
                hint="drop 'inscan', or put the reduction on the loop that holds the '# omp scan'",
            )
        if len(scans) != len(reductions):
            other = next(c for c in reductions if c.modifier != "inscan")
            raise self.error(
                "a loop's reductions are all 'inscan' or none is",
                self.offset_of(other),
                hint="put 'inscan' on every reduction clause of the loop",
            )
