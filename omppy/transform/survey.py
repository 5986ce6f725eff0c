"""The survey: every block planned and every construct decided, before any rewrite.

Two walks over the original tree.  The first groups each block's statements into
constructs (``plan.py``), so a construct knows the constructs nested in it however
deep.  The second visits constructs outermost first: it checks OpenMP's rules on
each (``checks.py``), collects what its statements do with names (``analysis.py``),
decides a parallel construct's data sharing (``sharing.py``), and records the result
as a frozen :class:`~.model.ConstructInfo`; it also records, for every statement,
the construct whose shared objects its stores write.  :func:`run` returns it all as
a :class:`~.model.Survey`.  The rules checked on each construct are picked in
``survey_rules.py``, a task is decided in ``survey_tasks.py``.

One idea: the two walks that turn the module's pragmas into decided constructs.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any, cast

import libcst as cst
from libcst.metadata import (
    MetadataWrapper,
)

from . import analysis, checks, loop_nest, plan, rules, scoped_sharing, tasking
from .diagnostics import PragmaWarning
from .effects import Effects
from .metadata import Contexts, Parents, Positions
from .model import Construct, ConstructInfo, Item, Lines, Sharing, Survey, Usage
from .names import (
    bindings,
    definitions,
    function_locals,
    imported_modules,
    item_positions,
    target_names,
)
from .pragma import (
    LOOP_DIRECTIVES,
    NO_OP_DIRECTIVES,
    PARALLEL_DIRECTIVES,
    PLAIN_BLOCK_DIRECTIVES,
    SEQUENTIAL_LOOP_DIRECTIVES,
    SINGLE_THREAD_DIRECTIVES,
    SYNC_DIRECTIVES,
    TASK_DIRECTIVES,
    TASKLOOP_DIRECTIVES,
)
from .reach import Reach
from .sharing import ordered as analysis_order
from .survey_rules import RuleChecks
from .survey_tasks import TaskSurvey
from .sync_blocks import SyncBlocks
from .walk import owned_suites

# Constructs whose code needs no thread context (``_omp_t``) of their own.
_THREADLESS = (
    NO_OP_DIRECTIVES
    | PLAIN_BLOCK_DIRECTIVES
    | SEQUENTIAL_LOOP_DIRECTIVES
    | {"flush", "threadprivate", "declare reduction", "error", "ordered simd", "depobj"}
)


def run(
    wrapper: MetadataWrapper,
    blocks: plan.Blocks,
    filename: str,
    plain: Mapping[cst.CSTNode, Lines] | None = None,
) -> Survey:
    """Plan every block of the module and decide every construct, or raise PragmaError.

    ``plain``: the statements of the module's body whose text holds no pragma, with
    their lines (outline.py): their blocks are neither planned nor walked.
    """
    module = wrapper.module
    surveyor = _Surveyor(wrapper, blocks, filename)
    surveyor.plain = plain or {}
    every = list(blocks.by_line.values())
    surveyor.threadprivate = frozenset(
        n for p in every if p.directive == "threadprivate" for n in p.listed
    )
    surveyor.declared = frozenset(
        p.name for p in every if p.directive == "declare reduction" and p.name
    )
    # Two walks: the first plans every block (so each construct knows the constructs
    # nested in it, however deep), the second analyses constructs outermost first (so
    # a store knows the construct whose objects it writes).
    surveyor.plan_block(module, module.body)
    surveyor.task_scopes = tasking.scopes(module, surveyor.plans, surveyor.blocks_of)
    surveyor.walk_block(module, [], [("module", module)])
    return Survey(
        plans=surveyor.plans,
        constructs=surveyor.infos,
        lines=surveyor.lines,
        super_calls=surveyor.super_calls,
        module_effects=surveyor.module_effects(),
        declared_reductions=surveyor.declared,
        has_tasks=any(c.directive in TASK_DIRECTIVES for c in surveyor.task_scopes)
        or surveyor.waits,
        warnings=tuple(surveyor.warnings),
        plain=frozenset(surveyor.plain),
    )


# Clauses whose names are private to their construct.
_PRIVATE_CLAUSES = ("private", "firstprivate", "lastprivate", "reduction", "linear")


class _Surveyor(RuleChecks, TaskSurvey):
    """The two walks of :func:`run`, and what they gather (the rules each construct is
    checked against: ``survey_rules.py``; a task decided: ``survey_tasks.py``)."""

    def __init__(self, wrapper: MetadataWrapper, blocks: plan.Blocks, filename: str) -> None:
        module = wrapper.module
        self.wrapper = wrapper
        self.blocks = blocks
        self.positions = wrapper.resolve(Positions)
        self.filename = filename
        self.plans: dict[cst.CSTNode, list[Item]] = {}
        self.infos: dict[Construct, ConstructInfo] = {}
        self.covers: dict[cst.CSTNode, list[Construct]] = {}
        self.lines: dict[cst.CSTNode, Lines] = {}
        self.module_names = bindings(module.body)
        self.imported_modules = imported_modules(module)
        self.super_calls: dict[cst.Call, str] = {}  # ``super()`` call -> the method's self
        self.module_functions = definitions(module.body)
        self._effects: Effects | None = None
        self._sync_blocks: SyncBlocks | None = None
        self._reach: Reach | None = None
        self._module_effects: dict[str, int] | None = None
        self.threadprivate: frozenset[str] = frozenset()  # globals a directive names
        self.declared: frozenset[str] = frozenset()  # names of 'declare reduction's
        self.task_scopes: tasking.Scopes = {}
        self.waits = False  # a taskwait, taskgroup or taskyield (the module uses tasks)
        self.warnings: list[PragmaWarning] = []
        self._blocks: dict[cst.CSTNode, list[cst.BaseSuite]] = {}
        self.plain: Mapping[cst.CSTNode, Lines] = {}

    @property
    def effects(self) -> Effects:
        """What the module's code may change (worked out once, when first needed)."""
        if self._effects is None:
            self._effects = Effects(
                self.wrapper.module,
                # A dict (metadata.Parents builds one), typed by libcst as a Mapping.
                parents=cast("dict[cst.CSTNode, cst.CSTNode]", self.wrapper.resolve(Parents)),
                contexts=self.wrapper.resolve(Contexts),
                modules=frozenset(self.imported_modules),
            )
        return self._effects

    @property
    def sync_blocks(self) -> SyncBlocks:
        """What the module's synchronisation blocks may change (from :attr:`effects`)."""
        if self._sync_blocks is None:
            self._sync_blocks = SyncBlocks(self.effects)
        return self._sync_blocks

    def blocks_of(self, statement: cst.BaseStatement) -> list[cst.BaseSuite]:
        """:func:`~.walk.owned_suites`, worked out once per statement (both walks ask)."""
        found = self._blocks.get(statement)
        if found is None:
            found = self._blocks[statement] = owned_suites(statement)
        return found

    def module_effects(self) -> dict[str, int]:
        """Module globals the module's functions may change, and how deep (modules
        themselves are never data to carry)."""
        if self._module_effects is None:
            found = self.effects.global_depths()
            self._module_effects = {
                n: d for n, d in found.items() if n not in self.imported_modules
            }
        return self._module_effects

    def _module_watch(
        self, construct: Construct, scopes: list[tuple[str, Any]]
    ) -> dict[str, int] | None:
        """The module globals a region may change through the code it can reach
        (``reach.py``); None when it may run code omppy cannot see (``_omp_effects``
        is watched, and the run time takes the deep net, deepnet.py).  Written also
        when it says what ``_omp_effects`` says: that the reach is known is what
        spares the region the deep net's walk (2 million numbers: 15-25 ms)."""
        if self._reach is None:
            self._reach = Reach(self.wrapper.module, self.effects, self.imported_modules)
        enclosing = [node for kind, node in scopes if kind == "function"]
        return self._reach.module_watch(construct.statements(), enclosing)

    def plan_block(self, node: cst.CSTNode, body: Any) -> None:
        columns: dict[cst.CSTNode, int] = {}
        plain = self.plain
        for statement in body:
            if statement in plain:
                columns[statement] = 0  # of the module's body
                self.lines[statement] = plain[statement]
                continue
            where = self.positions.get(statement)
            if where is not None:
                columns[statement] = where.start.column
                self.lines[statement] = (where.start.line, where.end.line)
        items = plan.group(
            list(body), self.blocks, self.blocks.footer.get(node, []), self.filename, columns
        )
        plan.validate_nesting(items, self.filename)
        self.plans[node] = items
        self._cover(items, [])
        for statement in body:
            if statement in plain:
                continue
            for block in self.blocks_of(statement):
                if isinstance(block, cst.IndentedBlock):
                    self.plan_block(block, block.body)

    def _cover(self, items: list[Item], owners: list[Construct]) -> None:
        """Record, for each statement, every construct of its block that covers it."""
        for item in items:
            if isinstance(item, Construct):
                self._cover(item.body, [*owners, item])
            elif owners:
                self.covers.setdefault(item, []).extend(owners)

    # The walk carries ``stack``, the constructs around the current statement in its
    # function (a ``def`` starts afresh), ``scopes``, the module/function/class scopes
    # around it, and ``around``, every construct around it however far out.

    def walk_block(
        self,
        node: cst.CSTNode,
        stack: list[Construct],
        scopes: list[tuple[str, Any]],
        around: tuple[Construct, ...] = (),
    ) -> None:
        self._items(self.plans[node], stack, scopes, around)

    def _items(
        self,
        items: list[Item],
        stack: list[Construct],
        scopes: list[tuple[str, Any]],
        around: tuple[Construct, ...],
    ) -> None:
        for item in items:
            if isinstance(item, Construct):
                self._construct(item, stack, scopes, around)
                self._items(item.body, [*stack, item], scopes, (*around, item))
            else:
                self._statement(item, stack, scopes, around)

    def _statement(
        self,
        statement: cst.BaseStatement,
        stack: list[Construct],
        scopes: list[tuple[str, Any]],
        around: tuple[Construct, ...],
    ) -> None:
        if isinstance(statement, cst.SimpleStatementLine) or statement in self.plain:
            return
        if isinstance(statement, cst.FunctionDef):
            inner_scopes = [*scopes, ("function", statement)]
            inner_stack: list[Construct] = []
        elif isinstance(statement, cst.ClassDef):
            inner_scopes = [*scopes, ("class", statement)]
            inner_stack = []
        else:
            inner_scopes, inner_stack = scopes, stack
        for block in self.blocks_of(statement):
            if isinstance(block, cst.IndentedBlock):
                self.walk_block(block, inner_stack, inner_scopes, around)

    # -- constructs -----------------------------------------------------------------

    def _construct(
        self,
        construct: Construct,
        stack: list[Construct],
        scopes: list[tuple[str, Any]],
        around: tuple[Construct, ...],
    ) -> None:
        pragma = construct.pragma
        scope_kind = scopes[-1][0]
        filename = self.filename
        checks.placement(construct, scope_kind, filename=filename)
        checks.nesting(construct, stack, filename=filename)
        checks.clause_conflicts(construct, filename=filename)
        self._rules(construct, stack, scopes)
        in_region = any(c.directive in PARALLEL_DIRECTIVES for c in stack)
        directive = pragma.directive
        is_loop = directive in LOOP_DIRECTIVES
        loops = self._loop_nest(construct) if is_loop else []
        loop_vars = {n for loop in loops for n in target_names(loop.target)}
        rules.linear_loop_variables(construct, loop_vars, filename)
        usage = self._usage(construct, loops)
        partials = _partials(usage, loop_vars) if is_loop else set()
        if is_loop:
            _running_lastprivate(construct, usage, partials, filename)
        classes = [node.name.value for kind, node in scopes if kind == "class"]
        class_name = classes[-1] if classes else None
        checks.class_private(usage, class_name, filename=filename)
        self._zero_arg_super(usage, scopes)
        region = next((c for c in reversed(stack) if c.directive in PARALLEL_DIRECTIVES), None)
        region_sharing = self.infos[region].sharing if region is not None else None
        region_shared: tuple[str, ...] = ()
        sync_names: tuple[str, ...] = ()
        sync_reads: tuple[str, ...] = ()
        threadprivate: tuple[str, ...] = ()
        touches: tuple[str, ...] | None = None
        watch: dict[str, int] = {}
        module_watch: dict[str, int] | None = None
        bound_names: frozenset[str] = frozenset()
        if region is not None and region_sharing is not None:
            region_shared = region_sharing.shared_out
            parameters = {*region_sharing.args, *region_sharing.firstprivate}
            parameters |= {name for name, _ in region_sharing.reduction}
            bound_names = frozenset(parameters - self.infos[region].usage.deleted)
            if directive in SYNC_DIRECTIVES:
                touched = set(usage.bound) | usage.sync_mutated | usage.stored_roots
                touched |= {root for root, *_ in usage.mutations}
                # (threadprivate globals are each thread's own: never published,
                # but a copyprivate one is handed out by its single)
                own = set(region_sharing.threadprivate)
                # (nor a name the region's or an enclosing construct's clauses make
                # each thread's own, or that a worksharing loop around it loops over:
                # a reduction variable updated under critical is the thread's partial
                # result, and taking another thread's value on entry lost updates)
                between = stack[stack.index(region) + 1 :]
                inner = set(own)
                inner.update(region_sharing.firstprivate, region_sharing.lastprivate)
                inner.update(name for name, _ in region_sharing.reduction)
                for c in between:
                    inner.update(*(c.pragma.names_in(k) for k in _PRIVATE_CLAUSES))
                    if c.directive in LOOP_DIRECTIVES:
                        for loop in self._loop_nest(c):
                            inner.update(target_names(loop.target))
                if region.directive in LOOP_DIRECTIVES:
                    for loop in self._loop_nest(region):
                        inner.update(target_names(loop.target))
                touched -= region_sharing.private | inner
                sync_names = tuple(analysis_order(touched, usage))
                # Entering the block is a flush: a shared name another thread's block
                # publishes and this one only reads (a flag) is taken fresh too.
                # (Not in a task, whose names are its own copies, nor a name an
                # enclosing construct makes private or loops over.)
                if not any(c.directive in TASK_DIRECTIVES for c in between):
                    bound_before = self._bound_before(construct)
                    sync_reads = tuple(
                        n
                        for n in region_shared
                        if n in usage.read
                        and n not in touched
                        and n not in region_sharing.private
                        and n not in inner
                        and n not in bound_before
                    )
                copied = pragma.names_in("copyprivate")
                threadprivate = tuple(n for n in copied if n in own)
                if directive in SINGLE_THREAD_DIRECTIVES:
                    checks.one_threads_part(
                        construct,
                        usage,
                        region_sharing.private - set(copied),
                        self._loop_stores(region),
                        self.infos[region].usage,
                        filename=filename,
                    )
        elif directive in SYNC_DIRECTIVES:
            # An orphaned single's copyprivate hands out the threadprivate globals it
            # names too (copyprivate.1: `init` reads x and y for every thread).
            own = scoped_sharing.threadprivate_used(usage, scopes, self.threadprivate)
            threadprivate = tuple(n for n in pragma.names_in("copyprivate") if n in own)
            # An orphaned block in a task (a task in a function): the names of the
            # task's shared clause it binds are published by it, as in a region, so
            # that the creator's taskwait takes the newest (``found = node`` under
            # atomic write in one of two searching tasks).
            tasks = [c for c in stack if c.directive in TASK_DIRECTIVES]
            task_around = tasks[-1] if tasks else None
            if task_around is not None:
                listed = set(task_around.pragma.names_in("shared"))
                binds = set(usage.bound) | set(usage.augmented) | usage.sync_bound
                sync_names = tuple(analysis_order(binds & listed, usage))
        closed = False
        if directive in SYNC_DIRECTIVES:
            touches = self.sync_blocks.touches(construct.statements())
            closed = (
                touches is not None
                and self.sync_blocks.closed(construct.statements())
                and scoped_sharing.binds_only_locals(usage, region is not None, scopes)
            )
        if directive in PARALLEL_DIRECTIVES or is_loop:
            checks.escapes(construct, usage, filename=filename)
            checks.unsupported(usage, filename=filename)
        sharing = None
        shared_roots: set[str] = set()
        global_roots: set[str] = set()
        item_targets: dict[str, tuple[int, ...]] = {}
        module_names: tuple[str, ...] = ()
        if directive in PARALLEL_DIRECTIVES:
            sharing = scoped_sharing.decide_region(
                construct,
                usage,
                loop_vars,
                available=self._available(scopes),
                threadprivate=scoped_sharing.threadprivate_used(
                    usage, scopes, self.threadprivate
                ),
                module_functions=self.module_functions,
                filename=filename,
            )
            clause_private = {*sharing.firstprivate, *sharing.lastprivate}
            clause_private |= {n for n, _ in sharing.reduction}
            shared_roots = usage.stored_roots - sharing.private - clause_private
            # (a threadprivate global is each thread's own: its mutation is no race)
            private = sharing.private | clause_private | set(sharing.threadprivate)
            checks.mutations(
                usage,
                private,
                self.imported_modules,
                self.effects.own_methods(),
                filename=filename,
            )
            # (and the names published by its synchronisation blocks: ``total +=
            # Bag([k])`` under critical changes what ``total`` holds, in place)
            # (sorted: a set's order would change the translation from run to run)
            published = sorted(set(sharing.shared_out) - set(sharing.args))
            watch = self._watch(construct, loops, [*sharing.args, *published])
            module_watch = self._module_watch(construct, scopes)
            # An array the region only reads (the effects analysis: no write through
            # it, however it is used) needs no copy into shared memory.
            readonly = tuple(
                n for n in sharing.args if not watch.get(n) and n not in sharing.shared_out
            )
            # A global is read by its name, not handed in: code the region calls
            # may rebind it meanwhile (``mod.LIMIT = 9`` in another module).
            # (not one the body binds anywhere, an inner construct's private copy
            # included: that makes it a local of the outlined body, handed in)
            bound_inside = (
                set(usage.bound)
                | set(usage.augmented)
                | usage.plain_bound
                | usage.sync_bound
                | usage.deleted
                | usage.task_shared
                | usage.inner_private
                | usage.inner_firstprivate
                | usage.inner_outputs
                | usage.inner_copyprivate
            )
            live = scoped_sharing.read_live(readonly, scopes) - bound_inside
            if live:
                args = tuple(n for n in sharing.args if n not in live)
                readonly = tuple(n for n in readonly if n not in live)
                sharing = dataclasses.replace(sharing, args=args)
            sharing = dataclasses.replace(sharing, readonly=readonly)
            carried = {*sharing.shared_out, *sharing.lastprivate, *sharing.threadprivate}
            carried |= {n for n, _ in sharing.reduction} | usage.inner_outputs
            # (a firstprivate object the region changes, ``rows.append(i)``, too: the
            # master's is not the copy the threads changed)
            changed = _changed_in(usage, set(sharing.firstprivate)) | loop_vars
            self._reads_after(construct, usage, changed - carried, scopes, loop_vars)
            if region is None:  # (a nested region's names are its region's locals)
                module_names = _module_names(sharing.shared_out, scopes)
            if loops:
                derived = loop_nest.loop_derived(loops, loop_vars)
                self.warnings += checks.races(usage, derived, private, filename=filename)
            if directive == "parallel for" and len(loops) == 1:
                # Loop variables that stay bound to the iteration's item: a method
                # called on one (``p.move(dt)``) is carried back to the master's item.
                rebound = bindings(loops[0].body.body)
                item_targets = {
                    name: position
                    for name, position in item_positions(loops[0].target).items()
                    if name not in rebound
                    and name not in clause_private
                    and name not in pragma.names_in("private")
                }
        elif is_loop:
            loop_private = set(usage.bound)
            self._share_reads_after(construct, usage, scopes, region_sharing, loop_vars, partials)
            shared_roots = usage.stored_roots - loop_private
            derived = loop_nest.loop_derived(loops, loop_vars)
            outer_private = region_sharing.private if region_sharing is not None else set()
            self.warnings += checks.races(
                usage, derived, (loop_private | outer_private) - derived, filename=filename
            )
            if not in_region:
                # (its reduction variables are each thread's own copy in the loop)
                checks.mutations(
                    usage,
                    loop_private | set(pragma.names_in("reduction")),
                    self.imported_modules,
                    self.effects.own_methods(),
                    filename=filename,
                )
                # Outside a region's text, a store on a module global is carried by
                # name (the region that runs this loop may not name that object).
                local_names = self._available(scopes) - self.module_names
                if scope_kind == "function":
                    local_names |= function_locals(scopes[-1][1])
                global_roots = shared_roots - local_names
        if directive == "sections":
            # (each thread holds what the sections it ran bound: python, all of them)
            self._share_reads_after(
                construct, usage, scopes, region_sharing, set(), set(usage.augmented)
            )
        task = None
        if directive in TASK_DIRECTIVES:
            task = self._task(construct, usage, stack, scopes, region_shared)
            # (a name in the task's private or firstprivate clause, bound in it: the
            # creator's keeps its value, python's is the task's)
            handed = set(task.shared) | {name for name, _ in task.in_reduction}
            self._share_reads_after(
                construct, usage, scopes, region_sharing, loop_vars, set(), handed
            )
        elif directive in ("taskwait", "taskgroup", "taskyield", "barrier"):
            self.waits = self.waits or directive != "barrier"
            task = tasking.TaskInfo(scope=self.task_scopes.get(construct))
        self.infos[construct] = ConstructInfo(
            construct,
            usage,
            sharing=sharing,
            in_region=in_region,
            binds_thread=not stack
            and directive not in PARALLEL_DIRECTIVES
            and not (directive in _THREADLESS and not self._holds_constructs(construct)),
            shared_roots=frozenset(shared_roots),
            region_shared=region_shared,
            sync_names=sync_names,
            sync_reads=sync_reads,
            bound_names=bound_names,
            global_roots=frozenset(global_roots),
            item_targets=item_targets,
            class_name=class_name,
            around=around,
            watch=watch,
            module_watch=module_watch,
            touches=touches,
            closed=closed,
            threadprivate=threadprivate,
            task=task,
            module_names=module_names,
        )

    def _share_reads_after(
        self,
        construct: Construct,
        usage: Usage,
        scopes: list[tuple[str, Any]],
        region: Sharing | None,
        variables: set[str],
        partials: set[str],
        handed: set[str] = frozenset(),  # type: ignore[assignment]
    ) -> None:
        """:meth:`_reads_after` for a work share or task: what it binds, and what its
        own private copies of outside objects change, minus what reaches the code
        after it (its clauses, its blocks' and tasks' publications, ``handed``)."""
        carried = _carried_out(usage, construct, region) | handed
        copies = _clause_copies(construct)
        changed = _changed_in(usage, copies) - carried
        self._reads_after(construct, usage, changed, scopes, variables, partials - copies, copies)

    def _loop_stores(self, region: Construct) -> dict[str, Construct]:
        """The names whose objects the worksharing loops of ``region`` (not of a
        region nested in it) store into or change, each with the first such loop."""
        found: dict[str, Construct] = {}
        for construct, info in self.infos.items():
            if construct is region or construct.directive not in LOOP_DIRECTIVES:
                continue
            regions = [c for c in info.around if c.directive in PARALLEL_DIRECTIVES]
            if not regions or regions[-1] is not region:
                continue
            changed = set(info.shared_roots) | {root for root, *_ in info.usage.mutations}
            for name in changed:
                found.setdefault(name, construct)
        return found

    def _holds_constructs(self, construct: Construct) -> bool:
        """Are there constructs inside ``construct``, however deep?"""
        pending: list[Item] = list(construct.body)
        while pending:
            item = pending.pop()
            if isinstance(item, Construct):
                return True
            for block in self.blocks_of(item):
                pending.extend(self.plans.get(block, []))
        return False

    def _watch(
        self, construct: Construct, loops: list[cst.For], names: tuple[str, ...] | list[str]
    ) -> dict[str, int]:
        """How deep a region may change each shared name (and, for a ``parallel for``
        over a sequence, the items it hands out, as ``_omp_items``)."""
        watch = self.effects.depths(construct.statements(), names)
        if construct.directive == "parallel for" and len(loops) == 1:
            loop = loops[0]
            items = 1 + self.effects.loop_items(loop, self.effects.loads(loop.body))
            if items > 1:
                watch = {"_omp_items": items, **watch}
        return watch

    def _usage(self, construct: Construct, loops: list[cst.For]) -> Usage:
        """What the construct's statements do with names (a loop: its body and target)."""
        if construct.directive in TASK_DIRECTIVES:
            if construct.directive in TASKLOOP_DIRECTIVES:
                self._loop_nest(construct)  # the nest's shape is checked there
                nest = tasking.loop_nest(construct)
                parts = [*(loop.target for loop in nest), *nest[-1].body.body]
                return analysis.collect(parts, self.wrapper, self.covers, True, construct)
            return analysis.collect(
                construct.statements(), self.wrapper, self.covers, owner=construct
            )
        if not loops:
            statements = construct.statements()
            stacked = self.covers.get(statements[0], []) if statements else []
            around = stacked[: stacked.index(construct)] if construct in stacked else []
            skip = tuple(c for c in around if c.directive in TASK_DIRECTIVES)
            return analysis.collect(statements, self.wrapper, self.covers, skip=skip)
        inner = loops[-1].body.body
        targets = [loop.target for loop in loops]
        usage = analysis.collect([*targets, *inner], self.wrapper, self.covers, is_loop=True)
        if construct.directive == "for":
            # Each thread evaluates the iterable of a ``for`` inside a region; a
            # ``parallel for``'s iterable is evaluated once, by the master, before it.
            iters = analysis.collect([loop.iter for loop in loops], self.wrapper, self.covers)
            for name, where in iters.read.items():
                usage.read.setdefault(name, where)
        return usage

    def _bound_before(self, construct: Construct) -> set[str]:
        """The names that a block every thread runs (``critical``, ``atomic``,
        ``ordered``) binds by a plain assignment in a statement before ``construct``,
        in the same iteration: in the same statement list or one around it, up to the
        loop (or function) around them.  Such a name, read in ``construct``, is the
        value this thread just bound (``job = jobs.popleft()`` under critical(queue),
        then ``failed.append(job)`` under critical(failed)), as in python; taking the
        newest published value instead would read a teammate's job."""
        statements = construct.statements()
        if not statements:
            return set()
        parents = self.wrapper.resolve(Parents)
        found: set[str] = set()
        node: cst.CSTNode = statements[0]
        while True:
            parent = parents.get(node)
            if parent is None or isinstance(parent, cst.Module):
                return found
            if isinstance(parent, cst.IndentedBlock):
                for earlier in parent.body[: parent.body.index(node)]:
                    found |= self._plain_sync_binds(earlier)
                owner = parents.get(parent)
                if isinstance(owner, (cst.For, cst.While, cst.FunctionDef, cst.ClassDef)):
                    return found  # the iteration (or the function) starts here
            node = parent

    def _plain_sync_binds(self, statement: cst.CSTNode) -> set[str]:
        """What ``statement``, a plain assignment in a block every thread runs, binds."""
        if not isinstance(statement, cst.SimpleStatementLine):
            return set()
        owners = self.covers.get(statement, [])
        if not any(c.directive in ("critical", "atomic", "ordered") for c in owners):
            return set()
        bound: set[str] = set()
        for small in statement.body:
            if isinstance(small, cst.Assign):
                for target in small.targets:
                    bound.update(target_names(target.target))
            elif isinstance(small, cst.AnnAssign) and small.value is not None:
                bound.update(target_names(small.target))
        return bound

    def _loop_nest(self, construct: Construct) -> list[cst.For]:
        """The loops a loop construct covers (``loop_nest.collapse_nest``)."""
        return loop_nest.collapse_nest(construct, self.wrapper, self.covers, self.filename)

    def _zero_arg_super(self, usage: Usage, scopes: list[tuple[str, Any]]) -> None:
        """``super()`` in an outlined region means ``super(__class__, self)``.

        The region runs as a nested function, whose first argument is not the
        method's; the rewrite names both, and the method's first argument is read.
        """
        if not usage.zero_arg_super or len(scopes) < 2:
            return
        (kind, function), (outer, _) = scopes[-1], scopes[-2]
        if kind != "function" or outer != "class":
            return
        parameters = [*function.params.posonly_params, *function.params.params]
        if not parameters:
            return
        first = parameters[0].name.value
        for call in usage.zero_arg_super:
            self.super_calls[call] = first
            usage.read.setdefault(first, self.positions[call])

    def _available(self, scopes: list[tuple[str, Any]]) -> set[str]:
        names = set(self.module_names)
        for kind, node in scopes[1:]:
            if kind == "function":
                names |= function_locals(node)
        return names


