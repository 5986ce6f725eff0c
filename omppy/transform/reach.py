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

import libcst as cst

from .effects import Effects, public_depth
from .known_calls import BUILTINS, CONTAINER_METHODS, READING_FUNCTIONS, READING_METHODS
from .names import root_name
from .reach_names import Scan, bound_in, foreign_based, plain_class
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
        scan = self._scan = Scan(self._defs, effects.contexts, effects.parents)
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
        self._foreign_based = foreign_based(self._classes, self._bound)
        self._plain_classes = {
            name
            for name, node in self._classes.items()
            if counts.get(name) == 1
            and name not in declared
            and name not in self._foreign_based
            and plain_class(node)
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
        local |= bound_in(statements)
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
            elif self.effects.calls_elsewhere(call) and root_name(func) not in local:
                unit.unknown = True  # ``deep.put(k, v)``: another module's function
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
                inner = self._unit_of([node], local | bound_in([node]))
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


def _calls_super(value: cst.BaseExpression) -> bool:
    """``super()`` (or ``super(C, self)``): the method is looked up past the class."""
    return (
        isinstance(value, cst.Call)
        and isinstance(value.func, cst.Name)
        and value.func.value == "super"
    )
