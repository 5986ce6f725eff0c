"""The survey: every block planned and every construct decided, before any rewrite.

Two walks over the original tree.  The first groups each block's statements into
constructs (``plan.py``), so a construct knows the constructs nested in it however
deep.  The second visits constructs outermost first: it checks OpenMP's rules on
each (``checks.py``), collects what its statements do with names (``analysis.py``),
decides a parallel construct's data sharing (``sharing.py``), and records the result
as a frozen :class:`~.model.ConstructInfo`; it also records, for every statement,
the construct whose shared objects its stores write.  :func:`run` returns it all as
a :class:`~.model.Survey`.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import libcst as cst
from libcst.metadata import (
    MetadataWrapper,
)

from . import analysis, checks, plan, rules, tasking
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
    SYNC_DIRECTIVES,
    TASK_DIRECTIVES,
    TASKLOOP_DIRECTIVES,
)
from .sharing import decide
from .sharing import ordered as analysis_order
from .walk import children, walk

# Constructs whose code needs no thread context (``_omp_t``) of their own.
_THREADLESS = (
    NO_OP_DIRECTIVES
    | PLAIN_BLOCK_DIRECTIVES
    | SEQUENTIAL_LOOP_DIRECTIVES
    | {"flush", "threadprivate", "declare reduction", "error", "ordered simd", "depobj"}
)


def run(wrapper: MetadataWrapper, blocks: plan.Blocks, filename: str) -> Survey:
    """Plan every block of the module and decide every construct, or raise PragmaError."""
    module = wrapper.module
    surveyor = _Surveyor(wrapper, blocks, filename)
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
    )


class _Surveyor:
    """The two walks of :func:`run`, and what they gather."""

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
        self.threadprivate: frozenset[str] = frozenset()  # globals a directive names
        self.declared: frozenset[str] = frozenset()  # names of 'declare reduction's
        self.task_scopes: tasking.Scopes = {}
        self.waits = False  # a taskwait, taskgroup or taskyield (the module uses tasks)
        self.warnings: list[PragmaWarning] = []
        self._blocks: dict[cst.CSTNode, list[cst.BaseSuite]] = {}

    @property
    def effects(self) -> Effects:
        """What the module's code may change (worked out once, when first needed)."""
        if self._effects is None:
            metadata = {
                "parents": self.wrapper.resolve(Parents),
                "contexts": self.wrapper.resolve(Contexts),
            }
            modules = frozenset(self.imported_modules)
            self._effects = Effects(self.wrapper.module, metadata, modules)
        return self._effects

    def blocks_of(self, statement: cst.BaseStatement) -> list[cst.BaseSuite]:
        """:func:`_blocks_of`, worked out once per statement (both walks ask)."""
        found = self._blocks.get(statement)
        if found is None:
            found = self._blocks[statement] = _blocks_of(statement)
        return found

    def module_effects(self) -> dict[str, int]:
        """Module globals the module's functions may change, and how deep (modules
        themselves are never data to carry)."""
        found = self.effects.global_depths()
        return {n: d for n, d in found.items() if n not in self.imported_modules}

    def plan_block(self, node: cst.CSTNode, body: Any) -> None:
        columns: dict[cst.CSTNode, int] = {}
        for statement in body:
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
        if isinstance(statement, cst.SimpleStatementLine):
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
        loops = self._collapse_nest(construct) if is_loop else []
        rules.linear_loop_variables(
            construct, {n for loop in loops for n in target_names(loop.target)}, filename
        )
        usage = self._usage(construct, loops)
        classes = [node.name.value for kind, node in scopes if kind == "class"]
        class_name = classes[-1] if classes else None
        checks.class_private(usage, class_name, filename=filename)
        self._zero_arg_super(usage, scopes)
        region = next((c for c in reversed(stack) if c.directive in PARALLEL_DIRECTIVES), None)
        region_sharing = self.infos[region].sharing if region is not None else None
        region_shared: tuple[str, ...] = ()
        sync_names: tuple[str, ...] = ()
        threadprivate: tuple[str, ...] = ()
        touches: tuple[str, ...] | None = None
        watch: dict[str, int] = {}
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
                touched -= region_sharing.private | own
                sync_names = tuple(analysis_order(touched, usage))
                copied = pragma.names_in("copyprivate")
                threadprivate = tuple(n for n in copied if n in own)
        closed = False
        if directive in SYNC_DIRECTIVES:
            touches = self.effects.block(construct.statements())
            closed = (
                touches is not None
                and self.effects.closed(construct.statements())
                and self._binds_only_locals(usage, region is not None, scopes)
            )
        if directive in PARALLEL_DIRECTIVES or is_loop:
            checks.escapes(construct, usage, filename=filename)
            checks.unsupported(usage, filename=filename)
        sharing = None
        shared_roots: set[str] = set()
        global_roots: set[str] = set()
        item_targets: dict[str, tuple[int, ...]] = {}
        if directive in PARALLEL_DIRECTIVES:
            loop_vars = {n for loop in loops for n in target_names(loop.target)}
            sharing = self._sharing(construct, usage, loop_vars, scopes)
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
            # An array the region only reads (the effects analysis: no write through
            # it, however it is used) needs no copy into shared memory.
            readonly = tuple(
                n for n in sharing.args if not watch.get(n) and n not in sharing.shared_out
            )
            sharing = dataclasses.replace(sharing, readonly=readonly)
            if loops:
                derived = _loop_derived(loops, loop_vars)
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
            shared_roots = usage.stored_roots - loop_private
            derived = _loop_derived(loops, {n for lp in loops for n in target_names(lp.target)})
            outer_private = region_sharing.private if region_sharing is not None else set()
            self.warnings += checks.races(
                usage, derived, (loop_private | outer_private) - derived, filename=filename
            )
            if not in_region:
                checks.mutations(
                    usage,
                    loop_private,
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
        task = None
        if directive in TASK_DIRECTIVES:
            task = self._task(construct, usage, stack, scopes, region_shared)
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
            bound_names=bound_names,
            global_roots=frozenset(global_roots),
            item_targets=item_targets,
            class_name=class_name,
            around=around,
            watch=watch,
            touches=touches,
            closed=closed,
            threadprivate=threadprivate,
            task=task,
        )

    def _task(
        self,
        construct: Construct,
        usage: Usage,
        stack: list[Construct],
        scopes: list[tuple[str, Any]],
        region_shared: tuple[str, ...],
    ) -> tasking.TaskInfo:
        """A task or taskloop decided (``tasking.py``)."""
        statements: list[cst.CSTNode] = list(construct.statements())
        if construct.directive in TASKLOOP_DIRECTIVES:
            nest = tasking.loop_nest(construct)
            statements = [*(loop.target for loop in nest), *nest[-1].body.body]
        enclosing = []
        for outer in reversed(stack):
            if outer.directive in PARALLEL_DIRECTIVES:
                break
            if outer.directive in TASK_DIRECTIVES:
                enclosing.append(outer)
        effects = self.effects
        around = scopes[-1][1] if scopes[-1][0] in ("function", "module") else None
        return tasking.decide(
            construct,
            usage,
            outside=(
                tasking.names_outside(around, construct, self._tasks_in(around))
                if around is not None
                else None
            ),
            available=self._available(scopes),
            module_defs=self.module_functions | self.imported_modules,
            region_published=region_shared,
            enclosing_tasks=enclosing,
            depths=lambda names: effects.depths(statements, names),
            touches=effects.block(statements),
            scope=self.task_scopes.get(construct),
            filename=self.filename,
        )

    def _rules(
        self, construct: Construct, stack: list[Construct], scopes: list[tuple[str, Any]]
    ) -> None:
        """The rules of the constructs of issue 14 (rules.py)."""
        pragma = construct.pragma
        directive = pragma.directive
        filename = self.filename
        if directive in ("cancel", "cancellation point"):
            target = rules.cancel_target(construct, stack, filename, scopes[-1][0])
            self.infos[target].cancel.add(pragma.name or "")
        elif directive == "scan":
            rules.stray_scan(construct, stack, filename)
        elif pragma.is_doacross:
            rules.doacross(construct, stack, filename)
        elif directive in ("ordered", "ordered simd"):
            rules.ordered_block(construct, stack, filename)
        elif directive == "threadprivate":
            rules.threadprivate(construct, scopes[-1][0], self.module_names, filename)
        elif directive == "error":
            rules.error_directive(construct, filename)
        elif directive == "tile":
            rules.tile(construct, filename)
        if stack:
            rules.concurrent(construct, stack, filename)
        rules.threadprivate_clauses(construct, self.threadprivate, filename)
        if pragma.all("reduction"):
            visible = self._available(scopes) | self.imported_modules
            rules.reduction_operators(construct, self.declared, visible, filename)
        ordered = pragma.clause("ordered")
        if directive in LOOP_DIRECTIVES and ordered is not None and ordered.number:
            rules.doacross_loop(construct, filename)
        if directive in LOOP_DIRECTIVES | {"simd"}:
            loops = self._collapse_nest(construct)
            inner = loops[-1].body
            items = self.plans.get(inner, [])
            scan = rules.scan_loop(construct, items, filename)
            if scan is not None and directive != "simd":
                self._scan_phases(construct, items, scan)

    def _scan_phases(self, construct: Construct, items: list[Item], scan: Construct) -> None:
        """The input phase of a scan loop hands the scan phase nothing but the
        reductions (rules.scan_phases), and no 'continue' skips the scan."""
        at = items.index(scan)
        before = [i for i in items[:at] if not isinstance(i, Construct)]
        after = [i for i in items[at + 1 :] if not isinstance(i, Construct)]
        inclusive = scan.pragma.clause("inclusive") is not None
        input_phase, scan_phase = (before, after) if inclusive else (after, before)
        for statement in [*before, *after]:
            rules.no_continue(statement, self.filename, self.positions)
        bound = analysis.collect(input_phase, self.wrapper, self.covers)
        used = analysis.collect(scan_phase, self.wrapper, self.covers)
        reduced = {n for c in construct.pragma.all("reduction") for n in c.names}
        bound_input = set(bound.bound) - reduced - set(used.bound)
        rules.scan_phases(construct, bound_input, dict(used.read), self.filename)

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
                self._collapse_nest(construct)  # the nest's shape is checked there
                nest = tasking.loop_nest(construct)
                parts = [*(loop.target for loop in nest), *nest[-1].body.body]
                return analysis.collect(parts, self.wrapper, self.covers, True, construct)
            return analysis.collect(
                construct.statements(), self.wrapper, self.covers, owner=construct
            )
        if not loops:
            return analysis.collect(construct.statements(), self.wrapper, self.covers)
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

    def _collapse_nest(self, construct: Construct) -> list[cst.For]:
        pragma = construct.pragma
        loop = construct.body[0]
        assert isinstance(loop, cst.For)
        clause = pragma.clause("collapse")
        depth = clause.number if clause is not None and clause.number else 1
        nest = [loop]
        outer_names: set[str] = set(target_names(loop.target))
        for level in range(2, depth + 1):
            body = nest[-1].body
            inner = body.body if isinstance(body, cst.IndentedBlock) else []
            if len(inner) != 1 or not isinstance(inner[0], cst.For) or inner[0].orelse:
                raise checks.error(
                    self.filename,
                    (pragma.pos.line, pragma.pos.col),
                    f"collapse({depth}) needs {depth} perfectly nested for loops, but level "
                    f"{level} is not a for loop alone in the body of the loop above it",
                )
            candidate = inner[0]
            used = analysis.collect([candidate.iter], self.wrapper, self.covers)
            clash = outer_names & set(used.read)
            if clash:
                name = sorted(clash)[0]
                raise checks.error(
                    self.filename,
                    used.read[name],
                    f"collapse({depth}) needs a rectangular loop nest, but this loop's range "
                    f"uses '{name}' from an enclosing loop",
                )
            outer_names |= set(target_names(candidate.target))
            nest.append(candidate)
        return nest

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

    def _sharing(
        self,
        construct: Construct,
        usage: Usage,
        loop_vars: set[str],
        scopes: list[tuple[str, Any]],
    ) -> Sharing:
        pragma = construct.pragma
        reduction = [(n, c.op or "+") for c in pragma.all("reduction") for n in c.names]
        default_clause = pragma.clause("default")
        default = default_clause.kind if default_clause is not None else "shared"
        available = self._available(scopes)
        # A linear name starts each iteration from the master's value and hands the
        # last iteration's value back: firstprivate and lastprivate (emit_linear.py).
        linear = pragma.names_in("linear")
        explicit = {
            "private": pragma.names_in("private"),
            "firstprivate": (*pragma.names_in("firstprivate"), *linear),
            "lastprivate": (*pragma.names_in("lastprivate"), *linear),
            "shared": pragma.names_in("shared"),
        }
        clause_names = {n for names in explicit.values() for n in names} | {
            n for n, _ in reduction
        }
        threadprivate = self._threadprivate_used(usage, scopes)
        if default == "none":
            exempt = self.module_functions | clause_names | loop_vars | threadprivate
            checks.default_none(usage, exempt, filename=self.filename)
        checks.augmented(construct, usage, clause_names | threadprivate, filename=self.filename)
        sharing = decide(
            usage,
            reduction=reduction,
            private=explicit["private"],
            firstprivate=explicit["firstprivate"],
            lastprivate=explicit["lastprivate"],
            shared=explicit["shared"],
            default=default or "shared",
            loop_vars=loop_vars,
            available=available,
        )
        if not threadprivate:
            return sharing
        # The region's code names each thread's own globals ('global' in the outlined
        # body): they are neither handed in nor handed back.
        return Sharing(
            args=tuple(n for n in sharing.args if n not in threadprivate),
            firstprivate=sharing.firstprivate,
            reduction=sharing.reduction,
            lastprivate=sharing.lastprivate,
            shared_out=tuple(n for n in sharing.shared_out if n not in threadprivate),
            private=sharing.private - threadprivate,
            readonly=tuple(n for n in sharing.readonly if n not in threadprivate),
            threadprivate=tuple(sorted(threadprivate)),
        )

    @staticmethod
    def _binds_only_locals(usage: Usage, in_region: bool, scopes: list[tuple[str, Any]]) -> bool:
        """Whether every name a synchronisation block binds or deletes is a local of
        the function it runs in: inside a region always (the region's body is
        outlined, and its shared names are published by name); an orphaned block's
        only when its function declares none of them ``global`` or ``nonlocal``."""
        if in_region:
            return True
        kind, node = scopes[-1]
        if kind != "function":
            return False  # at module level (or in a class body) it binds globals
        changed = set(usage.bound) | set(usage.deleted)
        return not changed & _declared_outer(node)

    def _threadprivate_used(self, usage: Usage, scopes: list[tuple[str, Any]]) -> set[str]:
        """The module's threadprivate globals the construct uses (a function's local of
        the same name is another variable)."""
        if not self.threadprivate:
            return set()
        local: set[str] = set()
        for kind, node in scopes[1:]:
            if kind == "function":
                local |= function_locals(node) - _declared_global(node)
        used = set(usage.read) | set(usage.bound)
        return (used & self.threadprivate) - local

    def _tasks_in(self, scope: cst.CSTNode) -> list[Construct]:
        """The task constructs whose statements are in ``scope`` (a function or the
        module)."""
        inside = set()

        class Statements(cst.CSTVisitor):
            def on_visit(self, node: cst.CSTNode) -> bool:
                if isinstance(node, cst.BaseStatement):
                    inside.add(node)
                return True

        walk(scope, Statements())
        return [
            c
            for c in self.task_scopes
            if c.directive in TASK_DIRECTIVES and c.statements() and c.statements()[0] in inside
        ]

    def _available(self, scopes: list[tuple[str, Any]]) -> set[str]:
        names = set(self.module_names)
        for kind, node in scopes[1:]:
            if kind == "function":
                names |= function_locals(node)
        return names


