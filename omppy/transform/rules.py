"""OpenMP's rules on the constructs of docs/pragmas.md beyond regions, work shares and
synchronisation blocks, checked by the survey before anything is rewritten; the rules
on cancel (``rules_cancel.py``), scan (``rules_scan.py``) and ordered and doacross
(``rules_ordered.py``) have modules of their own.

A ``loop`` construct (or one with ``order(concurrent)``) holds no synchronisation;
``threadprivate`` declares module globals, which take no data-sharing clause but
``copyin`` and ``copyprivate``; a loop's own variables are not in its ``linear``; a
``reduction`` names a known operator; ``error at(compilation)`` stops the translation
(or warns); ``tile sizes(...)`` tiles as many perfectly nested loops.  Each rule raises
a :class:`PragmaError` that says what to write instead.
"""

from __future__ import annotations

import ast
import builtins
import warnings
from collections.abc import Set as AbstractSet

import libcst as cst

from .checks import at as _at
from .checks import error
from .diagnostics import DirectiveWarning, PragmaError, did_you_mean
from .model import Construct
from .pragma import PARALLEL_DIRECTIVES, REDUCTION_OPERATORS

_BUILTINS = frozenset(dir(builtins))
# What may stand in a 'loop' region or an order(concurrent) one (OpenMP 5.2, 11.7 and
# 10.3), besides combined constructs that start with 'parallel'.
_CONCURRENT_ALLOWED = frozenset({"for", "simd", "atomic", "parallel", "parallel for"})


def concurrent(construct: Construct, stack: list[Construct], filename: str) -> None:
    """Nothing but loop, parallel, simd and atomic inside a ``loop`` construct or one
    with ``order(concurrent)``: their iterations may run in any order."""
    for outer in reversed(stack):
        if outer.directive in PARALLEL_DIRECTIVES and outer is not stack[-1]:
            return
        spelled = outer.pragma.shown
        if spelled in ("loop", "parallel loop") or outer.pragma.clause("order") is not None:
            if construct.directive in _CONCURRENT_ALLOWED:
                return
            reason = (
                f"'# omp {spelled}'"
                if spelled in ("loop", "parallel loop")
                else f"a loop with order(concurrent) ('# omp {spelled}')"
            )
            raise error(
                filename,
                _at(construct.pragma),
                f"'# omp {construct.pragma.shown}' cannot stand in {reason}: its iterations "
                "may run in any order, so only loop, parallel, simd and atomic constructs "
                "may be nested in it",
                hint="use '# omp for' (without order(concurrent)) for a loop that "
                "synchronises",
            )
        if outer.directive in PARALLEL_DIRECTIVES:
            return


def threadprivate(
    construct: Construct, scope: str, module_names: AbstractSet[str], filename: str
) -> None:
    pragma = construct.pragma
    if scope != "module":
        raise error(
            filename,
            _at(pragma),
            "'# omp threadprivate' declares module globals: it must stand at the top level "
            "of the module",
            hint="a function's local variables are each thread's own already",
        )
    for name in pragma.listed:
        if name not in module_names:
            raise error(
                filename,
                _at(pragma),
                f"threadprivate '{name}' is not a global of this module",
                hint=f"bind it at the top level before the directive: '{name} = ...'",
            )


def threadprivate_clauses(
    construct: Construct, threadprivate: AbstractSet[str], filename: str
) -> None:
    """A threadprivate name takes no data-sharing clause but ``copyin`` and
    ``copyprivate``; ``copyin`` takes threadprivate names only."""
    pragma = construct.pragma
    for clause in pragma.clauses:
        if clause.name == "copyin":
            for name in clause.names:
                if name not in threadprivate:
                    raise error(
                        filename,
                        (clause.pos.line, clause.pos.col),
                        f"copyin({name}): '{name}' is not threadprivate",
                        hint=f"declare it at the module's top level: "
                        f"'# omp threadprivate({name})'",
                    )
        elif clause.name in ("private", "firstprivate", "lastprivate", "shared", "reduction",
                             "linear"):
            for name in clause.names:
                if name in threadprivate:
                    raise error(
                        filename,
                        (clause.pos.line, clause.pos.col),
                        f"'{name}' is threadprivate: it cannot be in '{clause.name}'",
                        hint="each thread has its own already; copyin and copyprivate "
                        "are the clauses for it",
                    )


