"""Emitting the task constructs: ``task``, ``taskloop``, ``taskwait``, ``taskgroup``,
``taskyield`` (docs/pragmas.md, "Tasks"; the runtime is ``omppy/runtime/tasks.py``).

A task's statements become a function defined where the task stands, ``def
_omp_task_<line>(_omp_t, <captured names>, <shared names read>=_omp.UNBOUND)``,
ending in ``return _omp.locals()``; ``_omp.task(_omp_t, <function>, {<values>},
clauses...)`` creates the task and returns the values of its ``shared`` names when it
ran at once.  A taskloop's function iterates ``_omp_chunk``, the iterations of one
task.  After a ``taskwait``, the end of a ``taskgroup`` and a ``barrier``, the names
the tasks created in the same body hand back take their values (:func:`handed_back`):
``if 'a' in _omp_tw: a = _omp_tw['a']``; a name a synchronisation block publishes
(``count += 1`` in a ``critical`` in the task, or a ``shared`` name of the region)
takes the newest value published (``fresh=``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import libcst as cst

from . import emit_cancel, tasking
from .layout import Group, Part, call, keyword, mapping, names
from .loop_nest import space_arguments
from .model import Construct, ConstructInfo
from .pragma import ONE_THREAD_DIRECTIVES, PARALLEL_DIRECTIVES, TASK_DIRECTIVES

if TYPE_CHECKING:
    from .emit import Emitter, Updated


def task(
    e: Emitter, construct: Construct, info: ConstructInfo, new_of: Updated
) -> list[cst.BaseStatement]:
    pragma = construct.pragma
    line = pragma.pos.line
    loop = pragma.directive == "taskloop"
    name = f"_omp_{'taskloop' if loop else 'task'}_{line}"
    task_info = info.task
    assert task_info is not None
    comments: Sequence[cst.EmptyLine]
    if loop:
        body, comments = _loop_body(e, construct, new_of)
    else:
        body = e.items(construct.body, new_of)
        comments = e.take_comments(body, line)
    # A 'cancel taskgroup' in the task leaves its body (emit_cancel.py).
    body = emit_cancel.wrapped(e, info, "taskgroup", body, line)
    parameters = [
        "_omp_t",
        *(["_omp_chunk"] if loop else []),
        *task_info.captured,
        *(f"{n}=_omp.UNBOUND" for n in task_info.maybe),
    ]
    out: list[cst.BaseStatement] = [e.outlined(name, parameters, body, line, info, comments)]
    detach = pragma.clause("detach")
    if detach is not None:
        # The task's event, bound before the task is created: its body and the code
        # after it hand it on to what fulfills it (runtime/taskevents.py).
        out.append(e.statement(f"{detach.names[0]} = _omp.task_event(_omp_t)", line))
    out.extend(_team_reduction_check(e, construct, info))
    out.append(_create(e, construct, info, name))
    returned = [*task_info.shared]
    if loop:
        returned = [*(n for n, _ in _reductions(construct)), *pragma.names_in("lastprivate")]
        returned += [n for n in task_info.shared if n not in returned]
    out.extend(assign(e, "_omp_out", returned, line, info))
    return out


def _loop_body(
    e: Emitter, construct: Construct, new_of: Updated
) -> tuple[list[cst.BaseStatement], list[cst.EmptyLine]]:
    """A taskloop's function body: its loop, iterating ``_omp_chunk``."""
    original = tasking.loop_nest(construct)
    loop = new_of[original[0]]
    assert isinstance(loop, cst.For)
    nest = [loop]
    for _ in original[1:]:
        inner = nest[-1].body.body[0]
        assert isinstance(inner, cst.For)
        nest.append(inner)
    if len(nest) == 1:
        target: cst.BaseExpression = loop.target
    else:
        target = cst.Tuple([cst.Element(_parenthesised(n.target)) for n in nest])
    comments = list(loop.leading_lines)
    header = loop.with_changes(
        target=target, iter=cst.Name("_omp_chunk"), body=nest[-1].body, leading_lines=()
    )
    e.carry(header, loop, construct.pragma.pos.line)
    return [header], comments


def _parenthesised(target: cst.BaseExpression) -> cst.BaseExpression:
    if isinstance(target, cst.Tuple) and not target.lpar:
        return target.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])
    return target


