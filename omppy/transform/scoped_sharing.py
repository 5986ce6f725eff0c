"""A construct's data sharing in the scopes around it: a parallel construct's
clauses and names decided (``sharing.decide``), the module's threadprivate globals it
uses, and the names the functions around a block declare ``global`` or ``nonlocal``.

The survey (``survey.py``) calls these with what it knows of the construct's place
(its scopes: the module, functions and classes around it).
"""

from __future__ import annotations

from typing import Any

import libcst as cst

from . import checks
from .model import Construct, Sharing, Usage
from .names import function_locals
from .sharing import decide
from .walk import OwnScope, walk


def decide_region(
    construct: Construct,
    usage: Usage,
    loop_vars: set[str],
    *,
    available: set[str],
    threadprivate: set[str],
    module_functions: set[str] | frozenset[str],
    filename: str,
) -> Sharing:
    """A parallel construct's data sharing: its clauses checked against what it does
    with names (``checks.default_none``, ``checks.augmented``), then
    ``sharing.decide``; the threadprivate globals it uses (``threadprivate``) are
    neither handed in nor handed back.  ``available``: the names bound where the
    construct is (the module's, and its functions')."""
    pragma = construct.pragma
    reduction = [(n, c.op or "+") for c in pragma.all("reduction") for n in c.names]
    default_clause = pragma.clause("default")
    default = default_clause.kind if default_clause is not None else "shared"
    # A linear name starts each iteration from the master's value and hands the
    # last iteration's value back: firstprivate and lastprivate (emit_linear.py).
    linear = pragma.names_in("linear")
    explicit = {
        "private": pragma.names_in("private"),
        "firstprivate": (*pragma.names_in("firstprivate"), *linear),
        "lastprivate": (*pragma.names_in("lastprivate"), *linear),
        "shared": pragma.names_in("shared"),
    }
    clause_names = {n for names in explicit.values() for n in names} | {
        n for n, _ in reduction
    }
    if default == "none":
        exempt = module_functions | clause_names | loop_vars | threadprivate
        checks.default_none(usage, exempt, filename=filename)
    checks.augmented(construct, usage, clause_names | threadprivate, filename=filename)
    checks.mixed_bindings(
        construct, usage, clause_names | threadprivate | loop_vars, filename=filename
    )
    sharing = decide(
        usage,
        reduction=reduction,
        private=explicit["private"],
        firstprivate=explicit["firstprivate"],
        lastprivate=explicit["lastprivate"],
        shared=explicit["shared"],
        default=default or "shared",
        loop_vars=loop_vars,
        available=available,
    )
    if not threadprivate:
        return sharing
    # The region's code names each thread's own globals ('global' in the outlined
    # body): they are neither handed in nor handed back.
    return Sharing(
        args=tuple(n for n in sharing.args if n not in threadprivate),
        firstprivate=sharing.firstprivate,
        reduction=sharing.reduction,
        lastprivate=sharing.lastprivate,
        shared_out=tuple(n for n in sharing.shared_out if n not in threadprivate),
        private=sharing.private - threadprivate,
        readonly=tuple(n for n in sharing.readonly if n not in threadprivate),
        threadprivate=tuple(sorted(threadprivate)),
    )


def threadprivate_used(
    usage: Usage, scopes: list[tuple[str, Any]], threadprivate: frozenset[str]
) -> set[str]:
    """The module's threadprivate globals the construct uses (a function's local of
    the same name is another variable)."""
    if not threadprivate:
        return set()
    local: set[str] = set()
    for kind, node in scopes[1:]:
        if kind == "function":
            local |= function_locals(node) - declared_global(node)
    used = set(usage.read) | set(usage.bound)
    return (used & threadprivate) - local


def binds_only_locals(
    usage: Usage, in_region: bool, scopes: list[tuple[str, Any]]
) -> bool:
    """Whether every name a synchronisation block binds or deletes is a local of
    the function it runs in: inside a region always (the region's body is
    outlined, and its shared names are published by name); an orphaned block's
    only when its function declares none of them ``global`` or ``nonlocal``."""
    if in_region:
        return True
    kind, node = scopes[-1]
    if kind != "function":
        return False  # at module level (or in a class body) it binds globals
    changed = set(usage.bound) | set(usage.deleted)
    return not changed & declared_outer(node)


def declared_outer(function: cst.FunctionDef) -> set[str]:
    """The names a function declares ``global`` or ``nonlocal`` (not its nested defs')."""
    found = declared_global(function)

    class Nonlocals(OwnScope, cst.CSTVisitor):
        root = function

        def visit_Nonlocal(self, node: cst.Nonlocal) -> None:
            found.update(item.name.value for item in node.names)

    function.visit(Nonlocals())
    return found


def declared_global(function: cst.FunctionDef) -> set[str]:
    """The names a function's ``global`` statements declare (not its nested defs')."""
    found: set[str] = set()

    class Globals(OwnScope, cst.CSTVisitor):
        root = function

        def visit_Global(self, node: cst.Global) -> None:
            found.update(item.name.value for item in node.names)

    walk(function, Globals())
    return found


def read_live(names: tuple[str, ...], scopes: list[tuple[str, Any]]) -> set[str]:
    """Of the names a region only reads, the module globals (no function around the
    region binds them).  The region reads them by name, as python does, not from a copy
    taken when it starts: code it calls may rebind one meanwhile (``global LIMIT`` in a
    helper called in ``single``, ``globals()["X"] = v``, ``mod.LIMIT = 9`` in another
    module), and the module's namespace is compared and carried like a shared object."""
    if scopes[-1][0] == "class":
        return set()  # (in a class body a name may be the class's)
    candidates = set(names)
    for kind, node in scopes[1:]:
        if kind == "function":  # (a method does not see its class body's names)
            candidates -= function_locals(node) - declared_global(node)
    return candidates
