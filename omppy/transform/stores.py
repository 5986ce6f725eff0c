"""Stores on shared objects made team-wide: one simple statement at a time.

``a[i] = v`` on a shared object ``a`` becomes ``_omp_t.store(a, (), i, v)``, and
likewise ``+=`` (``update``), ``del`` (``delete``), a method called on an item
(``call``), and stores into a ``parallel for``'s own item (``store_item``,
``call_item``...).  The survey says which statements to rewrite (``store_owner``)
and which roots are shared; :class:`StoreRewriter` turns their small statements into
the runtime's calls, and notes the loops whose items it tracks.

This is the run-time store log's translator side, kept apart so that it can be
replaced as a whole.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import libcst as cst

from .analysis import MUTATING_METHODS, is_item_method_call
from .model import Construct, ConstructInfo
from .names import root_name

_AUG_OPERATORS = {
    "AddAssign": "+=",
    "SubtractAssign": "-=",
    "MultiplyAssign": "*=",
    "DivideAssign": "/=",
    "FloorDivideAssign": "//=",
    "ModuloAssign": "%=",
    "PowerAssign": "**=",
    "LeftShiftAssign": "<<=",
    "RightShiftAssign": ">>=",
    "BitAndAssign": "&=",
    "BitOrAssign": "|=",
    "BitXorAssign": "^=",
    "MatrixMultiplyAssign": "@=",
}


class StoreRewriter:
    """Rewrites the stores of the statements the survey assigned to a construct."""

    def __init__(
        self, module: cst.Module, store_owner: Mapping[cst.CSTNode, ConstructInfo]
    ) -> None:
        self.module = module
        self.store_owner = store_owner  # simple statement -> construct carrying stores
        self.tracked_loops: set[Construct] = set()  # loops whose items are carried back

    def _code(self, node: cst.CSTNode) -> str:
        return self.module.code_for_node(node)

    def rewrite(
        self, original: cst.CSTNode, body: Sequence[cst.BaseSmallStatement]
    ) -> list[cst.BaseSmallStatement] | None:
        """The small statements with stores on shared objects made team-wide."""
        info = self.store_owner.get(original)
        if info is None:
            return None
        # A region's body has its thread as ``_omp_t``; an orphaned loop binds it first.
        thread = "_omp_t"
        rewritten: list[cst.BaseSmallStatement] = []
        for small in body:
            rewritten.extend(self._store(small, info, thread))
        return rewritten

    def _small(self, code: str) -> cst.BaseSmallStatement:
        line = cst.parse_statement(code + "\n", config=self.module.config_for_parsing)
        assert isinstance(line, cst.SimpleStatementLine)
        return line.body[0]

    def _store(
        self, small: cst.BaseSmallStatement, info: ConstructInfo, thread: str
    ) -> list[cst.BaseSmallStatement]:
        """``small`` rewritten so its stores on shared objects reach the team."""
        if isinstance(small, cst.AugAssign):
            op = _AUG_OPERATORS[type(small.operator).__name__]
            call = self._store_call(small.target, info, thread, "update", op, small.value)
            return [small] if call is None else [self._small(call)]
        if isinstance(small, cst.AnnAssign) and small.value is not None:
            return self._single_store(small, small.target, small.value, info, thread)
        if isinstance(small, cst.Del):
            return self._deletes(small, info, thread)
        if isinstance(small, cst.Expr):
            call = self._method_call(small.value, info, thread)
            return [small] if call is None else [self._small(call)]
        if not isinstance(small, cst.Assign):
            return [small]
        targets = [t.target for t in small.targets]
        if not any(self._is_shared_store(t, info) for t in _flat_targets(targets)):
            return [small]
        if len(targets) == 1 and not isinstance(targets[0], (cst.Tuple, cst.List)):
            return self._single_store(small, targets[0], small.value, info, thread)
        # Several targets, or unpacking: evaluate once, then assign each target in turn
        # (left to right, as Python does).
        out = [self._small(f"_omp_value = {self._code(small.value)}")]
        for target in targets:
            out.extend(self._assign_from(target, "_omp_value", info, thread))
        return out

    def _single_store(
        self,
        small: cst.BaseSmallStatement,
        target: cst.BaseExpression,
        value: cst.BaseExpression,
        info: ConstructInfo,
        thread: str,
    ) -> list[cst.BaseSmallStatement]:
        """``target = value`` with one target, as a store call when it is shared."""
        if not _value_first(target, value):
            call = self._store_call(target, info, thread, "store", None, value)
            return [small] if call is None else [self._small(call)]
        # Python evaluates the value before the target's subscripts; a call's
        # arguments go left to right, so a value that could change them goes first.
        call = self._store_call(target, info, thread, "store", None, cst.Name("_omp_value"))
        if call is None:
            return [small]
        return [self._small(f"_omp_value = {self._code(value)}"), self._small(call)]

    def _assign_from(
        self, target: cst.BaseExpression, source: str, info: ConstructInfo, thread: str
    ) -> list[cst.BaseSmallStatement]:
        if isinstance(target, (cst.Tuple, cst.List)):
            count = len(target.elements)
            names = [f"{source}_{k}" for k in range(count)]
            unpacked = [
                ("*" if isinstance(e, cst.StarredElement) else "") + name
                for e, name in zip(target.elements, names, strict=True)
            ]
            out = [self._small(f"{', '.join(unpacked)}{',' if count == 1 else ''} = {source}")]
            for element, name in zip(target.elements, names, strict=True):
                out.extend(self._assign_from(element.value, name, info, thread))
            return out
        value = cst.parse_expression(source)
        call = self._store_call(target, info, thread, "store", None, value)
        if call is not None:
            return [self._small(call)]
        return [self._small(f"{self._code(target)} = {source}")]

    def _is_shared_store(self, target: cst.BaseExpression, info: ConstructInfo) -> bool:
        """A store into a shared object, or into the loop's own item."""
        return isinstance(target, (cst.Subscript, cst.Attribute)) and (
            root_name(target) in info.shared_roots or root_name(target) in info.item_targets
        )

    def _deletes(
        self, small: cst.Del, info: ConstructInfo, thread: str
    ) -> list[cst.BaseSmallStatement]:
        targets = _flat_targets([small.target])
        if not any(self._is_shared_store(t, info) for t in targets):
            return [small]
        out = []
        for target in targets:
            call = self._store_call(target, info, thread, "delete", None, None)
            out.append(self._small(call) if call else self._small(f"del {self._code(target)}"))
        return out

    def _store_call(
        self,
        target: cst.BaseExpression,
        info: ConstructInfo,
        thread: str,
        method: str,
        op: str | None,
        value: cst.BaseExpression | None,
    ) -> str | None:
        operator = f", {op!r}" if op else ""
        stored = f", {self._argument(value)}" if value is not None else ""
        location = self._location(target, info)
        if location is None:
            item = self._item_location(target, info)
            if item is None:
                return None
            # A store into the loop's own item (``for p in ps: p.x = v``).
            self.tracked_loops.add(info.construct)
            return f"{thread}.{method}_item(_omp_items, {item}{operator}{stored})"
        return f"{thread}.{method}({location}{operator}{stored}{self._owner(target, info)})"

    def _item_location(self, target: cst.BaseExpression, info: ConstructInfo) -> str | None:
        """``variable, (position...), (path...), key`` of a store into a loop item."""
        if not isinstance(target, (cst.Subscript, cst.Attribute)):
            return None
        parts = self._item_parts(target, info)
        if parts is None:
            return None
        root, position, steps = parts
        key = steps.pop()
        return f"{root}, {position}, {_tuple_code(steps)}, {key}"

    def _method_call(
        self, node: cst.BaseExpression, info: ConstructInfo, thread: str
    ) -> str | None:
        """``rows[i].sort(...)`` as ``_omp_t.call(rows, (), i, 'sort', (...), {...})``.

        The runtime calls the method and carries the item's new state back like a
        store, so a method that changes the item in place is not lost in a worker.
        """
        if not isinstance(node, cst.Call) or not isinstance(node.func, cst.Attribute):
            return None
        method = node.func.attr.value
        receiver = node.func.value
        location = None
        if is_item_method_call(node) and method not in MUTATING_METHODS:
            location = self._location(receiver, info)
        # Any method, the listed ones too, of a loop item: one thread runs each item.
        item = self._item_steps(receiver, info)
        if location is None and item is None:
            return None
        positional, keywords = [], []
        for arg in node.args:
            value = self._argument(arg.value)
            if arg.keyword is not None:
                keywords.append(f"{arg.keyword.value!r}: {value}")
            elif arg.star == "**":
                keywords.append(f"**{value}")
            else:
                positional.append(f"{arg.star}{value}")
        args = _tuple_code(positional)
        kwargs = "{" + ", ".join(keywords) + "}"
        if location is None:
            # A method of the loop's item (``for p in ps: p.move(dt)``): the loop
            # tracks which item of ``_omp_items`` the thread is on.
            self.tracked_loops.add(info.construct)
            return f"{thread}.call_item(_omp_items, {item}, {method!r}, {args}, {kwargs})"
        owner = self._owner(receiver, info)
        return f"{thread}.call({location}, {method!r}, {args}, {kwargs}{owner})"

    def _item_steps(self, receiver: cst.BaseExpression, info: ConstructInfo) -> str | None:
        """``variable, (position in the item...), (steps to the receiver...)``.

        For a receiver rooted at a loop variable bound to the iteration's item.
        """
        parts = self._item_parts(receiver, info)
        if parts is None:
            return None
        root, position, steps = parts
        return f"{root}, {position}, {_tuple_code(steps)}"

    def _item_parts(
        self, node: cst.BaseExpression, info: ConstructInfo
    ) -> tuple[str, str, list[str]] | None:
        """For ``node`` rooted at a loop variable bound to the iteration's item: the
        variable, its position in the item (code), and the steps from it to ``node``."""
        root = root_name(node)
        if root is None or root not in info.item_targets:
            return None
        position = _tuple_code([repr(i) for i in info.item_targets[root]])
        return root, position, self._steps(node, info)

    def _steps(self, node: cst.BaseExpression, info: ConstructInfo) -> list[str]:
        """The item keys and ``Attr`` steps from ``node``'s root name to ``node``."""
        steps: list[str] = []
        while isinstance(node, (cst.Subscript, cst.Attribute)):
            if isinstance(node, cst.Attribute):
                steps.append(_attr_step(node.attr.value, info.class_name))
            else:
                steps.append(self._key(node))
            node = node.value
        return steps[::-1]

    def _argument(self, value: cst.BaseExpression) -> str:
        """``value`` as one argument of a call: a bare tuple or generator parenthesised."""
        code = self._code(value)
        if isinstance(value, (cst.Tuple, cst.GeneratorExp)) and not value.lpar:
            return f"({code})"
        return code

    def _location(self, target: cst.BaseExpression, info: ConstructInfo) -> str | None:
        """``root, (path...), key`` of an item or attribute of a shared object."""
        if not isinstance(target, (cst.Subscript, cst.Attribute)):
            return None
        root = root_name(target)
        if root is None or root not in info.shared_roots:
            return None
        steps = self._steps(target, info)
        key = steps.pop()
        return f"{root}, {_tuple_code(steps)}, {key}"

    def _owner(self, target: cst.BaseExpression, info: ConstructInfo) -> str:
        root = root_name(target)
        return f", __name__, {root!r}" if root in info.global_roots else ""

    def _key(self, node: cst.Subscript) -> str:
        parts = []
        for element in node.slice:
            index = element.slice
            if isinstance(index, cst.Slice):
                bounds = [index.lower, index.upper, index.step]
                parts.append(
                    "slice(" + ", ".join(self._code(b) if b else "None" for b in bounds) + ")"
                )
            else:
                assert isinstance(index, cst.Index)
                parts.append(("*" if index.star else "") + self._code(index.value))
        if len(parts) == 1 and not parts[0].startswith("*"):
            return parts[0]
        return "(" + ", ".join(parts) + ("," if len(parts) == 1 else "") + ")"


