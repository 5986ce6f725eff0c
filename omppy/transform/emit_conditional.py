"""``lastprivate(conditional: x)`` on ``for``, ``sections`` and their combined forms.

OpenMP 5.2: after the construct, ``x`` has the value that the sequentially last
iteration (or the lexically last section) *that assigned x* gave it, and keeps its
value when none did; plain ``lastprivate`` takes whatever the last iteration left.

Each thread records, right after each statement of the body that binds ``x``, the
number of the iteration it runs and the value: ``_omp_lc_x = (_omp_n, x)``.  The
records are a ``max`` reduction whose original is None: an iteration runs in one
thread only, so no two records tie and ``max`` picks the last assignment; None stays
when no thread assigned.  The loop iterates ``_omp.numbered(items)``, pairs of
(number, item); a section's number is ``_omp_section`` already.  The work share's
end (``runtime/workshare.py``) or, for a ``parallel`` construct, the code after
the region gives ``x`` the record's value.

A name bound in the test of an ``if``/``while``/``match`` (``if (x := f()):``)
cannot be recorded at its assignment: a clear error.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import libcst as cst

from .diagnostics import PragmaError
from .pragma import Pragma
from .walk import OwnScope

if TYPE_CHECKING:
    from .emit import Emitter

PREFIX = "_omp_lc_"  # runtime/workshare.py CONDITIONAL
INDEX = "_omp_n"  # the number of the iteration a loop runs


def names(pragma: Pragma) -> tuple[str, ...]:
    """The names of the construct's ``lastprivate(conditional: ...)`` clauses."""
    return tuple(
        n for c in pragma.all("lastprivate") if c.modifier == "conditional" for n in c.names
    )


def record(name: str) -> str:
    return PREFIX + name


def reduction_entries(conditional: Sequence[str]) -> list[str]:
    """The ``reduction`` dict's entries for the records: ``max``, from None."""
    return [f"{record(n)!r}: ('max', None)" for n in conditional]


def outputs(conditional: Sequence[str], source: str) -> list[str]:
    """After a ``parallel`` construct: each name from its record, if there is one."""
    return [
        f"if {source}[{record(n)!r}] is not None:\n    {n} = {source}[{record(n)!r}][1]\n"
        for n in conditional
    ]


def numbered_target(target: cst.BaseAssignTargetExpression) -> cst.Tuple:
    """``_omp_n, <target>``: a loop over ``_omp.numbered(items)``."""
    if isinstance(target, cst.Tuple) and not target.lpar:
        target = target.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])
    return cst.Tuple([cst.Element(cst.Name(INDEX)), cst.Element(target)], lpar=[], rpar=[])


def instrument(
    e: Emitter,
    body: cst.BaseSuite,
    conditional: Sequence[str],
    index: str,
    pragma: Pragma,
    header: cst.For | None = None,
) -> cst.BaseSuite:
    """``body`` with ``_omp_lc_x = (index, x)`` after each binding of a ``conditional``
    name ``x``; ``header``: the loop whose targets each iteration binds first."""
    recorder = _Recorder(e, set(conditional), index, pragma)
    if header is None:
        return recorder.suite(body)
    return recorder.suite(body, _targets(header.target), header)