def _declared_outer(function: cst.FunctionDef) -> set[str]:
    """The names a function declares ``global`` or ``nonlocal`` (not its nested defs')."""
    found = _declared_global(function)

    class Nonlocals(cst.CSTVisitor):
        def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
            return node is function

        def visit_ClassDef(self, node: cst.ClassDef) -> bool:
            return False

        def visit_Nonlocal(self, node: cst.Nonlocal) -> None:
            found.update(item.name.value for item in node.names)

    function.visit(Nonlocals())
    return found


def _declared_global(function: cst.FunctionDef) -> set[str]:
    """The names a function's ``global`` statements declare (not its nested defs')."""
    found: set[str] = set()

    class Globals(cst.CSTVisitor):
        def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
            return node is function

        def visit_ClassDef(self, node: cst.ClassDef) -> bool:
            return False

        def visit_Global(self, node: cst.Global) -> None:
            found.update(item.name.value for item in node.names)

    walk(function, Globals())
    return found


# Nodes that never hold a suite: a statement's expressions are not searched.
_NO_SUITES = (cst.BaseExpression, cst.BaseParenthesizableWhitespace, cst.EmptyLine)


def _blocks_of(statement: cst.BaseStatement) -> list[cst.BaseSuite]:
    """The suites directly owned by a compound statement (body, else, handlers...)."""
    found: list[cst.BaseSuite] = []

    def descend(node: cst.CSTNode) -> None:
        for child in children(node):
            if isinstance(child, (cst.IndentedBlock, cst.SimpleStatementSuite)):
                found.append(child)
            elif isinstance(child, cst.If) and isinstance(node, cst.If):
                descend(child)  # an elif: its blocks belong to this statement too
            elif not isinstance(child, (cst.BaseStatement, *_NO_SUITES)):
                descend(child)

    descend(statement)
    return found


