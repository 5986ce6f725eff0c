"""What code of its module a region can run, and so which module globals it may change.

A module's ``_omp_effects`` lists every global that any function of the module may
change, and how deep (``effects.py``).  A region that watched all of it would pay,
at every region, for globals only other code touches: a module with a 200k list
and 5,000 objects that one helper changes made every region compare them.  So each
parallel construct gets its own list, ``module_watch``: the globals that the code it
can reach may change.  What it can reach:

- its own statements, and every function of the module it calls by name (a
  function bound once, by an undecorated ``def`` at the module's top level, and not
  shadowed by a local), and what those call, to a fixed point;
- every method called by its name (``p.move()`` reaches each ``move`` of the
  module's classes);
- code Python runs without its being named, whatever the region does: every
  special method (``__init__``, ``__setitem__``, ``__iadd__``...), every decorated
  function (properties, setters), every generator, every nested function, every
  method of a class with a base from outside the module, and every function or
  method the module uses as a value (``key=score``, ``handlers.append(self.on)``),
  which anything may call.

When any of that calls code omppy cannot see (a function of another module or a
library that is not a known reading function, a function held in a variable, an
``import``, a decorator or class statement run in a region), or the module has a
``from x import *``, the region may run anything, and it watches all of
``_omp_effects`` (``module_watch`` is None), as every region did before.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import libcst as cst
from libcst.metadata import ExpressionContext

from .effects import Effects, public_depth
from .known_calls import BUILTINS, CONTAINER_METHODS, READING_FUNCTIONS, READING_METHODS
from .summaries import Summary, body_of
from .walk import walk

# ``super()`` runs no code of its own; the method called on it is looked at by name.
_HARMLESS_BUILTINS = frozenset({"super"})


class _Unit:
    """What one function (or a region's statements) calls."""

    def __init__(self) -> None:
        self.functions: set[str] = set()  # module-level functions called by name
        self.methods: set[str] = set()  # methods called by name
        self.unknown = False  # it may run code omppy cannot see


class Reach:
    """The reach of every region of one module (worked out per module once)."""

    def __init__(self, module: cst.Module, effects: Effects, modules: Iterable[str]) -> None:
        self.effects = effects
        self.modules = frozenset(modules)  # names bound to imported modules
        # Every def of the module: its summary, locals, whether it declares globals.
        self._defs: dict[cst.FunctionDef, tuple[Summary, set[str], bool]] = {
            function: (summary, local, rebinds)
            for function, summary, local, rebinds in effects.definitions
        }
        scan = self._scan = _Scan(self._defs, effects.contexts, effects.parents)
        walk(module, scan)
        counts, declared = scan.counts, scan.declared
        self._star = scan.star
        self._classes = scan.classes
        self._outer_locals = scan.outer_locals
        # Functions and classes a name surely means wherever the module's code calls it.
        self._functions: dict[str, cst.FunctionDef] = {}
        for statement in scan.top_level:
            name = statement.name.value
            if counts.get(name) == 1 and name not in declared and not statement.decorators:
                self._functions[name] = statement
        self._bound = set(counts) | declared  # every name bound at the module's top level
        self._foreign_based = _foreign_based(self._classes, self._bound)
        self._plain_classes = {
            name
            for name, node in self._classes.items()
            if counts.get(name) == 1
            and name not in declared
            and name not in self._foreign_based
            and _plain_class(node)
        }
        self._methods: dict[str, list[cst.FunctionDef]] = {}
        for node in scan.methods:
            self._methods.setdefault(node.name.value, []).append(node)
        # The method names every class with a base from elsewhere defines itself: a
        # call by another name may run the base's method of that name.
        self._overridden = set(self._methods)
        for name in self._foreign_based:
            body = body_of(self._classes[name])
            own = {n.name.value for n in body if isinstance(n, cst.FunctionDef)}
            self._overridden &= own
        self._units: dict[cst.FunctionDef, _Unit] = {}
        self._roots: list[cst.FunctionDef] | None = None
        self._deferred: tuple[_Unit, dict[str, int]] | None = None

    # -- one region --------------------------------------------------------------------

    def module_watch(
        self, statements: Sequence[cst.CSTNode], enclosing: Sequence[cst.FunctionDef]
    ) -> dict[str, int] | None:
        """The module globals the region of ``statements`` (in the functions
        ``enclosing``, outermost first) may change, and how deep; None when it may
        run code omppy cannot see."""
        if self._star:
            return None
        local: set[str] = set()
        for function in enclosing:
            local |= self._defs[function][1] if function in self._defs else set()
        local |= _bound_in(statements)
        unit = self._unit_of(statements, local)
        if unit.unknown:
            return None
        deferred, deferred_globals = self._deferred_code()
        if deferred.unknown:
            return None
        reached: set[cst.FunctionDef] = set()
        pending = [*self._always(), *self._callees(unit), *self._callees(deferred)]
        while pending:
            function = pending.pop()
            if function in reached:
                continue
            reached.add(function)
            inner = self._function_unit(function)
            if inner.unknown:
                return None
            pending.extend(self._callees(inner))
        found: dict[str, int] = {}
        rebinds = any(self._defs[f][2] for f in enclosing if f in self._defs)
        for function in reached:
            summary, own, declares = self._defs[function]
            rebinds = rebinds or declares
            for name, depth in summary.depths.items():
                if name in summary.params or name in own or name in BUILTINS:
                    continue
                if name in self.modules:
                    continue
                if depth > found.get(name, 0):
                    found[name] = depth
        result = {name: public_depth(depth) for name, depth in found.items()}
        for name, depth in deferred_globals.items():
            result[name] = max(result.get(name, 0), depth)
        # The region's own statements: a global they change in place (it is handed to
        # the region as a shared name too, and watched as deep).
        own_globals = [n for n in self._bound if n not in local and n not in self.modules]
        for name, depth in self.effects.depths(statements, own_globals).items():
            result[name] = max(result.get(name, 0), depth)
        if rebinds:
            result["global"] = 1
        return result

    # -- what code calls -----------------------------------------------------------------

    def _callees(self, unit: _Unit) -> list[cst.FunctionDef]:
        found = [self._functions[name] for name in unit.functions]
        for name in unit.methods:
            found.extend(self._methods.get(name, ()))
        return found

    def _function_unit(self, function: cst.FunctionDef) -> _Unit:
        unit = self._units.get(function)
        if unit is None:
            local = set(self._defs[function][1]) | self._outer_locals.get(function, set())
            unit = self._units[function] = self._unit_of(body_of(function), local)
        return unit

    def _unit_of(self, nodes: Sequence[cst.CSTNode], local: set[str]) -> _Unit:
        """What ``nodes`` call (not the bodies of the functions they define, which are
        roots of their own), with ``local`` the names that are not the module's."""
        unit = _Unit()
        reach = self

        class Calls(cst.CSTVisitor):
            def visit_Call(self, node: cst.Call) -> None:
                reach._call(node, local, unit)

            def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
                if node.decorators:
                    unit.unknown = True  # a decorator runs here
                walk(node.params, self)  # its defaults are evaluated here
                return False

            def visit_ClassDef(self, node: cst.ClassDef) -> bool:
                unit.unknown = True  # a class statement (a metaclass, decorators)
                return False

            def visit_Import(self, node: cst.Import) -> bool:
                unit.unknown = True  # an import may run a module's code
                return False

            def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
                unit.unknown = True
                return False

        visitor = Calls()
        for node in nodes:
            walk(node, visitor)
            if unit.unknown:
                break
        return unit

    def _call(self, call: cst.Call, local: set[str], unit: _Unit) -> None:
        func = call.func
        if isinstance(func, cst.Name):
            name = func.value
            if name in local:
                unit.unknown = True  # a function held in a variable
            elif name in self._functions:
                unit.functions.add(name)
            elif name in self._plain_classes:
                pass  # its special methods are always reached
            elif name in self._bound:
                unit.unknown = True  # rebound, decorated, or not a function of its own
            elif name not in READING_FUNCTIONS and name not in _HARMLESS_BUILTINS:
                unit.unknown = True
        elif isinstance(func, cst.Attribute):
            method = func.attr.value
            if self._foreign_based and (
                (method in self._methods and method not in self._overridden)
                or _calls_super(func.value)
            ):
                # An object of a class with a base from elsewhere may run the base's
                # method of that name.
                unit.unknown = True
            elif method in self._methods:
                unit.methods.add(method)
            elif method in CONTAINER_METHODS or method in READING_METHODS:
                pass
            elif not self.effects.reading_module_function(call):
                unit.unknown = True
        else:
            unit.unknown = True  # ``handlers[k](x)``, ``make()(x)``

    def _deferred_code(self) -> tuple[_Unit, dict[str, int]]:
        """What the module's lambdas and generator expressions call and change: code
        made in one place and run in another (``hook = make()`` handing out a lambda
        that a region gives ``sorted``), whichever function made it."""
        if self._deferred is None:
            unit = _Unit()
            changed: dict[str, int] = {}
            candidates = [n for n in self._bound if n not in self.modules]
            for node, local in self._scan.deferred:
                inner = self._unit_of([node], local | _bound_in([node]))
                unit.unknown = unit.unknown or inner.unknown
                unit.functions |= inner.functions
                unit.methods |= inner.methods
                names = [n for n in candidates if n not in local]
                for name, depth in self.effects.depths([node], names).items():
                    changed[name] = max(changed.get(name, 0), depth)
            self._deferred = (unit, changed)
        return self._deferred

    def _always(self) -> list[cst.FunctionDef]:
        """Code Python may run whatever the region names (see the module docstring)."""
        if self._roots is None:
            scan = self._scan
            methods = set(scan.methods)
            foreign = {
                node
                for name in self._foreign_based
                for node in body_of(self._classes[name])
                if isinstance(node, cst.FunctionDef)
            }
            roots = []
            for function in self._defs:
                name = function.name.value
                top_level = self._functions.get(name) is function
                if (
                    (name.startswith("__") and name.endswith("__"))
                    or function.decorators
                    or function.asynchronous is not None
                    or function in scan.generators
                    or (function not in methods and not top_level)  # nested
                    or function in foreign
                    or (top_level and name in scan.values)  # used as a value
                    or (function in methods and name in scan.attributes)
                ):
                    roots.append(function)
            self._roots = roots
        return self._roots


# -- the module's names -------------------------------------------------------------------


class _Scan(cst.CSTVisitor):
    """One walk over the module for all :class:`Reach` needs to know of it: how many
    times each name is bound at the top level (defs, classes, stores, imports, loops,
    ``del``...), the names some function declares ``global`` (which it may rebind),
    the top-level defs, the classes and their methods, the generators, the locals
    around each nested def, every outermost lambda and generator expression with the
    locals where it is, and the names used other than by calling them."""

    def __init__(
        self,
        defs: dict[cst.FunctionDef, tuple[Summary, set[str], bool]],
        contexts: Any,
        parents: dict[cst.CSTNode, cst.CSTNode],
    ) -> None:
        self.defs = defs
        self.contexts = contexts
        self.parents = parents
        self.star = False
        self.counts: dict[str, int] = {}
        self.declared: set[str] = set()
        self.top_level: list[cst.FunctionDef] = []
        self.classes: dict[str, cst.ClassDef] = {}  # a name defined twice: its last
        self.methods: list[cst.FunctionDef] = []
        self.generators: set[cst.FunctionDef] = set()
        self.outer_locals: dict[cst.FunctionDef, set[str]] = {}
        self.deferred: list[tuple[cst.CSTNode, set[str]]] = []
        self.values: set[str] = set()  # names loaded other than to be called
        self.attributes: set[str] = set()  # attributes read other than to be called
        # (kind, node, the locals of the functions around and in it)
        self.scopes: list[tuple[str, cst.CSTNode | None, set[str]]] = [("module", None, set())]
        self.inside_deferred = 0

    def _bind(self, names: Iterable[str]) -> None:
        if self.scopes[-1][0] == "module":
            for name in names:
                self.counts[name] = self.counts.get(name, 0) + 1

    def _called(self, node: cst.CSTNode) -> bool:
        parent = self.parents.get(node)
        return isinstance(parent, cst.Call) and parent.func is node

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        kind, _, around = self.scopes[-1]
        if kind == "module":
            self._bind([node.name.value])
            self.top_level.append(node)
        elif kind == "class":
            self.methods.append(node)
        self.outer_locals[node] = set(around)
        own = self.defs[node][1] if node in self.defs else set()
        self.scopes.append(("def", node, around | own))

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self.scopes.pop()

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self._bind([node.name.value])
        self.classes[node.name.value] = node
        self.scopes.append(("class", node, self.scopes[-1][2]))

    def leave_ClassDef(self, original_node: cst.ClassDef) -> None:
        self.scopes.pop()

    def visit_Lambda(self, node: cst.Lambda) -> None:
        self._deferred(node)
        self.scopes.append(("lambda", node, self.scopes[-1][2]))

    def leave_Lambda(self, original_node: cst.Lambda) -> None:
        self.scopes.pop()
        self.inside_deferred -= 1

    def visit_GeneratorExp(self, node: cst.GeneratorExp) -> None:
        self._deferred(node)

    def leave_GeneratorExp(self, original_node: cst.GeneratorExp) -> None:
        self.inside_deferred -= 1

    def _deferred(self, node: cst.CSTNode) -> None:
        if not self.inside_deferred:
            self.deferred.append((node, self.scopes[-1][2]))
        self.inside_deferred += 1

    def visit_Yield(self, node: cst.Yield) -> None:
        self._generator()

    def visit_Await(self, node: cst.Await) -> None:
        self._generator()

    def _generator(self) -> None:
        kind, function, _ = self.scopes[-1]
        if kind == "def" and isinstance(function, cst.FunctionDef):
            self.generators.add(function)

    def visit_ImportStar(self, node: cst.ImportStar) -> None:
        self.star = True

    def visit_Global(self, node: cst.Global) -> None:
        self.declared.update(item.name.value for item in node.names)

    def visit_Name(self, node: cst.Name) -> None:
        if self.contexts.get(node) == ExpressionContext.LOAD and not self._called(node):
            self.values.add(node.value)

    def visit_Attribute(self, node: cst.Attribute) -> None:
        if not self._called(node):
            self.attributes.add(node.attr.value)

    def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
        self._bind(_target_roots(node.target))

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        self._bind(_target_roots(node.target))

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self._bind(_target_roots(node.target))

    def visit_For(self, node: cst.For) -> None:
        self._bind(_target_roots(node.target))

    def visit_CompFor(self, node: cst.CompFor) -> None:
        self._bind(_target_roots(node.target))  # (its own scope: counted, to be safe)

    def visit_AsName(self, node: cst.AsName) -> None:
        self._bind(_target_roots(node.name))

    def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
        self._bind(_target_roots(node.target))

    def visit_Del(self, node: cst.Del) -> None:
        self._bind(_target_roots(node.target))

    def visit_ImportAlias(self, node: cst.ImportAlias) -> None:
        name: cst.BaseExpression = node.name
        while isinstance(name, cst.Attribute):
            name = name.value
        if node.asname is None and isinstance(name, cst.Name):
            self._bind([name.value])


def _target_roots(target: cst.BaseExpression) -> list[str]:
    """The names a target binds (``a``, ``a, (b, *c)``); none for ``a[i]``, ``a.x``."""
    if isinstance(target, cst.Name):
        return [target.value]
    if isinstance(target, (cst.Tuple, cst.List)):
        return [n for element in target.elements for n in _target_roots(element.value)]
    if isinstance(target, cst.StarredElement):
        return _target_roots(target.value)
    return []


def _plain_class(node: cst.ClassDef) -> bool:
    """A class whose call runs only its own (and its bases') special methods: no
    metaclass or class keyword, no decorator but ``dataclass``."""
    if node.keywords:
        return False
    for decorator in node.decorators:
        expression = decorator.decorator
        if isinstance(expression, cst.Call):
            expression = expression.func
        if isinstance(expression, cst.Attribute):
            expression = expression.attr
        if not (isinstance(expression, cst.Name) and expression.value == "dataclass"):
            return False
    return True


def _foreign_based(classes: dict[str, cst.ClassDef], bound: set[str]) -> set[str]:
    """The classes with a base from outside the module (not a builtin type), directly
    or through a class of the module: the base's code may call any of their
    methods."""
    foreign: set[str] = set()
    changed = True
    while changed:
        changed = False
        for name, node in classes.items():
            if name in foreign:
                continue
            for base in node.bases:
                value = base.value
                if isinstance(value, cst.Name) and value.value in classes:
                    if value.value in foreign:
                        foreign.add(name)
                        changed = True
                        break
                    continue
                if isinstance(value, cst.Name) and value.value in BUILTINS and (
                    value.value not in bound
                ):
                    continue
                foreign.add(name)
                changed = True
                break
    return foreign


def _bound_in(nodes: Sequence[cst.CSTNode]) -> set[str]:
    """Every name the statements bind, in their nested scopes too (to be safe: a name
    bound anywhere in a region is not taken for the module's)."""
    bound: set[str] = set()

    class Binder(cst.CSTVisitor):
        def visit_Name(self, node: cst.Name) -> None:
            pass

        def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
            bound.update(_target_roots(node.target))

        def visit_AugAssign(self, node: cst.AugAssign) -> None:
            bound.update(_target_roots(node.target))

        def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
            bound.update(_target_roots(node.target))

        def visit_For(self, node: cst.For) -> None:
            bound.update(_target_roots(node.target))

        def visit_CompFor(self, node: cst.CompFor) -> None:
            bound.update(_target_roots(node.target))

        def visit_AsName(self, node: cst.AsName) -> None:
            bound.update(_target_roots(node.name))

        def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
            bound.update(_target_roots(node.target))

        def visit_Param(self, node: cst.Param) -> None:
            bound.add(node.name.value)

        def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
            bound.add(node.name.value)

        def visit_ClassDef(self, node: cst.ClassDef) -> None:
            bound.add(node.name.value)

        def visit_ImportAlias(self, node: cst.ImportAlias) -> None:
            name: cst.BaseExpression = node.name
            while isinstance(name, cst.Attribute):
                name = name.value
            if isinstance(name, cst.Name):
                bound.add(name.value)

    for node in nodes:
        walk(node, Binder())
    return bound


def _calls_super(value: cst.BaseExpression) -> bool:
    """``super()`` (or ``super(C, self)``): the method is looked up past the class."""
    return (
        isinstance(value, cst.Call)
        and isinstance(value.func, cst.Name)
        and value.func.value == "super"
    )
