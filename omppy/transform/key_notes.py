"""Notes of the dict keys a synchronisation block's statements touch, in order.

One idea: every key a block's statement names is noted after it, or held as the
statement evaluates it where it cannot be evaluated again.

A block that sets again keys another thread's block of later iterations added first
must leave them where python has them: in the order this block set them, which a
diff of the dict cannot tell (runtime/keynotes.py).  So each statement of a block
that names a key of something (``counts[w] = counts.get(w, 0) + 1``,
``seen[k] = True``, ``tree.setdefault(a, {})``, ``d[k].append(x)``) is followed by a
note, ``_omp.keyed(counts, w)``; and what a merge reads, ``c.update(part)`` or
``c += part``, goes through ``_omp.merging(c, part)``, which notes the keys as the
merge takes them.  The runtime keeps the notes only for the team's tracked dicts
while the block runs.

A note evaluates its container and key again after the statement, so the container
must be a name or an attribute chain of names (none a property of the module's
classes), and the key built of those, constants,
f-strings and operators, or one subscript of a name (no call, nothing the statement
itself rebinds).  Any other container of a store target, or of the call a statement
is, is held by the statement as it runs, ``(_omp_h0 := tree.setdefault(a, {}))[b] = i``,
and noted as ``_omp_h0``.  A statement that names a key some other way gets no note;
the block's order is then unknown, an error where it matters (coherence.py,
``_check_known_order``).  A block with notes reads ``_omp_keys = _omp.KEYS`` once
(on while a block that may change a tracked dict runs in this process), and each
note tests that local: elsewhere a note costs a test.  A key a statement only tests
(``k in d``, ``d.get(k)``) is noted too, before an ``if`` or a ``return``; a presence
test in a block that also touches other keys of that dict, or calls a twin that does
(key_twins.py), is noted as ``_omp.tested``: finding there a key a later iteration's
block added first is an error (coherence.py, ``_check_tests``).  Comprehensions are not
searched for keys, and nested functions, lambdas and classes not entered: their
names are not the block's.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Mapping, MutableMapping, Sequence
from contextvars import ContextVar
from types import MappingProxyType
from typing import Any

import libcst as cst

from .names import target_names
from .walk import KeepsLines, OwnScope, children, owned_suites

_ONE_LINE = 40  # a note this long or shorter goes on the line of its test
_MERGES = (cst.AddAssign, cst.BitOrAssign, cst.SubtractAssign, cst.BitAndAssign)
# The methods whose first argument is a key (``d.__setitem__(k, v)``: a lambda's store)
_KEYED_METHODS = frozenset({"setdefault", "get", "__setitem__", "__getitem__", "__contains__"})
_SCOPES = (cst.Lambda, cst.ListComp, cst.SetComp, cst.DictComp, cst.GeneratorExp)
# The attribute names the module's classes define as properties, while ``add`` runs: an
# attribute chain through one is no "simple" container (reading it again runs the
# program's code, which may count its reads: it is held, or not noted)
_PROPERTIES: ContextVar[frozenset[str]] = ContextVar("_PROPERTIES", default=frozenset())
# How the functions with noted twins are called (key_twins.py), and the containers
# each touches, while ``add`` runs: a presence test in a block that calls one touching
# the same dict (a recursive memo) is noted as a test
_TWINS: ContextVar[Mapping[str, frozenset[str]]] = ContextVar(
    "_TWINS", default=MappingProxyType({})
)


def property_names(module: cst.Module) -> frozenset[str]:
    """The names ``module``'s classes bind to properties: ``@property`` (or
    ``@x.getter``/``@x.setter``) methods and ``name = property(...)``."""
    found: set[str] = set()
    for node in _statements_in(module.body):
        if isinstance(node, cst.FunctionDef) and any(
            _is_property(d.decorator) for d in node.decorators
        ):
            found.add(node.name.value)
        elif isinstance(node, cst.SimpleStatementLine):
            for small in node.body:
                if (
                    isinstance(small, cst.Assign)
                    and isinstance(small.value, cst.Call)
                    and _is_property(small.value.func)
                ):
                    found.update(n for t in small.targets for n in target_names(t.target))
    return frozenset(found)


def _is_property(node: cst.BaseExpression) -> bool:
    if isinstance(node, cst.Name):
        return node.value == "property"
    return isinstance(node, cst.Attribute) and node.attr.value in ("getter", "setter")


def _statements_in(body: Sequence[cst.BaseStatement]) -> Iterator[cst.BaseStatement]:
    """Every statement in ``body`` and the blocks it holds (no expression is read: a
    big module's walk costs its statements only)."""
    for statement in body:
        yield statement
        for suite in owned_suites(statement):
            if isinstance(suite, cst.IndentedBlock):
                yield from _statements_in(suite.body)


def add(
    body: list[cst.BaseStatement],
    origin: MutableMapping[cst.CSTNode, Any],
    properties: frozenset[str] = frozenset(),
    twins: Mapping[str, frozenset[str]] | None = None,
) -> list[cst.BaseStatement]:
    """``body`` with a note after each statement that touches a key (at any depth).

    ``origin``: the user's lines each generated statement stands for (the emitter's);
    a statement rebuilt around a note keeps its lines, and a note stands for the
    statement before it.  ``properties``: :func:`property_names` of the module;
    ``twins``: how the functions with noted twins are called (key_twins.py), and the
    containers each touches (through the twins it calls too)."""
    noter = _Noter(origin, body)
    token = _PROPERTIES.set(properties)
    called = _TWINS.set(twins or {})
    try:
        noted = noter.with_notes([statement.visit(noter) for statement in body])  # type: ignore[misc]
    finally:
        _PROPERTIES.reset(token)
        _TWINS.reset(called)
    if not noter.used:
        return body
    # The switch read once per block (a local): a note costs a local's read and a test.
    switch = cst.SimpleStatementLine(
        body=[cst.Assign(targets=[cst.AssignTarget(_KEYS)], value=_SWITCH)]
    )
    if body and body[0] in origin:
        origin[switch] = origin[body[0]]
    return [switch, *noted]


class _Noter(OwnScope, KeepsLines):
    """Adds the notes inside compound statements; nested scopes are left alone."""

    def __init__(
        self, origin: MutableMapping[cst.CSTNode, Any], whole: list[cst.BaseStatement]
    ) -> None:
        super().__init__(origin)
        self.used = False  # whether a note or a wrapped merge was made
        # What the block (or the function) as a whole touches, found for its first
        # presence test (_Region)
        self.region = _Region(whole)

    def leave_IndentedBlock(
        self, original_node: cst.IndentedBlock, updated_node: cst.IndentedBlock
    ) -> cst.IndentedBlock:
        return updated_node.with_changes(body=self.with_notes(list(updated_node.body)))

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.Call:
        """``c.update(part)``: ``c.update(_omp.merging(c, part))``, which notes the keys
        as the merge reads them (a generator's too, read once)."""
        func = updated_node.func
        if not (isinstance(func, cst.Attribute) and func.attr.value == "update"):
            return updated_node
        if not _simple(func.value):
            return updated_node
        args = list(updated_node.args)
        named = [a for a in args if a.keyword is not None or a.star == "**"]
        if any(a.star == "**" for a in named):
            # ``d.update(last=True, **extra)``: the keywords through one call that notes
            # them in the order the merge gets them, ``**_omp.keywords(d, last=True,
            # **extra)`` (the values evaluated once, in order, as before)
            self.used = True
            bare = [a.with_changes(comma=cst.MaybeSentinel.DEFAULT) for a in named]
            inner = cst.Call(
                func=cst.parse_expression("_omp.keywords"),
                args=[cst.Arg(_bare(func.value)), *bare],
            )
            rest = [a for a in args if a not in named]
            args = [*rest, cst.Arg(inner, star="**")]
        positional = [a for a in args if a.keyword is None and a.star != "**"]
        if len(positional) == 1 and not positional[0].star:
            arg = positional[0]
            self.used = True
            # (always called: one call per merge; where nothing is noted it hands
            # ``part`` back at once)
            wrapped = arg.with_changes(value=_call("merging", func.value, arg.value))
            args = [wrapped if a is arg else a for a in args]
        return updated_node.with_changes(args=args)

    def leave_AugAssign(
        self, original_node: cst.AugAssign, updated_node: cst.AugAssign
    ) -> cst.AugAssign:
        """``c += part(x)`` (a Counter merged in place): ``c += _omp.merging(c, part(x),
        True)``; only a mapping's keys are noted (the other operand of ``+=`` on
        anything else goes through as it is).  A name or a constant on the right needs
        no wrapping: ``c += part`` is noted after the statement (:func:`_notes`)."""
        if not isinstance(updated_node.operator, _MERGES) or not _simple(updated_node.target):
            return updated_node
        value = updated_node.value
        if _constant(value) or _simple(value):
            return updated_node
        self.used = True
        call = _call("merging", updated_node.target, value, cst.Name("True"))
        return updated_node.with_changes(value=call)

    def leave_SimpleStatementSuite(
        self, original_node: cst.SimpleStatementSuite, updated_node: cst.SimpleStatementSuite
    ) -> cst.BaseSuite:
        """``for w in chunk: counts[w] += 1`` on one line: the body on lines of its own
        when it needs a note."""
        if not any(_notes(small) or _hold(small, 0)[1] for small in updated_node.body):
            return updated_node
        line = cst.SimpleStatementLine(body=updated_node.body)
        return cst.IndentedBlock(body=self.with_notes([line]))

    def with_notes(self, body: list[cst.BaseStatement]) -> list[cst.BaseStatement]:
        out: list[cst.BaseStatement] = []
        for statement in [line for s in body for line in self._split_at_jump(s)]:
            before = _notes_before(statement, self.region)
            if before:
                self.used = True
                out.append(self._guarded(before, statement))
            if isinstance(statement, cst.SimpleStatementLine):
                found: list[cst.Call] = []
                smalls: list[cst.BaseSmallStatement] = []
                for small in statement.body:
                    found += _notes(small)
                    held, notes = _hold(small, len(smalls))
                    found += notes
                    held, notes = _hold_setdefault_keys(held, len(smalls))
                    found += notes
                    smalls.append(held)
                if smalls != list(statement.body):
                    rebuilt = statement.with_changes(body=smalls)
                    if statement in self.origin:
                        self.origin[rebuilt] = self.origin[statement]
                    statement = rebuilt
            out.append(statement)
            if isinstance(statement, cst.SimpleStatementLine):
                rebound = {n for small in statement.body for n in _rebinds(small)}
                notes = [note for note in _unique(found) if not (_names_read(note) & rebound)]
                if notes:
                    self.used = True
                    out.append(self._guarded(notes, statement))
        return out

    def _guarded(self, notes: list[cst.Call], statement: cst.BaseStatement) -> cst.If:
        """``if _omp_keys: <note>``; several notes, or a long one, one per line (the
        generated code fits 99 columns as a person would lay it out)."""
        lines = self.origin.get(statement)
        if len(notes) == 1 and len(_EMPTY.code_for_node(notes[0])) <= _ONE_LINE:
            body: cst.BaseSuite = cst.SimpleStatementSuite(body=[cst.Expr(notes[0])])
        else:
            rows = [cst.SimpleStatementLine(body=[cst.Expr(note)]) for note in notes]
            if lines is not None:
                self.origin.update((row, lines) for row in rows)
            body = cst.IndentedBlock(body=rows)
        guarded = cst.If(test=_KEYS, body=body)
        if lines is not None:
            self.origin[guarded] = lines
        return guarded

    def _split_at_jump(self, statement: cst.BaseStatement) -> list[cst.BaseStatement]:
        """``seen[w] = True; continue``: the statements before the jump on a line of
        their own, so that their note comes before it (after it, it would not run)."""
        if not isinstance(statement, cst.SimpleStatementLine):
            return [statement]
        smalls = list(statement.body)
        jump = next((n for n, small in enumerate(smalls) if isinstance(small, _JUMPS)), 0)
        if not jump:
            return [statement]
        last = smalls[jump - 1].with_changes(semicolon=cst.MaybeSentinel.DEFAULT)
        lines: list[cst.BaseStatement] = [
            statement.with_changes(body=[*smalls[: jump - 1], last]),
            cst.SimpleStatementLine(body=smalls[jump:]),
        ]
        if statement in self.origin:
            self.origin.update(dict.fromkeys(lines, self.origin[statement]))
        return lines


_JUMPS = (cst.Continue, cst.Break, cst.Return, cst.Raise)


def _notes(small: cst.BaseSmallStatement) -> list[cst.Call]:
    """The notes for one small statement, in the order it touches the keys."""
    # (part, whether it is evaluated last): a key that reads an item, ``d[row[0]]``,
    # is read again only where the statement read it last, in an assignment's targets
    # (the right side, evaluated before, may have changed ``row``)
    if isinstance(small, cst.Assign):
        parts = [(small.value, False), *((t.target, True) for t in small.targets)]
    elif isinstance(small, cst.AnnAssign) and small.value is not None:
        parts = [(small.value, False), (small.target, True)]
    elif isinstance(small, cst.AugAssign):
        parts = [(small.value, False), (small.target, False)]
    elif isinstance(small, cst.Expr):
        parts = [(small.value, False)]
    else:
        return []
    if any(_has_walrus(part) for part, _ in parts):
        return []  # (a walrus rebinds a name the note would read)
    found = [c for part, last in parts for c in _touches(part) if last or not _reads_item(c)]
    # ``c += part``: read after the statement, the name it binds is the same dict when
    # the merge was in place (a Counter's); on anything else the note does nothing.
    # (Any other right side goes through ``merging``: leave_AugAssign.)
    if isinstance(small, cst.AugAssign) and isinstance(small.operator, _MERGES):
        target, value = small.target, small.value
        found += [_call("merged", target, value)] if _simple(target) and _simple(value) else []
    return found


def _notes_before(statement: cst.BaseStatement, region: _Region) -> list[cst.Call]:
    """The notes that go before ``statement``: the keys an ``if`` tests (``if k not in
    memo:``, whose body may return), or a ``return``/``raise`` reads (nothing runs after
    it).  The note reads the key before the statement does: it holds no call.  A
    presence test where the block (``region``) touches more is noted as a test
    (:func:`_as_tests`)."""
    if isinstance(statement, cst.If):
        if _has_walrus(statement.test):
            return []
        return _as_tests(_unique(list(_touches(statement.test))), statement.test, region)
    if not (
        isinstance(statement, cst.SimpleStatementLine)
        and isinstance(statement.body[0], (cst.Return, cst.Raise))
    ):
        return []
    parts = [n for n in statement.body[0].children if isinstance(n, cst.BaseExpression)]
    if any(_has_walrus(part) for part in parts):
        return []
    return _unique([note for part in parts for note in _touches(part)])


class _Region:
    """A block's (or a function's) statements as a whole: the notes of every key they
    name (their code) and the containers the twins they call touch, found once."""

    def __init__(self, whole: list[cst.BaseStatement]) -> None:
        self.whole = whole

    @functools.cached_property
    def touched(self) -> list[str]:
        return [_code(n) for node in self.whole for n in _touches(node)]

    @functools.cached_property
    def reached(self) -> set[str]:
        return _twins_touch(self.whole) if _TWINS.get() else set()


def _as_tests(notes: list[cst.Call], test: cst.BaseExpression, region: _Region) -> list[cst.Call]:
    """``notes`` of an ``if``'s test, a presence test's as ``tested`` where the block
    or function (``region``) calls a function with a twin (a recursive memo) or touches
    another key of the same dict (a path, a loop after the test): a block that finds
    a key a later block added first may take another path than python's, and that
    path's keys cannot be placed (runtime coherence.py, ``_check_tests``).  A plain
    memo (``if k not in memo: memo[k] = f(k)``) touches no other key."""
    tests = {
        _code(_call("keyed", target.comparator, left))
        for left, target in _presence_tests(test)
    }
    if not tests:
        return notes
    out = []
    for note in notes:
        code = _code(note)
        if code in tests:
            container = _code(note.args[0].value)
            others = any(
                t != code and t.startswith(f"_omp.keyed({container}, ") for t in region.touched
            )
            if container in region.reached or others:
                note = _call("tested", note.args[0].value, note.args[1].value)
        out.append(note)
    return out


def _presence_tests(
    test: cst.BaseExpression,
) -> Iterator[tuple[cst.BaseExpression, cst.ComparisonTarget]]:
    for found in _walk(test):
        if isinstance(found, cst.Comparison):
            yield from _in_tests(found)


def _in_tests(
    comparison: cst.Comparison,
) -> Iterator[tuple[cst.BaseExpression, cst.ComparisonTarget]]:
    """``(key, target)`` of each ``key in container`` of ``comparison`` that a note
    can read again (``a < k in d``: ``k``, ``in d``)."""
    left = comparison.left
    for target in comparison.comparisons:
        if (
            isinstance(target.operator, (cst.In, cst.NotIn))
            and _simple(target.comparator)
            and _simple(left, True)
        ):
            yield left, target
        left = target.comparator


def _twins_touch(nodes: list[cst.BaseStatement]) -> set[str]:
    """The containers the twinned functions ``nodes`` call touch (their code)."""
    twins = _TWINS.get()
    found: set[str] = set()
    for node in nodes:
        for call in _walk(node):
            if not isinstance(call, cst.Call):
                continue
            func = call.func
            if isinstance(func, cst.Call) and _code(func.func) == "_omp.twin":
                func = func.args[0].value  # (a call already made through ``_omp.twin``)
            if isinstance(func, cst.Name):
                found |= twins.get(func.value, frozenset())
            elif isinstance(func, cst.Attribute):
                found |= twins.get("." + func.attr.value, frozenset())
    return found


def touched_containers(body: list[cst.BaseStatement]) -> frozenset[str]:
    """The containers (their code) whose keys ``body`` names (key_twins.py)."""
    return frozenset(_code(n.args[0].value) for s in body for n in _touches(s))


def _code(node: cst.CSTNode) -> str:
    return _EMPTY.code_for_node(node)


def _reads_item(note: cst.Call) -> bool:
    """Whether the note's key reads an item (``keyed(d, row[0])``)."""
    return any(isinstance(n, cst.Subscript) for n in _walk(note.args[-1].value))


def _rebinds(small: cst.BaseSmallStatement) -> set[str]:
    """The names a small statement binds or deletes (a note after its line must not
    read them: ``d[k] = 1; del k``)."""
    found: set[str] = set()
    if isinstance(small, cst.Assign):
        for target in small.targets:
            found.update(target_names(target.target))
    elif isinstance(small, (cst.AugAssign, cst.AnnAssign, cst.Del)):
        found.update(target_names(small.target))
    elif isinstance(small, (cst.Import, cst.ImportFrom)) and not isinstance(
        small.names, cst.ImportStar
    ):
        for alias in small.names:
            name = alias.asname.name if alias.asname else alias.name
            found.update(target_names(name) if isinstance(name, cst.Name) else ())
    return found


def _hold(
    small: cst.BaseSmallStatement, number: int
) -> tuple[cst.BaseSmallStatement, list[cst.Call]]:
    """``tree.setdefault(a, {})[b] = i``, ``rows()[k].append(x)``: a container that
    the note cannot evaluate again is held by the statement itself, as it runs,
    ``(_omp_h0 := tree.setdefault(a, {}))[b] = i``, and noted after it with its
    (simple) key.  Only where it always runs: the statement's store target, or the
    receiver of the call the statement is."""
    if isinstance(small, cst.Assign) and len(small.targets) == 1:
        first = small.targets[0]
        held = _held(first.target, number, set(target_names(first.target)))
        if held is not None:
            return small.with_changes(targets=[first.with_changes(target=held[0])]), [held[1]]
    if isinstance(small, cst.AugAssign):
        held = _held(small.target, number, set(), True)
        if held is not None and not _reads_item(held[1]):
            return small.with_changes(target=held[0]), [held[1]]
    if isinstance(small, cst.Expr) and isinstance(small.value, cst.Call):
        func = small.value.func
        if isinstance(func, cst.Attribute) and isinstance(func.value, cst.Subscript):
            held = _held(func.value, number, set(), True)
            if held is not None and not _reads_item(held[1]):
                target, note = held
                call = small.value.with_changes(func=func.with_changes(value=target))
                return small.with_changes(value=call), [note]
    return small, []


def _hold_setdefault_keys(
    small: cst.BaseSmallStatement, number: int
) -> tuple[cst.BaseSmallStatement, list[cst.Call]]:
    """``tree.setdefault(len(w), {})[w] = 1``: a ``setdefault`` whose key is computed
    (no note could evaluate it again), where it always runs (down the statement's
    store target, the call it is, or the value it assigns), holds its key as it runs,
    ``tree.setdefault((_omp_s00 := len(w)), {})``, noted after the statement."""
    notes: list[cst.Call] = []

    def down(node: cst.BaseExpression) -> cst.BaseExpression:
        if isinstance(node, cst.NamedExpr):
            return node.with_changes(value=down(node.value))
        if isinstance(node, cst.Subscript):
            return node.with_changes(value=down(node.value))
        if isinstance(node, cst.Attribute):
            return node.with_changes(value=down(node.value))
        if not isinstance(node, cst.Call):
            return node
        func = node.func
        if isinstance(func, cst.Attribute):
            node = node.with_changes(func=func.with_changes(value=down(func.value)))
            if func.attr.value == "setdefault" and _simple(func.value) and node.args:
                first = node.args[0]
                key = first.value
                plain = first.keyword is None and not first.star and not _simple(key, True)
                if plain and _holdable(key):
                    name = f"_omp_s{number}{len(notes)}"
                    held = first.with_changes(value=_walrus(name, key))
                    node = node.with_changes(args=[held, *node.args[1:]])
                    notes.append(_call("keyed", func.value, cst.Name(name)))
        return node

    if isinstance(small, cst.Assign) and len(small.targets) == 1:
        target = down(small.targets[0].target)
        value = down(small.value) if isinstance(small.value, cst.Call) else small.value
        changed = small.with_changes(targets=[small.targets[0].with_changes(target=target)])
        return changed.with_changes(value=value), notes
    if isinstance(small, cst.AugAssign):
        return small.with_changes(target=down(small.target)), notes
    if isinstance(small, cst.Expr):
        return small.with_changes(value=down(small.value)), notes
    return small, notes


def _held(
    subscript: cst.BaseExpression, number: int, bound: set[str], first: bool = False
) -> tuple[cst.Subscript, cst.Call] | None:
    """``subscript`` holding its container in ``_omp_h<number>`` and its key in
    ``_omp_k<number>`` where the note could not evaluate them again (a call:
    ``counts[w.lower()] += 1``), and the note; None if it needs no holding or cannot
    have it.  ``first``: the subscript is evaluated before the rest of the statement
    (``d[row[0]] += f()``), so a key that reads an item is held too."""
    if not isinstance(subscript, cst.Subscript):
        return None
    container = subscript.value
    if _ours(container) or _constant(container) or _has_walrus(container):
        return None
    key = _key(subscript)
    note = None if key is None else _call("keyed", key)
    if note is not None and (_names_read(note) & bound or (first and _reads_item(note))):
        key = None  # (the statement may change what the key reads: held as it was read)
    if key is None:
        whole = _whole_key(subscript)
        if whole is None:
            return None
        key = cst.Name(f"_omp_k{number}")
        subscript = subscript.with_changes(
            slice=[cst.SubscriptElement(cst.Index(_walrus(key.value, whole)))]
        )
    elif _simple(container):
        return None  # (noted as it is: _touches)
    if not _simple(container):
        subscript = subscript.with_changes(value=_walrus(f"_omp_h{number}", container))
        container = cst.Name(f"_omp_h{number}")
    return subscript, _call("keyed", container, key)


def _whole_key(subscript: cst.Subscript) -> cst.BaseExpression | None:
    """The key of ``d[f(w)]`` or ``d[a, f(b)]`` as one expression (no slice, star or
    walrus), to be held as the statement evaluates it."""
    return _slice_key(subscript, _holdable)


def _holdable(node: cst.BaseExpression) -> bool:
    """Whether ``node`` can be held in a walrus as it is (no walrus of its own, no
    ``yield`` or ``await``, which would need parentheses of their own)."""
    return not any(isinstance(n, (cst.NamedExpr, cst.Yield, cst.Await)) for n in _walk(node))


def _comma(subscript: cst.Subscript) -> bool:
    """``d[x,]``: the key is the tuple ``(x,)``."""
    return isinstance(subscript.slice[-1].comma, cst.Comma)


def _walrus(name: str, value: cst.BaseExpression) -> cst.NamedExpr:
    return cst.NamedExpr(
        target=cst.Name(name), value=_bare(value), lpar=[cst.LeftParen()], rpar=[cst.RightParen()]
    )


def _has_walrus(node: cst.CSTNode) -> bool:
    return any(isinstance(n, cst.NamedExpr) for n in _walk(node))


def _touches(node: cst.CSTNode) -> Iterator[cst.Call]:
    """Notes for the keys ``node`` names: subscripts of simple things, ``setdefault``
    and ``get`` calls on them, tests of a key's presence (``k not in memo``: python's
    first iteration to test it is the one that adds it, in a memo), the keywords of
    their ``update`` calls (a merge's other keys are noted as it reads them,
    :meth:`_Noter.leave_Call`)."""
    for found in _walk(node):
        if isinstance(found, cst.Subscript) and _simple(found.value):
            key = _key(found)
            if key is not None:
                yield _call("keyed", found.value, key)
        elif isinstance(found, cst.Comparison):
            for left, target in _in_tests(found):
                yield _call("keyed", target.comparator, left)
        elif isinstance(found, cst.Call) and isinstance(found.func, cst.Attribute):
            owner, method = found.func.value, found.func.attr.value
            if not _simple(owner) or any(a.star for a in found.args):
                continue
            positional = [a.value for a in found.args if a.keyword is None]
            if method in _KEYED_METHODS and positional and _simple(positional[0], True):
                yield _call("keyed", owner, positional[0])
            elif method == "update" and len(positional) <= 1:
                for arg in found.args:
                    if arg.keyword is not None:
                        yield _call("keyed", owner, cst.SimpleString(repr(arg.keyword.value)))


def _unique(notes: list[cst.Call]) -> list[cst.Call]:
    """``values[i] = values[i] + 1`` names one key twice: one note."""
    seen: dict[str, cst.Call] = {}
    for note in notes:
        seen.setdefault(_EMPTY.code_for_node(note), note)
    return list(seen.values())


_EMPTY = cst.Module(body=[])


def _walk(node: cst.CSTNode) -> Iterator[cst.CSTNode]:
    """``node`` and what it holds, outer first, not entering nested scopes."""
    if isinstance(node, _SCOPES):
        return
    yield node
    for child in children(node):  # (walk.py's: no copy of each node)
        yield from _walk(child)


def _key(subscript: cst.Subscript) -> cst.BaseExpression | None:
    """The key of ``d[k]`` (``grid[x, y]``: the tuple), if simple."""
    return _slice_key(subscript, lambda value: _simple(value, True))


def _slice_key(
    subscript: cst.Subscript, accept: Callable[[cst.BaseExpression], bool]
) -> cst.BaseExpression | None:
    """The key ``subscript`` names, one expression (``grid[x, y]``, ``d[x,]``: the
    tuple), if it is no slice or star and ``accept`` takes each of its parts."""
    keys = []
    for element in subscript.slice:
        index = element.slice
        if not (isinstance(index, cst.Index) and index.star is None and accept(index.value)):
            return None
        keys.append(index.value)
    if len(keys) == 1 and not _comma(subscript):
        return keys[0]
    return cst.Tuple(elements=[cst.Element(_bare(key)) for key in keys])


def _simple(node: cst.CSTNode, key: bool = False) -> bool:
    """Evaluating ``node`` again calls nothing of the program's (but a property)."""
    if isinstance(node, cst.Name):
        return not node.value.startswith("_omp")
    if isinstance(node, cst.Attribute):
        return node.attr.value not in _PROPERTIES.get() and _simple(node.value)
    if not key:
        return False
    if isinstance(node, (cst.Integer, cst.Float, cst.SimpleString)):
        return True
    if isinstance(node, cst.UnaryOperation) and isinstance(node.operator, cst.Minus):
        return isinstance(node.expression, (cst.Integer, cst.Float))
    if isinstance(node, cst.Tuple):
        return all(_simple(e.value, True) for e in node.elements if isinstance(e, cst.Element))
    if isinstance(node, cst.BinaryOperation):  # ``d[a + b]``, ``d["k" + w]``
        return _simple(node.left, True) and _simple(node.right, True)
    if isinstance(node, cst.FormattedString):  # ``d[f"{key}={val}"]``
        return all(
            _simple(part.expression, True) and part.format_spec is None
            for part in node.parts
            if isinstance(part, cst.FormattedStringExpression)
        )
    if isinstance(node, cst.Subscript) and _simple(node.value):
        inner = _key(node)
        return inner is not None and isinstance(inner, (cst.Name, cst.Integer, cst.SimpleString))
    return False


def _ours(node: cst.BaseExpression) -> bool:
    """``_omp_fresh['x']``, ``_omp_sync_3.fresh[...]``: the generated code's own."""
    while isinstance(node, (cst.Attribute, cst.Subscript, cst.Call)):
        node = node.func if isinstance(node, cst.Call) else node.value
    return isinstance(node, cst.Name) and node.value.startswith("_omp")


def _constant(node: cst.BaseExpression) -> bool:
    if isinstance(node, (cst.Integer, cst.Float, cst.Imaginary, cst.SimpleString)):
        return True
    if isinstance(node, cst.UnaryOperation):
        return _constant(node.expression)
    if isinstance(node, cst.BinaryOperation):
        return _constant(node.left) and _constant(node.right)
    return False


_KEYS = cst.Name("_omp_keys")
_SWITCH = cst.parse_expression("_omp.KEYS")


def _call(function: str, *args: cst.BaseExpression) -> cst.Call:
    return cst.Call(
        func=cst.parse_expression(f"_omp.{function}"),
        args=[cst.Arg(_bare(a)) for a in args],
    )


def _bare(node: cst.BaseExpression) -> cst.BaseExpression:
    """``node`` without the parentheses and spaces it had in its statement (a
    generator expression, one argument among others now, with its own)."""
    if isinstance(node, (cst.GeneratorExp, cst.Tuple)):
        return node.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])
    return node.with_changes(lpar=(), rpar=()) if hasattr(node, "lpar") else node


def _names_read(call: cst.Call) -> set[str]:
    """The names a note reads again; ``merged(c, part)`` after ``c += part`` reads the
    name the statement bound, which is the same dict when the merge was in place."""
    args = call.args[1:] if _EMPTY.code_for_node(call.func) == "_omp.merged" else call.args
    return {n.value for arg in args for n in _walk(arg.value) if isinstance(n, cst.Name)}
