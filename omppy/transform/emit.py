"""Construct emission: each construct, its statements already rewritten, becomes the
statements that run it on the ``omppy.runtime`` API.

- ``parallel`` (and ``parallel for``/``parallel sections``): the covered statements
  become a nested function ``_omp_parallel_<line>(_omp_t, <shared names>...)``
  ending in ``return _omp.locals()``, called through ``_omp.parallel``; the master's
  names are then assigned from what that returns.  Being a function is the point:
  the body's private names are fast locals.
- ``for``: the loop iterates ``_omp_ws.loop(...)``; reductions start from their
  identity and are combined by ``_omp_ws.end(_omp.locals())``.  (``_omp.locals`` is
  the builtin itself: a program may use the names ``locals`` and ``globals``.)
- ``sections``: a dynamic loop over the section numbers, each an ``if`` branch.
- ``critical``, ``atomic``, ``single``, ``master``/``masked``, ``ordered``: a
  ``SyncBlock`` opened, its body in ``try``/``finally`` so it is always left.
- ``barrier``: ``barrier_refresh``; ``flush``: nothing (see docs/data-sharing.md).

Every statement emitted records the user's line it stands for (``origin``), so the
code can be compiled with the user's line numbers (``lines.py``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from typing import Any

import libcst as cst

from .diagnostics import PragmaError
from .model import Construct, ConstructInfo, Item, Sharing
from .pragma import PARALLEL_DIRECTIVES, SYNC_DIRECTIVES


class Emitter:
    """Emits constructs; see the module docstring."""

    def __init__(
        self,
        module: cst.Module,
        constructs: Mapping[Construct, ConstructInfo],
        *,
        tracked_loops: set[Construct],
        origin: dict[cst.CSTNode, int],
        filename: str,
    ) -> None:
        self.module = module
        self.infos = constructs
        self.tracked_loops = tracked_loops  # loops whose items the store rewriting tracks
        self.origin = origin  # emitted statement -> the user's line
        self.filename = filename

    def _code(self, node: cst.CSTNode) -> str:
        return self.module.code_for_node(node)

    def stamp(self, node: cst.BaseStatement, line: int) -> cst.BaseStatement:
        """Record that ``node`` stands for the user's ``line``."""
        self.origin[node] = line
        return node

    def statement(self, code: str, line: int) -> cst.BaseStatement:
        """``code`` parsed as one statement standing for the user's ``line``."""
        statement = cst.parse_statement(code, config=self.module.config_for_parsing)
        return self.stamp(statement, line)

    def items(
        self, items: list[Item], new_of: dict[cst.BaseStatement, cst.BaseStatement]
    ) -> list[cst.BaseStatement]:
        out: list[cst.BaseStatement] = []
        for item in items:
            out.extend(self.emit(item, new_of))
        return out

    def emit(
        self, item: Item, new_of: dict[cst.BaseStatement, cst.BaseStatement]
    ) -> list[cst.BaseStatement]:
        """The statements that run ``item`` (a statement stands for itself)."""
        if not isinstance(item, Construct):
            return [new_of[item]]
        info = self.infos[item]
        out = self._emit_construct(item, info, new_of)
        if info.binds_thread and out:
            # An orphaned construct talks to whichever thread runs it.
            first = out[0]
            line = self.origin.get(first, item.pragma.pos.line)
            bind = self.statement("_omp_t = _omp.thread()", line)
            comments = first.leading_lines  # type: ignore[attr-defined]
            out[0] = self.stamp(first.with_changes(leading_lines=()), line)
            out.insert(0, self.stamp(bind.with_changes(leading_lines=comments), line))
        return out

    def _emit_construct(
        self,
        item: Construct,
        info: ConstructInfo,
        new_of: dict[cst.BaseStatement, cst.BaseStatement],
    ) -> list[cst.BaseStatement]:
        directive = item.directive
        line = item.pragma.pos.line
        if directive == "flush":
            return []
        if directive == "barrier":
            return self._emit_barrier(info, line)
        if directive in PARALLEL_DIRECTIVES:
            return self._emit_parallel(item, info, new_of)
        if directive == "for":
            return self._emit_for(item, info, new_of)
        if directive == "sections":
            return self._emit_sections(item, info, new_of)
        if directive in SYNC_DIRECTIVES:
            return self._emit_sync(item, info, new_of)
        raise PragmaError(
            f"'# omp {directive}' is not supported yet",
            filename=self.filename,
            line=line,
            col=item.pragma.pos.col,
        )

    # -- synchronisation ----------------------------------------------------------

    def _refresh(
        self, source: str, names: Sequence[str], line: int, bound: AbstractSet[str]
    ) -> list[cst.BaseStatement]:
        """Take the newest published values of ``names`` from the dict ``source``.

        Merged into the object the thread already holds where it can be (``adopt``): the
        shared object keeps its identity, so later stores on it are still recorded.
        Names in ``bound`` are bound here for sure: ``a, b = _omp.refreshed(source,
        a=a, b=b)``.  Any other name may be unbound, and must stay so unless ``source``
        has it: ``if 'x' in source: x = _omp.adopt(...)``.
        """
        out: list[cst.BaseStatement] = []
        run: list[str] = []  # consecutive bound names, refreshed by one call
        for name in [*names, None]:
            if name is not None and name in bound:
                run.append(name)
                continue
            if run:
                targets = ", ".join(run)
                current = ", ".join(f"{n}={n}" for n in run)
                out.append(
                    self.statement(f"{targets} = _omp.refreshed({source}, {current})", line)
                )
                run = []
            if name is not None:
                out.append(
                    self.statement(
                        f"if {name!r} in {source}:\n    {name} = _omp.adopt("
                        f"_omp.locals().get({name!r}, _omp.UNBOUND), {source}[{name!r}])\n",
                        line,
                    )
                )
        return out

    def _emit_barrier(self, info: ConstructInfo, line: int) -> list[cst.BaseStatement]:
        if not info.region_shared:
            return [self.statement("_omp_t.barrier()", line)]
        names = _tuple(info.region_shared)
        out = [self.statement(f"_omp_fresh = _omp_t.barrier_refresh({names})", line)]
        return out + self._refresh("_omp_fresh", info.region_shared, line, info.bound_names)

    def _emit_sync(
        self,
        construct: Construct,
        info: ConstructInfo,
        new_of: dict[cst.BaseStatement, cst.BaseStatement],
    ) -> list[cst.BaseStatement]:
        pragma = construct.pragma
        line = pragma.pos.line
        directive = pragma.directive
        names = _tuple(info.sync_names)
        block = f"_omp_sync_{line}"
        if directive == "critical":
            opener = f"_omp_t.critical({(pragma.name or '')!r}, {names})"
        elif directive == "masked":
            clause = pragma.clause("filter")
            chosen = f"({clause.expr})" if clause is not None else "0"
            opener = f"_omp_t.master({names}, {chosen})"
        elif directive == "single":
            for name in pragma.names_in("copyprivate"):
                if name not in info.sync_names:
                    names = _tuple([*info.sync_names, *pragma.names_in("copyprivate")])
                    break
            opener = f"_omp_t.single({names})"
        else:
            opener = f"_omp_t.{directive}({names})"
        body = self.items(construct.body, new_of)
        leading = list(getattr(body[0], "leading_lines", ())) if body else []
        if body and leading:
            first = body[0]
            body[0] = self.stamp(
                first.with_changes(leading_lines=()),
                self.origin.get(first, line),
            )
        refresh = self._refresh(f"{block}.fresh", info.sync_names, line, info.bound_names)
        guarded = self.statement(
            f"try:\n    pass\nfinally:\n    {block}.leave(_omp.locals())\n", line
        )
        assert isinstance(guarded, cst.Try)
        leave = guarded.finalbody.body.body[0]  # type: ignore[union-attr]
        self.stamp(leave, _last_line(body, self.origin, line))  # type: ignore[arg-type]
        guarded = guarded.with_changes(body=guarded.body.with_changes(body=[*refresh, *body]))
        self.stamp(guarded, line)
        start = self.statement(f"{block} = {opener}", line)
        start = self.stamp(start.with_changes(leading_lines=leading), line)
        if directive in ("critical", "atomic", "ordered"):
            return [start, guarded]
        conditional = self.statement(f"if {block}.runs:\n    pass\n", line)
        assert isinstance(conditional, cst.If)
        conditional = conditional.with_changes(body=conditional.body.with_changes(body=[guarded]))
        out = [start, self.stamp(conditional, line)]
        if directive == "single":
            nowait = ", nowait=True" if pragma.clause("nowait") is not None else ""
            end_line = _last_line(body, self.origin, line)
            others = [n for n in info.region_shared if n not in info.sync_names]
            also = f", shared={_tuple(others)}" if others and not nowait else ""
            ending = f"_omp_out = {block}.end(_omp.locals(){nowait}{also})"
            out.append(self.statement(ending, end_line))
            shared = dict.fromkeys(
                [*info.sync_names, *pragma.names_in("copyprivate"), *([] if nowait else others)]
            )
            out.extend(self._refresh("_omp_out", list(shared), end_line, info.bound_names))
        return out

    def _section_chain(
        self,
        construct: Construct,
        new_of: dict[cst.BaseStatement, cst.BaseStatement],
        variable: str,
    ) -> cst.BaseStatement:
        """``if _omp_section == 0: ... elif _omp_section == 1: ...`` for the sections."""
        line = construct.pragma.pos.line
        chain: cst.If | cst.Else | None = None
        for index in range(len(construct.sections) - 1, -1, -1):
            body = self.items(construct.sections[index], new_of) or [self.statement("pass", line)]
            test = cst.parse_expression(f"{variable} == {index}")
            node = cst.If(test=test, body=cst.IndentedBlock(body=body), orelse=chain)
            chain = node
        assert isinstance(chain, cst.If)
        return self.stamp(chain, line)

    def _emit_sections(
        self,
        construct: Construct,
        info: ConstructInfo,
        new_of: dict[cst.BaseStatement, cst.BaseStatement],
    ) -> list[cst.BaseStatement]:
        pragma = construct.pragma
        line = pragma.pos.line
        ws = f"_omp_ws_{line}"
        reduction = [(n, c.op) for c in pragma.all("reduction") for n in c.names]
        lastprivate = list(pragma.names_in("lastprivate"))
        nowait = pragma.clause("nowait") is not None
        spec = self._workshare_spec(reduction, lastprivate, nowait, info.region_shared)
        out: list[cst.BaseStatement] = [self.statement(f"{ws} = _omp_t.workshare({spec})", line)]
        out.extend(self._save_private(pragma, line))
        for name, _ in reduction:
            out.append(self.statement(f"{name} = {ws}.identity({name!r})", line))
        loop = self.statement(
            f"for _omp_section in {ws}.loop(range({len(construct.sections)}), 'dynamic', 1):\n"
            "    pass\n",
            line,
        )
        assert isinstance(loop, cst.For)
        chain = self._section_chain(construct, new_of, "_omp_section")
        loop = loop.with_changes(body=loop.body.with_changes(body=[chain]))
        out.append(self.stamp(loop, line))
        # Private copies are dropped first: the values the end refreshes (shared names
        # another thread may have changed) must be the last word.
        out.extend(self._restore_private(pragma, line, info.bound_names))
        out.extend(self._end_workshare(ws, reduction, lastprivate, nowait, line, info))
        return out

    def _save_private(self, pragma: Any, line: int) -> list[cst.BaseStatement]:
        """Keep the values of a work share's private names, restored after it."""
        names = _private_names(pragma)
        if not names:
            return []
        saved = f"_omp_saved_{line}"
        picks = ", ".join(f"{n!r}" for n in names)
        return [
            self.statement(
                f"{saved} = {{k: v for k, v in _omp.locals().items() if k in ({picks},)}}", line
            )
        ]

    def _restore_private(
        self, pragma: Any, line: int, bound: AbstractSet[str]
    ) -> list[cst.BaseStatement]:
        # A name that is also lastprivate (or reduced) takes the construct's result.
        results = {*pragma.names_in("lastprivate"), *pragma.names_in("reduction")}
        names = [name for name in _private_names(pragma) if name not in results]
        if not names:
            return []
        return self._refresh(f"_omp_saved_{pragma.pos.line}", names, line, bound)

    def _workshare_spec(
        self,
        reduction: list[tuple[str, Any]],
        lastprivate: list[str],
        nowait: bool,
        shared: Sequence[str] = (),
    ) -> str:
        spec = []
        if reduction:
            spec.append(
                "reduction={" + ", ".join(f"{n!r}: ({op!r}, {n})" for n, op in reduction) + "}"
            )
        if lastprivate:
            spec.append(f"lastprivate={_tuple(lastprivate)}")
        if nowait:
            spec.append("nowait=True")
        elif shared:
            spec.append(f"shared={_tuple(shared)}")
        return ", ".join(spec)

    def _end_workshare(
        self,
        ws: str,
        reduction: list[tuple[str, Any]],
        lastprivate: list[str],
        nowait: bool,
        line: int,
        info: ConstructInfo,
    ) -> list[cst.BaseStatement]:
        """The end of a work share: combine, pick lastprivate values, wait, refresh."""
        shared = info.region_shared
        out: list[cst.BaseStatement] = []
        # A reduction's result is assigned as it is: its name is not refreshed again.
        reduced = {name for name, _ in reduction}
        refreshed = [
            name
            for name in dict.fromkeys([*lastprivate, *([] if nowait else shared)])
            if name not in reduced
        ]
        if reduction or refreshed:
            out.append(self.statement(f"_omp_out = {ws}.end(_omp.locals())", line))
            for name, _ in reduction:
                out.append(self.statement(f"{name} = _omp_out[{name!r}]", line))
            out.extend(self._refresh("_omp_out", refreshed, line, info.bound_names))
        elif not nowait:
            out.append(self.statement(f"{ws}.end({{}})", line))
        return out

    # -- parallel -------------------------------------------------------------------

    def _emit_parallel(
        self,
        construct: Construct,
        info: ConstructInfo,
        new_of: dict[cst.BaseStatement, cst.BaseStatement],
    ) -> list[cst.BaseStatement]:
        pragma = construct.pragma
        line = pragma.pos.line
        sharing = info.sharing
        assert sharing is not None
        name = f"_omp_{pragma.directive.replace(' ', '_')}_{line}"
        args = {n: n for n in sharing.args}
        readonly = list(sharing.readonly)
        if pragma.directive == "parallel for":
            loop_statements, items_code = self._combined_loop(construct, info, new_of)
            body = loop_statements
            schedule = pragma.clause("schedule")
            if schedule is not None and schedule.expr:
                args = {"_omp_chunk": f"({schedule.expr})", **args}
                readonly.insert(0, "_omp_chunk")
            args = {"_omp_items": items_code, **args}
            readonly.insert(0, "_omp_items")
        elif pragma.directive == "parallel sections":
            loop = self.statement(
                "for _omp_section in _omp_t.loop(_omp_items, 'dynamic', 1):\n    pass\n", line
            )
            assert isinstance(loop, cst.For)
            chain = self._section_chain(construct, new_of, "_omp_section")
            body = [self.stamp(loop.with_changes(body=loop.body.with_changes(body=[chain])), line)]
            args = {"_omp_items": f"range({len(construct.sections)})", **args}
            readonly.insert(0, "_omp_items")
        else:
            body = self.items(construct.body, new_of)
        first = body[0] if body else None
        leading = list(getattr(first, "leading_lines", ())) if first is not None else []
        if first is not None and leading:
            body[0] = self.stamp(
                first.with_changes(leading_lines=()), self.origin.get(first, line)
            )
        # A shared name that the region binds may not exist yet when it starts (its
        # first value may come from a critical or single): it is passed only if bound.
        maybe = [n for n in sharing.args if n in sharing.shared_out]
        params = [
            "_omp_t",
            *(n for n in args if n.startswith("_omp_")),
            *(n for n in sharing.args if n not in maybe),
            *sharing.firstprivate,
            *(n for n, _ in sharing.reduction),
            *(f"{n}=_omp.UNBOUND" for n in maybe),
        ]
        for n in maybe:
            del args[n]
        if maybe:
            args["**"] = f"_omp.bound(_omp.locals(), _omp.globals(), {_tuple(maybe)})"
        function = self.statement(
            f"def {name}({', '.join(params)}):\n    return _omp.locals()\n", line
        )
        assert isinstance(function, cst.FunctionDef)
        returning = function.body.body[0]
        assert isinstance(returning, cst.SimpleStatementLine)
        self.stamp(returning, _last_line(body, self.origin, line))
        function = function.with_changes(
            body=function.body.with_changes(body=[*body, returning]),
            leading_lines=leading,
        )
        self.stamp(function, line)
        call = self._parallel_call(name, args, sharing, pragma, readonly)
        out: list[cst.BaseStatement] = [function, self.statement(call, line)]
        out.extend(self._assign_outputs(sharing, line))
        return out

    def _parallel_call(
        self, name: str, args: dict[str, str], sharing: Sharing, pragma: Any, readonly: list[str]
    ) -> str:
        entries = [f"**{v}" if k == "**" else f"{k!r}: {v}" for k, v in args.items()]
        parts = [name, "{" + ", ".join(entries) + "}"]
        if sharing.firstprivate:
            parts.append(
                "firstprivate={" + ", ".join(f"{n!r}: {n}" for n in sharing.firstprivate) + "}"
            )
        if sharing.reduction:
            parts.append(
                "reduction={"
                + ", ".join(f"{n!r}: ({op!r}, {n})" for n, op in sharing.reduction)
                + "}"
            )
        if sharing.lastprivate:
            parts.append(f"lastprivate={_tuple(sharing.lastprivate)}")
        if sharing.shared_out:
            parts.append(f"shared={_tuple(sharing.shared_out)}")
        if readonly:
            parts.append(f"readonly={_tuple(readonly)}")
        clause = pragma.clause("num_threads")
        if clause is not None:
            parts.append(f"num_threads=({clause.expr})")
        clause = pragma.clause("if")
        if clause is not None:
            parts.append(f"if_=({clause.expr})")
        call = f"_omp.parallel({', '.join(parts)})"
        needs_result = sharing.reduction or sharing.lastprivate or sharing.shared_out
        return f"_omp_out = {call}" if needs_result else call

    def _assign_outputs(self, sharing: Sharing, line: int) -> list[cst.BaseStatement]:
        out = []
        for name, _ in sharing.reduction:
            out.append(self.statement(f"{name} = _omp_out[{name!r}]\n", line))
        for name in [*sharing.lastprivate, *sharing.shared_out]:
            out.append(
                self.statement(
                    f"if {name!r} in _omp_out:\n    {name} = _omp_out[{name!r}]\n", line
                )
            )
        return out

    # -- loops ----------------------------------------------------------------------

    def _loop_nest(
        self, construct: Construct, new_of: dict[cst.BaseStatement, cst.BaseStatement]
    ) -> tuple[cst.For, list[cst.For]]:
        """The updated outer loop and the ``collapse`` nest below it (updated nodes)."""
        original = construct.body[0]
        assert isinstance(original, cst.For)
        loop = new_of[original]
        assert isinstance(loop, cst.For)
        clause = construct.pragma.clause("collapse")
        depth = clause.number if clause is not None and clause.number else 1
        nest = [loop]
        for _ in range(depth - 1):
            inner = nest[-1].body.body[0]
            assert isinstance(inner, cst.For)  # validated by the analysis pass
            nest.append(inner)
        return loop, nest

    def _loop_header(
        self, construct: Construct, nest: list[cst.For], source: str, chunk: str | None = None
    ) -> cst.For:
        """The outer ``for`` rewritten to iterate this thread's share of the space."""
        pragma = construct.pragma
        clause = pragma.clause("schedule")
        arguments = ["_omp_items"]
        if clause is not None:
            arguments.append(repr(clause.kind))
            if clause.expr:
                arguments.append(chunk or clause.expr)
        if pragma.clause("ordered") is not None:
            arguments.append("ordered=True")
        if construct in self.tracked_loops:
            arguments.append("track=True")
        iterate = cst.parse_expression(f"{source}.loop({', '.join(arguments)})")
        if len(nest) == 1:
            target = nest[0].target
        else:
            target = cst.Tuple([cst.Element(_parenthesised(loop.target)) for loop in nest])
        innermost = nest[-1]
        return nest[0].with_changes(target=target, iter=iterate, body=innermost.body)

    def _space(self, nest: list[cst.For]) -> str:
        return "_omp.iteration_space(" + ", ".join(self._code(loop.iter) for loop in nest) + ")"

    def _combined_loop(
        self,
        construct: Construct,
        info: ConstructInfo,
        new_of: dict[cst.BaseStatement, cst.BaseStatement],
    ) -> tuple[list[cst.BaseStatement], str]:
        loop, nest = self._loop_nest(construct, new_of)
        # A combined construct's chunk size is evaluated by the master, before the
        # region, like every other clause argument (it may name a private variable).
        clause = construct.pragma.clause("schedule")
        chunk = "_omp_chunk" if clause is not None and clause.expr else None
        header = self._loop_header(construct, nest, "_omp_t", chunk)
        self.stamp(header, self.origin.get(loop, construct.pragma.pos.line))
        return [header], self._space(nest)

    def _emit_for(
        self,
        construct: Construct,
        info: ConstructInfo,
        new_of: dict[cst.BaseStatement, cst.BaseStatement],
    ) -> list[cst.BaseStatement]:
        pragma = construct.pragma
        line = pragma.pos.line
        loop, nest = self._loop_nest(construct, new_of)
        reduction = [(n, c.op) for c in pragma.all("reduction") for n in c.names]
        lastprivate = list(pragma.names_in("lastprivate"))
        nowait = pragma.clause("nowait") is not None
        ws = f"_omp_ws_{line}"
        spec = self._workshare_spec(reduction, lastprivate, nowait, info.region_shared)
        out: list[cst.BaseStatement] = []
        start = self.statement(f"{ws} = _omp_t.workshare({spec})", line)
        start = start.with_changes(leading_lines=loop.leading_lines)
        out.append(self.stamp(start, line))
        out.extend(self._save_private(pragma, line))
        for name, _ in reduction:
            out.append(self.statement(f"{name} = {ws}.identity({name!r})", line))
        # Every thread evaluates the loop's iterables (as C OpenMP evaluates bounds);
        # the work share materialises an iterator once, not once per thread.
        iterables = ", ".join(self._code(loop.iter) for loop in nest)
        out.append(self.statement(f"_omp_items = {ws}.iteration_space({iterables})", line))
        header = self._loop_header(construct, nest, ws).with_changes(leading_lines=())
        out.append(self.stamp(header, self.origin.get(loop, line)))
        end_line = _last_line([header], self.origin, line)
        # Private copies are dropped first: the values the end refreshes (shared names
        # another thread may have changed) must be the last word.
        out.extend(self._restore_private(pragma, end_line, info.bound_names))
        out.extend(self._end_workshare(ws, reduction, lastprivate, nowait, end_line, info))
        return out


def _private_names(pragma: Any) -> list[str]:
    """The names a work share's private and firstprivate clauses give, in order."""
    return list(dict.fromkeys([*pragma.names_in("private"), *pragma.names_in("firstprivate")]))


def _parenthesised(target: cst.BaseExpression) -> cst.BaseExpression:
    if isinstance(target, cst.Tuple) and not target.lpar:
        return target.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])
    return target


def _tuple(names: Sequence[str]) -> str:
    return "(" + ", ".join(repr(n) for n in names) + ("," if len(names) == 1 else "") + ")"


def _last_line(
    body: Sequence[cst.BaseStatement], origin: dict[cst.CSTNode, int], default: int
) -> int:
    for statement in reversed(body):
        line = origin.get(statement)
        if line is not None:
            return line
    return default