__all__ = ["run"]


def _loop_derived(loops: list[cst.For], variables: set[str]) -> set[str]:
    """The loops' variables and the names the body computes from them alone by
    arithmetic (``k = 2 * i + 1``): a key made of these is one per iteration."""
    derived = set(variables)
    assignments: list[tuple[str, cst.BaseExpression]] = []
    for statement in loops[-1].body.body:
        if isinstance(statement, cst.SimpleStatementLine):
            for small in statement.body:
                if (
                    isinstance(small, cst.Assign)
                    and len(small.targets) == 1
                    and isinstance(small.targets[0].target, cst.Name)
                ):
                    assignments.append((small.targets[0].target.value, small.value))
    changed = True
    while changed:
        changed = False
        for name, value in assignments:
            if name not in derived and _arithmetic_of(value, derived):
                derived.add(name)
                changed = True
    return derived


def _arithmetic_of(value: cst.BaseExpression, names: set[str]) -> bool:
    """Whether ``value`` is arithmetic on ``names`` and constants only."""
    used: list[str] = []
    plain = [True]

    class Look(cst.CSTVisitor):
        def visit_Name(self, node: cst.Name) -> None:
            used.append(node.value)

        def visit_Call(self, node: cst.Call) -> bool:
            plain[0] = False
            return False

        def visit_Subscript(self, node: cst.Subscript) -> bool:
            plain[0] = False
            return False

        def visit_Attribute(self, node: cst.Attribute) -> bool:
            plain[0] = False
            return False

    walk(value, Look())
    return plain[0] and bool(used) and all(name in names for name in used)