__all__ = ["run"]


def _partials(usage: Usage, variables: set[str]) -> set[str]:
    """The names a loop accumulates into: updated (``part += i``) or read no later
    than first bound (``m = max(m, x)``), not its variables.  Each thread's is its
    running part, which a region reads after the loop to combine (docs/
    data-sharing.md, "private accumulators"); a loop's own ``t = i * 3`` is not."""
    found = set()
    for name, bound in usage.bound.items():
        read = usage.read.get(name)
        if read is not None and read.start.line <= bound.start.line:
            found.add(name)  # (``m = max(m, x)``, or ``part += i`` first of all)
        elif name in usage.augmented and name not in usage.plain_bound:
            found.add(name)
    return found - variables


def _carried_out(usage: Usage, construct: Construct, region: Sharing | None) -> set[str]:
    """The names a work share binds that reach the code after it: its clauses',
    those its synchronisation blocks and tasks publish, threadprivate globals."""
    carried = set(usage.sync_bound) | usage.inner_outputs | usage.task_shared
    for kind in ("lastprivate", "reduction", "linear"):
        carried.update(construct.pragma.names_in(kind))
    if region is not None:
        carried.update(region.threadprivate)
    return carried


def _running_lastprivate(
    construct: Construct, usage: Usage, partials: set[str], filename: str
) -> None:
    """``lastprivate(y)`` on a name the loop accumulates into (``y = y + i``, one of
    ``partials``): the
    thread that ran the last iteration holds its own running value (1 + 2 + 3 on a
    team of two), python the whole loop's (1 + 0 + 1 + 2 + 3).  Refused."""
    pragma = construct.pragma
    plain = {
        n for c in pragma.all("lastprivate") if c.modifier != "conditional" for n in c.names
    }
    running = sorted(plain & partials)
    if running:
        name = running[0]
        read = usage.read.get(name)
        line = f" (line {read.start.line})" if read is not None else ""
        raise checks.error(
            filename,
            checks.at(pragma),
            f"lastprivate({name}): the loop reads '{name}' before it binds it{line}, so the "
            f"thread that runs the last iteration holds its own running value, where "
            f"python's run holds the whole loop's",
            f"make it a reduction ('reduction(+:{name})' for a sum), or bind '{name}' from "
            f"the iteration alone (then lastprivate gives the last iteration's value)",
        )


def _changed_in(usage: Usage, copies: set[str]) -> set[str]:
    """Every name a construct's statements bind (assign, update, delete), and those of
    ``copies`` (its private copies of outside objects) it changes in place."""
    bound = set(usage.bound) | set(usage.augmented) | usage.plain_bound | usage.deleted
    changed = usage.stored_roots | usage.sync_mutated | {r for r, *_ in usage.mutations}
    return bound | (copies & changed)


def _clause_copies(construct: Construct) -> set[str]:
    """The names a construct's own ``private`` and ``firstprivate`` clauses copy: after
    it, each thread's name is what it was before the construct."""
    pragma = construct.pragma
    return set(pragma.names_in("private")) | set(pragma.names_in("firstprivate"))


def _module_names(shared_out: tuple[str, ...], scopes: list[tuple[str, Any]]) -> tuple[str, ...]:
    """The region's shared, bound names that are its module's globals: all of them at
    module level, those its function declares ``global`` in a function."""
    kind, node = scopes[-1]
    if kind == "module":
        return shared_out
    if kind == "function":
        declared = scoped_sharing.declared_global(node)
        return tuple(n for n in shared_out if n in declared)
    return ()
