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
      ``shared``, ``copyprivate``, ``copyin``, ``reduction``, ``in_reduction``,
      ``task_reduction``, ``linear``, ``aligned``, ``allocate``,
      ``inclusive``/``exclusive``...), or the directive names of ``absent``/``contains``;
      for a task's ``depend``, its items as source text (a name, an item ``a[i]`` or an
      attribute ``node.left``).
    - ``expr``: a Python expression, as source text (``if``, ``num_threads``,
      ``filter``, ``hint``, ``final``, ``priority``, ``grainsize``, ``num_tasks``, a
      ``schedule`` chunk, a ``linear`` step, an ``allocate`` allocator, ``message``,
      ``initializer``...); ``expr_pos`` is where it starts.
    - ``exprs``: several expressions (``sizes``, a ``depend(sink: ...)`` vector).
    - ``kind``: ``schedule`` kind, ``default`` kind, ``proc_bind`` kind, ``bind``,
      ``order``, ``at``, ``severity``, ``depend`` type (``source``/``sink`` on
      ``ordered``; ``in``, ``out``, ``inout``... on tasks), ``"strict"`` for
      ``grainsize`` and ``num_tasks`` with that modifier...
    - ``modifier``: a clause modifier (``reduction(inscan, ...)``, ``if(cancel: ...)``,
      ``linear(val(x))``, ``order(reproducible: concurrent)``).
    - ``op``: a reduction operator: one of :data:`REDUCTION_OPERATORS`, or the
      name of a user-defined reduction or function (``merge``, ``math.gcd``).
    - ``number``: ``collapse(n)``, ``ordered(n)``.
    """

    name: str
    pos: Position
    names: tuple[str, ...] = ()
    expr: str | None = None
    expr_pos: Position | None = None
    kind: str | None = None
    op: str | None = None
    number: int | None = None
    modifier: str | None = None
    exprs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Pragma:
    """One ``# omp`` pragma, continuation lines joined.

    ``directive`` is canonical (``"parallel for"``, not ``"parallel  for"``; an alias
    such as ``for simd`` or ``parallel do`` is the construct it means, and ``spelled``
    keeps what the user wrote, for messages).  For ``# omp end <directive>``, ``end``
    is true and ``directive`` names the construct it closes.  ``name`` is the
    ``critical(name)`` argument, the construct type of ``cancel`` and ``cancellation
    point``, or the name a ``declare reduction`` declares.  ``listed`` is the
    directive's own list: ``flush(a, b)``, ``threadprivate(a, b)``, ``allocate(a, b)``,
    the types of a ``declare reduction``.  ``expr`` is a ``declare reduction``'s
    combiner (Python source), at ``expr_pos``.  ``pos`` is the position of the ``#``;
    ``end_line`` the last physical line the pragma occupies.
    """

    directive: str
    pos: Position
    end_line: int
    text: str
    clauses: tuple[Clause, ...] = ()
    end: bool = False
    name: str | None = None
    listed: tuple[str, ...] = field(default=())
    spelled: str | None = None
    expr: str | None = None
    expr_pos: Position | None = None

    @property
    def flush_names(self) -> tuple[str, ...]:
        """The ``flush(a, b)`` list (an older name of :attr:`listed`)."""
        return self.listed

    @property
    def shown(self) -> str:
        """The directive as the user wrote it (``for simd``), for messages."""
        return self.spelled or self.directive

    @property
    def is_doacross(self) -> bool:
        """A stand-alone ``ordered depend(...)``/``ordered doacross(...)``."""
        return self.directive == "ordered" and any(
            c.name in ("depend", "doacross") for c in self.clauses
        )

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
    {
        "if",
        "num_threads",
        "default",
        "private",
        "firstprivate",
        "shared",
        "reduction",
        "proc_bind",
        "copyin",
        "allocate",
    }
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
        "linear",
        "order",
        "allocate",
    }
)
SECTIONS_CLAUSES = frozenset(
    {"private", "firstprivate", "lastprivate", "reduction", "nowait", "allocate"}
)
SINGLE_CLAUSES = frozenset({"private", "firstprivate", "copyprivate", "nowait", "allocate"})
# ``simd`` changes nothing in Python: its clauses are accepted and checked, no more.
SIMD_CLAUSES = frozenset(
    {
        "private",
        "lastprivate",
        "reduction",
        "collapse",
        "linear",
        "aligned",
        "nontemporal",
        "safelen",
        "simdlen",
        "order",
        "if",
    }
)
LOOP_CLAUSES = frozenset({"bind", "collapse", "order", "private", "lastprivate", "reduction"})
MEMORY_ORDERS = ("seq_cst", "acq_rel", "release", "acquire", "relaxed")
ATOMIC_FORMS = ("read", "write", "update", "capture", "compare")
ASSUME_CLAUSES = frozenset(
    {"absent", "contains", "holds", "no_openmp", "no_openmp_routines", "no_parallelism"}
)
TASK_CLAUSES = frozenset(
    {
        "if",
        "final",
        "untied",
        "mergeable",
        "priority",
        "default",
        "private",
        "firstprivate",
        "shared",
        "depend",
        "in_reduction",
        "affinity",
        "detach",
    }
)
TASKLOOP_CLAUSES = (TASK_CLAUSES - {"depend", "affinity", "detach"}) | frozenset(
    {"lastprivate", "grainsize", "num_tasks", "collapse", "nogroup", "reduction"}
)
# ``taskloop simd`` is the taskloop: ``simd``'s hints are accepted and checked, no
# more (``linear`` is left out: a task cannot hand a running value to the next).
TASKLOOP_SIMD_CLAUSES = TASKLOOP_CLAUSES | frozenset(
    {"aligned", "nontemporal", "safelen", "simdlen", "order"}
)
# ``parallel master taskloop``: a region holding a ``master taskloop``; each clause
# goes where OpenMP 5.2 (17.2) applies it (plan.py splits them).
PARALLEL_TASKLOOP_CLAUSES = (PARALLEL_CLAUSES | TASKLOOP_CLAUSES) - {"in_reduction"}

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
    "parallel master": PARALLEL_CLAUSES,
    "parallel masked": PARALLEL_CLAUSES | {"filter"},
    "scope": frozenset({"private", "firstprivate", "reduction", "allocate", "nowait"}),
    "critical": frozenset({"hint"}),
    "atomic": frozenset({*ATOMIC_FORMS, *MEMORY_ORDERS, "hint", "fail", "weak"}),
    "barrier": frozenset(),
    "flush": frozenset({"seq_cst", "acq_rel", "release", "acquire"}),
    "ordered": frozenset({"threads", "simd", "depend", "doacross"}),
    "simd": SIMD_CLAUSES,
    "for simd": FOR_CLAUSES | SIMD_CLAUSES,
    "parallel for simd": (PARALLEL_CLAUSES | FOR_CLAUSES | SIMD_CLAUSES) - {"nowait"},
    "declare simd": frozenset(
        {"simdlen", "linear", "aligned", "uniform", "inbranch", "notinbranch"}
    ),
    "loop": LOOP_CLAUSES,
    "parallel loop": PARALLEL_CLAUSES | LOOP_CLAUSES,
    # Fortran's spellings of the loop constructs.
    "do": FOR_CLAUSES,
    "parallel do": (PARALLEL_CLAUSES | FOR_CLAUSES) - {"nowait"},
    "do simd": FOR_CLAUSES | SIMD_CLAUSES,
    "parallel do simd": (PARALLEL_CLAUSES | FOR_CLAUSES | SIMD_CLAUSES) - {"nowait"},
    "cancel": frozenset({"if"}),
    "cancellation point": frozenset(),
    "threadprivate": frozenset(),
    "declare reduction": frozenset({"initializer"}),
    "scan": frozenset({"inclusive", "exclusive"}),
    "error": frozenset({"at", "severity", "message"}),
    "nothing": frozenset(),
    "assume": ASSUME_CLAUSES,
    "assumes": ASSUME_CLAUSES,
    "begin assumes": ASSUME_CLAUSES,
    "requires": frozenset(
        {
            "atomic_default_mem_order",
            "unified_address",
            "unified_shared_memory",
            "reverse_offload",
            "dynamic_allocators",
        }
    ),
    "tile": frozenset({"sizes"}),
    "unroll": frozenset({"full", "partial"}),
    "allocate": frozenset({"allocator", "align"}),
    "allocators": frozenset({"allocate"}),
    "task": TASK_CLAUSES,
    "taskloop": TASKLOOP_CLAUSES,
    "master taskloop": TASKLOOP_CLAUSES,
    "masked taskloop": TASKLOOP_CLAUSES | {"filter"},
    "taskloop simd": TASKLOOP_SIMD_CLAUSES,
    "master taskloop simd": TASKLOOP_SIMD_CLAUSES,
    "masked taskloop simd": TASKLOOP_SIMD_CLAUSES | {"filter"},
    "parallel master taskloop": PARALLEL_TASKLOOP_CLAUSES,
    "parallel masked taskloop": PARALLEL_TASKLOOP_CLAUSES | {"filter"},
    "parallel master taskloop simd": PARALLEL_TASKLOOP_CLAUSES | TASKLOOP_SIMD_CLAUSES,
    "parallel masked taskloop simd": PARALLEL_TASKLOOP_CLAUSES
    | TASKLOOP_SIMD_CLAUSES
    | {"filter"},
    "taskwait": frozenset({"depend"}),
    "depobj": frozenset({"depend", "update", "destroy"}),
    "taskgroup": frozenset({"task_reduction"}),
    "taskyield": frozenset(),
}

# Directives that are another construct under another name: what the translator
# makes of them (the ``loop`` construct is decided by its ``bind``, see grammar.py).
ALIASES = {
    "for simd": "for",
    "parallel for simd": "parallel for",
    "do": "for",
    "parallel do": "parallel for",
    "do simd": "for",
    "parallel do simd": "parallel for",
    "parallel loop": "parallel for",
    "begin assumes": "assumes",
    "taskloop simd": "taskloop",
    "master taskloop simd": "master taskloop",
    "masked taskloop simd": "masked taskloop",
    "parallel master taskloop simd": "parallel master taskloop",
    "parallel masked taskloop simd": "parallel masked taskloop",
}
# Combined constructs that are a ``parallel`` region holding one other construct
# (plan.py splits them): the inner construct's directive, and the clauses it takes.
COMBINED_REGIONS = {
    "parallel master": ("master", frozenset()),
    "parallel masked": ("masked", frozenset({"filter"})),
}
# What ``cancel`` and ``cancellation point`` name (``do`` is Fortran's ``for``).
CANCEL_TYPES = ("parallel", "sections", "for", "do", "taskgroup")

# Directives that stand alone: they are a statement, not a prefix of one.  (An
# ``ordered`` with ``depend``/``doacross`` stands alone too: ``Pragma.is_doacross``.)
STANDALONE_DIRECTIVES = frozenset(
    {
        "barrier",
        "flush",
        "cancel",
        "cancellation point",
        "threadprivate",
        "declare reduction",
        "scan",
        "error",
        "nothing",
        "assumes",
        "requires",
        "allocate",
        "taskwait",
        "taskyield",
        "depobj",
    }
)
# Directives that change nothing when they run (docs/pragmas.md says why each).
NO_OP_DIRECTIVES = frozenset({"nothing", "assumes", "requires", "allocate"})
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
        "parallel master",
        "parallel masked",
        "scope",
        "critical",
        "ordered",
        "atomic",
        "assume",
        "allocators",
        "task",
        "taskgroup",
    }
)
# Directives whose statement must be a ``for`` loop.
LOOP_DIRECTIVES = frozenset({"for", "parallel for"})
# Loop directives that leave the loop as it is: ``simd`` (one thread runs it, in
# order, as Python would) and the loop transformations ``tile`` and ``unroll``
# (accepted, not applied: the loop runs in its own order).
SEQUENTIAL_LOOP_DIRECTIVES = frozenset({"simd", "tile", "unroll"})
# Block directives whose statements run as they are (``assume``, ``allocators``) and
# the declarative ``declare simd`` on a ``def``.
PLAIN_BLOCK_DIRECTIVES = frozenset({"assume", "allocators", "declare simd"})
# Tasks (``omppy/runtime/tasks.py``): the statements of a task or taskloop become a
# function that any thread of the team may run, later.  ``taskloop`` must be
# followed by a ``for`` loop too, but it is not a work share.
TASKLOOP_DIRECTIVES = frozenset({"taskloop", "master taskloop", "masked taskloop"})
# ``parallel master taskloop`` (``masked``): a region around a ``master taskloop``,
# split by plan.py before the translator sees it.
PARALLEL_TASKLOOP_DIRECTIVES = frozenset({"parallel master taskloop", "parallel masked taskloop"})
TASK_DIRECTIVES = frozenset({"task"}) | TASKLOOP_DIRECTIVES

# Families of directives, as the translator treats them.  A directive may be in
# several: ``parallel for`` starts a region and shares a loop.
#
# Where the team forks: the covered statements become the region's outlined body.
PARALLEL_DIRECTIVES = frozenset({"parallel", "parallel for", "parallel sections"})
# Constructs whose statements are split into ``# omp section`` blocks.
SECTIONS_DIRECTIVES = frozenset({"sections", "parallel sections"})
# Work-sharing constructs inside a region: the team meets at each, their clauses make
# names private, and they end in a barrier (unless ``nowait``).  (``scope`` is not a
# work share in OpenMP's terms, but it binds to the team the same way.)
WORKSHARING_DIRECTIVES = frozenset({"for", "sections", "single", "scope"})
# Synchronisation constructs: run by one thread, or one thread at a time.  A name
# bound, or an object mutated, inside one is shared and published when it ends.
SYNC_DIRECTIVES = frozenset({"critical", "atomic", "single", "master", "masked", "ordered"})
# Constructs in a region whose statements one thread runs (or one at a time): code in
# one is not run by every thread of the team (a taskloop in one is made once).
ONE_THREAD_DIRECTIVES = SYNC_DIRECTIVES | TASK_DIRECTIVES | SECTIONS_DIRECTIVES | {"section"}
# The sync constructs that one thread of the team runs, and no other.
SINGLE_THREAD_DIRECTIVES = frozenset({"single", "master", "masked"})
# The sync constructs every thread runs, one thread at a time (the others, ``single``
# and ``master``/``masked``, run on one thread only).
ONE_AT_A_TIME_DIRECTIVES = frozenset({"critical", "atomic", "ordered"})

# OpenMP directives that omppy knows but does not implement: a clear error, not
# "unknown"; ``REFUSALS`` says why (docs/pragmas.md has the table).
UNSUPPORTED_DIRECTIVES = frozenset(
    {
        "target",
        "teams",
        "distribute",
        "declare",
        "workshare",
        "parallel workshare",
        "metadirective",
        "dispatch",
        "interop",
        "begin",
        "task_iteration",
    }
)
_DEVICE = (
    "it runs code on a device (a GPU or another accelerator); omppy's threads are "
    "processes on this machine, and it has no devices"
)
REFUSALS = {
    "target": _DEVICE,
    "teams": "a league of teams exists to spread work over a device's compute units; "
    "omppy has one team per parallel region: use '# omp parallel'",
    "distribute": "it divides a loop among the teams of a league (see 'teams'); use "
    "'# omp parallel for'",
    "declare": "of the 'declare' directives omppy supports 'declare reduction' and "
    "'declare simd'; 'declare target', 'declare mapper' and 'declare variant' choose "
    "code and data for devices, which omppy does not have",
    "workshare": "it is Fortran's: it divides the elements of array assignments, which "
    "Python does not have; use '# omp single' or a '# omp for' loop",
    "parallel workshare": "it is Fortran's: it divides the elements of array "
    "assignments, which Python does not have; use '# omp parallel for'",
    "metadirective": "it chooses a directive by the device and the construct context "
    "at compile time; write the directive you mean",
    "dispatch": "it calls a function variant chosen for a device context "
    "('declare variant'), which omppy does not have",
    "begin": "of the 'begin' directives omppy supports 'begin assumes'; 'begin declare "
    "target' and 'begin declare variant' choose code for devices, which omppy does not "
    "have",
    "interop": "it hands foreign runtimes (CUDA, SYCL...) a device's objects; omppy has "
    "no devices",
    "task_iteration": "it is OpenMP 6.0's (dependences between a taskloop's "
    "iterations), which omppy does not implement; write a plain loop that creates "
    "'# omp task depend(...)' tasks",
}

# Canonical operator names; ``&&`` and ``||`` are accepted as ``and`` and ``or``.
REDUCTION_OPERATORS = ("+", "-", "*", "&", "|", "^", "and", "or", "min", "max")
REDUCTION_ALIASES = {"&&": "and", "||": "or"}

SCHEDULE_KINDS = ("static", "dynamic", "guided", "runtime", "auto")
DEFAULT_KINDS = ("shared", "none", "private", "firstprivate")
PROC_BIND_KINDS = ("master", "primary", "close", "spread", "true", "false")
BIND_KINDS = ("teams", "parallel", "thread")
AT_KINDS = ("compilation", "execution")
SEVERITY_KINDS = ("fatal", "warning")
ORDER_KINDS = ("concurrent",)
ORDER_MODIFIERS = ("reproducible", "unconstrained")
FAIL_KINDS = ("seq_cst", "acquire", "relaxed")
DEFAULT_MEM_ORDER_KINDS = ("seq_cst", "acq_rel", "relaxed", "acquire", "release")

# Where reduction(task, ...) may stand (OpenMP 5.2, 5.5.8: parallel and work-sharing
# constructs; omppy leaves out 'scope').
TASK_REDUCTION_DIRECTIVES = frozenset(
    {
        "parallel",
        "for",
        "sections",
        "parallel for",
        "parallel sections",
        "for simd",
        "parallel for simd",
        "do",
        "parallel do",
        "do simd",
        "parallel do simd",
    }
)
# Directive names, for the ``absent`` and ``contains`` clauses of ``assume``.
KNOWN_DIRECTIVES = frozenset(DIRECTIVE_CLAUSES) | UNSUPPORTED_DIRECTIVES