def _team_reduction_check(
    e: Emitter, construct: Construct, info: ConstructInfo
) -> list[cst.BaseStatement]:
    """``_omp.check_team_reduction(_omp.locals(), {'s': '+'})`` before a taskloop
    with a reduction that every thread of its region reaches: a reduction name bound
    only by the taskloop is then each thread's own and unbound, which the runtime
    reports clearly (runtime/taskloop.py) instead of an ``UnboundLocalError``."""
    reduction = _reductions(construct)
    if construct.directive != "taskloop" or not reduction or not info.in_region:
        return []
    regions = [i for i, c in enumerate(info.around) if c.directive in PARALLEL_DIRECTIVES]
    inside = info.around[regions[-1] + 1 :] if regions else ()
    if any(c.directive in ONE_THREAD_DIRECTIVES for c in inside):
        return []
    operators = mapping([f"{n!r}: {op!r}" for n, op in reduction])
    check = call("_omp.check_team_reduction", "_omp.locals()", operators)
    return [e.simple("", check, construct.pragma.pos.line, info)]


def _reductions(construct: Construct) -> list[tuple[str, str]]:
    return [(n, c.op or "+") for c in construct.pragma.all("reduction") for n in c.names]


def _create(e: Emitter, construct: Construct, info: ConstructInfo, name: str) -> cst.BaseStatement:
    """``_omp_out = _omp.task(_omp_t, <function>, {<values>}, clauses...)``."""
    pragma = construct.pragma
    task_info = info.task
    assert task_info is not None
    loop = pragma.directive == "taskloop"
    entries: list[Part] = [f"{n!r}: {n}" for n in task_info.captured]
    if task_info.maybe:
        bound = call("**_omp.bound", "_omp.locals()", "_omp.globals()", names(task_info.maybe))
        entries.append(bound)
    arguments: list[Part] = ["_omp_t", name]
    if loop:
        nest = tasking.loop_nest(construct)
        arguments.append(call("_omp.iteration_space", *space_arguments(nest, e.code)))
    arguments.append(mapping(entries))
    if loop:
        for clause_name in ("grainsize", "num_tasks"):
            clause = pragma.clause(clause_name)
            if clause is not None:
                arguments.append(f"{clause_name}=({clause.expr})")
                if clause.kind == "strict":
                    arguments.append("strict=True")
        if pragma.clause("nogroup") is not None:
            arguments.append("nogroup=True")
        reduction = _reductions(construct)
        if reduction:
            entries = [f"{n!r}: ({op!r}, {n})" for n, op in reduction]
            arguments.append(keyword("reduction", mapping(entries)))
        lastprivate = pragma.names_in("lastprivate")
        if lastprivate:
            arguments.append(keyword("lastprivate", names(lastprivate)))
    if task_info.shared:
        arguments.append(keyword("shared", names(task_info.shared)))
    if task_info.publish:
        arguments.append(keyword("publish", names(task_info.publish)))
    # ``if(simd: ...)`` (on ``taskloop simd``) names the simd part: nothing to do.
    condition = next((c for c in pragma.all("if") if c.modifier != "simd"), None)
    for clause_name, argument in (("if", "if_"), ("final", "final"), ("priority", "priority")):
        clause = condition if clause_name == "if" else pragma.clause(clause_name)
        if clause is not None:
            arguments.append(f"{argument}=({clause.expr})")
    depend = _depend(e, construct)
    if depend is not None:
        arguments.append(keyword("depend", depend))
    if task_info.in_reduction:
        operators = mapping([f"{n!r}: {op!r}" for n, op in task_info.in_reduction])
        arguments.append(keyword("in_reduction", operators))
    if task_info.changes:
        depths = mapping([f"{n!r}: {d}" for n, d in task_info.changes.items()])
        arguments.append(keyword("changes", depths))
    if task_info.touches is not None:
        arguments.append(keyword("touches", names(task_info.touches)))
    if task_info.synced:
        arguments.append(keyword("fresh", names(task_info.synced)))
    detach = pragma.clause("detach")
    if detach is not None:
        arguments.append(f"detach={detach.names[0]}")
    returns = bool(task_info.shared) or (loop and bool(_returned_by_loop(construct)))
    target = "_omp_out = " if returns else ""
    runtime = "_omp.taskloop" if loop else "_omp.task"
    return e.simple(target, call(runtime, *arguments), pragma.pos.line, info)


def _returned_by_loop(construct: Construct) -> list[str]:
    return [*(n for n, _ in _reductions(construct)), *construct.pragma.names_in("lastprivate")]


