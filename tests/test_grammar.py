"""The pragma grammar of docs/pragmas.md: every directive and clause, and the error messages."""

from __future__ import annotations

import pytest

from omppy.transform.diagnostics import PragmaError
from omppy.transform.grammar import ALL_CLAUSES, EXAMPLES
from omppy.transform.pragma import (
    BLOCK_DIRECTIVES,
    DIRECTIVE_CLAUSES,
    REDUCTION_OPERATORS,
    Clause,
    Position,
    Pragma,
)
from omppy.transform.scanner import find_pragmas


def parse(pragma: str) -> Pragma:
    """The one pragma in a one-line source."""
    (found,) = find_pragmas(pragma + "\n", "t.py")
    return found


def message(pragma: str) -> str:
    """The full error text for a one-line source."""
    with pytest.raises(PragmaError) as info:
        find_pragmas(pragma + "\n", "t.py")
    return str(info.value)


def clause(pragma: str) -> Clause:
    """The single clause of a pragma."""
    (only,) = parse(pragma).clauses
    return only


# -- directives ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "directive"),
    [
        ("parallel", "parallel"),
        ("for", "for"),
        ("parallel for", "parallel for"),
        ("parallel   for", "parallel for"),
        ("parallel\tfor", "parallel for"),
        ("sections", "sections"),
        ("section", "section"),
        ("parallel sections", "parallel sections"),
        ("single", "single"),
        ("master", "master"),
        ("masked", "masked"),
        ("critical", "critical"),
        ("atomic", "atomic"),
        ("barrier", "barrier"),
        ("flush", "flush"),
        ("ordered", "ordered"),
    ],
)
def test_directive_names_are_canonical(text: str, directive: str) -> None:
    pragma = parse(f"# omp {text}")
    assert (pragma.directive, pragma.end, pragma.clauses) == (directive, False, ())
    assert pragma.text == text


def test_every_directive_of_the_table_parses() -> None:
    for directive in DIRECTIVE_CLAUSES:
        assert parse(f"# omp {directive}").directive == directive


@pytest.mark.parametrize("directive", sorted(BLOCK_DIRECTIVES))
def test_end_of_every_block_directive(directive: str) -> None:
    pragma = parse(f"# omp end {directive}")
    assert (pragma.directive, pragma.end, pragma.text) == (directive, True, f"end {directive}")


def test_end_with_free_spacing() -> None:
    pragma = parse("#omp   end   parallel    sections  ")
    assert (pragma.directive, pragma.end) == ("parallel sections", True)


def test_critical_with_a_name_and_a_hint() -> None:
    pragma = parse("# omp critical (lock_a) hint(1 << 2)")
    assert pragma.name == "lock_a"
    assert pragma.clauses == (
        Clause("hint", Position(1, 24), expr="1 << 2", expr_pos=Position(1, 29)),
    )
    assert parse("# omp critical").name is None
    assert parse("# omp end critical(lock_a)").name == "lock_a"


def test_flush_with_and_without_a_list() -> None:
    assert parse("# omp flush").flush_names == ()
    assert parse("# omp flush( a ,b )").flush_names == ("a", "b")


def test_atomic_update() -> None:
    assert clause("# omp atomic update") == Clause("update", Position(1, 13))


def test_masked_filter() -> None:
    assert clause("# omp masked filter(tid + 1)") == Clause(
        "filter", Position(1, 13), expr="tid + 1", expr_pos=Position(1, 20)
    )


# -- clauses -------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["private", "firstprivate", "lastprivate", "shared"])
def test_name_list_clauses(name: str) -> None:
    directive = "parallel for"
    pragma = parse(f"# omp {directive} {name}( a, b_2 ,c )")
    assert pragma.clauses == (Clause(name, Position(1, 19), names=("a", "b_2", "c")),)


def test_copyprivate_on_single() -> None:
    assert clause("# omp single copyprivate(x)") == Clause(
        "copyprivate", Position(1, 13), names=("x",)
    )


