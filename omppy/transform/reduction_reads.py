"""A reduction variable used inside its own construct other than by an update.

One idea: OpenMP gives each thread a private copy of a reduction variable that starts
at the operator's identity, so a read of it inside the construct sees the thread's
partial result, not the running total ``python`` computes; unless the value only
feeds the variable's own update, the program prints a different answer (even at one
thread).  Such a read is refused, at the read.

Accepted, because both readings give the same result: the updates themselves with the
clause's operator (``s += e``, ``s = s + e``, ``s = e * s``, ``s = max(s, e)``, ``s =
np.maximum(s, e)``, ``s = s or e``, ``s = f(s, e)`` or ``s = s + e`` for a user's
operator ``f``...), one chosen by a test (``s = e if s is None else max(s, e)``), the
same on an item of an array reduction (``a[k] += e``), ``s.append(e)``/``extend``/
``add``/``update``, and the min/max idiom ``if v > s: s = v`` (or ``if s is None or v >
s: s = v``); in each, ``e`` does not read ``s``.  A binding of ``s`` or a store to its
item other than such an update (``s = e``, ``a[k] = e``, ``s *= e`` under ``+``) is
refused too, at the binding: it changes only the thread's copy, which the combine adds
to the others, so python's last value is lost (checked after the reads).  Not checked:
``inscan`` reductions (their scan phase reads the prefix on purpose), ``simd`` alone (it
runs as the plain loop), a loop's header (evaluated before the copies), and code in
functions the construct calls or defines.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

import libcst as cst
from libcst.metadata import CodeRange

from .checks import error
from .diagnostics import PragmaError
from .model import Construct
from .pragma import Pragma
from .walk import children

# The augmented assignments each built-in operator's update may use (``-`` reduces
# by adding, like ``+``; dividing by a factor keeps a product's meaning).
_AUGMENTED = {
    "+": (cst.AddAssign, cst.SubtractAssign),
    "-": (cst.AddAssign, cst.SubtractAssign),
    "*": (cst.MultiplyAssign, cst.DivideAssign),
    "&": (cst.BitAndAssign,),
    "|": (cst.BitOrAssign,),
    "^": (cst.BitXorAssign,),
}
# The binary operators of ``s = s op e`` (``s`` first, or anywhere for the
# commutative ones: ``-`` and ``/`` take ``s`` on their left only).
_BINARY: dict[str, tuple[type[cst.BaseBinaryOp], ...]] = {
    "+": (cst.Add, cst.Subtract),
    "-": (cst.Add, cst.Subtract),
    "*": (cst.Multiply, cst.Divide),
    "&": (cst.BitAnd,),
    "|": (cst.BitOr,),
    "^": (cst.BitXor,),
}
_COMMUTATIVE = (cst.Add, cst.Multiply, cst.BitAnd, cst.BitOr, cst.BitXor)
_BOOLEAN: dict[str, type] = {"and": cst.And, "or": cst.Or}
_ABSORBING = {"and": "False", "or": "True"}
# Where each thread's copy starts, for the hint.
_IDENTITY = {
    "+": "0",
    "-": "0",
    "*": "1",
    "&": "~0",
    "|": "0",
    "^": "0",
    "and": "True",
    "or": "False",
    "min": "+inf",
    "max": "-inf",
}
# min and max start from the original value where it is not a float (reduction.py).
_OTHER_TYPES = {op: " on floats, at the original value on other types" for op in ("min", "max")}
# Methods that add to a reduced list, set or dict (its combine adds the copies).
_ADDING_METHODS = frozenset({"append", "extend", "add", "update"})
_MIN_MAX = {
    "min": frozenset({"min", "minimum", "fmin"}),
    "max": frozenset({"max", "maximum", "fmax"}),
}
_NESTED_SCOPES = (cst.FunctionDef, cst.ClassDef, cst.Lambda)
# The operators under which a store to an item (``a[k] = e``) is combined into another
# answer than python's (the copy's item starts at the identity and is combined with
# the original's); under ``|`` (a dict's union: ``squares[i] = v``) or a user's
# operator (a merge), a thread's stored key is the answer.
_ADDING_ITEMS = frozenset(_IDENTITY) - {"|"}


def check(
    construct: Construct,
    body: Sequence[cst.CSTNode],
    positions: Mapping[cst.CSTNode, CodeRange],
    filename: str,
    *,
    is_loop: bool,
) -> None:
    """Refuse the first use of a reduction variable of ``construct`` in ``body`` (its
    statements; a loop's body) that is not an update with the clause's operator."""
    pragma = construct.pragma
    if pragma.directive == "simd":
        return
    reduced: dict[str, tuple[str, str]] = {}  # name: (operator, clause)
    for kind in ("reduction", "in_reduction", "task_reduction"):
        for clause in pragma.all(kind):
            if clause.modifier == "inscan":
                continue
            for name in clause.names:
                reduced.setdefault(name, (clause.op or "+", kind))
    for name, (op, kind) in reduced.items():
        for statement in body:
            found = next(_misuses(statement, name, op), None)
            if found is None:
                continue
            shown = pragma.shown
            spelled = f"{kind}({op}:{name})"
            if kind == "task_reduction":
                raise error(
                    filename,
                    positions[found],
                    f"'{name}' is read in '# omp {shown}', but {spelled} adds the tasks' "
                    "updates to it only at the end of the taskgroup",
                    hint=f"a read here misses the tasks' updates, which python has "
                    f"made by then; read '{name}' after the taskgroup, or compute the "
                    "running value apart",
                )
            start = _IDENTITY.get(op)
            starts = (
                f"it starts at {start} for '{op}'{_OTHER_TYPES.get(op, '')}"
                if start is not None
                else f"it starts at the identity of '{op}'"
            )
            after = "the loop" if is_loop else "the construct"
            raise error(
                filename,
                positions[found],
                f"'{name}' is read in '# omp {shown}', but {spelled} gives each thread a "
                "private copy of it",
                hint=f"each thread reads its own partial result ({starts}), not the "
                f"running total python computes; read '{name}' after {after}, or "
                "compute the running value apart",
            )
    for name, (op, kind) in reduced.items():
        if kind == "task_reduction":
            continue  # (the taskgroup's own code binds the original)
        for statement in body:
            for found in _misuses(statement, name, op, bindings=True):
                item = isinstance(found, cst.Subscript)
                if item and op not in _ADDING_ITEMS:
                    continue  # a key of a dict merged by '|' or a user's operator
                where = positions[found]
                raise _bound_error(pragma, name, op, kind, where, filename, is_loop, item)


def _bound_error(
    pragma: Pragma,
    name: str,
    op: str,
    kind: str,
    where: CodeRange,
    filename: str,
    is_loop: bool,
    item: bool,
) -> PragmaError:
    """``s = e`` (or ``s[k] = e``, or ``s *= e`` under ``+``) on a reduction variable:
    it binds the thread's copy, which the combine then adds to the others; python's
    last binding is lost (a different answer even at one thread)."""
    start = _IDENTITY.get(op)
    starts = (
        f"which starts at {start}{_OTHER_TYPES.get(op, '')}"
        if start is not None
        else "which starts at the identity"
    )
    after = "the loop" if is_loop else "the construct"
    place = f"{name}[k]" if item else name
    if op in _AUGMENTED:
        update = f"{place} {op}= e"
    elif op in _MIN_MAX or op not in _IDENTITY:  # (a user's operator: its function)
        update = f"{place} = {op}({place}, e)"
    else:
        update = f"{place} = {place} {op} e"
    what = f"an item of '{name}' is stored" if item else f"'{name}' is bound"
    return error(
        filename,
        where,
        f"{what} in '# omp {pragma.shown}' other than by an update with '{op}', but "
        f"{kind}({op}:{name}) gives each thread a private copy of it: the "
        f"{'store' if item else 'binding'} changes only the thread's copy ({starts}), "
        f"which is then combined with '{op}', so python's last value is lost",
        hint=f"update '{name}' only with '{op}' (for example '{update}'), or bind another "
        f"name and combine it with '{name}' after {after}",
    )


def _misuses(
    node: cst.CSTNode, name: str, op: str, *, bindings: bool = False
) -> Iterator[cst.Name | cst.Subscript]:
    """Each read of ``name`` in ``node`` outside an accepted update (``bindings``: each
    binding of it, or store to an item of it, outside one)."""
    if isinstance(node, _NESTED_SCOPES):
        return
    if isinstance(node, (cst.SimpleStatementLine, cst.SimpleStatementSuite)):
        for small in node.body:
            if not _is_update(small, name, op):
                if bindings:
                    yield from (found for found, read in _uses(small, name) if not read)
                else:
                    yield from _reads_in(small, name)
        return
    if isinstance(node, cst.If) and _is_min_max_idiom(node, name, op):
        return
    if isinstance(
        node,
        (
            cst.BaseSuite,
            cst.BaseStatement,
            cst.Else,
            cst.ExceptHandler,
            cst.ExceptStarHandler,
            cst.Finally,
        ),
    ):
        for child in children(node):
            yield from _misuses(child, name, op, bindings=bindings)
        return
    if not bindings:
        yield from _reads_in(node, name)


def _reads_in(node: cst.CSTNode, name: str) -> Iterator[cst.Name | cst.Subscript]:
    return (found for found, is_read in _uses(node, name) if is_read)


def _uses(
    node: cst.CSTNode, name: str, store: bool = False
) -> Iterator[tuple[cst.Name | cst.Subscript, bool]]:
    """Every ``name`` in ``node`` (an expression or a small statement), in source
    order, with whether it is read (a store to an item of it: the ``Subscript``)."""
    if isinstance(node, (*_NESTED_SCOPES, cst.Global, cst.Nonlocal)):
        return
    if isinstance(node, cst.Name):
        if node.value == name:
            yield node, not store
        return
    if isinstance(node, cst.Attribute):
        if not (store and isinstance(node.value, cst.Name)):  # (s.x = e: an attribute store)
            yield from _uses(node.value, name)  # (its attr is not a variable)
        return
    if isinstance(node, cst.Arg):
        yield from _uses(node.value, name)  # (nor is a keyword)
        return
    if isinstance(node, cst.Subscript):
        chain = _item_chain(node) if store else None
        if chain is None:
            yield from _uses(node.value, name)
        elif chain[0].value == name:
            # (s[k] = e, or s[i][j] = e: a store to an item of it, the Subscript)
            yield node, False
        for inner in (chain[1] if chain is not None else (node,)):
            for element in inner.slice:
                yield from _uses(element, name)
        return
    if isinstance(node, (cst.AssignTarget,)):
        yield from _uses(node.target, name, True)
        return
    if isinstance(node, (cst.AugAssign, cst.AnnAssign)):
        yield from _uses(node.target, name, True)
        if node.value is not None:
            yield from _uses(node.value, name)
        return
    if isinstance(node, (cst.Tuple, cst.List, cst.StarredElement, cst.Element)):
        for child in children(node):
            yield from _uses(child, name, store)
        return
    for child in children(node):
        yield from _uses(child, name)


def _reads(node: cst.CSTNode | None, name: str) -> bool:
    return node is not None and next(_reads_in(node, name), None) is not None


def _place(target: cst.CSTNode, name: str) -> bool:
    """``target`` is the reduced variable, or one item of it (``s[k]``, ``k`` not
    reading ``s``)."""
    if isinstance(target, cst.Name):
        return target.value == name
    chain = _item_chain(target) if isinstance(target, cst.Subscript) else None
    if chain is not None:
        return chain[0].value == name and not any(
            _reads(element, name) for inner in chain[1] for element in inner.slice
        )
    return False


def _item_chain(node: cst.Subscript) -> tuple[cst.Name, list[cst.Subscript]] | None:
    """The name and the subscripts of ``s[i]``, ``s[i][j]``, ... (an item of an item
    of a reduced list of lists, as a C two-dimensional array reduction writes it);
    None when the chain does not start at a name."""
    subscripts = [node]
    value = node.value
    while isinstance(value, cst.Subscript):
        subscripts.append(value)
        value = value.value
    return (value, subscripts) if isinstance(value, cst.Name) else None


def _same(a: cst.CSTNode, b: cst.CSTNode) -> bool:
    return a.deep_equals(b)


def _is_update(small: cst.BaseSmallStatement, name: str, op: str) -> bool:
    """``small`` updates the reduced variable (or an item of it) with ``op``, reading
    it nowhere else."""
    if isinstance(small, cst.AugAssign) and _place(small.target, name):
        if _reads(small.value, name):
            return False
        allowed = _AUGMENTED.get(op)
        if allowed is None:  # min, max, and, or take no augmented assignment
            return op not in _IDENTITY  # a user's operator: its combine decides
        return isinstance(small.operator, allowed)
    if isinstance(small, cst.Assign) and len(small.targets) == 1:
        target = small.targets[0].target
        return _place(target, name) and _is_update_value(small.value, target, name, op)
    if isinstance(small, cst.Expr) and isinstance(small.value, cst.Call):
        call = small.value
        function = call.func
        return (
            isinstance(function, cst.Attribute)
            and function.attr.value in _ADDING_METHODS
            and _place(function.value, name)
            and not any(_reads(arg, name) for arg in call.args)
        )
    return False


def _is_update_value(value: cst.BaseExpression, target: cst.CSTNode, name: str, op: str) -> bool:
    """``value`` combines ``target`` (once) with terms that do not read ``name``; or
    chooses, by a test that may read it, between such a value and one not reading it
    (``best = x if best is None else max(best, x)``)."""
    if isinstance(value, cst.IfExp):
        branches = (value.body, value.orelse)
        updates = [_is_update_value(b, target, name, op) for b in branches]
        return any(updates) and all(
            update or not _reads(b, name) for b, update in zip(branches, updates, strict=True)
        )
    if op in _BINARY:
        return _in_terms(value, target, name, _BINARY[op])
    if op in _BOOLEAN:
        if isinstance(value, cst.Name) and value.value == _ABSORBING[op]:
            # (``ok = False`` under and, ``changed = True`` under or: the value the
            # combine keeps whatever the other terms are, so python's answer)
            return True
        if not isinstance(value, cst.BooleanOperation) or not isinstance(
            value.operator, _BOOLEAN[op]
        ):
            return False
        return _once(_flat_bool(value, _BOOLEAN[op]), target, name)
    if op not in _IDENTITY and isinstance(value, cst.BinaryOperation):  # a user's operator
        return _in_terms(value, target, name, (cst.BaseBinaryOp,))
    if isinstance(value, cst.Call) and not any(arg.star or arg.keyword for arg in value.args):
        function = value.func
        called = (
            function.attr.value
            if isinstance(function, cst.Attribute)
            else (function.value if isinstance(function, cst.Name) else None)
        )
        # min and max by any of their usual spellings; a user's operator by any
        # function (its combine decides what the copies make)
        if op in _MIN_MAX and called not in _MIN_MAX[op]:
            return False
        return _once([arg.value for arg in value.args], target, name)
    return False


def _in_terms(
    value: cst.BaseExpression,
    target: cst.CSTNode,
    name: str,
    ops: tuple[type[cst.BaseBinaryOp], ...],
) -> bool:
    """``value`` is a chain of ``ops`` in which ``target`` stands once, where its
    operator keeps it a term of the result (``s - e``, not ``e - s``)."""
    terms: list[tuple[cst.BaseExpression, bool]] = []  # (term, kept as it is)

    def flatten(node: cst.BaseExpression, kept: bool) -> None:
        if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, ops):
            flatten(node.left, kept)
            flatten(node.right, kept and isinstance(node.operator, _COMMUTATIVE))
        else:
            terms.append((node, kept))

    flatten(value, True)
    found = [kept for term, kept in terms if _same(term, target)]
    others = [term for term, _ in terms if not _same(term, target)]
    return found == [True] and not any(_reads(other, name) for other in others)


def _flat_bool(node: cst.BaseExpression, op: type) -> list[cst.BaseExpression]:
    if isinstance(node, cst.BooleanOperation) and isinstance(node.operator, op):
        return [*_flat_bool(node.left, op), *_flat_bool(node.right, op)]
    return [node]


def _once(terms: list[cst.BaseExpression], target: cst.CSTNode, name: str) -> bool:
    """``target`` stands once among ``terms``, and no other term reads ``name``."""
    found = [term for term in terms if _same(term, target)]
    others = [term for term in terms if not _same(term, target)]
    return len(found) == 1 and not any(_reads(other, name) for other in others)


def _is_none_test(node: cst.BaseExpression, name: str) -> bool:
    """``node`` is ``name is None``."""
    return (
        isinstance(node, cst.Comparison)
        and isinstance(node.left, cst.Name)
        and node.left.value == name
        and len(node.comparisons) == 1
        and isinstance(node.comparisons[0].operator, cst.Is)
        and isinstance(node.comparisons[0].comparator, cst.Name)
        and node.comparisons[0].comparator.value == "None"
    )


def _is_min_max_idiom(node: cst.If, name: str, op: str) -> bool:
    """``if v > s: s = v`` under a min or max reduction: a comparison of the variable
    with a value, whose branch only binds the variable (to values not reading it);
    the comparison may follow ``s is None or``."""
    if op not in ("min", "max") or node.orelse is not None:
        return False
    test = node.test
    if (
        isinstance(test, cst.BooleanOperation)
        and isinstance(test.operator, cst.Or)
        and _is_none_test(test.left, name)
    ):
        test = test.right  # ``if s is None or v > s: s = v`` (``best = None`` first)
    if not isinstance(test, cst.Comparison) or len(test.comparisons) != 1:
        return False
    if not isinstance(
        test.comparisons[0].operator,
        (cst.LessThan, cst.GreaterThan, cst.LessThanEqual, cst.GreaterThanEqual),
    ):
        return False
    sides = [test.left, test.comparisons[0].comparator]
    places = [side for side in sides if _place(side, name)]
    if len(places) != 1 or any(_reads(side, name) for side in sides if side is not places[0]):
        return False
    body = node.body
    statements = body.body if isinstance(body, cst.IndentedBlock) else [body]
    for statement in statements:
        smalls = (
            statement.body
            if isinstance(statement, (cst.SimpleStatementLine, cst.SimpleStatementSuite))
            else None
        )
        if not smalls:
            return False
        for small in smalls:
            if not (
                isinstance(small, cst.Assign)
                and len(small.targets) == 1
                and _same(small.targets[0].target, places[0])
                and not _reads(small.value, name)
            ):
                return False
    return True
