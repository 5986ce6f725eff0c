"""A module global bound in a synchronisation block reaches the module at once.

A region at module level binds its shared names as locals of its outlined body;
``globalnames.py`` binds the module's globals to their values when a block ends.  A
function the block calls after the binding (``field = field * 2`` then
``total()`` reading ``field``, in one ``single``) would still read the old value, where
python reads the new one.  So after each statement of the block that binds such a
name, the translator adds ``_omp.bind_global("field", field)``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import libcst as cst

from .model import Construct, ConstructInfo
from .names import target_names
from .pragma import PARALLEL_DIRECTIVES
from .walk import KeepsLines, OwnScope


def names_to_bind(infos: Mapping[Construct, ConstructInfo], info: ConstructInfo) -> frozenset[str]:
    """The names a sync block publishes that are its region's module globals."""
    regions = [c for c in info.around if c.directive in PARALLEL_DIRECTIVES]
    if not regions or not info.sync_names:
        return frozenset()
    region = infos[regions[-1]]
    return frozenset(region.module_names) & frozenset(info.sync_names)


def add_binds(
    body: Sequence[cst.BaseStatement],
    names: frozenset[str],
    origin: dict[cst.CSTNode, Any],
) -> list[cst.BaseStatement]:
    """``body`` with a ``bind_global`` after each simple statement that binds one of
    ``names``, at any depth but not in nested functions, classes or lambdas.  A node
    rebuilt on the way keeps its entry in ``origin`` (the user's lines it stands for:
    tracebacks point there)."""
    if not names:
        return list(body)
    # Visited as one block, the body's own statements are expanded like any nested one.
    block = cst.IndentedBlock(body=list(body)).visit(_Adder(names, origin))
    assert isinstance(block, cst.IndentedBlock)
    return list(block.body)


def _expand(body: Sequence[cst.BaseStatement], names: frozenset[str]) -> list[cst.BaseStatement]:
    out: list[cst.BaseStatement] = []
    for statement in body:
        out.append(statement)
        if isinstance(statement, cst.SimpleStatementLine):
            for name in sorted(_bound(statement) & names):
                out.append(_bind(name))
    return out


class _Adder(OwnScope, KeepsLines):
    def __init__(self, names: frozenset[str], origin: dict[cst.CSTNode, Any]) -> None:
        super().__init__(origin)
        self.names = names

    def leave_IndentedBlock(
        self, original_node: cst.IndentedBlock, updated_node: cst.IndentedBlock
    ) -> cst.IndentedBlock:
        return updated_node.with_changes(body=_expand(updated_node.body, self.names))

    def leave_For(self, original_node: cst.For, updated_node: cst.For) -> cst.For:
        found = set(target_names(updated_node.target)) & self.names
        return updated_node.with_changes(body=_first(updated_node.body, found))

    def leave_With(self, original_node: cst.With, updated_node: cst.With) -> cst.With:
        found = {
            name
            for item in updated_node.items
            if item.asname is not None
            for name in target_names(item.asname.name)
        }
        return updated_node.with_changes(body=_first(updated_node.body, found & self.names))


def _first(body: cst.BaseSuite, names: set[str]) -> cst.BaseSuite:
    """``body`` (a loop's or a ``with``'s) opening with the binds of ``names``."""
    if not names or not isinstance(body, cst.IndentedBlock):
        return body
    binds = [_bind(name) for name in sorted(names)]
    return body.with_changes(body=[*binds, *body.body])


def _bind(name: str) -> cst.BaseStatement:
    return cst.parse_statement(f"_omp.bind_global({name!r}, {name})\n")


def _bound(line: cst.SimpleStatementLine) -> set[str]:
    found: set[str] = set()
    for small in line.body:
        if isinstance(small, cst.Assign):
            for target in small.targets:
                found.update(target_names(target.target))
        elif isinstance(small, cst.AugAssign) or (
            isinstance(small, cst.AnnAssign) and small.value is not None
        ):
            found.update(target_names(small.target))
    return found
