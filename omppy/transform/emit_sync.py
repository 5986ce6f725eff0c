"""Emitting ``barrier`` and the synchronisation constructs (``critical``, ``atomic``,
``ordered``, ``single``, ``master``/``masked``).

A sync block is opened on the thread (``_omp_t.critical(...)`` and so on), which
says whether this thread runs it (``.runs``) and which published values to take on
entry (``.fresh``); its body runs in ``try``/``finally`` so that it is always left
(``.leave(_omp.locals())`` publishes the names it binds).  A ``single`` ends with a
barrier (``.end(...)``) after which every thread takes the published values.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import libcst as cst

from . import emit_tasks, global_binds, key_notes, key_twins
from .layout import WIDTH, Group, Part, call, keyword, names
from .model import Construct, ConstructInfo
from .pragma import ONE_AT_A_TIME_DIRECTIVES
from .walk import children

if TYPE_CHECKING:
    from .emit import Emitter, Updated


def barrier(e: Emitter, info: ConstructInfo) -> list[cst.BaseStatement]:
    line = info.construct.pragma.pos.line
    if not info.region_shared:
        return [e.statement("_omp_t.barrier()", line), *emit_tasks.after_barrier(e, info)]
    fresh = call("_omp_t.barrier_refresh", names(info.region_shared))
    out = [e.simple("_omp_fresh = ", fresh, line, info)]
    out += e.refresh("_omp_fresh", info.region_shared, line, info)
    return out + emit_tasks.after_barrier(e, info)


def sync(
    e: Emitter, construct: Construct, info: ConstructInfo, new_of: Updated
) -> list[cst.BaseStatement]:
    pragma = construct.pragma
    line = pragma.pos.line
    directive = pragma.directive
    block = f"_omp_sync_{line}"
    published = names(info.sync_names)
    if directive == "critical":
        opener = call("_omp_t.critical", repr(pragma.name or ""), published)
    elif directive == "masked":
        clause = pragma.clause("filter")
        chosen = f"({clause.expr})" if clause is not None else "0"
        opener = call("_omp_t.master", published, chosen)
    elif directive == "single":
        copied = [n for n in pragma.names_in("copyprivate") if n not in info.sync_names]
        if copied:
            published = names([*info.sync_names, *pragma.names_in("copyprivate")])
        opener = call("_omp_t.single", published)
    else:
        opener = call(f"_omp_t.{directive}", published)
    if info.touches is not None:
        touches = keyword("touches", names(info.touches))
        extra = (touches, keyword("closed", "True")) if info.closed else (touches,)
        opener = Group(opener.opening, (*opener.items, *extra), opener.closing)
    if info.sync_reads:
        reads = keyword("reads", names(info.sync_reads))
        opener = Group(opener.opening, (*opener.items, reads), opener.closing)
    runs_alone = directive in ONE_AT_A_TIME_DIRECTIVES
    # An orphaned block that binds its thread, and holds plain statements only, is
    # emitted twice: as python runs it under ``if _omp.IDLE:``, and the runtime's way
    # under ``else:``, one level in (``_split``).
    split = _split(construct, info)
    shift = 1 if split else 0
    level = (1 if runs_alone else 2) + shift  # inside the try (and the if)
    body = e.items(construct.body, new_of)
    body = global_binds.add_binds(body, global_binds.names_to_bind(e.infos, info), e.origin)
    comments = e.take_comments(body, line)
    plain = _copy(e, body) if split else []
    refreshed = [*info.sync_names, *info.sync_reads]
    refresh = e.refresh(f"{block}.fresh", refreshed, line, info, level)
    last = e.last_line(body, line)
    # An orphaned block may run outside any region, where it is ``_omp.RUNS`` and its
    # leave does nothing: the test spares building the locals' dict (docs/benchmarks.md,
    # "Session 7").  Lexically in a region it never is.
    idle_test = "" if info.in_region else f"{block} is _omp.RUNS or "
    leave = e.simple(idle_test, call(f"{block}.leave", _scope(info)), last, info, level)
    # the order it sets dict keys in (runtime/keynotes.py), and the functions it calls
    body = key_notes.add(body, e.origin, e.properties, e.twin_touches)
    body = key_twins.calls(body, e.twin_names, e.origin, e.direct_names)
    guarded = cst.Try(
        body=e.block([*refresh, *body]),
        finalbody=cst.Finally(body=e.block([leave])),
    )
    fast = f"{block} = {_IDLE}"
    if (
        not info.in_region
        and (directive != "masked" or pragma.clause("filter") is None)
        and e.column(info, shift) + len(fast) + len(opener.opening) + e.spare(fast, opener)
        <= WIDTH
    ):
        # The initial thread, no block running: the block just runs (``RUNS``), known
        # before the opener's arguments are built.  (A ``masked`` filter is evaluated
        # and checked even there: ``ThreadContext.master``.)
        start = e.simple(fast, opener, line, info, shift)
    else:
        start = e.simple(f"{block} = ", opener, line, info, shift)
    out = [e.stamp(start if split else start.with_changes(leading_lines=comments), line)]
    if runs_alone:
        out.append(e.stamp(guarded, line))
    else:
        runs = cst.If(test=cst.parse_expression(f"{block}.runs"), body=e.block([guarded]))
        out.append(e.stamp(runs, line))
        e.stamp(guarded, line)
        if directive == "single":
            out.extend(_end_single(e, construct, info, block, last, shift))
    if not split:
        return out
    # ``_omp.IDLE`` is the initial thread's context while it runs no region, task or
    # thread team (state.recheck), exactly when the runtime's way would take ``RUNS``
    # and run the body alone; otherwise the thread is found by the call.
    bind = e.statement("_omp_t = _omp.thread()", line)
    twice = cst.If(
        test=cst.parse_expression("_omp.IDLE"),
        body=e.block(plain),
        orelse=cst.Else(body=e.block([bind, *out])),
        leading_lines=comments,
    )
    e.split.add(construct)
    return [e.stamp(twice, line)]


def _split(construct: Construct, info: ConstructInfo) -> bool:
    """Whether the orphaned block is emitted twice (docs/benchmarks.md, "Session 10"):
    it binds its thread (no construct around it), is not a ``masked`` with a filter
    (evaluated and checked even outside regions), and its body holds no construct
    (which would use the thread it binds) and no ``global``/``nonlocal`` statement
    (twice, the second would follow a use of the name: a SyntaxError)."""
    if not info.binds_thread or info.in_region:
        return False
    if construct.directive == "masked" and construct.pragma.clause("filter") is not None:
        return False
    finder = _Declarations()
    for item in construct.body:
        if isinstance(item, Construct):
            return False
        item.visit(finder)
    return not finder.found


class _Declarations(cst.CSTVisitor):
    """Finds a ``global`` or ``nonlocal`` statement (at any depth: the copy's is harmless
    in a nested function, but rare enough to keep the block single)."""

    def __init__(self) -> None:
        self.found = False

    def visit_Global(self, node: cst.Global) -> bool:
        self.found = True
        return False

    def visit_Nonlocal(self, node: cst.Nonlocal) -> bool:
        self.found = True
        return False


def _copy(e: Emitter, body: list[cst.BaseStatement]) -> list[cst.BaseStatement]:
    """New nodes for ``body`` (a node twice in the tree would have one position),
    each statement standing for the user's lines its original stands for."""
    copies = [statement.deep_clone() for statement in body]
    pending: list[tuple[cst.CSTNode, cst.CSTNode]] = list(zip(body, copies, strict=True))
    while pending:
        old, new = pending.pop()
        lines = e.origin.get(old)
        if lines is not None:
            e.origin[new] = lines
        pending.extend(zip(children(old), children(new), strict=True))
    return copies


