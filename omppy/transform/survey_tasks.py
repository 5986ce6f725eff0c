"""The survey's decision on a task or taskloop: what of its scopes it captures and
hands back (``tasking.decide``), from the names around it, the tasks in the same
function and the effects of its statements.  A part of :class:`~.survey._Surveyor`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import libcst as cst

from . import task_waits, tasking
from .model import Construct, Item, Usage
from .names import bindings
from .pragma import PARALLEL_DIRECTIVES, SYNC_DIRECTIVES, TASK_DIRECTIVES, TASKLOOP_DIRECTIVES
from .walk import walk

if TYPE_CHECKING:
    from .effects import Effects
    from .sync_blocks import SyncBlocks


class TaskSurvey:
    """The task decisions of the survey's walk (:class:`~.survey._Surveyor` has them)."""

    if TYPE_CHECKING:  # what the survey holds, which the decisions read
        filename: str
        module_functions: set[str]
        imported_modules: set[str]
        task_scopes: tasking.Scopes
        plans: dict[cst.CSTNode, list[Item]]
        covers: dict[cst.CSTNode, list[Construct]]
        positions: Any

        def blocks_of(self, statement: cst.BaseStatement) -> list[cst.BaseSuite]: ...

        @property
        def effects(self) -> Effects: ...

        @property
        def sync_blocks(self) -> SyncBlocks: ...

        def _available(self, scopes: list[tuple[str, Any]]) -> set[str]: ...

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
        info = tasking.decide(
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
            touches=self.sync_blocks.touches(statements),
            scope=self.task_scopes.get(construct),
            filename=self.filename,
            inner_synced=self._inner_sync_binds(construct, stack),
        )
        # The creating code's reads and bindings of what the task binds, before the
        # wait (names bound in a critical or atomic in the task are synchronised).
        binds = [n for n in info.shared if n in usage.bound and n not in usage.sync_bound]
        task_waits.check(
            construct,
            binds,
            info.scope,
            self.plans,
            self.blocks_of,
            self.positions,
            self.filename,
        )
        return info

    def _inner_sync_binds(self, construct: Construct, stack: list[Construct]) -> set[str]:
        """The names that synchronisation blocks nested in the task bind (not a
        ``single`` around it, stacked on its statement or not)."""
        covers = self.covers
        found: set[str] = set()
        seen: set[int] = set()

        class Finder(cst.CSTVisitor):
            def on_visit(self, node: cst.CSTNode) -> bool:
                for block in covers.get(node, ()):
                    if (
                        block.directive in SYNC_DIRECTIVES
                        and block is not construct
                        and block not in stack
                        and id(block) not in seen
                    ):
                        seen.add(id(block))
                        found.update(bindings(block.statements()))
                return True

        for statement in construct.statements():
            statement.visit(Finder())
        return found

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
