"""What a synchronisation block may change: the ``touches=`` and ``closed=`` of a
critical, atomic or ordered block, from the module's effects (``effects.py``).

``touches`` names the objects the block may change in place (None when it calls
code omppy cannot see: then every shared object is compared when it ends);
``closed`` says that the block runs no code of the program, so that what it touches
is all it may change and the runtime compares nothing else when it ends.
"""

from __future__ import annotations

from collections.abc import Iterable

import libcst as cst

from .effects import Effects
from .known_calls import (
    BUILTINS,
    CONTAINER_METHODS,
    PURE_SPECIAL,
    READING_FUNCTIONS,
    READING_METHODS,
)
from .summaries import Summary, augmented_names, declares_nonlocal, loaded_names
from .walk import walk


class SyncBlocks:
    """The synchronisation blocks of one module, judged against its effects."""

    def __init__(self, effects: Effects) -> None:
        self.effects = effects
        self._defined: frozenset[str] | None = None
        self._implicit: bool | None = None

    def touches(self, statements: Iterable[cst.CSTNode]) -> tuple[str, ...] | None:
        """The names whose objects a synchronisation block may change in place, or
        None when it calls code whose effects omppy cannot see (every shared object
        is compared when it ends).  Functions of the module are seen through: what
        they change through their parameters counts, and the globals they change
        are compared at every block anyway (``_omp_effects``)."""
        effects = self.effects
        statements = list(statements)
        found = loaded_names(statements, effects.contexts)
        if calls_unknown_code(effects, statements) or stores_into_results(statements):
            return None
        changed = {
            name
            for name, nodes in found.items()
            if max(effects.use_depth(n, found) for n in nodes) > 0
        }
        # ``total += part`` on a list or Counter changes its object in place.
        changed.update(augmented_names(statements))
        return tuple(sorted(changed))

    def closed(self, statements: Iterable[cst.CSTNode]) -> bool:
        """Whether a block whose :meth:`touches` is not None runs no code of the
        program: it names no function, class or method of the module (not even to hand
        one to ``sorted``), hands no ``key=`` function to a builtin, and no special
        method the module defines (which an operator may call) changes a global.  What
        such a block changes is then what :meth:`touches` names, and the runtime
        compares nothing else when it ends (not the module namespaces, nor what the
        module's functions change)."""
        if self.implicit_code_changes_globals() or self.has_implicit_hooks():
            return False
        defined = self.defined_names()
        found: list[bool] = []

        class Program(cst.CSTVisitor):
            def visit_Name(self, node: cst.Name) -> None:
                if node.value in defined:
                    found.append(True)

            def visit_Attribute(self, node: cst.Attribute) -> None:
                if node.attr.value in methods:
                    found.append(True)

            def visit_Arg(self, node: cst.Arg) -> None:
                if node.keyword is not None and node.keyword.value == "key":
                    found.append(True)

            def visit_Call(self, node: cst.Call) -> None:
                func = node.func
                if isinstance(func, cst.Name) and func.value == "iter" and len(node.args) > 1:
                    found.append(True)  # iter(callable, sentinel) calls it

        methods = set(self.effects.methods)
        for statement in statements:
            statement.visit(Program())
            if found:
                return False
        return True

    def defined_names(self) -> frozenset[str]:
        """Every function and class the module defines, at any depth."""
        if self._defined is None:
            effects = self.effects
            names = {function.name.value for function, *_ in effects.definitions}
            self._defined = frozenset(names | effects.class_names)
        return self._defined

    def has_implicit_hooks(self) -> bool:
        """Whether the module defines code Python runs without its being named, on a
        store, a read or an operator (a descriptor's ``__set__`` keeping an audit log,
        a lazy ``__getitem__`` cache, a property setter, ``__iadd__``): a block using
        the module's objects may then change what it does not name."""
        if self.effects.setters:
            return True
        return any(
            name.startswith("__") and name.endswith("__") and name not in PURE_SPECIAL
            for name in self.effects.methods
        )

    def implicit_code_changes_globals(self) -> bool:
        """Whether a special method of the module's classes (``__setitem__``,
        ``__iadd__``...), which runs without being named, declares ``global`` or
        ``nonlocal`` or changes a module global in place."""
        if self._implicit is None:
            self._implicit = any(
                _special_method_changes_globals(function, summary, local, declared)
                for function, summary, local, declared in self.effects.definitions
            )
        return self._implicit


def stores_into_results(statements: list[cst.CSTNode]) -> bool:
    """Whether ``statements`` store into an object no name holds: an attribute or item
    of a call's result (``type(self).hits += 1``, ``get_table()[k] = v``), which the
    names the block loads do not lead to."""
    found: list[bool] = []

    def root_is_result(target: cst.BaseExpression) -> None:
        node = target
        while isinstance(node, (cst.Attribute, cst.Subscript)):
            node = node.value
        if node is not target and not isinstance(node, cst.Name):
            found.append(True)

    class Stores(cst.CSTVisitor):
        def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
            root_is_result(node.target)

        def visit_AugAssign(self, node: cst.AugAssign) -> None:
            root_is_result(node.target)

        def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
            root_is_result(node.target)

    for statement in statements:
        walk(statement, Stores())
    return bool(found)


def calls_unknown_code(effects: Effects, statements: list[cst.CSTNode]) -> bool:
    """Whether ``statements`` call anything but the module's functions, classes and
    methods, the reading builtins and methods, the container methods and the reading
    functions of modules (the tables of ``known_calls.py``)."""
    calls: list[cst.Call] = []

    class Calls(cst.CSTVisitor):
        def visit_Call(self, node: cst.Call) -> None:
            calls.append(node)

    for statement in statements:
        walk(statement, Calls())
    for node in calls:
        func = node.func
        if isinstance(func, cst.Name):
            name = func.value
            if name in effects.functions:
                if effects.functions[name].changes_defaults():
                    return True  # (what it changes is no name's: compare everything)
                continue
            if name in effects.classes:
                continue
            if name in READING_FUNCTIONS:
                continue
            return True
        if isinstance(func, cst.Attribute):
            method = func.attr.value
            if effects.calls_elsewhere(node):
                return True  # ``deep.put(k, v)``: another module's function
            if any(s.changes_defaults() for s in effects.methods.get(method, ())):
                return True
            if method in effects.methods or method in CONTAINER_METHODS:
                continue
            if method in READING_METHODS or effects.reading_module_function(node):
                continue
        return True
    return False


def _special_method_changes_globals(
    function: cst.FunctionDef, summary: Summary, local: set[str], declared: bool
) -> bool:
    name = function.name.value
    if not (name.startswith("__") and name.endswith("__")):
        return False
    if name in ("__init__", "__new__", "__post_init__", "__init_subclass__"):
        return False  # run by naming the class, which SyncBlocks.closed looks for
    if declared or declares_nonlocal(function):
        return True
    return any(
        changed not in summary.params and changed not in local and changed not in BUILTINS
        for changed in summary.depths
    )