def _depend(e: Emitter, construct: Construct) -> Group | None:
    """``depend=(('out', 'a'), ('in', b, _omp.KEY[i]), ('inout', c, ('attr', 'x')))``;
    with an iterator, ``*(('in', a, _omp.KEY[i]) for i in range(0, n))``."""
    items: list[Part] = []
    for clause in construct.pragma.all("depend"):
        if clause.kind == "depobj":
            # depend(depobj: o): what o holds when the task is created (depobj.py).
            items.extend(f"*_omp.depobj_items(lambda: {text}, {text!r})" for text in clause.names)
            continue
        found = [_dependence(e, clause.kind or "inout", text) for text in clause.names]
        if clause.modifier == "iterator":
            # depend(iterator(i = 0:n), in: a[i]): the items for every value, made
            # when the task is created (OpenMP's iterator; the end left out).
            loops = " ".join(f"for {iterator}" for iterator in clause.exprs)
            found = [f"*({item} {loops})" for item in found]
        items.extend(found)
    if not items:
        return None
    return Group("(", tuple(items), ")", one_tuple=True)


def _dependence(e: Emitter, kind: str, text: str) -> Part:
    node = cst.parse_expression(text)
    if isinstance(node, cst.Name):
        return f"({kind!r}, {node.value!r})"
    if isinstance(node, cst.Attribute):
        return f"({kind!r}, {e.code(node.value)}, ('attr', {node.attr.value!r}))"
    assert isinstance(node, cst.Subscript)
    key = e.code(node.with_changes(value=cst.parse_expression("_omp.KEY")))
    return f"({kind!r}, {e.code(node.value)}, {key})"


def handed_back(e: Emitter, info: ConstructInfo) -> tuple[list[str], list[str]]:
    """The names the tasks in a wait's body hand back, and of those the ones to take
    from the newest published values."""
    scope = info.task.scope if info.task is not None else None
    refreshed: list[str] = []
    fresh: list[str] = []
    for other in e.infos.values():
        task_info = other.task
        if task_info is None or other.construct.directive not in TASK_DIRECTIVES:
            continue
        if task_info.scope is not scope or scope is None:
            continue
        refreshed.extend(task_info.shared)
        fresh.extend(task_info.synced)
        fresh.extend(n for n in task_info.shared if n in info.region_shared)
    return list(dict.fromkeys(refreshed)), list(dict.fromkeys(fresh))


def _wait_arguments(e: Emitter, info: ConstructInfo, fresh: list[str]) -> list[Part]:
    arguments: list[Part] = ["_omp_t"]
    depend = _depend(e, info.construct)
    if depend is not None:
        arguments.append(keyword("depend", depend))
    if fresh:
        arguments.append(keyword("fresh", names(fresh)))
    return arguments


def taskwait(e: Emitter, info: ConstructInfo) -> list[cst.BaseStatement]:
    line = info.construct.pragma.pos.line
    refreshed, fresh = handed_back(e, info)
    target = "_omp_tw = " if refreshed else ""
    wait = call("_omp.taskwait", *_wait_arguments(e, info, fresh))
    out = [e.simple(target, wait, line, info)]
    return out + assign(e, "_omp_tw", refreshed, line, info)


def depobj(e: Emitter, info: ConstructInfo) -> list[cst.BaseStatement]:
    """``# omp depobj(o) ...``: binds ``o`` to a dependence object, or changes the one
    it holds (``omppy/runtime/depobj.py``; ``lambda: o`` lets it name an unbound o)."""
    pragma = info.construct.pragma
    line = pragma.pos.line
    name = pragma.name
    (clause,) = pragma.clauses  # grammar.py: exactly one
    if clause.name == "depend":
        item = _dependence(e, clause.kind or "inout", clause.names[0])
        return [e.statement(f"{name} = _omp.depobj({item})", line)]
    if clause.name == "update":
        update = f"_omp.depobj_update(lambda: {name}, {name!r}, {clause.kind!r})"
        return [e.statement(update, line)]
    return [e.statement(f"_omp.depobj_destroy(lambda: {name}, {name!r})", line)]


def taskyield(e: Emitter, info: ConstructInfo) -> list[cst.BaseStatement]:
    return [e.statement("_omp.taskyield(_omp_t)", info.construct.pragma.pos.line)]


