"""Data-sharing analysis: which names a construct binds, reads, and mutates.

docs/data-sharing.md turns OpenMP's "declared inside is private" into rules about *binding*:
a name bound in the construct is private unless a clause or a synchronisation
construct says otherwise; a name only read is shared.  This module collects the
facts those rules need from the original syntax tree of a construct's statements;
``sharing.py`` applies the rules.

Nested scopes (``def``, ``lambda``, ``class``, comprehensions) do not bind in the
construct (except their own name, and ``:=`` in a comprehension); the names they
read from outside count as reads of the construct.

A task nested in the construct (``task``, ``taskloop``) is a scope of its own too:
its statements become a function (docs/pragmas.md, "Tasks"), so a name it binds is
its own, except a name in its ``shared`` clause, which the task hands back to the
construct (``Usage.task_shared``).  What a task reads and does not bind counts as
read by the construct (the task captures the value when it is created).

One idea: the facts about names in a construct's statements (one visitor,
``_Collector``, and the tables of calls it knows), no decision about them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

import libcst as cst
from libcst.metadata import (
    CodeRange,
    ExpressionContext,
    MetadataWrapper,
)

from . import atomic_forms
from .known_calls import MUTATING_METHODS
from .metadata import Contexts, Parents, Positions
from .model import Construct, Usage
from .names import bindings, import_binding, root_name, target_names
from .pragma import SYNC_DIRECTIVES, TASK_DIRECTIVES, WORKSHARING_DIRECTIVES
from .walk import OwnScope, walk

# Uses of an array that never write it (for deciding which arrays need no staging).
READ_ONLY_ATTRIBUTES = frozenset({"shape", "dtype", "size", "ndim", "itemsize", "nbytes"})
PURE_BUILTINS = frozenset(
    {
        "float",
        "int",
        "abs",
        "len",
        "round",
        "bool",
        "str",
        "complex",
        "repr",
        "print",
        "min",
        "max",
        "sum",
        "hash",
        "format",
    }
)


_EMPTY_MODULE = cst.Module(body=[])


def is_item_method_call(node: cst.BaseExpression) -> bool:
    """Whether ``node`` calls a method of an item: ``a[i].m()``, ``a[i].b.m()``.

    Receivers reached by attributes alone (``np.random.seed()``, ``self.log.info()``)
    are left alone: they are mostly modules and services, not data.
    """
    if not isinstance(node, cst.Call) or not isinstance(node.func, cst.Attribute):
        return False
    receiver = node.func.value
    while isinstance(receiver, (cst.Attribute, cst.Subscript)):
        if isinstance(receiver, cst.Subscript):
            return True
        receiver = receiver.value
    return False


class _Collector(cst.CSTVisitor):
    METADATA_DEPENDENCIES = (Positions, Contexts, Parents)

    def __init__(
        self,
        usage: Usage,
        covers: Mapping[cst.CSTNode, list[Construct]],
        is_loop: bool,
        owner: Construct | None = None,
        skip: tuple[Construct, ...] = (),
    ) -> None:
        super().__init__()
        self.usage = usage
        self.covers = covers
        self.owner = owner  # the construct analysed (not a task nested in itself)
        # Tasks stacked on the analysed construct's statement (``# omp task`` over
        # ``# omp atomic``): around it, not in it.
        self.skip = skip
        # The tasks nested in the construct around the current node, innermost last:
        # the names each shares (None: default(shared), all of them), and how many
        # synchronisation constructs were around it.
        self.tasks: list[tuple[frozenset[str] | None, int]] = []
        self.task_locals: list[set[str]] = []  # the names each of them binds
        self._own_names: dict[Construct, set[str]] = {}
        self.sync_depth = 0
        # Per synchronisation block entered: the names it has bound other than by an
        # update so far (``i, j = n, m`` then ``i -= 1`` updates the block's own value).
        self.block_bound: list[set[str]] = []
        self.loop_depth = 0
        self.scope_depth = 0  # inside a nested def/lambda/class/comprehension
        self.entered: list[list[Construct]] = []
        self.atomic_private: list[frozenset[str]] = []  # per atomic entered: its 'v' names
        # Per inner work-sharing construct entered: its reduction names, each thread's
        # own there (``s.append(x)`` under ``for reduction(+:s)`` changes its own list).
        self.reduced: list[frozenset[str]] = []
        self.is_loop = is_loop
        self.augmented_targets: set[cst.CSTNode] = set()
        self.wrapped: set[cst.CSTNode] = set()  # names used as ``x[...]`` or ``x.attr``
        # The ``key`` of ``f(key=v)``, which libcst's expression contexts call a load.
        self.keywords: set[cst.CSTNode] = set()
        self.lock_depth = 0  # inside ``with lock:`` (a name or attribute naming a lock)
        self.sections: list[Construct] = []  # the ``section`` constructs around the node
        self.section_numbers: dict[Construct, int] = {}

    def _where(self, node: cst.CSTNode) -> CodeRange:
        return self.get_metadata(Positions, node)

    def _context(self, node: cst.CSTNode) -> ExpressionContext | None:
        return self.get_metadata(Contexts, node, None)

    def _parent(self, node: cst.CSTNode) -> cst.CSTNode | None:
        return self.get_metadata(Parents, node, None)

    # -- constructs nested in this one --------------------------------------------

    def on_visit(self, node: cst.CSTNode) -> bool:
        constructs = self.covers.get(node, []) if isinstance(node, cst.BaseStatement) else []
        self.entered.append(constructs)
        for construct in constructs:
            if construct is self.owner or construct in self.skip:
                continue
            if construct.directive in SYNC_DIRECTIVES:
                self.sync_depth += 1
                self.block_bound.append(set())
            if construct.directive == "section":
                self.section_numbers.setdefault(construct, len(self.section_numbers))
                self.sections.append(construct)
            if construct.directive == "atomic":
                # 'v = x' under atomic read or capture: v is the thread's own.
                self.atomic_private.append(atomic_forms.private_targets(construct))
            if construct.directive in TASK_DIRECTIVES or construct.directive == "taskgroup":
                self._enter_task(construct, node)
            if construct.directive in WORKSHARING_DIRECTIVES:
                pragma = construct.pragma
                # (``single`` takes neither reduction nor lastprivate.)
                self.usage.inner_outputs.update(pragma.names_in("reduction"))
                self.usage.inner_outputs.update(pragma.names_in("lastprivate"))
                self.usage.inner_outputs.update(pragma.names_in("linear"))
                self.usage.inner_private.update(pragma.names_in("private"))
                self.usage.inner_private.update(pragma.names_in("firstprivate"))
                self.usage.inner_firstprivate.update(pragma.names_in("firstprivate"))
                self.usage.inner_private.update(pragma.names_in("copyprivate"))
                self.usage.inner_copyprivate.update(pragma.names_in("copyprivate"))
                self.reduced.append(frozenset(pragma.names_in("reduction")))
        return super().on_visit(node)

    def on_leave(self, original_node: cst.CSTNode) -> None:
        super().on_leave(original_node)
        for construct in self.entered.pop():
            if construct is self.owner or construct in self.skip:
                continue
            if construct.directive in SYNC_DIRECTIVES:
                self.sync_depth -= 1
                self.block_bound.pop()
            if construct.directive == "section":
                self.sections.pop()
            if construct.directive == "atomic":
                self.atomic_private.pop()
            if construct.directive in TASK_DIRECTIVES:
                self.tasks.pop()
                self.task_locals.pop()
            if construct.directive in WORKSHARING_DIRECTIVES:
                self.reduced.pop()

    def _enter_task(self, construct: Construct, node: cst.CSTNode) -> None:
        """``node``, a statement of a nested task, taskloop or taskgroup: at its first,
        the names the construct binds where it stands (reduction and lastprivate
        results); for a task, its own scope (see the module docstring)."""
        pragma = construct.pragma
        if node is construct.statements()[0]:
            for clause in ("reduction", "lastprivate", "task_reduction"):
                for name in pragma.names_in(clause):
                    self._bind(name, node)
        if construct.directive in TASK_DIRECTIVES:
            default = pragma.clause("default")
            everything = default is not None and default.kind == "shared"
            shared = None if everything else frozenset(pragma.names_in("shared"))
            self.tasks.append((shared, self.sync_depth))
            own = self._own_names.get(construct)
            if own is None:
                own = bindings(construct.statements()) | set(pragma.names_in("private"))
                own = self._own_names[construct] = set() if shared is None else own - shared
            self.task_locals.append(own)

    # -- names --------------------------------------------------------------------

    def _bind(self, name: str, node: cst.CSTNode, augmented: bool = False) -> None:
        if name.startswith("_omp"):
            return
        if self.tasks:
            if self.sync_depth > self.tasks[-1][1]:
                # Bound in a critical (or atomic...) inside the task: that block
                # publishes it, so it is shared (as OpenMP's task default makes a
                # name shared in the enclosing context), but not bound here.
                self.usage.task_shared.add(name)
            elif all(shared is None or name in shared for shared, _ in self.tasks):
                self.usage.task_shared.add(name)  # handed back by the task
            return  # a task's own name
        self.usage.bound.setdefault(name, self._where(node))
        if not augmented:
            self.usage.plain_bound.add(name)
        if self.sync_depth and not (self.atomic_private and name in self.atomic_private[-1]):
            self.usage.sync_bound.add(name)
            self.usage.sync_bound_at.setdefault(name, self._where(node))
            if not augmented:
                self.block_bound[-1].add(name)
            elif not any(name in names for names in self.block_bound):
                self.usage.sync_augmented.add(name)
        elif not self.sync_depth:
            self.usage.unsynced_bound_at.setdefault(name, self._where(node))

    def visit_Arg(self, node: cst.Arg) -> None:
        if node.keyword is not None:
            self.keywords.add(node.keyword)

    def visit_Name(self, node: cst.Name) -> None:
        context = self._context(node)
        if self.scope_depth or node in self.keywords:
            return  # nested scopes are handled by _FreeNames; ``f(key=...)`` reads no key
        if context in (ExpressionContext.STORE, ExpressionContext.DEL):
            self._bind(node.value, node, augmented=node in self.augmented_targets)
            if context == ExpressionContext.DEL:
                self.usage.deleted.add(node.value)
        elif context == ExpressionContext.LOAD and not node.value.startswith("_omp"):
            if any(node.value in own for own in self.task_locals):
                return  # a name of the task's own (its loop variable, say)
            self.usage.read.setdefault(node.value, self._where(node))
            if node not in self.wrapped:
                self.usage.bare.add(node.value)

    def visit_Subscript(self, node: cst.Subscript) -> None:
        # ``a[i]`` only counts as a read when its value is used up at once (in
        # arithmetic, a comparison...): a view kept or passed on may be written.
        if self._consumed(node):
            self.wrapped.add(node.value)

    def visit_Attribute(self, node: cst.Attribute) -> None:
        if node.attr.value in READ_ONLY_ATTRIBUTES or not isinstance(node.value, cst.Name):
            self.wrapped.add(node.value)

    def _consumed(self, node: cst.CSTNode) -> bool:
        parent = self._parent(node)
        if isinstance(
            parent,
            (
                cst.BinaryOperation,
                cst.UnaryOperation,
                cst.BooleanOperation,
                cst.Comparison,
                cst.ComparisonTarget,
                cst.IfExp,
            ),
        ):
            return not (isinstance(parent, cst.IfExp) and parent.test is not node)
        if isinstance(parent, cst.Attribute):
            return parent.attr.value in READ_ONLY_ATTRIBUTES
        if isinstance(parent, cst.Arg):
            call = self._parent(parent)
            return (
                isinstance(call, cst.Call)
                and isinstance(call.func, cst.Name)
                and call.func.value in PURE_BUILTINS
            )
        if isinstance(parent, cst.AugAssign):
            return parent.value is node
        if isinstance(parent, cst.Assign) and parent.value is node:
            # Copied into an item of another object: ``out[i] = data[i]``.
            return all(isinstance(t.target, cst.Subscript) for t in parent.targets)
        return isinstance(parent, cst.Subscript) and node is not parent.value

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        self.augmented_targets.add(node.target)
        if self.tasks:
            return  # the task checks its own (tasking.py)
        if isinstance(node.target, cst.Name) and not self.sync_depth and not self.scope_depth:
            op = node.operator.__class__.__name__
            self.usage.augmented.setdefault(node.target.value, (self._where(node), op))
        elif not isinstance(node.target, cst.Name):
            self._store_root(node.target)
            root = root_name(node.target)
            if root is not None and not (self.sync_depth or self.scope_depth or self.lock_depth):
                keys = frozenset(_key_names(node.target))
                text = _EMPTY_MODULE.code_for_node(node.target)
                self.usage.item_updates.append((root, self._where(node), keys, text))

    def visit_Assign(self, node: cst.Assign) -> None:
        for target in node.targets:
            self._store_targets(target.target)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self._store_targets(node.target)

    def visit_Del(self, node: cst.Del) -> None:
        self._store_targets(node.target)

    def _store_targets(self, target: cst.BaseExpression) -> None:
        if isinstance(target, (cst.Tuple, cst.List)):
            for element in target.elements:
                self._store_targets(element.value)
        elif isinstance(target, cst.StarredElement):
            self._store_targets(target.value)
        elif isinstance(target, (cst.Attribute, cst.Subscript)):
            self._store_root(target)

    def _store_root(self, target: cst.BaseExpression) -> None:
        if self.scope_depth:
            return
        root = root_name(target)
        if root is not None:
            if self.sync_depth:
                self.usage.sync_mutated.add(root)
            else:
                self.usage.stored_roots.add(root)

    def visit_Expr(self, node: cst.Expr) -> None:
        # A method called for its effect on an item of an object (``rows[i].sort()``,
        # ``particles[i].move(dt)``): the item's new state is carried back like a
        # store (see ``Rewriter._method_call``).  The listed methods are checked apart.
        call = node.value
        if self.scope_depth or not is_item_method_call(call):
            return
        assert isinstance(call, cst.Call) and isinstance(call.func, cst.Attribute)
        if call.func.attr.value in MUTATING_METHODS:
            return
        root = root_name(call.func.value)
        if root is None:
            return
        if self.sync_depth:
            self.usage.sync_mutated.add(root)
        else:
            self.usage.stored_roots.add(root)

    def visit_With(self, node: cst.With) -> None:
        if any(_names_a_lock(item.item) for item in node.items):
            self.lock_depth += 1

    def leave_With(self, original_node: cst.With) -> None:
        if any(_names_a_lock(item.item) for item in original_node.items):
            self.lock_depth -= 1

    def visit_Call(self, node: cst.Call) -> None:
        if isinstance(node.func, cst.Name) and node.func.value in _LOCK_ROUTINES:
            self.usage.sets_locks = True
        if isinstance(node.func, cst.Name) and node.func.value == "super" and not node.args:
            if not self.scope_depth:
                self.usage.zero_arg_super.append(node)
            return
        if self.scope_depth or not isinstance(node.func, cst.Attribute):
            return
        method = node.func.attr.value
        root = root_name(node.func.value)
        if root is None or method not in MUTATING_METHODS:
            return
        if any(root in names for names in self.reduced):
            return  # the thread's own copy of an inner construct's reduction variable
        if self.sync_depth:
            self.usage.sync_mutated.add(root)
        else:
            receiver = _EMPTY_MODULE.code_for_node(node.func.value)
            if self.lock_depth:
                self.usage.lock_guarded.add(len(self.usage.mutations))
            if self.sections:
                number = self.section_numbers[self.sections[-1]]
                self.usage.in_section[len(self.usage.mutations)] = number
            self.usage.mutations.append((root, method, self._where(node), receiver))

    def _import_names(
        self, names: Sequence[cst.ImportAlias] | cst.ImportStar, node: cst.CSTNode
    ) -> None:
        if isinstance(names, cst.ImportStar):
            self.usage.unsupported.append(("'import *'", self._where(node)))
            return
        for alias in names:
            name = import_binding(alias)
            if name is not None:
                self._bind(name, alias)

    def visit_Import(self, node: cst.Import) -> bool:
        if not self.scope_depth:
            self._import_names(node.names, node)
        return False

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        if not self.scope_depth:
            self._import_names(node.names, node)
        return False  # the module path is not a read

    # -- nested scopes ------------------------------------------------------------

    def _nested(self, node: cst.CSTNode, own_name: cst.Name | None) -> None:
        if own_name is not None and not self.scope_depth:
            self._bind(own_name.value, own_name)
        if not self.scope_depth:
            for name in free_names(node, self._context):
                if not name.startswith("_omp"):
                    self.usage.read.setdefault(name, self._where(node))
        self.scope_depth += 1

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._nested(node, node.name)

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self.scope_depth -= 1

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self._nested(node, node.name)

    def leave_ClassDef(self, original_node: cst.ClassDef) -> None:
        self.scope_depth -= 1

    def visit_Lambda(self, node: cst.Lambda) -> None:
        self._nested(node, None)

    def leave_Lambda(self, original_node: cst.Lambda) -> None:
        self.scope_depth -= 1

    def _comprehension(self, node: cst.CSTNode) -> None:
        if not self.scope_depth:
            for walrus in _walrus_targets(node):
                self._bind(walrus.value, walrus)
        self._nested(node, None)

    def _leave_comprehension(self, original_node: cst.CSTNode) -> None:
        self.scope_depth -= 1

    visit_ListComp = visit_SetComp = visit_DictComp = visit_GeneratorExp = _comprehension
    leave_ListComp = leave_SetComp = leave_DictComp = leave_GeneratorExp = _leave_comprehension

    # -- control flow -------------------------------------------------------------

    def visit_For(self, node: cst.For) -> None:
        self.loop_depth += 1

    def leave_For(self, original_node: cst.For) -> None:
        self.loop_depth -= 1

    def visit_While(self, node: cst.While) -> None:
        self.loop_depth += 1

    def leave_While(self, original_node: cst.While) -> None:
        self.loop_depth -= 1

    def visit_Break(self, node: cst.Break) -> None:
        if not self.loop_depth and not self.scope_depth:
            self.usage.escapes.append(("break", self._where(node)))

    def visit_Continue(self, node: cst.Continue) -> None:
        if not self.loop_depth and not self.scope_depth and not self.is_loop:
            self.usage.escapes.append(("continue", self._where(node)))

    def visit_Return(self, node: cst.Return) -> None:
        if not self.scope_depth:
            self.usage.escapes.append(("return", self._where(node)))

    def visit_Yield(self, node: cst.Yield) -> None:
        if not self.scope_depth:
            self.usage.escapes.append(("yield", self._where(node)))

    def visit_Await(self, node: cst.Await) -> None:
        if not self.scope_depth:
            self.usage.escapes.append(("await", self._where(node)))

    def _handler(self, node: cst.ExceptHandler | cst.ExceptStarHandler) -> None:
        # ``except E as e`` deletes ``e`` when the handler ends.
        if not self.scope_depth and node.name is not None:
            self.usage.deleted.update(target_names(node.name.name))

    visit_ExceptHandler = visit_ExceptStarHandler = _handler

    def visit_Global(self, node: cst.Global) -> None:
        if not self.scope_depth:
            self.usage.unsupported.append(("a 'global' statement", self._where(node)))

    def visit_Nonlocal(self, node: cst.Nonlocal) -> None:
        if not self.scope_depth:
            self.usage.unsupported.append(("a 'nonlocal' statement", self._where(node)))


def _key_names(target: cst.BaseExpression) -> set[str]:
    """The names used in the subscripts of ``target`` (``grid[i][j + 1].x``: i, j)."""
    names: set[str] = set()

    class Names(cst.CSTVisitor):
        def visit_Name(self, node: cst.Name) -> None:
            names.add(node.value)

    node = target
    while isinstance(node, (cst.Subscript, cst.Attribute)):
        if isinstance(node, cst.Subscript):
            for element in node.slice:
                walk(element, Names())
        node = node.value
    return names


def _walrus_targets(node: cst.CSTNode) -> list[cst.Name]:
    found: list[cst.Name] = []

    class Walrus(OwnScope, cst.CSTVisitor):
        def visit_NamedExpr(self, expr: cst.NamedExpr) -> None:
            if isinstance(expr.target, cst.Name):
                found.append(expr.target)

    walk(node, Walrus())
    return found


def free_names(
    node: cst.CSTNode, context_of: Callable[[cst.CSTNode], ExpressionContext | None]
) -> set[str]:
    """Names a nested scope reads that it does not bind itself (an approximation)."""
    loads: set[str] = set()
    stores: set[str] = set()

    keywords: set[cst.CSTNode] = set()

    class Names(cst.CSTVisitor):
        def visit_Arg(self, arg: cst.Arg) -> None:
            if arg.keyword is not None:
                keywords.add(arg.keyword)  # ``f(key=v)`` reads no ``key``

        def visit_Name(self, name: cst.Name) -> None:
            context = context_of(name)
            if name in keywords:
                return
            if context == ExpressionContext.LOAD:
                loads.add(name.value)
            elif context in (ExpressionContext.STORE, ExpressionContext.DEL):
                stores.add(name.value)

        def visit_Param(self, param: cst.Param) -> None:
            stores.add(param.name.value)

    body: Iterable[cst.CSTNode]
    if isinstance(node, cst.FunctionDef):
        # Decorators, defaults and annotations are evaluated where the def is.
        body = [node.body, node.params]
        for decorator in node.decorators:
            walk(decorator, Names())
    elif isinstance(node, cst.ClassDef):
        body = [node.body, *node.bases, *node.keywords, *node.decorators]
    else:
        body = [node]
    for part in body:
        walk(part, Names())
    if isinstance(node, cst.FunctionDef):
        stores.add(node.name.value)
    return loads - stores


def collect(
    statements: Iterable[cst.CSTNode],
    wrapper: MetadataWrapper,
    covers: Mapping[cst.CSTNode, list[Construct]],
    is_loop: bool = False,
    owner: Construct | None = None,
    skip: tuple[Construct, ...] = (),
) -> Usage:
    """The :class:`Usage` of ``statements``, nodes of ``wrapper``'s module.

    ``covers`` maps each statement to the constructs of its block that cover it (the
    survey's plan), so a statement inside a nested ``critical`` counts as such.
    ``owner``: the construct whose statements these are (a task's own statements
    are not inside a nested task).
    """
    usage = Usage()
    collector = _Collector(usage, covers, is_loop, owner, skip)
    with collector.resolve(wrapper):
        for statement in statements:
            walk(statement, collector)
    return usage


_LOCK_ROUTINES = frozenset(
    {"omp_set_lock", "omp_test_lock", "omp_set_nest_lock", "omp_test_nest_lock"}
)


def _names_a_lock(expression: cst.BaseExpression) -> bool:
    """``lock``, ``self.lock``, ``p.lock``, ``locks[k]``: a name whose last part says
    lock (a ``with`` block that a lock may guard)."""
    while isinstance(expression, cst.Subscript):
        expression = expression.value
    if isinstance(expression, cst.Attribute):
        name = expression.attr.value
    elif isinstance(expression, cst.Name):
        name = expression.value
    else:
        return False
    return "lock" in name.lower()
