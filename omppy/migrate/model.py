"""What ``omppy migrate`` knows of a module: how it reaches pymp, and the record of
one ``with pymp.Parallel(...)`` region and what migrating it changes."""

from __future__ import annotations

from dataclasses import dataclass, field

import libcst as cst

NOTE = "# omppy migrate: kept: "
SHARED_KINDS = ("array", "list", "dict", "queue", "lock", "rlock")
SELF_SHARED = ("array", "lock", "rlock")  # shared in '# omp' regions as they are
ROUTINES = {"thread_num": "omp_get_thread_num", "num_threads": "omp_get_num_threads"}


class Kept(Exception):
    """A region that stays on omppy.pymp, and why."""


@dataclass
class Region:
    """One ``with pymp.Parallel(...) as p:`` block and what migrating it changes."""

    node: cst.With
    call: cst.Call
    var: str | None
    reason: str | None = None
    pragma: str = ""
    loops: dict[cst.For, str] = field(default_factory=dict)  # loop -> 'range'/'xrange'
    locks: set[cst.With] = field(default_factory=set)
    routines: dict[cst.Attribute, str] = field(default_factory=dict)
    prints: set[cst.Call] = field(default_factory=set)


@dataclass
class Names:
    """How the module reaches pymp: module aliases and names imported from it."""

    modules: set[str] = field(default_factory=set)  # pymp, or what it is imported as
    parallel: set[str] = field(default_factory=set)  # from pymp import Parallel [as P]
    shared: set[str] = field(default_factory=set)  # from pymp import shared [as s]


# -- finding pymp --------------------------------------------------------------------------


def dotted_name(node: cst.BaseExpression) -> str | None:
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        inner = dotted_name(node.value)
        return None if inner is None else f"{inner}.{node.attr.value}"
    return None


def alias_name(alias: cst.ImportAlias) -> str | None:
    """The name an ``import`` alias binds (``x`` in ``from m import y as x``)."""
    if isinstance(alias.asname, cst.AsName) and isinstance(alias.asname.name, cst.Name):
        return alias.asname.name.value
    return dotted_name(alias.name)


def pymp_names(module: cst.Module) -> Names:
    names = Names()

    class Imports(cst.CSTVisitor):
        def visit_Import(self, node: cst.Import) -> None:
            for alias in node.names:
                dotted = dotted_name(alias.name)
                bound = alias.asname.name if alias.asname else None
                if dotted in ("pymp", "omppy.pymp") and isinstance(bound, cst.Name):
                    names.modules.add(bound.value)
                elif (dotted == "pymp" or (dotted or "").startswith("pymp.")) and bound is None:
                    names.modules.add("pymp")

        def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
            source = dotted_name(node.module) if node.module else None
            if node.relative or isinstance(node.names, cst.ImportStar):
                return
            for alias in node.names:
                imported = dotted_name(alias.name)
                bound = alias_name(alias)
                if bound is None:
                    continue
                if source == "omppy" and imported == "pymp":
                    names.modules.add(bound)
                elif source in ("pymp", "omppy.pymp"):
                    if imported == "Parallel":
                        names.parallel.add(bound)
                    elif imported == "shared":
                        names.shared.add(bound)

    module.visit(Imports())
    return names


def is_parallel_call(node: cst.BaseExpression, names: Names) -> bool:
    if not isinstance(node, cst.Call):
        return False
    func = node.func
    if isinstance(func, cst.Name):
        return func.value in names.parallel
    return (
        isinstance(func, cst.Attribute)
        and func.attr.value == "Parallel"
        and isinstance(func.value, cst.Name)
        and func.value.value in names.modules
    )


def shared_kind(node: cst.BaseExpression | None, names: Names) -> str | None:
    """``"array"`` for ``pymp.shared.array(...)`` (or ``shared.array(...)``), etc."""
    if not isinstance(node, cst.Call) or not isinstance(node.func, cst.Attribute):
        return None
    kind = node.func.attr.value
    holder = dotted_name(node.func.value)
    if kind not in SHARED_KINDS or holder is None:
        return None
    if holder in names.shared or any(holder == f"{m}.shared" for m in names.modules):
        return kind
    return None