def after_barrier(e: Emitter, info: ConstructInfo) -> list[cst.BaseStatement]:
    """After an explicit barrier: the ``shared`` values of the tasks created in the
    same body (every task has completed at a barrier)."""
    refreshed, fresh = handed_back(e, info)
    if not refreshed:
        return []
    line = info.construct.pragma.pos.line
    wait = e.simple(
        "_omp_tw = ", call("_omp.taskwait", *_wait_arguments(e, info, fresh)), line, info
    )
    return [wait, *assign(e, "_omp_tw", refreshed, line, info)]


def taskgroup(
    e: Emitter, construct: Construct, info: ConstructInfo, new_of: Updated
) -> list[cst.BaseStatement]:
    pragma = construct.pragma
    line = pragma.pos.line
    group = f"_omp_tg_{line}"
    reduction = [(n, c.op or "+") for c in pragma.all("task_reduction") for n in c.names]
    handed, fresh = handed_back(e, info)
    arguments: list[Part] = ["_omp_t"]
    if fresh:
        arguments.append(keyword("fresh", names(fresh)))
    if reduction:
        entries = [f"{n!r}: ({op!r}, {n})" for n, op in reduction]
        arguments.append(keyword("reduction", mapping(entries)))
    body = e.items(construct.body, new_of) or [e.statement("pass", line)]
    comments = e.take_comments(body, line)
    start = e.simple(f"{group} = ", call("_omp.taskgroup", *arguments), line, info)
    end = e.statement(f"_omp_out = {group}.end(_omp.locals())", e.last_line(body, line))
    guarded = cst.Try(body=e.block(body), finalbody=cst.Finally(body=e.block([end])))
    out = [e.stamp(start.with_changes(leading_lines=comments), line), e.stamp(guarded, line)]
    refreshed = [n for n, _ in reduction]
    refreshed += [n for n in handed if n not in refreshed]
    return out + assign(e, "_omp_out", refreshed, e.last_line(body, line), info)


def task_reductions(construct: Construct) -> list[tuple[str, str]]:
    """The ``reduction(task, op: x)`` of a parallel or work-sharing construct."""
    clauses = [c for c in construct.pragma.all("reduction") if c.modifier == "task"]
    return [(n, c.op or "+") for c in clauses for n in c.names]


def extra_levels(construct: Construct) -> int:
    """How many blocks :func:`with_task_reductions` adds around the construct's body."""
    return 1 if task_reductions(construct) else 0


def with_task_reductions(
    e: Emitter,
    construct: Construct,
    info: ConstructInfo,
    body: Sequence[cst.BaseStatement],
    level: int = 0,
) -> list[cst.BaseStatement]:
    """``reduction(task, op: x)``: ``body`` (each thread's part of the construct) in an
    implicit taskgroup with ``task_reduction(op: x)`` started from the thread's private
    ``x``, so the tasks with ``in_reduction(op: x)`` created in it add to that copy,
    which the construct's reduction then combines (docs/tasks.md).  ``level``: how
    many levels deeper than the construct ``body`` stands."""
    reduction = task_reductions(construct)
    if not reduction:
        return list(body)
    line = construct.pragma.pos.line
    body = list(body)
    comments = e.take_comments(body, line)
    group = f"_omp_trg_{line}"
    entries = [f"{n!r}: ({op!r}, {n})" for n, op in reduction]
    arguments: list[Part] = ["_omp_t", keyword("reduction", mapping(entries))]
    start = e.simple(f"{group} = ", call("_omp.taskgroup", *arguments), line, info, level)
    last = e.last_line(body, line)
    end = e.statement(f"_omp_out = {group}.end(_omp.locals())", last)
    guarded = cst.Try(body=e.block(body), finalbody=cst.Finally(body=e.block([end])))
    out = [e.stamp(start.with_changes(leading_lines=comments), line), e.stamp(guarded, line)]
    return out + assign(e, "_omp_out", [n for n, _ in reduction], last, info)


def assign(
    e: Emitter, source: str, assigned: list[str] | tuple[str, ...], line: int, info: ConstructInfo
) -> list[cst.BaseStatement]:
    """``if 'a' in source: a = source['a']`` for each name (left alone when absent)."""
    out: list[cst.BaseStatement] = []
    for name in assigned:
        statement = e.statement(f"{name} = {source}[{name!r}]\n", line)
        test = cst.parse_expression(f"{name!r} in {source}")
        out.append(e.stamp(cst.If(test=test, body=e.block([statement])), line))
    return out
