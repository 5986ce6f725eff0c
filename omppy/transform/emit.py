"""Construct emission: each construct, its statements already rewritten, becomes the
statements that run it on the ``omppy.runtime`` API (docs/runtime-api.md shows a
translated example).

:class:`Emitter` dispatches each construct to its family's module and holds what
they all use: building and laying out statements, line stamps, refreshing names.

- ``emit_parallel.py``: ``parallel``, ``parallel for``, ``parallel sections``, as an
  outlined function run by ``_omp.parallel``;
- ``emit_worksharing.py``: ``for`` and ``sections`` (and the loop of ``parallel for``);
- ``emit_sync.py``: ``barrier``, ``critical``, ``atomic``, ``ordered``, ``single``,
  ``master``/``masked``.  ``flush`` emits nothing (see docs/data-sharing.md).
- ``emit_tasks.py``: ``task``, ``taskloop``, ``taskwait``, ``taskgroup``, ``taskyield``.

Inside a region the thread is the outlined body's ``_omp_t`` parameter; an orphaned
construct binds ``_omp_t = _omp.IDLE or _omp.thread()`` first (a synchronisation block of plain
statements is emitted twice instead: ``emit_sync.py``).  Names that other threads may have
published are refreshed after each barrier and on entering a sync block
(:meth:`Emitter.refresh`).

Simple statements are written as text, laid out in 99 columns (``layout.py``), and
parsed; compound statements are built from libcst nodes around the bodies already
rewritten.  Every statement emitted records the user's line it stands for
(``origin``), so that the code compiles with the user's line numbers (``lines.py``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping, Sequence

import libcst as cst

from . import (
    emit_cancel,
    emit_constructs,
    emit_parallel,
    emit_sync,
    emit_tasks,
    emit_worksharing,
    key_notes,
    layout,
)
from .diagnostics import PragmaError
from .layout import Group, Part, call
from .model import Construct, ConstructInfo, Item, Lines
from .pragma import PARALLEL_DIRECTIVES, SYNC_DIRECTIVES
from .private_names import PRIVATE

# The rewritten statements of a block, by the original statement they stand for.
Updated = Mapping[cst.BaseStatement, cst.BaseStatement]

_STRINGS = re.compile(r"'[^']*'|\"[^\"]*\"")  # the literals in generated code

# How many indentation levels each construct's emitted code adds in front of the
# statements it covers (a def; a try; an if and a try; a for and an if).
_BODY_LEVELS = {
    "parallel": 1,
    "parallel for": 1,
    "parallel sections": 3,
    "sections": 2,
    "critical": 1,
    "atomic": 1,
    "ordered": 1,
    "single": 2,
    "master": 2,
    "masked": 2,
    "task": 1,
    "taskloop": 2,
    "taskgroup": 1,
}


class Emitter:
    """Emits constructs; see the module docstring."""

    def __init__(
        self,
        module: cst.Module,
        constructs: Mapping[Construct, ConstructInfo],
        *,
        origin: dict[cst.CSTNode, Lines],
        filename: str,
        declared_reductions: frozenset[str] = frozenset(),
        threadprivate: frozenset[str] = frozenset(),
        twin_touches: Mapping[str, frozenset[str]] | None = None,
        direct_names: frozenset[str] = frozenset(),
        properties: Callable[[], frozenset[str]] | None = None,
    ) -> None:
        self.module = module
        # the functions with noted twins and what they touch, the plain ones and the
        # classes (key_twins.Plan)
        self.twin_touches = twin_touches or {}
        self.twin_names = frozenset(self.twin_touches)
        self.direct_names = direct_names
        self._properties = properties  # (the module's, found once: translate.py)
        self.infos = constructs
        self.origin = origin  # statement -> the user's lines it stands for
        self.filename = filename
        self.unit = module.default_indent
        self.declared_reductions = declared_reductions  # names of 'declare reduction'
        # Orphaned blocks emitted twice, which bind their thread themselves (emit_sync)
        self.split: set[Construct] = set()
        # Each use of these becomes ``_omp_private.name`` after emission (private_names.py)
        self.threadprivate = (
            re.compile(
                rf"(?<![.\w'\"])({'|'.join(map(re.escape, sorted(threadprivate)))})\b(?!=[^=])"
            )
            if threadprivate
            else None
        )

    @functools.cached_property
    def properties(self) -> frozenset[str]:
        """The module's property names, which key notes must not read again
        (key_notes.py); walked for the first synchronisation block only."""
        if self._properties is not None:
            return self._properties()
        return key_notes.property_names(self.module)

    # -- building statements ----------------------------------------------------------

    def stamp(self, node: cst.BaseStatement, line: int) -> cst.BaseStatement:
        """Record that ``node`` (generated) stands for the user's ``line``."""
        self.origin[node] = (line, line)
        return node

    def line_of(self, node: cst.CSTNode, default: int) -> int:
        """The user's line that ``node`` stands for (its first)."""
        lines = self.origin.get(node)
        return default if lines is None else lines[0]

    def carry(self, new: cst.BaseStatement, old: cst.BaseStatement, line: int) -> None:
        """``new`` (``old`` with other comments) stands for what ``old`` stood for."""
        self.origin[new] = self.origin.get(old, (line, line))

    def statement(self, code: str, line: int) -> cst.BaseStatement:
        """``code`` parsed as one statement standing for the user's ``line``."""
        statement = cst.parse_statement(code, config=self.module.config_for_parsing)
        return self.stamp(statement, line)

    def simple(
        self, prefix: str, part: Part, line: int, info: ConstructInfo, level: int = 0
    ) -> cst.BaseStatement:
        """``prefix + part`` laid out where it will stand: ``level`` indentation levels
        deeper than the construct ``info``."""
        column = self.column(info, level)
        text = layout.render(prefix, part, column, self.unit, spare=self.spare(prefix, part))
        return self.statement(text + "\n", line)

    def spare(self, prefix: str, part: Part) -> int:
        """The columns that renaming the statement's threadprivate names will add."""
        if self.threadprivate is None:
            return 0
        code = _STRINGS.sub("''", prefix + layout.flat(part))
        return len(PRIVATE + ".") * len(self.threadprivate.findall(code))

    def outlined(
        self,
        name: str,
        parameters: Sequence[str],
        body: Sequence[cst.BaseStatement],
        line: int,
        info: ConstructInfo,
        comments: Sequence[cst.EmptyLine],
    ) -> cst.FunctionDef:
        """``def name(parameters): body; return _omp.locals()``: a construct's body as
        the function a team (a region) or a task runs, standing where the construct
        stands, below ``comments``."""
        parameters_group = Group("(", tuple(parameters), "):")
        signature = layout.render(f"def {name}", parameters_group, self.column(info, 0), self.unit)
        function = self.statement(f"{signature}\n{self.unit}return _omp.locals()\n", line)
        assert isinstance(function, cst.FunctionDef)
        returning = function.body.body[0]
        assert isinstance(returning, cst.SimpleStatementLine)
        self.stamp(returning, self.last_line(body, line))
        function = function.with_changes(
            body=function.body.with_changes(body=[*body, returning]), leading_lines=comments
        )
        self.stamp(function, line)
        return function

    def column(self, info: ConstructInfo, level: int) -> int:
        """The column where the construct's code, ``level`` levels in, will stand."""
        levels = level + sum(
            _BODY_LEVELS.get(c.directive, 0)
            + emit_cancel.extra_levels(self, c)
            + emit_tasks.extra_levels(c)
            + emit_worksharing.chunk_levels(c)
            for c in info.around
        )
        return info.construct.pragma.pos.col + levels * len(self.unit)

    def code(self, node: cst.CSTNode) -> str:
        return self.module.code_for_node(node)

    def block(self, body: Sequence[cst.BaseStatement]) -> cst.IndentedBlock:
        return cst.IndentedBlock(body=list(body))

    def take_comments(self, body: list[cst.BaseStatement], line: int) -> Sequence[cst.EmptyLine]:
        """Take the comment lines above ``body``'s first statement, to move them above
        the code that now comes first (the pragma's own comment among them)."""
        if not body:
            return ()
        first = body[0]
        comments = first.leading_lines  # type: ignore[attr-defined]
        if comments:
            body[0] = first.with_changes(leading_lines=())
            self.carry(body[0], first, line)
        return comments

    def last_line(self, body: Sequence[cst.BaseStatement], default: int) -> int:
        for statement in reversed(body):
            lines = self.origin.get(statement)
            if lines is not None:
                return lines[0]
        return default

    # -- constructs -------------------------------------------------------------------

    def items(self, items: list[Item], new_of: Updated) -> list[cst.BaseStatement]:
        """The statements that run ``items``, in order."""
        out: list[cst.BaseStatement] = []
        for item in items:
            out.extend(self.emit(item, new_of))
        return out

    def emit(self, item: Item, new_of: Updated) -> list[cst.BaseStatement]:
        """The statements that run ``item`` (a statement stands for itself)."""
        if not isinstance(item, Construct):
            return [new_of[item]]
        info = self.infos[item]
        out = self._emit_construct(item, info, new_of)
        if info.binds_thread and out and item not in self.split:
            # An orphaned construct talks to whichever thread runs it.
            line = self.line_of(out[0], item.pragma.pos.line)
            comments = self.take_comments(out, line)
            bind = self.statement("_omp_t = _omp.IDLE or _omp.thread()", line)
            out.insert(0, self.stamp(bind.with_changes(leading_lines=comments), line))
        return out

    def _emit_construct(
        self, construct: Construct, info: ConstructInfo, new_of: Updated
    ) -> list[cst.BaseStatement]:
        directive = construct.directive
        if directive == "flush":
            return []
        if directive in emit_constructs.DIRECTIVES or construct.pragma.is_doacross:
            # The constructs of issue 14: cancel, scan, scope, threadprivate...
            return emit_constructs.emit(self, construct, info, new_of)
        if directive == "barrier":
            return emit_sync.barrier(self, info)
        if directive in PARALLEL_DIRECTIVES:
            return emit_parallel.parallel(self, construct, info, new_of)
        if directive == "for":
            return emit_worksharing.for_loop(self, construct, info, new_of)
        if directive == "sections":
            return emit_worksharing.sections(self, construct, info, new_of)
        if directive in SYNC_DIRECTIVES:
            return emit_sync.sync(self, construct, info, new_of)
        if directive in ("task", "taskloop"):
            return emit_tasks.task(self, construct, info, new_of)
        if directive == "taskwait":
            return emit_tasks.taskwait(self, info)
        if directive == "taskyield":
            return emit_tasks.taskyield(self, info)
        if directive == "depobj":
            return emit_tasks.depobj(self, info)
        if directive == "taskgroup":
            return emit_tasks.taskgroup(self, construct, info, new_of)
        raise PragmaError(
            f"'# omp {directive}' is not supported yet",
            filename=self.filename,
            line=construct.pragma.pos.line,
            col=construct.pragma.pos.col,
            hint="remove the pragma (the code then runs sequentially); see docs/pragmas.md "
            "for what omppy supports",
        )

    # -- refreshing names that other threads published --------------------------------

    def refresh(
        self, source: str, refreshed: Sequence[str], line: int, info: ConstructInfo, level: int = 0
    ) -> list[cst.BaseStatement]:
        """Take the newest published values of ``refreshed`` from the dict ``source``.

        Merged into the object the thread already holds where it can be (``adopt``):
        a shared object keeps its identity, so later stores on it are still recorded.
        The names bound here for sure (``info.bound_names``) take one call,
        ``a, b = _omp.refreshed(source, a=a, b=b)``.  Any other name may be unbound,
        and stays so unless ``source`` has it: ``if 'x' in source: x = _omp.adopt(...)``.
        """
        out: list[cst.BaseStatement] = []
        run: list[str] = []  # consecutive names bound for sure
        for name in [*refreshed, None]:
            if name is not None and name in info.bound_names:
                run.append(name)
                continue
            if run:
                out.extend(self._refreshed(source, run, line, info, level))
                run = []
            if name is not None:
                adopted = call(
                    "_omp.adopt",
                    f"_omp.locals().get({name!r}, _omp.UNBOUND)",
                    f"{source}[{name!r}]",
                    repr(name),
                )
                assign = self.simple(f"{name} = ", adopted, line, info, level + 1)
                test = cst.parse_expression(f"{name!r} in {source}")
                out.append(self.stamp(cst.If(test=test, body=self.block([assign])), line))
        return out

    def _refreshed(
        self, source: str, run: list[str], line: int, info: ConstructInfo, level: int
    ) -> list[cst.BaseStatement]:
        """``a, b = _omp.refreshed(source, a=a, b=b)``, in several statements when the
        names alone would not fit on the first line."""
        out = []
        room = layout.WIDTH - self.column(info, level) - len(" = _omp.refreshed(")
        while run:
            count = 1
            while count < len(run) and len(", ".join(run[: count + 1])) <= room:
                count += 1
            chunk, run = run[:count], run[count:]
            current = call("_omp.refreshed", source, *(f"{n}={n}" for n in chunk))
            out.append(self.simple(f"{', '.join(chunk)} = ", current, line, info, level))
        return out
