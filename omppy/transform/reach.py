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
        self._star = _has_star_import(module)
        counts, declared = _module_bindings(module)
        self._classes = _class_defs(module)
        # Functions and classes a name surely means wherever the module's code calls it.
        self._functions: dict[str, cst.FunctionDef] = {}
        for statement in _top_level_defs(module):
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
        # Every def of the module: its summary, locals, whether it declares globals,
        # and the locals of the functions around it.
        self._defs: dict[cst.FunctionDef, tuple[Summary, set[str], bool]] = {
            function: (summary, local, rebinds)
            for function, summary, local, rebinds in effects.definitions
        }
        self._outer_locals = _outer_locals(module, self._defs)
        self._methods: dict[str, list[cst.FunctionDef]] = {}
        for node in _methods(module):
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
            nodes = _deferred_nodes(self.effects.module, self._defs, self._outer_locals)
            for node, local in nodes:
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
            escaped_functions, escaped_methods = _escaped(
                self.effects, self._functions, self._methods
            )
            methods = {node for nodes in self._methods.values() for node in nodes}
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
                    or _is_generator(function)
                    or (function not in methods and not top_level)  # nested
                    or function in foreign
                    or (top_level and name in escaped_functions)
                    or (function in methods and name in escaped_methods)
                ):
                    roots.append(function)
            self._roots = roots
        return self._roots


# -- the module's names -------------------------------------------------------------------


def _has_star_import(module: cst.Module) -> bool:
    found: list[bool] = []

    class Stars(cst.CSTVisitor):
        def visit_ImportStar(self, node: cst.ImportStar) -> None:
            found.append(True)

    walk(module, Stars())
    return bool(found)


def _module_bindings(module: cst.Module) -> tuple[dict[str, int], set[str]]:
    """How many times each name is bound at the module's top level (defs, classes,
    stores, imports, loops, ``del``...), and the names some function declares
    ``global`` (which it may rebind)."""
    counts: dict[str, int] = {}
    declared: set[str] = set()

    def bind(names: Iterable[str]) -> None:
        for name in names:
            counts[name] = counts.get(name, 0) + 1

    class Binder(cst.CSTVisitor):
        def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
            bind([node.name.value])
            walk(node, Globals())
            return False

        def visit_ClassDef(self, node: cst.ClassDef) -> bool:
            bind([node.name.value])
            walk(node, Globals())
            return False

        def visit_Lambda(self, node: cst.Lambda) -> bool:
            return False

        def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
            bind(_target_roots(node.target))

        def visit_AugAssign(self, node: cst.AugAssign) -> None:
            bind(_target_roots(node.target))

        def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
            bind(_target_roots(node.target))

        def visit_For(self, node: cst.For) -> None:
            bind(_target_roots(node.target))

        def visit_CompFor(self, node: cst.CompFor) -> None:
            bind(_target_roots(node.target))  # (its own scope: counted, to be safe)

        def visit_AsName(self, node: cst.AsName) -> None:
            bind(_target_roots(node.name))

        def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
            bind(_target_roots(node.target))

        def visit_Del(self, node: cst.Del) -> None:
            bind(_target_roots(node.target))

        def visit_ImportAlias(self, node: cst.ImportAlias) -> None:
            name: cst.BaseExpression = node.name
            while isinstance(name, cst.Attribute):
                name = name.value
            if node.asname is None and isinstance(name, cst.Name):
                bind([name.value])

    class Globals(cst.CSTVisitor):
        def visit_Global(self, node: cst.Global) -> None:
            declared.update(item.name.value for item in node.names)

    walk(module, Binder())
    return counts, declared


def _target_roots(target: cst.BaseExpression) -> list[str]:
    """The names a target binds (``a``, ``a, (b, *c)``); none for ``a[i]``, ``a.x``."""
    if isinstance(target, cst.Name):
        return [target.value]
    if isinstance(target, (cst.Tuple, cst.List)):
        return [n for element in target.elements for n in _target_roots(element.value)]
    if isinstance(target, cst.StarredElement):
        return _target_roots(target.value)
    return []


def _top_level_defs(module: cst.Module) -> list[cst.FunctionDef]:
    """The defs of the module's top level (in ``if`` and ``try`` blocks too)."""
    found: list[cst.FunctionDef] = []

    class Defs(cst.CSTVisitor):
        def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
            found.append(node)
            return False

        def visit_ClassDef(self, node: cst.ClassDef) -> bool:
            return False

        def visit_Lambda(self, node: cst.Lambda) -> bool:
            return False

    walk(module, Defs())
    return found


def _class_defs(module: cst.Module) -> dict[str, cst.ClassDef]:
    """Every class of the module by name (at any depth; a name defined twice keeps
    its last class, and is not a plain class: see ``_module_bindings``)."""
    found: dict[str, cst.ClassDef] = {}

    class Classes(cst.CSTVisitor):
        def visit_ClassDef(self, node: cst.ClassDef) -> None:
            found[node.name.value] = node

    walk(module, Classes())
    return found