def test_list_clauses_may_repeat() -> None:
    pragma = parse("# omp parallel private(a) private(b) reduction(+:s) reduction(max:m)")
    assert pragma.names_in("private") == ("a", "b")
    assert [c.op for c in pragma.all("reduction")] == ["+", "max"]


def test_first_and_last_private_may_share_a_variable() -> None:
    pragma = parse("# omp for firstprivate(x) lastprivate(x)")
    assert pragma.names_in("firstprivate") == pragma.names_in("lastprivate") == ("x",)


def test_names_are_normalised_like_python_identifiers() -> None:
    # Python reads the ligature 'ﬁ' as 'fi': both spell the same variable.
    assert clause("# omp parallel private(ﬁle)").names == ("file",)
    with pytest.raises(PragmaError, match="'for' is a Python keyword"):
        find_pragmas("# omp parallel private(\uff46\uff4f\uff52)\n")  # fullwidth 'for'


@pytest.mark.parametrize("op", REDUCTION_OPERATORS)
def test_every_reduction_operator(op: str) -> None:
    assert clause(f"# omp parallel reduction({op}:x)") == Clause(
        "reduction", Position(1, 15), names=("x",), op=op
    )


@pytest.mark.parametrize(("alias", "op"), [("&&", "and"), ("||", "or")])
def test_reduction_aliases(alias: str, op: str) -> None:
    assert clause(f"# omp parallel reduction( {alias} : a, b )").op == op


def test_reduction_default_modifier_is_accepted() -> None:
    assert clause("# omp parallel reduction(default, +: s)").op == "+"


@pytest.mark.parametrize(
    ("text", "kind", "expr"),
    [
        ("schedule(static)", "static", None),
        ("schedule(static, 4)", "static", "4"),
        ("schedule( dynamic ,n // 2 )", "dynamic", "n // 2"),
        ("schedule(guided, max(1, len(data) // 8))", "guided", "max(1, len(data) // 8)"),
        ("schedule(runtime)", "runtime", None),
        ("schedule(auto)", "auto", None),
        ("schedule(monotonic: dynamic, 2)", "dynamic", "2"),
        ("schedule(nonmonotonic, simd: guided)", "guided", None),
        ("schedule(dynamic, lambda: 3)", "dynamic", "lambda: 3"),
    ],
)
def test_schedule(text: str, kind: str, expr: str | None) -> None:
    pragma = f"# omp for {text}"
    got = clause(pragma)
    assert (got.name, got.pos, got.kind, got.expr) == ("schedule", Position(1, 10), kind, expr)
    assert got.expr_pos == (None if expr is None else Position(1, pragma.index(expr)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("if(n > 1000)", Clause("if", Position(1, 15), expr="n > 1000", expr_pos=Position(1, 18))),
        (
            "if(parallel: n > 1)",
            Clause("if", Position(1, 15), expr="n > 1", expr_pos=Position(1, 28)),
        ),
        ("if(d[1:2])", Clause("if", Position(1, 15), expr="d[1:2]", expr_pos=Position(1, 18))),
        (
            "if(lambda: 0)",
            Clause("if", Position(1, 15), expr="lambda: 0", expr_pos=Position(1, 18)),
        ),
        (
            "num_threads( n // 2 )",
            Clause("num_threads", Position(1, 15), expr="n // 2", expr_pos=Position(1, 28)),
        ),
        (
            'num_threads(len("a,)b:(") + f(x, y))',
            Clause(
                "num_threads",
                Position(1, 15),
                expr='len("a,)b:(") + f(x, y)',
                expr_pos=Position(1, 27),
            ),
        ),
        (
            "num_threads((2, 3)[0])",
            Clause("num_threads", Position(1, 15), expr="(2, 3)[0]", expr_pos=Position(1, 27)),
        ),
        ("default(none)", Clause("default", Position(1, 15), kind="none")),
        ("default( firstprivate )", Clause("default", Position(1, 15), kind="firstprivate")),
        ("proc_bind(spread)", Clause("proc_bind", Position(1, 15), kind="spread")),
    ],
)
def test_parallel_clauses(text: str, expected: Clause) -> None:
    assert clause(f"# omp parallel {text}") == expected


