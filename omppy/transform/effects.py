"""How deep code may change the objects it is handed: the translator's watch list.

One idea: the depth analysis (its tables and syntax summaries live in known_calls.py,
summaries.py and sync_blocks.py).

At run time a team compares the shared objects it watches and carries what each
thread changed (``omppy/runtime/coherence.py``).  Comparing costs time in
proportion to what is watched, so the translator tells the runtime how many levels
of containers below each shared name the code may change:

- ``out[i] = v`` changes ``out`` itself: depth 1; ``grid[i][j] = v`` and
  ``objs[i].x = v`` change an item of it: depth 2;
- ``rows[i].sort()`` calls a container method on an item: depth 2; a method whose
  effect is unknown (a library's, or one in a module without pragmas) may change
  its receiver and anything it holds, at any depth (:data:`UNKNOWN`): all of it is
  watched, within the size limits of ``omppy/runtime/replica.py``;
- a method or function defined in the module changes what its own body changes
  through ``self`` or the parameter (``def move(self): self.history.append(dt)``:
  depth 2 through ``self``), worked out for every function of the module;
- an alias (``row = out[i]``, ``for p in particles``) changes what the code does
  through the alias, one level further down;
- only reading (arithmetic, comparisons, ``len``, ``sum``, indexing) changes
  nothing: depth 0.

The same analysis, run over every function of a module, says which module globals
the module's functions may change and how deep (:func:`module_effects`): a helper
``def record(n): found.append(n)`` changes the global ``found`` at depth 1.

Beside it: ``known_calls.py`` (the functions and methods of Python and libraries
whose effects are known), ``summaries.py`` (what is read off a function's syntax)
and ``sync_blocks.py`` (what a synchronisation block may change, from this analysis).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import libcst as cst

from .known_calls import (
    BUILTINS,
    CONTAINER_METHODS,
    IN_PLACE_METHODS,
    ITEM_METHODS,
    ITEM_PICKING,
    ITEM_RETURNING,
    ITEM_VIEWS,
    READING_FUNCTIONS,
    READING_METHODS,
    READING_MODULE_FUNCTIONS,
    SAME_ITEMS,
    SAME_ITEMS_METHODS,
)
from .names import import_binding, root_name, target_names
from .summaries import (
    Summary,
    augmented_names,
    blocks,
    body_of,
    is_setter,
    loaded_names,
    locals_of,
    summary_for,
)

MAX_DEPTH = 6
UNKNOWN = MAX_DEPTH  # code omppy cannot see may change what it is handed at any depth
# What the translator writes for a depth that reached MAX_DEPTH: code that walks a
# structure of its own making (``node = node.child`` in a loop, a recursive helper
# over a tree) may change it at any depth, so everything reachable is watched.
UNBOUNDED = 1_000_000

_PATH = (cst.Subscript, cst.Attribute)
_TARGET_GROUPS = (cst.Tuple, cst.List, cst.StarredElement, cst.Element)


class Effects:
    """The analysis over one module (original nodes, with parents and contexts)."""

    def __init__(
        self,
        module: cst.Module,
        *,
        parents: dict[cst.CSTNode, cst.CSTNode],
        contexts: Mapping[cst.CSTNode, Any],
        modules: frozenset[str] = frozenset(),
    ) -> None:
        self.module = module
        self.modules = modules  # names the module binds to imported modules (``np``)
        self.parents = parents
        self.contexts = contexts
        self.functions: dict[str, Summary] = {}  # module-level function -> summary
        self.methods: dict[str, list[Summary]] = {}  # method name -> every class's
        self.classes: dict[str, list[Summary]] = {}  # class name -> its __init__
        self.setters: dict[str, list[Summary]] = {}  # property -> its setters, deleters
        # (function, its summary, its locals, whether it declares globals)
        self.definitions: list[tuple[cst.FunctionDef, Summary, set[str], bool]] = []
        # While solving: the summaries the function being worked out has read, with
        # their versions (id of a summary -> how many times it grew).
        self._read: dict[int, int] | None = None
        self._versions: dict[int, int] = {}
        self.class_names: set[str] = set()
        # Every name an import binds (``np``, ``from mylib import stats``, ``from
        # mylib.deep import store``): what it names is code of elsewhere.
        self.imported: set[str] = set()
        # The names bound by an import of a library whose functions
        # READING_MODULE_FUNCTIONS describes (``np``, ``math``, ``from numpy import
        # linalg``): a module of the program's own may call a function ``add``.
        self.libraries: set[str] = set()
        self._collect(module)
        self._solve()

    # -- the module's functions -----------------------------------------------------

    def _collect(self, module: cst.Module) -> None:
        def visit(body: Iterable[cst.CSTNode], owner: str | None, depth: int) -> None:
            for statement in body:
                if isinstance(statement, cst.FunctionDef):
                    summary = summary_for(statement)
                    local, declared = locals_of(statement)
                    self.definitions.append((statement, summary, local, declared))
                    name = statement.name.value
                    if owner is not None:
                        self.methods.setdefault(name, []).append(summary)
                        if is_setter(statement):
                            self.setters.setdefault(name, []).append(summary)
                        if name == "__init__":
                            self.classes.setdefault(owner, []).append(summary)
                    elif depth == 0:
                        self.functions[name] = summary
                    visit(body_of(statement), None, depth + 1)
                elif isinstance(statement, cst.ClassDef):
                    self.class_names.add(statement.name.value)
                    visit(body_of(statement), statement.name.value, depth + 1)
                elif isinstance(statement, cst.SimpleStatementLine):
                    for small in statement.body:
                        if isinstance(small, (cst.Import, cst.ImportFrom)) and not isinstance(
                            small.names, cst.ImportStar
                        ):
                            for alias in small.names:
                                bound = import_binding(alias)
                                if bound is not None:
                                    self.imported.add(bound)
                                    if _from_library(small, alias):
                                        self.libraries.add(bound)
                else:
                    for block in blocks(statement):
                        visit(block, owner, depth)

        visit(module.body, None, 0)

    def _solve(self) -> None:
        """Iterate the summaries to a fixed point (functions call each other)."""
        # A function's loaded names do not change between rounds: found once (walking
        # every body again each round took most of the time of a big module).
        loads = [
            loaded_names(body_of(function), self.contexts) for function, *_ in self.definitions
        ]
        # A function is worked out again only when a summary it read has changed since
        # (what it finds depends on nothing else): the same rounds, the same results,
        # without redoing the functions that cannot change (most, after the first).
        versions = self._versions
        read: list[dict[int, int] | None] = [None] * len(self.definitions)
        try:
            for _ in range(MAX_DEPTH * 2):
                changed = False
                for index, ((_, summary, local, _), names) in enumerate(
                    zip(self.definitions, loads, strict=True)
                ):
                    before = read[index]
                    if before is not None and all(
                        versions.get(key, 0) == version for key, version in before.items()
                    ):
                        continue
                    self._read = read[index] = {}
                    for name, nodes in names.items():
                        if name in local and name not in summary.params:
                            continue
                        depth = min(MAX_DEPTH, max(self.use_depth(n, names) for n in nodes))
                        if depth > summary.depths.get(name, 0):
                            summary.depths[name] = depth
                            versions[id(summary)] = versions.get(id(summary), 0) + 1
                            changed = True
                if not changed:
                    return
        finally:
            self._read = None

    def _depth_in(self, summary: Summary, name: str) -> int:
        """``summary``'s depth for ``name`` (noted, while solving, as read)."""
        if self._read is not None:
            self._read.setdefault(id(summary), self._versions.get(id(summary), 0))
        return summary.depths.get(name, 0)

    def own_methods(self) -> frozenset[str]:
        """The names of the methods the module's classes define."""
        return frozenset(self.methods)

    def global_depths(self) -> dict[str, int]:
        """Module globals the module's functions may change, and how deep; the key
        ``"global"`` (no global can be named so) when a function rebinds globals."""
        found: dict[str, int] = {}
        if any(declared for _, _, _, declared in self.definitions):
            found["global"] = 1
        for _, summary, local, _ in self.definitions:
            for name, depth in summary.depths.items():
                if name in summary.default_names:
                    name = summary.default_names[name]  # (``into=seen``: ``seen``)
                elif name in summary.params or name in local:
                    continue
                if name in BUILTINS or name in ("None", "True", "False"):
                    continue
                if depth > found.get(name, 0):
                    found[name] = depth
        return {name: public_depth(depth) for name, depth in found.items()}

    # -- one construct ------------------------------------------------------------------

    def depths(self, statements: Iterable[cst.CSTNode], names: Iterable[str]) -> dict[str, int]:
        """How deep ``statements`` may change each of ``names`` (absent: not at all)."""
        statements = list(statements)
        names = list(names)
        loads = loaded_names(statements, self.contexts)
        found = {}
        for name in names:
            nodes = loads.get(name)
            if nodes:
                depth = min(MAX_DEPTH, max(self.use_depth(n, loads) for n in nodes))
                if depth:
                    found[name] = public_depth(depth)
        # ``total += Bag([k])`` (a published name, under critical): a class of the
        # module whose ``__iadd__`` changes what the object holds changes it in place.
        hook = self._hook_depth(IN_PLACE_METHODS)
        if hook:
            augmented = augmented_names(statements)
            for name in [n for n in names if n in augmented]:  # in order: a set's is not
                found[name] = max(found.get(name, 0), public_depth(min(MAX_DEPTH, hook)))
        return found

    def loads(self, node: cst.CSTNode) -> dict[str, list[cst.Name]]:
        return loaded_names([node], self.contexts)

    def loop_items(self, loop: cst.For, loads: dict[str, list[cst.Name]]) -> int:
        """How deep a loop's body changes the items its target names."""
        return self._aliases(loop, loads, frozenset())

    def use_depth(
        self,
        name: cst.Name,
        loads: dict[str, list[cst.Name]],
        seen: frozenset[str] = frozenset(),
    ) -> int:
        """How deep one use of a name may change the object it names."""
        return self._from(name, 0, loads, seen | {name.value})

    def _from(
        self,
        node: cst.CSTNode,
        steps: int,
        loads: dict[str, list[cst.Name]],
        seen: frozenset[str],
    ) -> int:
        """How deep the code changes what ``node`` stands for, ``steps`` levels below
        the root: through the subscripts and attributes taken of it, in its context."""
        parent = self.parents.get(node)
        while isinstance(parent, _PATH) and parent.value is node:
            steps += 1
            node, parent = parent, self.parents.get(parent)
        return self._in_context(node, parent, steps, loads, seen)

    def _picked(
        self,
        node: cst.CSTNode,
        steps: int,
        loads: dict[str, list[cst.Name]],
        seen: frozenset[str],
    ) -> int:
        """How deep the code changes an item it picks out of ``node``, which holds the
        items of the object ``steps`` levels below the root (that object itself, or
        ``d.values()``): through ``list``/``sorted``/``iter``... to ``min``, ``max`` or
        ``next`` or a subscript (``min(buckets, key=len).append(x)``,
        ``next(iter(d.values()))[i] = v``, ``list(d.values())[k].x = v``); an item
        is one level below the object, like ``entry = d.get(k)``."""
        parents = self.parents
        while True:
            parent = parents.get(node)
            if isinstance(parent, cst.Arg):
                call = parents.get(parent)
                if (
                    parent.star
                    or parent.keyword is not None
                    or not isinstance(call, cst.Call)
                    or call.args[0] is not parent
                ):
                    return 0
                name = _name_of(call.func)
                if name is None or name in self.functions or name in self.classes:
                    return 0  # the module's own ``min`` is followed as a function
                if name in SAME_ITEMS:
                    node = call
                    continue
                positional = sum(1 for a in call.args if a.keyword is None)
                if name in ITEM_PICKING and (positional == 1 or name == "next"):
                    # (``max(best, v)`` picks one of its arguments, not an item)
                    return self._from(call, steps + 1, loads, seen)
                return 0
            if isinstance(parent, cst.Subscript) and parent.value is node:
                if len(parent.slice) == 1 and isinstance(parent.slice[0].slice, cst.Index):
                    return self._from(parent, steps + 1, loads, seen)
                node = parent  # a slice of it: the same items
                continue
            if isinstance(parent, (cst.Assign, cst.NamedExpr)) and parent.value is node:
                # ``vals = list(d.values())`` then ``vals[i].append(x)``: the name holds
                # the items (a new list of them: ``vals.sort()`` changes no item), so
                # what is done below its items is done below ``d``'s.
                targets = (
                    [t.target for t in parent.targets]
                    if isinstance(parent, cst.Assign)
                    else [parent.target]
                )
                if all(isinstance(t, cst.Name) for t in targets):
                    # (``p = list(p)``: the name's other uses are counted already)
                    depth = max(
                        (
                            self._alias(t.value, loads, seen)  # type: ignore[attr-defined]
                            for t in targets
                            if t.value not in seen  # type: ignore[attr-defined]
                        ),
                        default=0,
                    )
                    return steps + depth if depth > 1 else 0
            return 0

    def _in_context(
        self,
        path: cst.CSTNode,
        parent: cst.CSTNode | None,
        steps: int,
        loads: dict[str, list[cst.Name]],
        seen: frozenset[str],
    ) -> int:
        parents = self.parents
        # A store target, possibly inside an unpacking target.
        holder, target = parent, path
        while isinstance(holder, _TARGET_GROUPS):
            target, holder = holder, parents.get(holder)
        stores = (cst.AssignTarget, cst.AugAssign, cst.AnnAssign, cst.Del)
        if isinstance(holder, stores) and getattr(holder, "target", None) is target:
            depth = steps
            if isinstance(holder, cst.AugAssign):
                if steps:
                    # ``rows[i] += [x]``, ``acc[k] += Vec(..)``: ``__iadd__`` changes the
                    # item in place and stores the same object back: one level further.
                    depth = steps + 1
                # A class of the module whose ``__iadd__`` changes what it holds
                # (``self.items.extend(other.items)``): as deep as that.
                depth = max(depth, _below(steps, self._hook_depth(IN_PLACE_METHODS)))
            if steps and target is path:
                # A class of the module may take the store in a method of its own
                # (``__setitem__`` keeping an index, a property's setter appending to
                # a log): the store changes what that method changes, below the
                # object stored into.
                depth = max(depth, _below(steps - 1, self._store_hook(holder, path)))
            return depth
        if isinstance(parent, cst.Call) and parent.func is path:
            if steps or len(seen) > 1:
                if not isinstance(path, cst.Attribute):
                    # A function taken from a container (``handlers[k](x)``, or ``add =
                    # accs[k][0]; add(x)``): a closure made at run time, whose cells
                    # are reached only through the container.
                    return steps + UNKNOWN
            elif not isinstance(path, cst.Attribute):
                # Calling a shared function changes no data of it; calling an object
                # of a class of the module runs its ``__call__`` (a functor that
                # records what it is given).
                return self._hook_depth(("__call__",))
            return self._method(parent, path, steps - 1, loads, seen)
        if isinstance(parent, cst.Arg):
            call = parents.get(parent)
            if isinstance(call, cst.Call):
                if _name_of(call.func) in ITEM_VIEWS:
                    loop = _feeding_loop(call, parents)
                    if loop is not None:
                        return _below(steps + 1, self._aliases(loop, loads, seen))
                # ``min(buckets, key=len).append(x)``: an item of it, changed.
                picked = self._picked(path, steps, loads, seen)
                return max(_below(steps, self._argument(call, parent, loads, seen)), picked)
            return steps + UNKNOWN
        if isinstance(parent, (cst.For, cst.CompFor)) and parent.iter is path:
            return _below(steps + 1, self._aliases(parent, loads, seen))
        if isinstance(parent, cst.Assign) and parent.value is path:
            unpacked = [_unpacked(t.target) for t in parent.targets]
            if all(found is not None for found in unpacked):
                # ``row = out[i]``, or ``a, b = pairs[i]``: names bound to the value,
                # or to its items (one level further down for each level unpacked).
                return max(
                    _below(steps + levels, self._alias(name, loads, seen))
                    for found in unpacked
                    for name, levels in found  # type: ignore[union-attr]
                )
            return 0  # stored into another object: watched through that object
        if isinstance(parent, cst.NamedExpr) and parent.value is path:
            target = parent.target
            if isinstance(target, cst.Name):
                return _below(steps, self._alias(target.value, loads, seen))
        if isinstance(parent, cst.Return) and not steps and self._returns_receiver(parent, path):
            return 0  # ``return self`` ending an ``__iadd__``: the caller's own object
        if isinstance(parent, (cst.Return, cst.Yield, cst.WithItem, cst.Lambda)):
            return steps + UNKNOWN  # it leaves the code omppy looked at
        if isinstance(parent, (cst.GeneratorExp, cst.ListComp)) and parent.elt is path:
            # ``next(x for x in records if ...)``: the items it yields, one picked.
            return self._picked(parent, steps - 1, loads, seen)
        if isinstance(parent, (cst.Element, cst.DictElement, cst.StarredElement)):
            return steps + UNKNOWN  # packed into a new container: followed no further
        return 0

    def _method(
        self,
        call: cst.Call,
        method: cst.Attribute,
        receiver_steps: int,
        loads: dict[str, list[cst.Name]],
        seen: frozenset[str],
    ) -> int:
        name = method.attr.value
        parents = self.parents
        outer = parents.get(call)
        if name in ITEM_METHODS:
            loop = _feeding_loop(call, parents)
            if loop is not None:
                return _below(receiver_steps + 1, self._aliases(loop, loads, seen))
        if isinstance(outer, _PATH) and outer.value is call:
            return receiver_steps + UNKNOWN  # a view or part of it, used further
        item_depth = 0
        if name in ITEM_RETURNING:
            # ``entry = rows.get(key)`` then ``entry["n"] += i``, or
            # ``heapq.heappush(d.get(k), x)``: the call stands for an item of the
            # receiver, so what is done to it is one level below the receiver.
            item_depth = self._in_context(call, outer, receiver_steps + 1, loads, seen)
        elif name in SAME_ITEMS_METHODS and not call.args:
            # ``next(iter(d.values()))[i] = v``: an item picked out of the view.
            item_depth = self._picked(call, receiver_steps, loads, seen)
        depth = 0
        known = False
        if name in CONTAINER_METHODS:
            depth, known = 1, True
        elif name in READING_METHODS:
            known = True
        for summary in self.methods.get(name, ()):
            known = True
            if summary.params:
                depth = max(depth, self._depth_in(summary, summary.params[0]))
        if not known:
            depth = UNKNOWN
        return max(_below(receiver_steps, depth), item_depth)

    def _store_hook(self, statement: cst.CSTNode, target: cst.CSTNode) -> int:
        """How deep a method of the module that Python runs for a store into (or a
        ``del`` of) ``target`` may change its receiver: ``__setitem__``/``__delitem__``
        for an item, ``__setattr__`` or a property's setter (named as the attribute)
        for an attribute."""
        deleting = isinstance(statement, cst.Del)
        if isinstance(target, cst.Subscript):
            names = ["__delitem__" if deleting else "__setitem__"]
            hooks = self.methods.get(names[0], [])
        elif isinstance(target, cst.Attribute):
            names = ["__delattr__" if deleting else "__setattr__", target.attr.value]
            hooks = [*self.methods.get(names[0], ()), *self.setters.get(names[1], ())]
        else:
            return 0
        if self._enclosing_function(statement) in names:
            return 0  # the hook's own stores (``self.cells[k] = v`` in ``__setitem__``)
        depth = 0
        for summary in hooks:
            if summary.params:
                depth = max(depth, summary.depths.get(summary.params[0], 0))
        return depth

    def _enclosing_function(self, node: cst.CSTNode) -> str | None:
        found = self._function_of(node)
        return None if found is None else found.name.value

    def _function_of(self, node: cst.CSTNode) -> cst.FunctionDef | None:
        current: cst.CSTNode | None = node
        while current is not None and not isinstance(current, cst.FunctionDef):
            current = self.parents.get(current)
        return current

    def _returns_receiver(self, statement: cst.Return, value: cst.CSTNode) -> bool:
        """``return self`` in an in-place operator method (``__iadd__``...), which
        hands the caller back the object it called the method on."""
        node = self._function_of(statement)
        if node is None or node.name.value not in IN_PLACE_METHODS:
            return False
        params = node.params.params
        return bool(params) and isinstance(value, cst.Name) and value.value == params[0].name.value

    def _hook_depth(self, names: Iterable[str]) -> int:
        """How deep the module's methods called ``names`` may change their receiver."""
        depth = 0
        for name in names:
            for summary in self.methods.get(name, ()):
                if summary.params:
                    depth = max(depth, summary.depths.get(summary.params[0], 0))
        return depth

    def _argument(
        self,
        call: cst.Call,
        arg: cst.Arg,
        loads: dict[str, list[cst.Name]],
        seen: frozenset[str],
    ) -> int:
        if arg.star:
            return UNKNOWN
        func = call.func
        summaries: list[tuple[Summary, int]] = []  # (summary, index of first argument)
        if isinstance(func, cst.Name):
            name = func.value
            if name in READING_FUNCTIONS and name not in self.functions:
                return 0
            if name in self.functions:
                summaries.append((self.functions[name], 0))
            elif name in self.classes:
                summaries.extend((s, 1) for s in self.classes[name])
        elif isinstance(func, cst.Attribute):
            if self.reading_module_function(call):
                return 0
            summaries.extend((s, 1) for s in self.methods.get(func.attr.value, ()))
        if not summaries:
            return UNKNOWN
        positional = [a for a in call.args if a.keyword is None]
        position = next((i for i, a in enumerate(positional) if a is arg), -1)
        depth = 0
        for summary, offset in summaries:
            if arg.keyword is not None:
                param = arg.keyword.value
                if param not in summary.params:
                    return UNKNOWN
            elif position + offset < len(summary.params):
                param = summary.params[position + offset]
            else:
                return UNKNOWN if summary.has_star else 0
            depth = max(depth, self._depth_in(summary, param))
        return depth

    def calls_elsewhere(self, call: cst.Call) -> bool:
        """``stats.note(k)``, ``deep.put(k, v)``, ``store.add(x)``,
        ``bins.BINS[k].add(x)``: a call of an attribute of what an imported name
        holds runs code of another module, whatever the attribute is called (a
        function named ``put`` or ``get`` is no container's method), unless it is a
        module function known only to read."""
        func = call.func
        if not isinstance(func, cst.Attribute):
            return False
        if root_name(func.value) not in self.imported:
            return False
        return not self.reading_module_function(call)

    def reading_module_function(self, call: cst.Call) -> bool:
        """``np.dot(a[i], v)``, ``np.linalg.norm(x)``: a module's function that only
        reads its arguments (no ``out=``)."""
        func = call.func
        if not isinstance(func, cst.Attribute) or func.attr.value not in READING_MODULE_FUNCTIONS:
            return False
        root: cst.BaseExpression = func.value
        while isinstance(root, cst.Attribute):
            root = root.value
        if not isinstance(root, cst.Name) or root.value not in self.modules:
            return False
        if root.value in self.imported and root.value not in self.libraries:
            return False
        return not any(a.keyword is not None and a.keyword.value == "out" for a in call.args)

    def _aliases(
        self, loop: cst.CSTNode | None, loads: dict[str, list[cst.Name]], seen: frozenset[str]
    ) -> int:
        """How deep the code changes what a loop's target names (the items)."""
        if not isinstance(loop, (cst.For, cst.CompFor)):
            return UNKNOWN
        names = target_names(loop.target)
        if not names:
            return UNKNOWN if not isinstance(loop.target, cst.Name) else 0
        return max(self._alias(n, loads, seen) for n in names)

    def _alias(self, name: str, loads: dict[str, list[cst.Name]], seen: frozenset[str]) -> int:
        if name in seen:
            # ``node = node.child`` (in a loop, or a recursive walk): the name goes down
            # a structure as far as it reaches.
            return MAX_DEPTH
        nodes = loads.get(name, [])
        if not nodes:
            return 0
        return max(self.use_depth(n, loads, seen) for n in nodes)


