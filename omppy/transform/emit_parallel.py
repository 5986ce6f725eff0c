"""Emitting ``parallel``, ``parallel for`` and ``parallel sections``.

The covered statements become a nested function, the region's outlined body,
``def _omp_parallel_<line>(_omp_t, <shared names>...)`` ending in ``return
_omp.locals()``; ``_omp.parallel(body, {args}, clauses...)`` runs it on a team and
returns the values the master's names take afterwards.  Being a function is the
point: the body's private names are fast locals.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import libcst as cst

from . import (
    emit_cancel,
    emit_conditional,
    emit_declare,
    emit_linear,
    emit_scan,
    emit_tasks,
    emit_worksharing,
)
from .layout import Group, Part, call, keyword, mapping, names
from .loop_nest import space_arguments
from .model import Construct, ConstructInfo

if TYPE_CHECKING:
    from .emit import Emitter, Updated


def parallel(
    e: Emitter, construct: Construct, info: ConstructInfo, new_of: Updated
) -> list[cst.BaseStatement]:
    pragma = construct.pragma
    line = pragma.pos.line
    sharing = info.sharing
    assert sharing is not None
    name = f"_omp_{pragma.directive.replace(' ', '_')}_{line}"
    # What the master evaluates for the body before the region: the loop's
    # iteration space and chunk size (``_omp_*``), then the shared names.
    given: dict[str, Part] = {}
    if pragma.directive == "parallel for":
        loop, nest = emit_worksharing.loop_nest(e, construct, new_of)
        # A combined construct's chunk size is evaluated by the master, before the
        # region, like every other clause argument (it may name a private variable).
        schedule = pragma.clause("schedule")
        chunk = "_omp_chunk" if schedule is not None and schedule.expr else None
        header = emit_worksharing.loop_header(e, construct, nest, "_omp_t", chunk)
        linear = emit_linear.names(construct)
        if linear:
            level = 1 + ("for" in info.cancel)  # in the region's function, its with
            header = emit_linear.header(e, construct, header, line, level)
            given["_omp_linear"] = emit_linear.steps(construct)
        e.stamp(header, e.line_of(loop, line))
        if not linear:
            level = 1 + ("for" in info.cancel)
            header = emit_worksharing.chunked(e, construct, info, "_omp_t", header, level)
        body: list[cst.BaseStatement] = [e.stamp(header, e.line_of(loop, line))]
        body = emit_cancel.wrapped(e, info, "for", body, line)
        if linear:
            start = emit_linear.start(e, construct, line, "_omp_linear")
            finish = emit_linear.finish(e, construct, line, e.last_line(body, line))
            comments = e.take_comments(body, line)
            body = [e.stamp(start.with_changes(leading_lines=comments), line), *body, finish]
        if emit_scan.is_scan_loop(construct):
            reduction = emit_scan.parallel_reduction(e, construct)
            body = emit_scan.loop(e, construct, new_of, "_omp_t", reduction)
            given["_omp_inscan"] = emit_scan.originals(construct)
        given["_omp_items"] = call("_omp.iteration_space", *space_arguments(nest, e.code))
        if emit_conditional.names(pragma):  # each item with its iteration's number
            given["_omp_items"] = call("_omp.numbered", given["_omp_items"])
        if schedule is not None and schedule.expr:
            given["_omp_chunk"] = f"({schedule.expr})"
    elif pragma.directive == "parallel sections":
        chain, comments = emit_worksharing.section_chain(e, construct, new_of)
        chain = emit_worksharing.conditional_chain(e, construct, chain)
        cancellable = ", cancellable=True" if emit_cancel.loop_is_cancellable(e, construct) else ""
        sections = cst.parse_expression(f"_omp_t.loop(_omp_items, 'dynamic', 1{cancellable})")
        each = cst.For(
            target=cst.Name("_omp_section"),
            iter=sections,
            body=e.block([chain]),
            leading_lines=comments,
        )
        e.stamp(each, line)
        level = 1 + ("sections" in info.cancel)
        each = emit_worksharing.chunked(e, construct, info, "_omp_t", each, level)
        body = [e.stamp(each, line)]
        body = emit_cancel.wrapped(e, info, "sections", body, line)
        given["_omp_items"] = f"range({len(construct.sections)})"
    else:
        body = e.items(construct.body, new_of)
    level = 2 if "parallel" in info.cancel else 1  # in the function, in the 'with'
    body = emit_tasks.with_task_reductions(e, construct, info, body, level)
    body = emit_cancel.wrapped(e, info, "parallel", body, line)
    comments = e.take_comments(body, line)
    # A shared name that the region binds may not exist yet when it starts (its
    # first value may come from a critical or single): it is passed only if bound.
    maybe = [n for n in sharing.args if n in sharing.shared_out]
    parameters = [
        "_omp_t",
        *given,
        *(n for n in sharing.args if n not in maybe),
        *sharing.firstprivate,
        *(n for n, _ in sharing.reduction),
        *(emit_conditional.record(n) for n in emit_conditional.names(pragma)),
        *(f"{n}=_omp.UNBOUND" for n in maybe),
    ]
    if sharing.threadprivate:
        # Each thread's own copies of the module's threadprivate globals.
        body = [e.statement(f"global {', '.join(sharing.threadprivate)}", line), *body]
    out: list[cst.BaseStatement] = [e.outlined(name, parameters, body, line, info, comments)]
    out.append(_call(e, name, given, info))
    out.extend(_outputs(e, info))
    return out


def _call(e: Emitter, name: str, given: dict[str, Part], info: ConstructInfo) -> cst.BaseStatement:
    """``_omp_out = _omp.parallel(body, {args}, clauses...)``."""
    sharing = info.sharing
    assert sharing is not None
    pragma = info.construct.pragma
    maybe = [n for n in sharing.args if n in sharing.shared_out]
    entries: list[Part] = [_entry(n, v) for n, v in given.items()]
    entries.extend(f"{n!r}: {n}" for n in sharing.args if n not in maybe)
    if maybe:
        entries.append(call("**_omp.bound", "_omp.locals()", "_omp.globals()", names(maybe)))
    arguments: list[Part] = [name, mapping(entries)]
    if sharing.firstprivate:
        firstprivate = mapping([f"{n!r}: {n}" for n in sharing.firstprivate])
        arguments.append(keyword("firstprivate", firstprivate))
    conditional = emit_conditional.names(pragma)
    if sharing.reduction or conditional:
        entries = [f"{n!r}: ({emit_declare.operator(e, op)}, {n})" for n, op in sharing.reduction]
        entries += emit_conditional.reduction_entries(conditional)
        arguments.append(keyword("reduction", mapping(entries)))
    lastprivate = [n for n in sharing.lastprivate if n not in conditional]
    if lastprivate:
        arguments.append(keyword("lastprivate", names(lastprivate)))
    if sharing.shared_out:
        arguments.append(keyword("shared", names(sharing.shared_out)))
    readonly = [*(n for n in given if n.startswith("_omp_")), *sharing.readonly]
    if readonly:
        arguments.append(keyword("readonly", names(readonly)))
    if info.watch:
        depths = mapping([f"{n!r}: {d}" for n, d in info.watch.items()])
        arguments.append(keyword("watch", depths))
    if info.module_watch is not None:
        entries = [f"{n!r}: {d}" for n, d in sorted(info.module_watch.items())]
        arguments.append(keyword("module_watch", mapping(entries)))
    if info.module_names:
        arguments.append(keyword("module_names", names(info.module_names)))
    if info.in_region:  # (its names are its enclosing region's: ThreadContext.nested)
        arguments.append("nested=True")
        enclosing = [n for n in sharing.shared_out if n in info.region_shared]
        if enclosing:
            arguments.append(keyword("enclosing", names(enclosing)))
    clause = pragma.clause("num_threads")
    if clause is not None:
        arguments.append(f"num_threads=({clause.expr})")
    clause = next((c for c in pragma.all("if") if c.modifier in (None, "parallel")), None)
    if clause is not None:
        arguments.append(f"if_=({clause.expr})")
    copyin = pragma.names_in("copyin")
    if copyin:
        arguments.append(keyword("copyin", names(copyin)))
    clause = pragma.clause("proc_bind")
    if clause is not None:
        arguments.append(f"proc_bind={clause.kind!r}")
    needs_result = sharing.reduction or sharing.lastprivate or sharing.shared_out or conditional
    target = "_omp_out = " if needs_result else ""
    return e.simple(target, call("_omp.parallel", *arguments), pragma.pos.line, info)


def _outputs(e: Emitter, info: ConstructInfo) -> list[cst.BaseStatement]:
    """The master's names after the region: reductions, then what was handed back."""
    sharing = info.sharing
    assert sharing is not None
    line = info.construct.pragma.pos.line
    out = [e.statement(f"{name} = _omp_out[{name!r}]\n", line) for name, _ in sharing.reduction]
    conditional = emit_conditional.names(info.construct.pragma)
    out += [e.statement(code, line) for code in emit_conditional.outputs(conditional, "_omp_out")]
    lastprivate = [n for n in sharing.lastprivate if n not in conditional]
    for name in [*lastprivate, *sharing.shared_out]:
        # Left alone (unbound, perhaps) when no thread bound it.
        assign = e.statement(f"{name} = _omp_out[{name!r}]\n", line)
        test = cst.parse_expression(f"{name!r} in _omp_out")
        out.append(e.stamp(cst.If(test=test, body=e.block([assign])), line))
    return out


def _entry(name: str, value: Part) -> Part:
    """``'name': value`` as a dict entry."""
    if isinstance(value, str):
        return f"{name!r}: {value}"
    return Group(f"{name!r}: {value.opening}", value.items, value.closing, value.one_tuple)
