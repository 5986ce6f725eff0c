"""Emitting the work-sharing constructs ``for`` and ``sections``.

A work share starts with ``_omp_ws_<line> = _omp_t.workshare(...)`` (its reductions,
``lastprivate`` names, and the region's shared names to refresh at its end); the
loop then iterates this thread's share (``.loop(...)``), and ``.end(_omp.locals())``
combines the reductions and picks the lastprivate values at the closing barrier.
Private names are saved before and restored after.  ``sections`` is a dynamic loop
over the section numbers.  The loop helpers serve ``parallel for`` too.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import libcst as cst

from . import (
    emit_cancel,
    emit_conditional,
    emit_declare,
    emit_doacross,
    emit_linear,
    emit_scan,
    emit_tasks,
    layout,
)
from .layout import Group, Part, call, keyword, mapping, names
from .loop_nest import space_arguments
from .model import Construct, ConstructInfo
from .pragma import Pragma

if TYPE_CHECKING:
    from .emit import Emitter, Updated


def for_loop(
    e: Emitter, construct: Construct, info: ConstructInfo, new_of: Updated
) -> list[cst.BaseStatement]:
    pragma = construct.pragma
    line = pragma.pos.line
    loop, nest = loop_nest(e, construct, new_of)
    ws = f"_omp_ws_{line}"
    out = _start(e, ws, pragma, info)
    out[0] = e.stamp(out[0].with_changes(leading_lines=loop.leading_lines), line)
    # Every thread evaluates the loop's iterables (as C OpenMP evaluates bounds);
    # the work share materialises an iterator once, not once per thread.
    space = call(f"{ws}.iteration_space", *space_arguments(nest, e.code))
    if emit_conditional.names(pragma):
        space = call("_omp.numbered", space)  # each item with its iteration's number
    out.append(e.simple("_omp_items = ", space, line, info))
    if emit_scan.is_scan_loop(construct):
        out.extend(emit_scan.loop(e, construct, new_of, ws, f"{ws}.reduction"))
        out.extend(_end(e, ws, pragma, info, line))
        return out
    header = loop_header(e, construct, nest, ws).with_changes(leading_lines=())
    linear = emit_linear.names(construct)
    # (inside the cancellable block and the task reductions' try, if any)
    level = ("for" in info.cancel) + emit_tasks.extra_levels(construct)
    if linear:
        out.append(emit_linear.start(e, construct, line, emit_linear.steps(construct)))
        header = emit_linear.header(e, construct, header, line, level)
    else:
        e.stamp(header, e.line_of(loop, line))
        header = chunked(e, construct, info, ws, header, level)
    out.append(e.stamp(header, e.line_of(loop, line)))
    out[-1:] = emit_cancel.wrapped(e, info, "for", out[-1:], line)
    out[-1:] = emit_tasks.with_task_reductions(e, construct, info, out[-1:])
    if linear:
        out.append(emit_linear.finish(e, construct, line, e.last_line([header], line)))
    out.extend(_end(e, ws, pragma, info, e.last_line([header], line)))
    return out


def sections(
    e: Emitter, construct: Construct, info: ConstructInfo, new_of: Updated
) -> list[cst.BaseStatement]:
    pragma = construct.pragma
    line = pragma.pos.line
    ws = f"_omp_ws_{line}"
    out = _start(e, ws, pragma, info)
    chain, comments = section_chain(e, construct, new_of)
    out[0] = e.stamp(out[0].with_changes(leading_lines=comments), line)
    chain = conditional_chain(e, construct, chain)
    count = len(construct.sections)
    cancellable = ", cancellable=True" if emit_cancel.loop_is_cancellable(e, construct) else ""
    sections = cst.parse_expression(f"{ws}.loop(range({count}), 'dynamic', 1{cancellable})")
    loop = cst.For(target=cst.Name("_omp_section"), iter=sections, body=e.block([chain]))
    level = ("sections" in info.cancel) + emit_tasks.extra_levels(construct)
    e.stamp(loop, line)
    loop = chunked(e, construct, info, ws, loop, level)
    loops = emit_cancel.wrapped(e, info, "sections", [e.stamp(loop, line)], line)
    out.extend(emit_tasks.with_task_reductions(e, construct, info, loops))
    out.extend(_end(e, ws, pragma, info, line))
    return out


def chunked(
    e: Emitter, construct: Construct, info: ConstructInfo, ws: str, loop: cst.For, level: int
) -> cst.For:
    """A loop with reductions iterates its share chunk by chunk, each chunk starting
    each reduction variable afresh (``Workshare.cut``): an order-dependent
    reduction (a list, a string, a dict) is combined in the iterations' order::

        for _omp_part in ws.chunks(ws.loop(...)):
            x = ws.cut('x', x)
            for i in _omp_part:
                ...

    Not for ``reduction(task, ...)`` (its taskgroup holds the thread's one copy):
    the work share refuses an order-dependent one under a schedule that deals
    chunks out of order."""
    if not chunk_levels(construct):
        return loop
    cut = [name for name, _ in _reduction(construct.pragma)]
    line = construct.pragma.pos.line
    column = e.column(info, level)
    prefix = "for _omp_part in "
    text = layout.render(prefix, call(f"{ws}.chunks", e.code(loop.iter)), column, e.unit, tail=1)
    starts = [e.statement(f"{name} = {ws}.cut({name!r}, {name})", line) for name in cut]
    inner = loop.with_changes(iter=cst.Name("_omp_part"), orelse=None, leading_lines=())
    e.carry(inner, loop, line)
    return cst.For(
        target=cst.Name("_omp_part"),
        iter=cst.parse_expression(text[len(prefix) :]),
        body=e.block([*starts, inner]),
        orelse=loop.orelse,
        leading_lines=loop.leading_lines,
    )


def chunk_levels(construct: Construct) -> int:
    """The indentation levels :func:`chunked` adds around the loop's body: one for a
    ``for`` or ``sections`` (combined forms too) with reductions, none with a
    ``reduction(task, ...)``, ``linear`` or ``inscan``."""
    if construct.directive not in ("for", "parallel for", "sections", "parallel sections"):
        return 0
    if not _reduction(construct.pragma) or emit_tasks.task_reductions(construct):
        return 0
    if construct.directive.endswith("for") and (
        emit_linear.names(construct) or emit_scan.is_scan_loop(construct)
    ):
        return 0
    return 1


def conditional_chain(e: Emitter, construct: Construct, chain: cst.If) -> cst.If:
    """The section chain recording its ``lastprivate(conditional: ...)`` names: a
    section's number is its place in the sequential order."""
    conditional = emit_conditional.names(construct.pragma)
    if not conditional:
        return chain
    block = e.block([chain])
    recorded = emit_conditional.instrument(e, block, conditional, "_omp_section", construct.pragma)
    assert isinstance(recorded, cst.IndentedBlock)
    new = recorded.body[0]
    assert isinstance(new, cst.If)
    return new


def section_chain(
    e: Emitter, construct: Construct, new_of: Updated
) -> tuple[cst.If, Sequence[cst.EmptyLine]]:
    """``if _omp_section == 0: ... elif _omp_section == 1: ...`` for the sections,
    and the comments above the first section (the pragmas among them)."""
    line = construct.pragma.pos.line
    bodies = [e.items(section, new_of) for section in construct.sections]
    comments = e.take_comments(bodies[0], line)
    chain: cst.If | None = None
    for index in reversed(range(len(bodies))):
        body = bodies[index] or [e.statement("pass", line)]
        test = cst.parse_expression(f"_omp_section == {index}")
        chain = cst.If(test=test, body=e.block(body), orelse=chain)
    assert chain is not None
    e.stamp(chain, line)
    return chain, comments


def _start(e: Emitter, ws: str, pragma: Pragma, info: ConstructInfo) -> list[cst.BaseStatement]:
    """``ws = _omp_t.workshare(...)``, private names kept, reductions started."""
    line = pragma.pos.line
    arguments: list[Part] = []
    reduction = _reduction(pragma)
    conditional = emit_conditional.names(pragma)
    if reduction or conditional:
        entries = [f"{n!r}: ({emit_declare.operator(e, op or '+')}, {n})" for n, op in reduction]
        entries += emit_conditional.reduction_entries(conditional)
        arguments.append(keyword("reduction", mapping(entries)))
    lastprivate = [n for n in _lastprivate(pragma) if n not in conditional]
    if lastprivate:
        arguments.append(keyword("lastprivate", names(lastprivate)))
    if conditional:
        arguments.append(keyword("conditional", names(conditional)))
    if pragma.clause("nowait") is not None:
        arguments.append("nowait=True")
    elif info.region_shared:
        arguments.append(keyword("shared", names(info.region_shared)))
    out = [e.simple(f"{ws} = ", call("_omp_t.workshare", *arguments), line, info)]
    private = _private_names(pragma)
    if private:
        # Kept to be restored after the construct: its private copies are its own.
        saved = Group(
            "{k: v for k, v in _omp.locals().items() if k in (",
            tuple(repr(n) for n in private),
            ")}",
            one_tuple=True,
        )
        out.append(e.simple(f"_omp_saved_{line} = ", saved, line, info))
    for name, _ in reduction:
        out.append(e.statement(f"{name} = {ws}.identity({name!r})", line))
    for name in conditional:  # no assignment recorded yet in this thread
        record = emit_conditional.record(name)
        out.append(e.statement(f"{record} = {ws}.identity({record!r})", line))
    return out


def _end(
    e: Emitter, ws: str, pragma: Pragma, info: ConstructInfo, line: int
) -> list[cst.BaseStatement]:
    """After the work: private names restored, then the barrier (combining the
    reductions, picking the lastprivate values) and the refresh."""
    out: list[cst.BaseStatement] = []
    reduction = _reduction(pragma)
    reduced = {name for name, _ in reduction}
    lastprivate = _lastprivate(pragma)
    # A name that is also lastprivate (or reduced) takes the construct's result.
    # The private copies go first: the values the end refreshes (shared names that
    # another thread may have changed) must be the last word.
    restored = [n for n in _private_names(pragma) if n not in {*lastprivate, *reduced}]
    if restored:
        out.extend(e.refresh(f"_omp_saved_{pragma.pos.line}", restored, line, info))
    nowait = pragma.clause("nowait") is not None
    # A reduction's result is assigned as it is, not refreshed again.
    refreshed = [
        name
        for name in dict.fromkeys([*lastprivate, *([] if nowait else info.region_shared)])
        if name not in reduced
    ]
    if reduction or refreshed or emit_conditional.names(pragma):
        out.append(e.statement(f"_omp_out = {ws}.end(_omp.locals())", line))
        for name, _ in reduction:
            out.append(e.statement(f"{name} = _omp_out[{name!r}]", line))
        out.extend(e.refresh("_omp_out", refreshed, line, info))
    else:
        # With nowait too: what the thread runs next comes after the loop's
        # iterations in python's order (where a failure leaves it: failedstate.py).
        out.append(e.statement(f"{ws}.end({{}})", line))
    return out


# -- loops ------------------------------------------------------------------------


def loop_nest(e: Emitter, construct: Construct, new_of: Updated) -> tuple[cst.For, list[cst.For]]:
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
        assert isinstance(inner, cst.For)  # validated by the survey
        nest.append(inner)
    return loop, nest


def loop_header(
    e: Emitter, construct: Construct, nest: list[cst.For], source: str, chunk: str | None = None
) -> cst.For:
    """The outer ``for`` rewritten to iterate this thread's share of the space."""
    pragma = construct.pragma
    clause = pragma.clause("schedule")
    arguments = ["_omp_items"]
    if clause is not None:
        arguments.append(repr(clause.kind))
        if clause.expr:
            arguments.append(chunk or clause.expr)
    ordered = pragma.clause("ordered")
    if ordered is not None and ordered.number is not None:
        arguments.append(emit_doacross.loop_argument(e, construct))
    elif ordered is not None:
        arguments.append("ordered=True")
    if emit_cancel.loop_is_cancellable(e, construct):
        arguments.append("cancellable=True")
    iterate = cst.parse_expression(f"{source}.loop({', '.join(arguments)})")
    if len(nest) == 1:
        target = nest[0].target
    else:
        target = cst.Tuple([cst.Element(_parenthesised(loop.target)) for loop in nest])
    innermost = nest[-1]
    body = innermost.body
    conditional = emit_conditional.names(pragma)
    if conditional:
        index = emit_conditional.INDEX
        # (the loop's own variables are bound by every iteration)
        header = nest[0].with_changes(target=target)
        body = emit_conditional.instrument(e, body, conditional, index, pragma, header)
        target = emit_conditional.numbered_target(target)
    return nest[0].with_changes(target=target, iter=iterate, body=body)


def _reduction(pragma: Pragma) -> list[tuple[str, str | None]]:
    """A work share's reductions, ``(name, operator)`` in clause order."""
    return [(n, c.op) for c in pragma.all("reduction") for n in c.names]


def _lastprivate(pragma: Pragma) -> tuple[str, ...]:
    """The names whose last iteration's value the construct hands back: lastprivate,
    and linear (emit_linear.py)."""
    return (*pragma.names_in("lastprivate"), *pragma.names_in("linear"))


def _private_names(pragma: Pragma) -> list[str]:
    """The names a work share's private and firstprivate clauses give, in order."""
    return list(dict.fromkeys([*pragma.names_in("private"), *pragma.names_in("firstprivate")]))


def _parenthesised(target: cst.BaseExpression) -> cst.BaseExpression:
    if isinstance(target, cst.Tuple) and not target.lpar:
        return target.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])
    return target


# For the other constructs that are work shares without a loop (``scope``).
start = _start
end = _end