def test_collapse_ordered_nowait() -> None:
    pragma = parse("# omp for collapse( 3 ) ordered nowait")
    assert pragma.clauses == (
        Clause("collapse", Position(1, 10), number=3),
        Clause("ordered", Position(1, 24)),
        Clause("nowait", Position(1, 32)),
    )


@pytest.mark.parametrize(
    "text",
    [
        "private(a) shared(b)",
        "private(a), shared(b)",
        "private(a),shared(b)",
        "private(a) ,  shared(b)",
        ", private(a) shared(b)",
        "private (a)   shared\t(b)",
    ],
)
def test_clauses_separated_by_spaces_and_commas(text: str) -> None:
    pragma = parse(f"# omp parallel {text}")
    assert [(c.name, c.names) for c in pragma.clauses] == [("private", ("a",)), ("shared", ("b",))]


def test_a_full_parallel_for() -> None:
    pragma = parse(
        "# omp parallel for num_threads(4) schedule(dynamic, 2) reduction(+:s) "
        "lastprivate(last) default(shared) collapse(2) ordered"
    )
    assert [c.name for c in pragma.clauses] == [
        "num_threads",
        "schedule",
        "reduction",
        "lastprivate",
        "default",
        "collapse",
        "ordered",
    ]


@pytest.mark.parametrize("directive", sorted(DIRECTIVE_CLAUSES))
def test_every_allowed_clause_is_accepted(directive: str) -> None:
    """Each clause of the table, with a sample argument, on each directive that takes it."""
    samples = {**EXAMPLES, "nowait": "nowait", "ordered": "ordered", "update": "update"}
    for name in sorted(DIRECTIVE_CLAUSES[directive]):
        pragma = parse(f"# omp {directive} {samples[name]}")
        assert [c.name for c in pragma.clauses] == [name]


@pytest.mark.parametrize("directive", sorted(DIRECTIVE_CLAUSES))
def test_every_other_clause_is_refused(directive: str) -> None:
    for name in sorted(ALL_CLAUSES - DIRECTIVE_CLAUSES[directive]):
        with pytest.raises(PragmaError, match=f"clause '{name}' is not allowed on"):
            find_pragmas(f"# omp {directive} {name}\n")


# -- exact error messages ------------------------------------------------------------

