"""The records the translator's stages hand each other, in the order they are made.

```
Pragma (pragma.py)    a parsed ``# omp`` comment
  plan.py        ->   Construct: a pragma and the statements (or constructs) it covers
  analysis.py    ->   Usage: what a construct's statements do with names
  sharing.py     ->   Sharing: who sees which name, for a parallel construct
  survey.py      ->   ConstructInfo per construct, gathered with the rest in a Survey
  rewrite.py     <-   reads the Survey only
```

Maps are keyed by the libcst nodes of the *original* tree (nodes hash by identity),
never by ``id(node)``.  ``Construct`` and ``Usage`` are filled in by the stage that
makes them and only read afterwards; the survey's records are frozen.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Union

import libcst as cst
from libcst.metadata import CodeRange

from .diagnostics import PragmaWarning
from .pragma import Pragma

if TYPE_CHECKING:
    from .tasking import TaskInfo


@dataclass(eq=False)
class Construct:
    """One directive and what it covers, in the original tree (made by ``plan.py``)."""

    pragma: Pragma
    body: list[Item] = field(default_factory=list)
    # For ``sections``: each section's items.
    sections: list[list[Item]] = field(default_factory=list)

    @property
    def directive(self) -> str:
        return self.pragma.directive

    def statements(self) -> list[cst.BaseStatement]:
        """Every original statement this construct covers directly or through nesting."""
        found: list[cst.BaseStatement] = []
        for item in self.body:
            if isinstance(item, Construct):
                found.extend(item.statements())
            else:
                found.append(item)
        return found


# What a block holds once planned: its statements, some grouped into constructs.
Item = Union[cst.BaseStatement, Construct]  # noqa: UP007 - a runtime alias

# The first and last line of the user's file that a statement stands for.
Lines = tuple[int, int]


@dataclass
class Usage:
    """What a construct's statements do with names (made by ``analysis.collect``)."""

    bound: dict[str, CodeRange] = field(default_factory=dict)
    read: dict[str, CodeRange] = field(default_factory=dict)
    zero_arg_super: list[cst.Call] = field(default_factory=list)  # ``super()`` calls
    augmented: dict[str, tuple[CodeRange, str]] = field(default_factory=dict)
    sync_bound: set[str] = field(default_factory=set)  # bound inside critical & co.
    # Where each name is first bound inside critical & co., and outside every such block
    # (a name in both, with no clause, is private: sharing.mixed_names), and the names
    # a block updates (``total += x``), which such a name may not be.
    sync_bound_at: dict[str, CodeRange] = field(default_factory=dict)
    unsynced_bound_at: dict[str, CodeRange] = field(default_factory=dict)
    sync_augmented: set[str] = field(default_factory=set)
    sync_mutated: set[str] = field(default_factory=set)  # mutated inside critical & co.
    # (root, method, where, receiver's text) of listed mutating methods on shared objects
    mutations: list[tuple[str, str, CodeRange, str]] = field(default_factory=list)
    # The construct sets an OpenMP lock (``omp_set_lock``, ``omp_test_lock``...), or
    # these mutations (indices) are in a ``with <...lock...>:`` block: a lock may
    # guard them, which the run time checks (a lock is a flush), not the translator.
    sets_locks: bool = False
    lock_guarded: set[int] = field(default_factory=set)
    # these mutations (indices) are in a ``# omp section``: the section's number in
    # the construct (one thread runs a section: no race unless another section, or
    # code outside the sections, changes the same object)
    in_section: dict[int, int] = field(default_factory=dict)
    escapes: list[tuple[str, CodeRange]] = field(default_factory=list)
    unsupported: list[tuple[str, CodeRange]] = field(default_factory=list)
    # Names that an inner work-sharing construct's reduction or lastprivate binds.
    inner_outputs: set[str] = field(default_factory=set)
    # Names an inner work-sharing construct makes private (its own clauses).
    inner_private: set[str] = field(default_factory=set)
    inner_firstprivate: set[str] = field(default_factory=set)
    inner_copyprivate: set[str] = field(default_factory=set)
    stored_roots: set[str] = field(default_factory=set)  # roots of item/attribute stores
    plain_bound: set[str] = field(default_factory=set)  # bound other than by ``+=`` & co.
    bare: set[str] = field(default_factory=set)  # read other than as ``x[...]``/``x.attr``
    deleted: set[str] = field(default_factory=set)  # unbound by ``del x`` or ``except ... as x``
    # Names a nested task binds and hands back (its ``shared`` clause); see analysis.py.
    task_shared: set[str] = field(default_factory=set)
    # ``counts[key] += 1`` and ``self.total += x`` outside synchronisation blocks: the
    # root, where, the names the target's keys use, and the target's text.  In a loop
    # whose variables the keys do not use, threads may update one place: a race.
    item_updates: list[tuple[str, CodeRange, frozenset[str], str]] = field(
        default_factory=list
    )


