"""The pragma language: what a parsed ``# omp`` comment is.

This module owns the data model and the grammar tables (which directive takes which
clause).  Finding pragma comments in source text and parsing them lives in
``scanner.py`` and ``grammar.py``; placing them on statements lives in ``plan.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Position:
    """A place in the user's file: ``line`` 1-based, ``col`` 0-based."""

    line: int
    col: int


@dataclass(frozen=True)
class Clause:
    """One clause of a pragma, its argument already checked.

    Only the fields that the clause uses are set:

    - ``names``: variable lists (``private``, ``firstprivate``, ``lastprivate``,
      ``shared``, ``copyprivate``, ``reduction``).
    - ``expr``: a Python expression, as source text (``if``, ``num_threads``,
      ``filter``, ``hint``, and a ``schedule`` chunk); ``expr_pos`` is where it starts.
    - ``kind``: ``schedule`` kind, ``default`` kind, ``proc_bind`` kind.
    - ``op``: canonical reduction operator, one of :data:`REDUCTION_OPERATORS`.
    - ``number``: ``collapse(n)``.
    """

    name: str
    pos: Position
    names: tuple[str, ...] = ()
    expr: str | None = None
    expr_pos: Position | None = None
    kind: str | None = None
    op: str | None = None
    number: int | None = None


@dataclass(frozen=True)
class Pragma:
    """One ``# omp`` pragma, continuation lines joined.

    ``directive`` is canonical (``"parallel for"``, not ``"parallel  for"``).  For
    ``# omp end <directive>``, ``end`` is true and ``directive`` names the construct
    it closes.  ``name`` is the ``critical(name)`` argument; ``flush_names`` the
    ``flush(a, b)`` list.  ``pos`` is the position of the ``#``; ``end_line`` the
    last physical line the pragma occupies.
    """

    directive: str
    pos: Position
    end_line: int
    text: str
    clauses: tuple[Clause, ...] = ()
    end: bool = False
    name: str | None = None
    flush_names: tuple[str, ...] = field(default=())

    def clause(self, name: str) -> Clause | None:
        """The first clause called ``name``, if any."""
        return next((c for c in self.clauses if c.name == name), None)

    def all(self, name: str) -> list[Clause]:
        """Every clause called ``name`` (list clauses may repeat)."""
        return [c for c in self.clauses if c.name == name]

    def names_in(self, name: str) -> tuple[str, ...]:
        """The variables named in every ``name`` clause, in order."""
        return tuple(n for c in self.all(name) for n in c.names)


# Which clauses each directive accepts (docs/pragmas.md, "Directives").  ``for`` and
# ``parallel for`` may repeat list clauses; anything else appears at most once.
PARALLEL_CLAUSES = frozenset(
    {"if", "num_threads", "default", "private", "firstprivate", "shared", "reduction", "proc_bind"}
)
FOR_CLAUSES = frozenset(
    {
        "schedule",
        "private",
        "firstprivate",
        "lastprivate",
        "reduction",
        "collapse",
        "ordered",
        "nowait",
    }
)
SECTIONS_CLAUSES = frozenset({"private", "firstprivate", "lastprivate", "reduction", "nowait"})
SINGLE_CLAUSES = frozenset({"private", "firstprivate", "copyprivate", "nowait"})

DIRECTIVE_CLAUSES: dict[str, frozenset[str]] = {
    "parallel": PARALLEL_CLAUSES,
    "for": FOR_CLAUSES,
    "parallel for": (PARALLEL_CLAUSES | FOR_CLAUSES) - {"nowait"},
    "sections": SECTIONS_CLAUSES,
    "section": frozenset(),
    "parallel sections": (PARALLEL_CLAUSES | SECTIONS_CLAUSES) - {"nowait"},
    "single": SINGLE_CLAUSES,
    "master": frozenset(),
    "masked": frozenset({"filter"}),
    "critical": frozenset({"hint"}),
    "atomic": frozenset({"update"}),
    "barrier": frozenset(),
    "flush": frozenset(),
    "ordered": frozenset(),
}

# Directives that stand alone: they are a statement, not a prefix of one.
STANDALONE_DIRECTIVES = frozenset({"barrier", "flush"})
# Directives that may be closed by ``# omp end <directive>`` to cover several statements.
BLOCK_DIRECTIVES = frozenset(
    {
        "parallel",
        "sections",
        "parallel sections",
        "section",
        "single",
        "master",
        "masked",
        "critical",
        "ordered",
    }
)
# Directives whose statement must be a ``for`` loop.
LOOP_DIRECTIVES = frozenset({"for", "parallel for"})

# Families of directives, as the translator treats them.  A directive may be in
# several: ``parallel for`` starts a region and shares a loop.
#
# Where the team forks: the covered statements become the region's outlined body.
PARALLEL_DIRECTIVES = frozenset({"parallel", "parallel for", "parallel sections"})
# Constructs whose statements are split into ``# omp section`` blocks.
SECTIONS_DIRECTIVES = frozenset({"sections", "parallel sections"})
# Work-sharing constructs inside a region: the team meets at each, their clauses make
# names private, and they end in a barrier (unless ``nowait``).
WORKSHARING_DIRECTIVES = frozenset({"for", "sections", "single"})
# Synchronisation constructs: run by one thread, or one thread at a time.  A name
# bound, or an object mutated, inside one is shared and published when it ends.
SYNC_DIRECTIVES = frozenset({"critical", "atomic", "single", "master", "masked", "ordered"})
# The sync constructs every thread runs, one thread at a time (the others, ``single``
# and ``master``/``masked``, run on one thread only).
ONE_AT_A_TIME_DIRECTIVES = frozenset({"critical", "atomic", "ordered"})

# OpenMP directives that omppy knows but does not implement: a clear error, not "unknown".
UNSUPPORTED_DIRECTIVES = frozenset(
    {
        "task",
        "taskloop",
        "taskwait",
        "taskgroup",
        "taskyield",
        "simd",
        "target",
        "teams",
        "distribute",
        "loop",
        "threadprivate",
        "declare",
        "cancel",
        "cancellation point",
        "scan",
        "depobj",
        "requires",
        "workshare",
        "do",
        "parallel do",
        "scope",
        "tile",
        "unroll",
        "metadirective",
        "allocate",
        "error",
        "nothing",
        "dispatch",
        "interop",
    }
)

# Canonical operator names; ``&&`` and ``||`` are accepted as ``and`` and ``or``.
REDUCTION_OPERATORS = ("+", "-", "*", "&", "|", "^", "and", "or", "min", "max")
REDUCTION_ALIASES = {"&&": "and", "||": "or"}

SCHEDULE_KINDS = ("static", "dynamic", "guided", "runtime", "auto")
DEFAULT_KINDS = ("shared", "none", "private", "firstprivate")
PROC_BIND_KINDS = ("master", "primary", "close", "spread", "true", "false")