ERRORS = [
    (
        "# omp",
        "t.py:1:6: missing directive after '# omp'\n"
        "    # omp\n"
        "         ^\n"
        "  hint: write a directive, e.g. '# omp parallel for'; "
        "see docs/pragmas.md for what omppy supports",
    ),
    (
        "# omp parallel reduciton(+:s)",
        "t.py:1:16: unknown clause 'reduciton' (did you mean 'reduction'?)\n"
        "    # omp parallel reduciton(+:s)\n"
        "                   ^",
    ),
    (
        "# omp single wibble",
        "t.py:1:14: unknown clause 'wibble'\n"
        "    # omp single wibble\n"
        "                 ^\n"
        "  hint: 'single' accepts: copyprivate, firstprivate, nowait, private",
    ),
    (
        "# omp barrier wibble",
        "t.py:1:15: unknown clause 'wibble'\n"
        "    # omp barrier wibble\n"
        "                  ^\n"
        "  hint: 'barrier' takes no clauses",
    ),
    (
        "# omp parallel for nowait",
        "t.py:1:20: clause 'nowait' is not allowed on 'parallel for'\n"
        "    # omp parallel for nowait\n"
        "                       ^\n"
        "  hint: 'parallel for' accepts: collapse, default, firstprivate, if, lastprivate, "
        "num_threads, ordered, private, proc_bind, reduction, schedule, shared",
    ),
    (
        "# omp paralel for",
        "t.py:1:7: unknown directive 'paralel' (did you mean 'parallel'?)\n"
        "    # omp paralel for\n"
        "          ^\n"
        "  hint: see docs/pragmas.md for what omppy supports",
    ),
    (
        "# omp task",
        "t.py:1:7: '# omp task' is not supported by omppy\n"
        "    # omp task\n"
        "          ^\n"
        "  hint: see docs/pragmas.md for what omppy supports",
    ),
    (
        "# omp cancellation point parallel",
        "t.py:1:7: '# omp cancellation point' is not supported by omppy\n"
        "    # omp cancellation point parallel\n"
        "          ^\n"
        "  hint: see docs/pragmas.md for what omppy supports",
    ),
    (
        "    # omp parallel for simd",
        "t.py:1:11: '# omp parallel for simd' is not supported by omppy\n"
        "        # omp parallel for simd\n"
        "              ^\n"
        "  hint: see docs/pragmas.md for what omppy supports",
    ),
    (
        "# omp parallel master",
        "t.py:1:7: '# omp parallel master' is not supported by omppy\n"
        "    # omp parallel master\n"
        "          ^\n"
        "  hint: nest the constructs instead: '# omp master' inside '# omp parallel'",
    ),
    (
        "# omp private(x)",
        "t.py:1:7: expected a directive, found clause 'private'\n"
        "    # omp private(x)\n"
        "          ^\n"
        "  hint: clauses follow a directive, e.g. '# omp parallel private(...)'",
    ),
    (
        "# omp 42",
        "t.py:1:7: expected a directive, found '42'\n    # omp 42\n          ^",
    ),
    (
        "# omp end parallel for",
        "t.py:1:11: cannot end 'parallel for': it is a loop construct\n"
        "    # omp end parallel for\n"
        "              ^\n"
        "  hint: a loop construct ends with its for statement; remove this line",
    ),
    (
        "# omp end for",
        "t.py:1:11: cannot end 'for': it is a loop construct\n"
        "    # omp end for\n"
        "              ^\n"
        "  hint: a loop construct ends with its for statement; remove this line",
    ),
    (
        "# omp end barrier",
        "t.py:1:11: cannot end 'barrier': it is not a block construct\n"
        "    # omp end barrier\n"
        "              ^\n"
        "  hint: '# omp end' closes one of: critical, masked, master, ordered, parallel, "
        "parallel sections, section, sections, single",
    ),
    (
        "# omp end",
        "t.py:1:10: missing directive after '# omp end'\n"
        "    # omp end\n"
        "             ^\n"
        "  hint: '# omp end' closes one of: critical, masked, master, ordered, parallel, "
        "parallel sections, section, sections, single",
    ),
    (
        "# omp end end",
        "t.py:1:11: unknown directive 'end'\n"
        "    # omp end end\n"
        "              ^\n"
        "  hint: see docs/pragmas.md for what omppy supports",
    ),
    (
        "# omp end single nowait",
        "t.py:1:18: '# omp end single' takes no clauses\n"
        "    # omp end single nowait\n"
        "                     ^\n"
        "  hint: put clauses on the opening '# omp single'",
    ),
    (
        "# omp parallel num_threads(4) num_threads(2)",
        "t.py:1:31: clause 'num_threads' appears twice\n"
        "    # omp parallel num_threads(4) num_threads(2)\n"
        "                                  ^",
    ),
    (
        "# omp parallel private(a, b) shared(c, b)",
        "t.py:1:40: 'b' appears in both 'private' and 'shared'\n"
        "    # omp parallel private(a, b) shared(c, b)\n"
        "                                           ^\n"
        "  hint: a variable takes one data-sharing clause "
        "(only firstprivate and lastprivate may share one)",
    ),
    (
        "# omp parallel private(a) private(a)",
        "t.py:1:35: 'a' appears twice in 'private'\n"
        "    # omp parallel private(a) private(a)\n"
        "                                      ^\n"
        "  hint: a variable takes one data-sharing clause "
        "(only firstprivate and lastprivate may share one)",
    ),
    (
        "# omp parallel reduction(+:s) reduction(*:s)",
        "t.py:1:43: 's' appears twice in 'reduction'\n"
        "    # omp parallel reduction(+:s) reduction(*:s)\n"
        "                                              ^\n"
        "  hint: a variable takes one data-sharing clause "
        "(only firstprivate and lastprivate may share one)",
    ),
    (
        "# omp parallel reduction(mx: m)",
        "t.py:1:26: unknown reduction operator 'mx' (did you mean 'max'?)\n"
        "    # omp parallel reduction(mx: m)\n"
        "                             ^\n"
        "  hint: operators: + - * & | ^ and or min max (&& and || mean and, or)",
    ),
    (
        "# omp parallel reduction(: m)",
        "t.py:1:26: missing reduction operator\n"
        "    # omp parallel reduction(: m)\n"
        "                             ^\n"
        "  hint: operators: + - * & | ^ and or min max (&& and || mean and, or)",
    ),
    (
        "# omp parallel reduction(total)",
        "t.py:1:26: missing ':' after the reduction operator\n"
        "    # omp parallel reduction(total)\n"
        "                             ^\n"
        "  hint: write reduction(op: names), e.g. reduction(+: total)",
    ),
    (
        "# omp for reduction(inscan, +: x)",
        "t.py:1:21: reduction modifier 'inscan' is not supported by omppy\n"
        "    # omp for reduction(inscan, +: x)\n"
        "                        ^\n"
        "  hint: see docs/pragmas.md for what omppy supports",
    ),
    (
        "# omp parallel reduction(task, +: x)",
        "t.py:1:26: reduction modifier 'task' is not supported by omppy\n"
        "    # omp parallel reduction(task, +: x)\n"
        "                             ^\n"
        "  hint: see docs/pragmas.md for what omppy supports",
    ),
    (
        "# omp parallel reduction(+:)",
        "t.py:1:28: expected a variable name, found ')'\n"
        "    # omp parallel reduction(+:)\n"
        "                               ^\n"
        "  hint: for example reduction(+: total)",
    ),
    (
        "# omp for schedule(dynamc, 4)",
        "t.py:1:20: unknown schedule kind 'dynamc' (did you mean 'dynamic'?)\n"
        "    # omp for schedule(dynamc, 4)\n"
        "                       ^\n"
        "  hint: schedule kinds: static, dynamic, guided, runtime, auto",
    ),
    (
        "# omp for schedule(runtime, 4)",
        "t.py:1:29: schedule kind 'runtime' takes no chunk size\n"
        "    # omp for schedule(runtime, 4)\n"
        "                                ^\n"
        "  hint: write schedule(runtime); the kind and chunk come from OMP_SCHEDULE",
    ),
    (
        "# omp for schedule(auto, 4)",
        "t.py:1:26: schedule kind 'auto' takes no chunk size\n"
        "    # omp for schedule(auto, 4)\n"
        "                             ^\n"
        "  hint: write schedule(auto)",
    ),
    (
        "# omp for schedule(static:4)",
        "t.py:1:26: expected ',' after schedule kind 'static', found ':'\n"
        "    # omp for schedule(static:4)\n"
        "                             ^\n"
        "  hint: write schedule(static, chunk)",
    ),
    (
        "# omp for schedule(monotonc: static)",
        "t.py:1:20: unknown schedule modifier 'monotonc' (did you mean 'monotonic'?)\n"
        "    # omp for schedule(monotonc: static)\n"
        "                       ^\n"
        "  hint: schedule modifiers: monotonic, nonmonotonic, simd",
    ),
    (
        "# omp for schedule(dynamic,)",
        "t.py:1:27: missing chunk size after ','\n"
        "    # omp for schedule(dynamic,)\n"
        "                              ^\n"
        "  hint: for example schedule(dynamic, 4)",
    ),
    (
        "# omp for schedule(dynamic, 2, 3)",
        "t.py:1:30: unexpected ',' in clause 'schedule'\n"
        "    # omp for schedule(dynamic, 2, 3)\n"
        "                                 ^\n"
        "  hint: for example schedule(dynamic, 4)",
    ),
    (
        "# omp parallel default(nne)",
        "t.py:1:24: unknown default kind 'nne' (did you mean 'none'?)\n"
        "    # omp parallel default(nne)\n"
        "                           ^\n"
        "  hint: default kinds: shared, none, private, firstprivate",
    ),
    (
        "# omp parallel proc_bind(far)",
        "t.py:1:26: unknown proc_bind kind 'far'\n"
        "    # omp parallel proc_bind(far)\n"
        "                             ^\n"
        "  hint: proc_bind kinds: master, primary, close, spread, true, false",
    ),
    (
        "# omp parallel default()",
        "t.py:1:24: clause 'default' needs an argument\n"
        "    # omp parallel default()\n"
        "                           ^\n"
        "  hint: for example default(none)",
    ),
    (
        "# omp for collapse(n)",
        "t.py:1:20: collapse needs a positive integer literal, found 'n'\n"
        "    # omp for collapse(n)\n"
        "                       ^\n"
        "  hint: for example collapse(2)",
    ),
    (
        "# omp for collapse(0)",
        "t.py:1:20: collapse needs a positive integer literal, found '0'\n"
        "    # omp for collapse(0)\n"
        "                       ^\n"
        "  hint: for example collapse(2)",
    ),
    (
        "# omp for collapse( )",
        "t.py:1:21: clause 'collapse' needs an argument\n"
        "    # omp for collapse( )\n"
        "                        ^\n"
        "  hint: for example collapse(2)",
    ),
    (
        "# omp for ordered(2)",
        "t.py:1:18: 'ordered(n)' (doacross loops) is not supported by omppy\n"
        "    # omp for ordered(2)\n"
        "                     ^\n"
        "  hint: write 'ordered' on the loop and '# omp ordered' in its body",
    ),
    (
        "# omp single nowait()",
        "t.py:1:20: clause 'nowait' takes no argument\n"
        "    # omp single nowait()\n"
        "                       ^",
    ),
    (
        "# omp parallel private",
        "t.py:1:16: clause 'private' needs an argument\n"
        "    # omp parallel private\n"
        "                   ^\n"
        "  hint: for example private(a, b)",
    ),
    (
        "# omp parallel num_threads",
        "t.py:1:16: clause 'num_threads' needs an argument\n"
        "    # omp parallel num_threads\n"
        "                   ^\n"
        "  hint: for example num_threads(4)",
    ),
    (
        "# omp parallel num_threads()",
        "t.py:1:28: clause 'num_threads' needs an expression\n"
        "    # omp parallel num_threads()\n"
        "                               ^\n"
        "  hint: for example num_threads(4)",
    ),
    (
        "# omp parallel num_threads(n +)",
        "t.py:1:28: invalid expression in clause 'num_threads': invalid syntax\n"
        "    # omp parallel num_threads(n +)\n"
        "                               ^",
    ),
    (
        "# omp parallel num_threads(2, 3)",
        "t.py:1:29: unexpected ',' in clause 'num_threads'\n"
        "    # omp parallel num_threads(2, 3)\n"
        "                                ^\n"
        "  hint: for example num_threads(4)",
    ),
    (
        "# omp parallel if(n # 2)",
        "t.py:1:21: unexpected '#' in clause 'if'\n"
        "    # omp parallel if(n # 2)\n"
        "                        ^\n"
        "  hint: for example if(n > 1000)",
    ),
    (
        "# omp parallel if(task: n)",
        "t.py:1:19: 'if' modifier 'task' is not supported\n"
        "    # omp parallel if(task: n)\n"
        "                      ^\n"
        "  hint: write if(parallel: expr) or if(expr)",
    ),
    (
        "# omp parallel private(a.b)",
        "t.py:1:24: expected a variable name, found 'a.b'\n"
        "    # omp parallel private(a.b)\n"
        "                           ^\n"
        "  hint: for example private(a, b)",
    ),
    (
        "# omp parallel shared(a, lambda)",
        "t.py:1:26: expected a variable name, found 'lambda'\n"
        "    # omp parallel shared(a, lambda)\n"
        "                             ^\n"
        "  hint: 'lambda' is a Python keyword",
    ),
    (
        "# omp parallel private(a,,b)",
        "t.py:1:26: expected a variable name, found ','\n"
        "    # omp parallel private(a,,b)\n"
        "                             ^\n"
        "  hint: for example private(a, b)",
    ),
    (
        "# omp critical()",
        "t.py:1:16: expected a name, found ')'\n"
        "    # omp critical()\n"
        "                   ^\n"
        "  hint: for example critical(name)",
    ),
    (
        "# omp barrier(x)",
        "t.py:1:14: directive 'barrier' takes no argument\n"
        "    # omp barrier(x)\n"
        "                 ^",
    ),
    (
        "# omp parallel private(a",
        "t.py:1:23: '(' was never closed\n"
        "    # omp parallel private(a\n"
        "                          ^",
    ),
    (
        "# omp parallel num_threads(f(x]))",
        "t.py:1:31: closing ']' does not match opening '('\n"
        "    # omp parallel num_threads(f(x]))\n"
        "                                  ^",
    ),
    (
        "# omp parallel if(s == 'a)",
        "t.py:1:24: unterminated string literal\n"
        "    # omp parallel if(s == 'a)\n"
        "                           ^",
    ),
    (
        "# omp parallel private(a),",
        "t.py:1:26: trailing ',' after the last clause\n"
        "    # omp parallel private(a),\n"
        "                             ^",
    ),
    (
        "# omp parallel private(a) ,, shared(b)",
        "t.py:1:28: expected a clause, found ','\n"
        "    # omp parallel private(a) ,, shared(b)\n"
        "                               ^",
    ),
    (
        "# omp parallel copyin(x)",
        "t.py:1:16: clause 'copyin' is not supported by omppy\n"
        "    # omp parallel copyin(x)\n"
        "                   ^\n"
        "  hint: see docs/pragmas.md for what omppy supports",
    ),
    (
        "# omp atomic capture",
        "t.py:1:14: '# omp atomic capture' is not supported by omppy\n"
        "    # omp atomic capture\n"
        "                 ^\n"
        "  hint: omppy's atomic applies to one augmented assignment such as 'count += 1'; "
        "use '# omp critical' for anything else",
    ),
]


@pytest.mark.parametrize(("pragma", "expected"), ERRORS, ids=[p for p, _ in ERRORS])
def test_error_message(pragma: str, expected: str) -> None:
    assert message(pragma) == expected


def test_error_inside_an_expression_is_located_by_python() -> None:
    with pytest.raises(PragmaError) as info:
        find_pragmas("# omp parallel if(a and and b)\n")
    # Python points at the second 'and'.
    assert (info.value.line, info.value.col) == (1, 24)


def test_tabs_in_the_line_keep_the_caret_under_the_token() -> None:
    text = message("\t# omp\tparallel\tnowait")
    assert text.splitlines()[0] == "t.py:1:17: clause 'nowait' is not allowed on 'parallel'"
    # PragmaError shows a tab as one column, so the caret stays under the token.
    assert text.splitlines()[1:3] == ["     # omp parallel nowait", "                    ^"]
