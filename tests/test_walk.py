"""The translator's read-only walks and metadata give exactly what libcst's give
(omppy/transform/walk.py, metadata.py): children in the same order, the same visits,
and the same parents, expression contexts and positions, on every node of the test
programs and of a module written to hold every kind of statement and expression."""

from __future__ import annotations

import libcst as cst
import pytest
from libcst.metadata import (
    ExpressionContextProvider,
    MetadataWrapper,
    ParentNodeProvider,
    PositionProvider,
)
from translation_snapshot import sources

from omppy.transform import walk
from omppy.transform.metadata import Contexts, Parents, Positions, Wrapper, generate, spans_of

EVERY_KIND = '''\
"""A module with every kind of statement and expression libcst has."""
from __future__ import annotations
import os.path as osp, sys
from . import sibling
from .pkg import (a as b,
    c)
from x import *

@decorator(1)
@other
async def f(a, /, b: int = 2, *args, c, d=3, **kw) -> list[int]:
    global g
    x = y = [i async for i in aiter() if i if not i]
    x += 1; x -= 2
    z: dict[str, int] = {k: v for k, v in kw.items()}
    w: int
    del x, z[0], w.attr
    async with open(a) as fa, open(b) as (fb):
        async for q in fa:
            await q
    try:
        raise ValueError("no") from None
    except (TypeError, ValueError) as error:
        pass
    else:
        pass
    finally:
        pass
    try:
        pass
    except* OSError:
        pass
    while (n := len(args)) > 0:
        break
    else:
        continue
    if a: return
    elif b:
        print(b)
    else:
        print(c)
    lam = lambda p, *q, r=1, **s: (p, *q, {**s}, {*q})
    s = f"{a!r:>{b}} {c=}" + "x" "y" + rb"z"
    t = a if b else c
    u = a[1:2, ::3, ...] @ b ** -c // d % e << f >> g & h | i ^ ~j
    v = not a and b or c is not d in e not in f < g <= h == i != j >= k > l
    match command:
        case [Point(x=0, y=0) as p, *rest] if p:
            pass
        case {"k": 1, **others} | None | 1.5 | -2j | "s" | a.b:
            pass
        case _:
            pass
    assert a, "message"
    return (a, b)


def generator():
    received = yield
    yield from range(received)


class K(Base, metaclass=Meta):
    """Doc."""
    attr: int = 0

    def method(self):
        nonlocal_name = 1

        def inner():
            nonlocal nonlocal_name
            nonlocal_name += 1
        with (open("a") as one,
              open("b") as two):
            pass
        print(*args, sep="", **kw)
        self.items[0].value, (first, *rest) = [1, 2], (3, 4)
        # a comment at the end of a block
# a comment at the end of the module
'''


def _modules() -> list[cst.Module]:
    # The corpus and the examples (the realistic programs add time, not kinds of node).
    found = [cst.parse_module(EVERY_KIND), cst.parse_module(EVERY_KIND.replace("\n", "\r\n"))]
    for path in sources():
        if "realistic" in path.parts:
            continue
        try:
            found.append(cst.parse_module(path.read_text(encoding="utf-8")))
        except cst.ParserSyntaxError:
            continue
    return found


MODULES = _modules()


def _every_node(module: cst.Module) -> list[cst.CSTNode]:
    found: list[cst.CSTNode] = []
    pending: list[cst.CSTNode] = [module]
    while pending:
        node = pending.pop()
        found.append(node)
        pending.extend(node.children)
    return found


def test_the_programs_are_read():
    assert len(MODULES) > 80
    kinds = {type(n).__name__ for n in _every_node(MODULES[0])}
    assert {"Match", "TryStar", "FormattedString", "NamedExpr", "Lambda", "Nonlocal"} <= kinds


def test_children_are_libcsts_in_its_order():
    for module in MODULES:
        for node in _every_node(module):
            mine, theirs = walk.children(node), node.children
            assert len(mine) == len(theirs) and all(
                a is b for a, b in zip(mine, theirs, strict=True)
            ), type(node).__name__


def test_a_walk_visits_and_leaves_as_libcsts_visit_does():
    class Recorder(cst.CSTVisitor):
        def __init__(self) -> None:
            super().__init__()
            self.seen: list[tuple[str, int]] = []

        def on_visit(self, node: cst.CSTNode) -> bool:
            self.seen.append(("visit", id(node)))
            return not isinstance(node, cst.Lambda)  # a False skips the children

        def on_leave(self, original_node: cst.CSTNode) -> None:
            self.seen.append(("leave", id(original_node)))

    class Names(cst.CSTVisitor):
        def __init__(self) -> None:
            super().__init__()
            self.names: list[str] = []

        def visit_Name(self, node: cst.Name) -> None:
            self.names.append(node.value)

        def visit_Attribute(self, node: cst.Attribute) -> bool:
            return False

        def leave_Call(self, original_node: cst.Call) -> None:
            self.names.append("()")

    for module in MODULES[:30]:
        for kind in (Recorder, Names):
            mine, theirs = kind(), kind()
            walk.walk(module, mine)
            module.visit(theirs)
            assert vars(mine) == vars(theirs)


@pytest.mark.parametrize(
    ("ours", "libcsts"),
    [(Parents, ParentNodeProvider), (Contexts, ExpressionContextProvider)],
    ids=["parents", "contexts"],
)
def test_metadata_is_libcsts(ours, libcsts):
    for module in MODULES:
        expected = MetadataWrapper(module, unsafe_skip_copy=True).resolve(libcsts)
        got = Wrapper(module).resolve(ours)
        assert list(got) == list(expected)
        assert all(got[node] is expected[node] for node in expected)


def test_positions_are_libcsts():
    for module in MODULES:
        expected = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
        got = Wrapper(module).resolve(Positions)
        assert list(got) == list(expected)
        assert all(got[node] == expected[node] for node in expected)


def test_a_statement_laid_out_alone_has_its_place_in_the_module():
    for module in MODULES[:30]:
        ranges = Wrapper(module).resolve(Positions)
        text, before = generate(module)
        assert text == module.code
        assert before == ranges.before
        for statement in module.body:
            alone = spans_of(statement, module, before[statement] + 1)
            assert alone == {n: ranges.spans[n] for n in alone}