def linear_loop_variables(
    construct: Construct, loop_vars: AbstractSet[str], filename: str
) -> None:
    """A work-shared loop's own variables are not in its ``linear`` clause: each is
    bound by the loop (it would be read before the loop, where it has no value)."""
    for clause in construct.pragma.all("linear"):
        own = next((n for n in clause.names if n in loop_vars), None)
        if own is not None:
            raise error(
                filename,
                (clause.pos.line, clause.pos.col),
                f"'{own}' is the loop's own variable, linear already: it cannot be in "
                "'linear'",
                hint="remove it from the clause; 'linear' is for other variables that "
                "grow by a step each iteration",
            )


def reduction_operators(
    construct: Construct, declared: AbstractSet[str], visible: AbstractSet[str], filename: str
) -> None:
    """A reduction's operator is built in, declared in this file, or a function that
    the construct can name."""
    for clause in construct.pragma.all("reduction"):
        op = clause.op or "+"
        if op in REDUCTION_OPERATORS or op in declared:
            continue
        root = op.split(".")[0]
        if root in visible or root in _BUILTINS:
            continue
        choices = [*REDUCTION_OPERATORS, *sorted(declared)]
        raise error(
            filename,
            (clause.pos.line, clause.pos.col),
            f"unknown reduction operator '{op}'{did_you_mean(op, choices)}",
            hint="operators: + - * & | ^ and or min max, a name from '# omp declare "
            "reduction' in this file, or a function of two arguments",
        )


def error_directive(construct: Construct, filename: str) -> None:
    """``error`` at compilation (its default): stop the translation, or warn."""
    pragma = construct.pragma
    at = pragma.clause("at")
    if at is not None and at.kind == "execution":
        return
    message_clause = pragma.clause("message")
    message = "'# omp error' directive"
    if message_clause is not None:
        assert message_clause.expr is not None
        try:
            message = str(ast.literal_eval(message_clause.expr))
        except (ValueError, SyntaxError):
            where = message_clause.expr_pos or pragma.pos
            raise error(
                filename,
                (where.line, where.col),
                "the message of a compile-time error must be a string literal",
                hint="write message('...'), or at(execution) to compute it at run time",
            ) from None
    severity = pragma.clause("severity")
    if severity is not None and severity.kind == "warning":
        warnings.warn_explicit(message, DirectiveWarning, filename, pragma.pos.line)
        return
    raise PragmaError(
        f"error: {message}", filename=filename, line=pragma.pos.line, col=pragma.pos.col
    )


def tile(construct: Construct, filename: str) -> None:
    """``tile sizes(a, b)`` applies to a nest of as many perfectly nested loops."""
    pragma = construct.pragma
    sizes = pragma.clause("sizes")
    if sizes is None:
        raise error(filename, _at(pragma), "'# omp tile' needs sizes(...)",
                    hint="for example '# omp tile sizes(8, 8)'")
    loop = construct.body[0]
    for level in range(2, len(sizes.exprs) + 1):
        assert isinstance(loop, cst.For)
        body = loop.body.body if isinstance(loop.body, cst.IndentedBlock) else []
        if len(body) != 1 or not isinstance(body[0], cst.For):
            raise error(
                filename,
                _at(pragma),
                f"sizes({', '.join(sizes.exprs)}) tiles {len(sizes.exprs)} perfectly nested "
                f"loops, but level {level} is not a for loop alone in the loop above it",
                hint=f"make level {level} a for loop alone in the body of the loop above, or "
                "list fewer sizes",
            )
        loop = body[0]