_IDLE = "_omp.RUNS if _omp_t.idle else "


def _end_single(
    e: Emitter, construct: Construct, info: ConstructInfo, block: str, line: int, shift: int
) -> list[cst.BaseStatement]:
    """After a ``single``: the barrier, and every thread takes the published values."""
    pragma = construct.pragma
    nowait = pragma.clause("nowait") is not None
    others = [n for n in info.region_shared if n not in info.sync_names]
    arguments: list[Part] = [_scope(info)]
    if nowait:
        arguments.append("nowait=True")
    elif others:
        arguments.append(keyword("shared", names(others)))
    end = e.simple("_omp_out = ", call(f"{block}.end", *arguments), line, info, shift)
    refreshed = dict.fromkeys(
        [*info.sync_names, *pragma.names_in("copyprivate"), *([] if nowait else others)]
    )
    return [end, *e.refresh("_omp_out", list(refreshed), line, info, shift)]


def _scope(info: ConstructInfo) -> Part:
    """Where a block's names are read when it ends: its locals, and the threadprivate
    globals its copyprivate hands out (this thread's copies: private_names.py)."""
    if not info.threadprivate:
        return "_omp.locals()"
    return call(
        "_omp.with_globals", "_omp.locals()", "_omp_private.__dict__", names(info.threadprivate)
    )