def _methods(module: cst.Module) -> list[cst.FunctionDef]:
    """Every def directly in a class body (in its ``if`` blocks too)."""
    found: list[cst.FunctionDef] = []
    for cls in _class_defs_all(module):
        pending: list[cst.CSTNode] = list(body_of(cls))
        while pending:
            statement = pending.pop()
            if isinstance(statement, cst.FunctionDef):
                found.append(statement)
            elif isinstance(statement, (cst.If, cst.Try, cst.With)):
                pending.extend(_statements_in(statement))
    return found


def _class_defs_all(module: cst.Module) -> list[cst.ClassDef]:
    found: list[cst.ClassDef] = []

    class Classes(cst.CSTVisitor):
        def visit_ClassDef(self, node: cst.ClassDef) -> None:
            found.append(node)

    walk(module, Classes())
    return found


def _statements_in(statement: cst.CSTNode) -> list[cst.CSTNode]:
    found: list[cst.CSTNode] = []

    class Blocks(cst.CSTVisitor):
        def visit_IndentedBlock(self, node: cst.IndentedBlock) -> bool:
            found.extend(node.body)
            return False

    walk(statement, Blocks())
    return found


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


def _outer_locals(
    module: cst.Module, defs: dict[cst.FunctionDef, tuple[Summary, set[str], bool]]
) -> dict[cst.FunctionDef, set[str]]:
    """For each nested def, the locals of the functions around it."""
    found: dict[cst.FunctionDef, set[str]] = {}

    def visit(body: Iterable[cst.CSTNode], outer: set[str]) -> None:
        for statement in body:
            for node in _defs_in(statement):
                if isinstance(node, cst.FunctionDef):
                    found[node] = set(outer)
                    inner = outer | (defs[node][1] if node in defs else set())
                    visit(body_of(node), inner)
                else:
                    visit(body_of(node), outer)  # a class body's names are not seen

    visit(module.body, set())
    return found


def _defs_in(statement: cst.CSTNode) -> list[cst.FunctionDef | cst.ClassDef]:
    """The defs and classes in a statement, not inside them."""
    found: list[cst.FunctionDef | cst.ClassDef] = []

    class Defs(cst.CSTVisitor):
        def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
            found.append(node)
            return False

        def visit_ClassDef(self, node: cst.ClassDef) -> bool:
            found.append(node)
            return False

    walk(statement, Defs())
    return found


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


def _deferred_nodes(
    module: cst.Module,
    defs: dict[cst.FunctionDef, tuple[Summary, set[str], bool]],
    outer_locals: dict[cst.FunctionDef, set[str]],
) -> list[tuple[cst.CSTNode, set[str]]]:
    """Every outermost lambda and generator expression of the module, with the names
    local where it is (the function around it, and the functions around that)."""
    found: list[tuple[cst.CSTNode, set[str]]] = []
    stack: list[set[str]] = [set()]

    class Deferred(cst.CSTVisitor):
        def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
            own = defs[node][1] if node in defs else set()
            stack.append(own | outer_locals.get(node, set()))

        def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
            stack.pop()

        def visit_Lambda(self, node: cst.Lambda) -> bool:
            found.append((node, stack[-1]))
            return False

        def visit_GeneratorExp(self, node: cst.GeneratorExp) -> bool:
            found.append((node, stack[-1]))
            return False

    walk(module, Deferred())
    return found


def _is_generator(function: cst.FunctionDef) -> bool:
    """Whether the function's own body yields (not a nested def's or lambda's)."""
    found: list[bool] = []

    class Yields(cst.CSTVisitor):
        def visit_Yield(self, node: cst.Yield) -> None:
            found.append(True)

        def visit_Await(self, node: cst.Await) -> None:
            found.append(True)

        def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
            return node is function

        def visit_Lambda(self, node: cst.Lambda) -> bool:
            return False

    walk(function, Yields())
    return bool(found)


def _escaped(
    effects: Effects,
    functions: dict[str, cst.FunctionDef],
    methods: dict[str, list[cst.FunctionDef]],
) -> tuple[set[str], set[str]]:
    """The module's functions and method names used other than by calling them
    (``sorted(xs, key=score)``, ``callbacks.append(self.on_item)``): whatever holds
    them may call them."""
    function_names: set[str] = set()
    method_names: set[str] = set()
    contexts = effects.contexts
    parents = effects.parents

    class Uses(cst.CSTVisitor):
        def visit_Name(self, node: cst.Name) -> None:
            if node.value not in functions or contexts.get(node) != ExpressionContext.LOAD:
                return
            parent = parents.get(node)
            if not (isinstance(parent, cst.Call) and parent.func is node):
                function_names.add(node.value)

        def visit_Attribute(self, node: cst.Attribute) -> None:
            if node.attr.value not in methods:
                return
            parent = parents.get(node)
            if not (isinstance(parent, cst.Call) and parent.func is node):
                method_names.add(node.attr.value)

    walk(effects.module, Uses())
    return function_names, method_names
