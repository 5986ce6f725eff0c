"""The survey's checks of OpenMP's rules on one construct: which rule of ``rules.py``,
``rules_cancel.py``, ``rules_scan.py`` and ``rules_ordered.py`` applies to which
construct, with what the rule needs of the survey (the constructs around, the names
in scope, the two phases of a scan loop).  A part of :class:`~.survey._Surveyor`.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING, Any

import libcst as cst

from . import (
    after_reads,
    analysis,
    reduction_reads,
    rules,
    rules_cancel,
    rules_ordered,
    rules_scan,
)
from .metadata import Contexts, Parents
from .model import Construct, Item, Usage
from .pragma import (
    LOOP_DIRECTIVES,
    PARALLEL_DIRECTIVES,
    SINGLE_THREAD_DIRECTIVES,
    TASKLOOP_DIRECTIVES,
)

# The construct's kind, as the error names it (by default: region or loop).
_KIND = {"sections": "sections construct", "task": "task"} | dict.fromkeys(
    TASKLOOP_DIRECTIVES, "taskloop"
)

if TYPE_CHECKING:
    from collections.abc import Mapping

    from libcst.metadata import CodeRange, MetadataWrapper

    from .model import ConstructInfo


class RuleChecks:
    """The rule checks of the survey's walk (:class:`~.survey._Surveyor` has them)."""

    if TYPE_CHECKING:  # what the survey holds, which the checks read
        filename: str
        wrapper: MetadataWrapper
        positions: Mapping[cst.CSTNode, CodeRange]
        plans: dict[cst.CSTNode, list[Item]]
        covers: dict[cst.CSTNode, list[Construct]]
        infos: dict[Construct, ConstructInfo]
        module_names: set[str]
        imported_modules: set[str]
        threadprivate: frozenset[str]
        declared: frozenset[str]

        def _available(self, scopes: list[tuple[str, Any]]) -> set[str]: ...

        def _loop_nest(self, construct: Construct) -> list[cst.For]: ...

    def _rules(
        self, construct: Construct, stack: list[Construct], scopes: list[tuple[str, Any]]
    ) -> None:
        """The rules of the constructs of issue 14 (rules.py and rules_*.py)."""
        pragma = construct.pragma
        directive = pragma.directive
        filename = self.filename
        if directive in ("cancel", "cancellation point"):
            target = rules_cancel.cancel_target(construct, stack, filename, scopes[-1][0])
            self.infos[target].cancel.add(pragma.name or "")
        elif directive == "scan":
            rules_scan.stray_scan(construct, stack, filename)
        elif pragma.is_doacross:
            rules_ordered.doacross(construct, stack, filename)
        elif directive in ("ordered", "ordered simd"):
            rules_ordered.ordered_block(construct, stack, filename)
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
        if pragma.all("reduction") or pragma.all("in_reduction") or pragma.all("task_reduction"):
            self._reduction_reads(construct)
        ordered = pragma.clause("ordered")
        if directive in LOOP_DIRECTIVES and ordered is not None and ordered.number:
            rules_ordered.doacross_loop(construct, filename)
        if directive in LOOP_DIRECTIVES | {"simd"}:
            loops = self._loop_nest(construct)
            inner = loops[-1].body
            items = self.plans.get(inner, [])
            scan = rules_scan.scan_loop(construct, items, filename)
            if scan is not None and directive != "simd":
                self._scan_phases(construct, items, scan)

    def _reduction_reads(self, construct: Construct) -> None:
        """A reduction variable is used in its construct by its updates alone
        (reduction_reads.py): a loop's body, or every statement of the construct."""
        first = construct.body[0] if construct.body else None
        is_loop = isinstance(first, cst.For) and (
            construct.directive in LOOP_DIRECTIVES | TASKLOOP_DIRECTIVES
        )
        body: list[cst.CSTNode]
        if isinstance(first, cst.For) and is_loop:
            items = self.plans.get(first.body, [])
            if any(isinstance(i, Construct) and i.directive == "scan" for i in items):
                return  # a scan loop: its rules (rules_scan.py) say what is wrong
            body = [first.body]  # (the loop's header is evaluated before the copies)
        else:
            body = list(construct.statements())
        reduction_reads.check(construct, body, self.positions, self.filename, is_loop=is_loop)

    def _scan_phases(self, construct: Construct, items: list[Item], scan: Construct) -> None:
        """The input phase of a scan loop hands the scan phase nothing but the
        reductions (rules_scan.scan_phases), and no 'continue' skips the scan."""
        at = items.index(scan)
        before = [i for i in items[:at] if not isinstance(i, Construct)]
        after = [i for i in items[at + 1 :] if not isinstance(i, Construct)]
        inclusive = scan.pragma.clause("inclusive") is not None
        input_phase, scan_phase = (before, after) if inclusive else (after, before)
        for statement in [*before, *after]:
            rules_scan.no_continue(statement, self.filename, self.positions)
        bound = analysis.collect(input_phase, self.wrapper, self.covers)
        used = analysis.collect(scan_phase, self.wrapper, self.covers)
        reduced = {n for c in construct.pragma.all("reduction") for n in c.names}
        bound_input = set(bound.bound) - reduced - set(used.bound)
        rules_scan.scan_phases(construct, bound_input, dict(used.read), self.filename)

    def _reads_after(
        self,
        construct: Construct,
        usage: Usage,
        kept: set[str],
        scopes: list[tuple[str, Any]],
        variables: AbstractSet[str] = frozenset(),
        partials: AbstractSet[str] = frozenset(),
        copies: AbstractSet[str] = frozenset(),
    ) -> None:
        """Refuse a read, after ``construct``, of a name in ``kept``: one it binds for
        each thread and does not carry out (after_reads.py), which would hold there a
        value other than python's.  ``variables``: the construct's loop variables (a
        hint for one names no ``conditional``).  A name in ``partials`` (a loop's running partial,
        ``part += i``) is refused only where one thread reads it (``single``,
        ``master``, ``masked``): every thread reading its own part combines them.  A
        name in ``copies`` (the construct's own private or firstprivate clause) holds,
        after it, its value from before it."""
        kept = {n for n in kept if not n.startswith("_omp")}
        kind, scope = scopes[-1]
        if not kept or kind == "class":
            return
        contexts = self.wrapper.resolve(Contexts)
        parents = self.wrapper.resolve(Parents)
        partial = kept & partials

        def counts(node: cst.CSTNode, name: str) -> bool:
            """Every read counts, but a partial's outside one-thread blocks."""
            if name not in partial:
                return True
            at: cst.CSTNode | None = node
            while at is not None and at is not scope:
                if any(c.directive in SINGLE_THREAD_DIRECTIVES for c in self.covers.get(at, ())):
                    return True
                at = parents.get(at)
            return False

        found, callers = after_reads.reads_after(
            construct.statements(), sorted(kept), parents, contexts.get, scope, counts
        )
        if not found:
            return
        pragma = construct.pragma
        region = pragma.directive in PARALLEL_DIRECTIVES
        loop = pragma.directive in LOOP_DIRECTIVES

        def hint(name: str) -> str:
            if pragma.directive == "task":
                return (
                    f"add 'shared({name})' to the task (its value comes back at "
                    f"'# omp taskwait' or the end of its taskgroup), or use '{name}' only "
                    f"inside the task"
                )
            if pragma.directive in TASKLOOP_DIRECTIVES:
                return (
                    f"add 'lastprivate({name})' to the '# omp {pragma.directive}' pragma (the "
                    f"last iteration's value, as python has it), or use '{name}' only inside "
                    f"the loop"
                )
            if pragma.directive == "sections":
                return (
                    f"add 'lastprivate({name})' to the '# omp sections' pragma (the last "
                    f"section's value, as python has it; 'lastprivate(conditional: {name})' "
                    f"if not every section binds it), or use '{name}' only inside the section"
                )
            if loop:
                conditional = (
                    ""
                    if name in variables
                    else f"; 'lastprivate(conditional: {name})' if not every iteration binds it"
                )
                return (
                    f"add 'lastprivate({name})' to the '# omp {pragma.directive}' pragma "
                    f"(the last iteration's value, as python has it{conditional}), "
                    f"or use '{name}' only inside the loop"
                )
            return (
                f"bind '{name}' in '# omp single' (every thread, and the code after the "
                f"region, then see that value), make it a 'reduction', or use it only "
                f"inside the region"
            )

        bound_at = {}
        for name in kept:
            where = usage.bound.get(name) or usage.unsynced_bound_at.get(name)
            if where is None and name in usage.augmented:
                where = usage.augmented[name][0]
            if where is not None:
                bound_at[name] = (where.start.line, where.start.column)

        def position_of(node: cst.CSTNode) -> tuple[int, int]:
            where = self.positions[node]
            return where.start.line, where.start.column

        after_reads.refuse(
            _KIND.get(pragma.directive, "parallel region" if region else "loop"),
            (pragma.pos.line, pragma.pos.col),
            bound_at,
            found,
            callers,
            position_of,
            hint=hint,
            filename=self.filename,
            partials=partial,
            copies=copies,
        )