def module_effects(effects: Effects) -> dict[str, int]:
    return effects.global_depths()


# -- helpers ----------------------------------------------------------------------------


# The libraries whose functions READING_MODULE_FUNCTIONS names.
_LIBRARIES = frozenset({"numpy", "math", "cmath", "statistics", "scipy", "time"})


def _from_library(statement: cst.Import | cst.ImportFrom, alias: cst.ImportAlias) -> bool:
    """Whether ``alias`` of the import ``statement`` binds a name in a library of
    ``_LIBRARIES`` (``import numpy as np``, ``from numpy import linalg``)."""
    if isinstance(statement, cst.ImportFrom):
        if statement.relative or statement.module is None:
            return False
        dotted: cst.BaseExpression = statement.module
    else:
        dotted = alias.name
    while isinstance(dotted, cst.Attribute):
        dotted = dotted.value
    return isinstance(dotted, cst.Name) and dotted.value in _LIBRARIES


def _name_of(func: cst.BaseExpression) -> str | None:
    return func.value if isinstance(func, cst.Name) else None


def public_depth(depth: int) -> int:
    """A depth as the translator writes it (see :data:`UNBOUNDED`)."""
    return UNBOUNDED if depth >= MAX_DEPTH else depth


def _below(steps: int, depth: int) -> int:
    """How deep a root changes when what it holds ``steps`` levels down changes
    ``depth`` levels deep: nothing when that is nothing."""
    return steps + depth if depth else 0


