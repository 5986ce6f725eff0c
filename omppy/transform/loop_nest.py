"""A loop construct's nest: the loops ``collapse(n)`` covers, and the names each
iteration computes from the loop variables alone.

The survey (``survey.py``) asks here for the loops of every loop construct (which
also checks the nest's shape), and for the names a race check may take as one per
iteration (``checks.races``).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

import libcst as cst
from libcst.metadata import MetadataWrapper

from . import analysis, checks
from .layout import Part, call
from .model import Construct
from .names import target_names
from .walk import walk

Covers = dict[cst.CSTNode, list[Construct]]


def collapse_nest(
    construct: Construct, wrapper: MetadataWrapper, covers: Covers, filename: str
) -> list[cst.For]:
    """The loops a loop construct covers: its own, and the ``collapse(n)`` loops
    nested in it (perfectly nested; a range that uses an outer loop's variable only
    under a one-name target: see :func:`space_arguments`), or PragmaError."""
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
                filename,
                (pragma.pos.line, pragma.pos.col),
                f"collapse({depth}) needs {depth} perfectly nested for loops, but level "
                f"{level} is not a for loop alone in the body of the loop above it",
                hint=f"make level {level} a for loop alone in the body of the loop above, or "
                "collapse fewer loops",
            )
        candidate = inner[0]
        used = analysis.collect([candidate.iter], wrapper, covers)
        clash = outer_names & set(used.read)
        if clash and not all(isinstance(n.target, cst.Name) for n in nest):
            # A non-rectangular level is called with the outer levels' variables
            # (nested_space): each must be one name.
            name = sorted(clash)[0]
            raise checks.error(
                filename,
                used.read[name],
                f"collapse({depth}) of a non-rectangular loop nest (this loop's range uses "
                f"'{name}' from an enclosing loop) needs every enclosing loop's variable to "
                "be one name",
                hint="unpack the tuple inside the body, or collapse only the loops whose "
                f"ranges do not use '{name}'",
            )
        outer_names |= set(target_names(candidate.target))
        nest.append(candidate)
    return nest


def loop_derived(loops: list[cst.For], variables: set[str]) -> set[str]:
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


def space_arguments(nest: list[cst.For], code: Callable[[cst.CSTNode], str]) -> list[Part]:
    """The arguments of ``iteration_space`` for a loop nest: each level's iterable,
    evaluated once; or, when an inner level's iterable uses an outer level's variable
    (a non-rectangular nest, OpenMP 5.0's ``collapse`` of ``for j in range(i, n)``),
    one ``_omp.nested_space(outer, lambda i: inner, ...)``: each inner iterable
    evaluated for every value of the levels above it, as python evaluates it."""
    outer: list[str] = []
    uses_outer = False
    for level in nest:
        if outer and _uses(level.iter, set(outer)):
            uses_outer = True
        outer.extend(target_names(level.target))
    if not uses_outer:
        return [code(level.iter) for level in nest]
    parameters: list[str] = []
    inner: list[Part] = []
    for above, level in itertools.pairwise(nest):
        assert isinstance(above.target, cst.Name)  # (collapse_nest)
        parameters.append(above.target.value)
        inner.append(f"lambda {', '.join(parameters)}: {code(level.iter)}")
    return [call("_omp.nested_space", code(nest[0].iter), *inner)]


def _uses(node: cst.CSTNode, names: set[str]) -> bool:
    """Whether ``node`` mentions one of ``names`` (an attribute's name aside): a
    name a comprehension in it binds counts too, which costs only the nested form."""
    found = [False]

    class Look(cst.CSTVisitor):
        def visit_Name(self, name: cst.Name) -> None:
            if name.value in names:
                found[0] = True

        def visit_Attribute(self, attribute: cst.Attribute) -> bool:
            walk(attribute.value, self)
            return False

    walk(node, Look())
    return found[0]
