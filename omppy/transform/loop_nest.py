"""A loop construct's nest: the loops ``collapse(n)`` covers, and the names each
iteration computes from the loop variables alone.

The survey (``survey.py``) asks here for the loops of every loop construct (which
also checks the nest's shape), and for the names a race check may take as one per
iteration (``checks.races``).
"""

from __future__ import annotations

import libcst as cst
from libcst.metadata import MetadataWrapper

from . import analysis, checks
from .model import Construct
from .names import target_names
from .walk import walk

Covers = dict[cst.CSTNode, list[Construct]]


def collapse_nest(
    construct: Construct, wrapper: MetadataWrapper, covers: Covers, filename: str
) -> list[cst.For]:
    """The loops a loop construct covers: its own, and the ``collapse(n)`` loops
    nested in it (perfectly nested, with rectangular ranges), or PragmaError."""
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
        if clash:
            name = sorted(clash)[0]
            raise checks.error(
                filename,
                used.read[name],
                f"collapse({depth}) needs a rectangular loop nest, but this loop's range "
                f"uses '{name}' from an enclosing loop",
                hint=f"collapse only the loops whose ranges do not use '{name}', or compute "
                "the range inside the body",
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