def _feeding_loop(
    node: cst.CSTNode, parents: dict[cst.CSTNode, cst.CSTNode]
) -> cst.For | cst.CompFor | None:
    """The loop whose items ``node`` provides, through ``enumerate``, ``zip``,
    ``sorted``... (``for i, p in enumerate(sorted(d.items()))``), if any."""
    while True:
        parent = parents.get(node)
        if isinstance(parent, (cst.For, cst.CompFor)) and parent.iter is node:
            return parent
        if not isinstance(parent, cst.Arg):
            return None
        call = parents.get(parent)
        if not isinstance(call, cst.Call) or _name_of(call.func) not in ITEM_VIEWS:
            return None
        node = call


def _unpacked(target: cst.BaseExpression) -> list[tuple[str, int]] | None:
    """The names an assignment target binds, with how many levels of unpacking lie
    between the value and each (``a, (b, c)``: a 1, b and c 2; ``*rest`` holds the
    items themselves, like the value); None when it stores into an object."""
    if isinstance(target, cst.Name):
        return [(target.value, 0)]
    if isinstance(target, (cst.Tuple, cst.List)):
        found: list[tuple[str, int]] = []
        for element in target.elements:
            inner = element.value
            if isinstance(element, cst.StarredElement):
                if not isinstance(inner, cst.Name):
                    return None
                found.append((inner.value, 0))
                continue
            below = _unpacked(inner)
            if below is None:
                return None
            found.extend((name, levels + 1) for name, levels in below)
        return found
    return None