def _attr_step(name: str, class_name: str | None) -> str:
    """An ``Attr`` step, its name mangled as Python mangles ``self.__x`` in a class."""
    if class_name and name.startswith("__") and not name.endswith("__"):
        stripped = class_name.lstrip("_")
        if stripped:
            name = f"_{stripped}{name}"
    return f"_omp.Attr({name!r})"


def _value_first(target: cst.BaseExpression, value: cst.BaseExpression) -> bool:
    """Whether evaluating ``value`` could change what ``target``'s subscripts are.

    A walrus in the value, or calls both in the value and in the target's subscripts
    (``pairs[next(it)] = next(it)``).  Plain ``out[i] = f(i)`` keeps the direct call.
    """
    if _contains(value, (cst.NamedExpr,)):
        return True
    keys = []
    node = target
    while isinstance(node, (cst.Subscript, cst.Attribute)):
        if isinstance(node, cst.Subscript):
            keys.append(node.slice)
        node = node.value
    effects = (cst.Call, cst.NamedExpr, cst.Await, cst.Yield)
    in_target = any(_contains(element, effects) for key in keys for element in key)
    return in_target and _contains(value, (cst.Call, cst.Await, cst.Yield))


def _contains(node: cst.CSTNode, kinds: tuple[type, ...]) -> bool:
    found = False

    class Finder(cst.CSTVisitor):
        def on_visit(self, child: cst.CSTNode) -> bool:
            nonlocal found
            if isinstance(child, kinds):
                found = True
            return not found

    node.visit(Finder())
    return found


def _tuple_code(parts: Sequence[str]) -> str:
    return "(" + ", ".join(parts) + ("," if len(parts) == 1 else "") + ")"


def _flat_targets(targets: Sequence[cst.BaseExpression]) -> list[cst.BaseExpression]:
    """Every assignment target, tuples and lists opened."""
    flat: list[cst.BaseExpression] = []
    for target in targets:
        if isinstance(target, (cst.Tuple, cst.List)):
            flat.extend(_flat_targets([e.value for e in target.elements]))
        else:
            flat.append(target)
    return flat