@dataclass(frozen=True)
class Sharing:
    """The data-sharing decision for a parallel construct (made by ``sharing.decide``).

    Names are in the order the construct first uses them, so the generated code is
    stable and reads in source order.
    """

    args: tuple[str, ...] = ()  # shared names the body reads: passed to the outlined body
    firstprivate: tuple[str, ...] = ()
    reduction: tuple[tuple[str, str], ...] = ()  # (name, operator)
    lastprivate: tuple[str, ...] = ()
    shared_out: tuple[str, ...] = ()  # shared names the body binds: handed back
    private: frozenset[str] = frozenset()
    readonly: tuple[str, ...] = ()  # args only read through [] or .: arrays need no staging
    threadprivate: tuple[str, ...] = ()  # the module's threadprivate globals it uses


@dataclass(frozen=True)
class ConstructInfo:
    """What the survey decided about one construct: all the rewrite needs to emit it."""

    construct: Construct
    usage: Usage
    sharing: Sharing | None = None  # parallel constructs
    in_region: bool = False  # lexically inside a parallel construct of the same scope
    # An orphaned construct with no construct around it in its function: its code
    # starts with ``_omp_t = _omp.IDLE or _omp.thread()``, which the constructs in it use.
    binds_thread: bool = False
    shared_roots: frozenset[str] = frozenset()  # roots of stores to carry back
    region_shared: tuple[str, ...] = ()  # the enclosing region's shared, bound names
    sync_names: tuple[str, ...] = ()  # names a synchronisation construct publishes
    # the region's shared names such a construct only reads (a flag tested under
    # critical): taken fresh on entry like its own names, not published
    sync_reads: tuple[str, ...] = ()
    # Names bound wherever the construct runs: the parameters of its region's outlined
    # body that the region never unbinds.  Their refresh needs no "if bound" test.
    bound_names: frozenset[str] = frozenset()
    global_roots: frozenset[str] = frozenset()  # stored-to module globals (orphaned loops)
    # loop variables bound to the iteration's item, and where in the item they sit
    item_targets: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    class_name: str | None = None  # the class whose body holds it (for name mangling)
    # Every construct around it, outermost first, in enclosing functions too: their
    # generated code indents this construct's code further.
    around: tuple[Construct, ...] = ()
    # A parallel construct: how deep the region may change each shared name it is
    # handed (effects.py); the runtime compares shared objects that deep.
    watch: Mapping[str, int] = field(default_factory=dict)
    # A parallel construct: the module globals the code it can reach may change, and
    # how deep (reach.py); None: all the module's functions may change
    # (``_omp_effects``), because it may run code omppy cannot see, or reaches all.
    module_watch: Mapping[str, int] | None = None
    # A synchronisation construct: the names whose objects it may change in place, or
    # None when it calls code omppy cannot see into (sync_blocks.SyncBlocks.touches).
    touches: tuple[str, ...] | None = None
    # A synchronisation construct: it runs no code of the program and binds only
    # locals, so ``touches`` is all it may change (sync_blocks.SyncBlocks.closed).
    closed: bool = False
    # A region, loop or sections construct: the kinds of ``cancel`` closely nested in
    # it ('parallel', 'for', 'sections'); the survey adds them when it reaches each
    # cancel, after this record was made.
    cancel: set[str] = field(default_factory=set)
    # A single: the threadprivate globals its copyprivate hands out (read from the
    # thread's globals, not its locals).
    threadprivate: tuple[str, ...] = ()
    # A task or taskloop, or a wait (taskwait, taskgroup, barrier): tasking.py.
    task: TaskInfo | None = None
    # A parallel construct: its shared, bound names that are module globals (a region
    # at module level, or names its function declares ``global``): the runtime keeps
    # the module's globals bound to their newest values while the region runs, so that
    # the functions the region calls read them by their global names as in python.
    module_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class Survey:
    """The survey's result: every block planned, every construct decided.

    The rewrite reads this and the module, nothing else.
    """

    # Module or IndentedBlock -> its statements grouped into constructs.
    plans: Mapping[cst.CSTNode, list[Item]]
    constructs: Mapping[Construct, ConstructInfo]
    # Statement (or one-line suite) -> the construct whose shared objects its stores write.
    # Statement -> its first and last line in the user's file.
    lines: Mapping[cst.CSTNode, Lines]
    # ``super()`` in a method's region -> the method's first parameter.
    super_calls: Mapping[cst.Call, str]
    # Module globals the module's functions may change, and how deep (effects.py).
    module_effects: Mapping[str, int] = field(default_factory=dict)
    # The names of the module's 'declare reduction' directives.
    declared_reductions: frozenset[str] = frozenset()
    has_tasks: bool = False  # task constructs: the module calls _omp.uses_tasks()
    # Statements that are likely data races (checks.races): reported, not refused.
    warnings: tuple[PragmaWarning, ...] = ()
    # Statements of the module's body that hold no pragma (outline.py): not planned,
    # kept as they are, their lines read off the source.
    plain: frozenset[cst.CSTNode] = frozenset()