class _Recorder:
    """Rebuilds a body with the records; each statement it rebuilds keeps the user's
    lines the original stood for (the line table), a record line takes its header's."""

    def __init__(self, e: Emitter, conditional: set[str], index: str, pragma: Pragma) -> None:
        self.e = e
        self.conditional = conditional
        self.index = index
        self.pragma = pragma
        self.filename = e.filename

    def keep(self, new: cst.BaseStatement, old: cst.BaseStatement) -> cst.BaseStatement:
        lines = self.e.origin.get(old)
        if lines is not None:
            self.e.origin[new] = lines
        return new

    def records(self, bound: set[str]) -> list[cst.BaseSmallStatement]:
        out = []
        for name in sorted(bound & self.conditional):
            line = cst.parse_statement(f"{record(name)} = ({self.index}, {name})\n")
            assert isinstance(line, cst.SimpleStatementLine)
            out.append(line.body[0])
        return out

    def record_line(self, bound: set[str], header: cst.BaseStatement) -> list[cst.BaseStatement]:
        small = self.records(bound)
        if not small:
            return []
        line = self.e.line_of(header, self.pragma.pos.line)
        return [self.e.stamp(cst.SimpleStatementLine(body=small), line)]

    # -- suites and statements --------------------------------------------------------

    def suite(
        self,
        suite: cst.BaseSuite,
        first: set[str] | None = None,
        header: cst.BaseStatement | None = None,
    ) -> cst.BaseSuite:
        """``suite`` instrumented; ``first``: names its ``header`` bound (recorded
        first)."""
        if isinstance(suite, cst.SimpleStatementSuite):
            small = [*self.records(first or set()), *self.smalls(suite.body)]
            return suite.with_changes(body=small)
        assert isinstance(suite, cst.IndentedBlock)
        body = self.record_line(first, header) if first and header is not None else []
        for statement in suite.body:
            body.extend(self.statement(statement))
        return suite.with_changes(body=body)

    def smalls(
        self, statements: Sequence[cst.BaseSmallStatement]
    ) -> list[cst.BaseSmallStatement]:
        out: list[cst.BaseSmallStatement] = []
        for small in statements:
            out.append(small)
            out.extend(self.records(_bound_by(small)))
        return out

    def statement(self, statement: cst.BaseStatement) -> list[cst.BaseStatement]:
        new = self.rebuilt(statement)
        if isinstance(statement, (cst.FunctionDef, cst.ClassDef)):
            # Its body runs later, in its own scope; the statement binds its name.
            return [statement, *self.record_line({statement.name.value}, statement)]
        return [self.keep(new, statement)]

    def rebuilt(self, statement: cst.BaseStatement) -> cst.BaseStatement:
        if isinstance(statement, cst.SimpleStatementLine):
            return statement.with_changes(body=self.smalls(statement.body))
        if isinstance(statement, (cst.For, cst.While)):
            if isinstance(statement, cst.While):
                self.refuse_walrus(statement.test, "while")
                first: set[str] = set()
            else:
                first = _targets(statement.target)
            orelse = statement.orelse
            return statement.with_changes(
                body=self.suite(statement.body, first, statement),
                orelse=orelse.with_changes(body=self.suite(orelse.body)) if orelse else None,
            )
        if isinstance(statement, cst.If):
            return self.if_chain(statement)
        if isinstance(statement, cst.With):
            bound: set[str] = set()
            for item in statement.items:
                if item.asname is not None:
                    bound |= _targets(item.asname.name)
            return statement.with_changes(body=self.suite(statement.body, bound, statement))
        if isinstance(statement, (cst.Try, cst.TryStar)):
            handlers = [
                h.with_changes(
                    body=self.suite(
                        h.body, _targets(h.name.name) if h.name else set(), statement
                    )
                )
                for h in statement.handlers
            ]
            changes: dict[str, object] = {"body": self.suite(statement.body), "handlers": handlers}
            if statement.orelse is not None:
                changes["orelse"] = statement.orelse.with_changes(
                    body=self.suite(statement.orelse.body)
                )
            if statement.finalbody is not None:
                changes["finalbody"] = statement.finalbody.with_changes(
                    body=self.suite(statement.finalbody.body)
                )
            return statement.with_changes(**changes)
        if isinstance(statement, cst.Match):
            self.refuse_walrus(statement.subject, "match")
            cases = [
                case.with_changes(body=self.suite(case.body, _captures(case.pattern), statement))
                for case in statement.cases
            ]
            return statement.with_changes(cases=cases)
        return statement

    def if_chain(self, statement: cst.If) -> cst.If:
        self.refuse_walrus(statement.test, "if")
        orelse = statement.orelse
        if isinstance(orelse, cst.If):
            chained = self.if_chain(orelse)
            self.keep(chained, orelse)
            orelse = chained
        elif isinstance(orelse, cst.Else):
            orelse = orelse.with_changes(body=self.suite(orelse.body))
        body = self.suite(statement.body)
        return statement.with_changes(body=body, orelse=orelse)

    def refuse_walrus(self, test: cst.BaseExpression, where: str) -> None:
        bound = _walrus_targets(test) & self.conditional
        if bound:
            name = sorted(bound)[0]
            raise PragmaError(
                f"lastprivate(conditional: {name}): '{name}' is bound by ':=' in the "
                f"test of an '{where}'; omppy records the assignments that statements make",
                filename=self.filename,
                line=self.pragma.pos.line,
                col=self.pragma.pos.col,
                hint=f"assign it in a statement of its own: '{name} = ...' before the '{where}'",
            )


def _bound_by(small: cst.BaseSmallStatement) -> set[str]:
    """The names a small statement binds (``:=`` inside it included)."""
    bound: set[str] = set()
    if isinstance(small, cst.Assign):
        for target in small.targets:
            bound |= _targets(target.target)
    elif isinstance(small, cst.AugAssign) or (
        isinstance(small, cst.AnnAssign) and small.value is not None
    ):
        bound |= _targets(small.target)
    elif isinstance(small, (cst.Import, cst.ImportFrom)) and not isinstance(
        small.names, cst.ImportStar
    ):
        for alias in small.names:
            if alias.asname is not None:
                bound |= _targets(alias.asname.name)
            else:
                bound.add(cst.helpers.get_full_name_for_node_or_raise(alias.name).split(".")[0])
    return bound | _walrus_targets(small)


def _targets(node: cst.BaseExpression) -> set[str]:
    """The names an assignment target binds (not items or attributes)."""
    if isinstance(node, cst.Name):
        return {node.value}
    if isinstance(node, (cst.Tuple, cst.List)):
        found: set[str] = set()
        for element in node.elements:
            found |= _targets(element.value)
        return found
    if isinstance(node, cst.StarredElement):
        return _targets(node.value)
    return set()


def _walrus_targets(node: cst.CSTNode) -> set[str]:
    found: set[str] = set()

    class Walrus(OwnScope, cst.CSTVisitor):  # a lambda's ':=' binds in the lambda
        def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
            found.update(_targets(node.target))

    node.visit(Walrus())
    return found


def _captures(pattern: cst.MatchPattern) -> set[str]:
    found: set[str] = set()

    class Captures(cst.CSTVisitor):
        def visit_MatchAs(self, node: cst.MatchAs) -> None:
            if node.name is not None:
                found.add(node.name.value)

        def visit_MatchStar(self, node: cst.MatchStar) -> None:
            if node.name is not None:
                found.add(node.name.value)

        def visit_MatchMapping(self, node: cst.MatchMapping) -> None:
            if node.rest is not None:
                found.add(node.rest.value)

    pattern.visit(Captures())
    return found
