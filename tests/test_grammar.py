"""The pragma grammar of docs/pragmas.md: every directive and clause, and the error messages."""

from __future__ import annotations

import pytest

from omppy.transform.diagnostics import PragmaError
from omppy.transform.grammar import (
    ALL_CLAUSES,
    EXAMPLES,
    FLAG_CLAUSES,
    OPTIONAL_NUMBER_CLAUSES,
    ORDERED_DEPEND_EXAMPLE,
)
from omppy.transform.pragma import (
    ALIASES,
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


# What a directive needs after its name before it parses alone.
NEEDS = {
    "cancel": " for",
    "cancellation point": " for",
    "threadprivate": "(x)",
    "allocate": "(x)",
    "declare reduction": "(merge : dict : omp_out.update(omp_in))",
    "depobj": "(o) destroy",  # it takes one clause: see test_depobj_takes_each_clause
}


def test_every_directive_of_the_table_parses() -> None:
    for directive in DIRECTIVE_CLAUSES:
        pragma = parse(f"# omp {directive}{NEEDS.get(directive, '')}")
        expected = {"loop": "for", "parallel loop": "parallel for"}.get(directive, directive)
        assert pragma.directive == ALIASES.get(directive, expected)
        assert pragma.shown == directive


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
            Clause(
                "if", Position(1, 15), expr="n > 1", expr_pos=Position(1, 28), modifier="parallel"
            ),
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
    flags = FLAG_CLAUSES | OPTIONAL_NUMBER_CLAUSES
    samples = {**EXAMPLES, **{name: name for name in flags}}
    samples.update(allocate="private(a) allocate(a)", fail="compare fail(relaxed)")
    samples.update(weak="compare weak")
    if directive == "ordered":
        samples["depend"] = ORDERED_DEPEND_EXAMPLE
    if directive == "allocators":
        samples["allocate"] = "allocate(a)"
    if directive == "depobj":
        return  # one clause at a time: test_depobj_takes_each_clause
    start = f"# omp {directive}{NEEDS.get(directive, '')}"
    for name in sorted(DIRECTIVE_CLAUSES[directive]):
        pragma = parse(f"{start} {samples[name]}")
        assert [c.name for c in pragma.clauses][-1] == name


def test_depobj_takes_each_clause() -> None:
    made = parse("# omp depobj(o) depend(inout: a[i])")
    assert (made.name, made.clauses[0].kind, made.clauses[0].names) == ("o", "inout", ("a[i]",))
    assert parse("# omp depobj(o) update(mutexinoutset)").clauses[0].kind == "mutexinoutset"
    assert parse("# omp depobj(o) destroy").clauses[0].names == ()
    assert parse("# omp depobj(o) destroy(o)").clauses[0].names == ("o",)
    used = parse("# omp task depend(depobj: o, p) depend(in: a)")
    assert [(c.kind, c.names) for c in used.clauses] == [("depobj", ("o", "p")), ("in", ("a",))]


@pytest.mark.parametrize("directive", sorted(DIRECTIVE_CLAUSES))
def test_every_other_clause_is_refused(directive: str) -> None:
    start = f"# omp {directive}{NEEDS.get(directive, '')}"
    for name in sorted(ALL_CLAUSES - DIRECTIVE_CLAUSES[directive]):
        if f"{directive} {name}" in DIRECTIVE_CLAUSES:
            continue  # 'for simd' is a directive, not 'for' with a clause
        with pytest.raises(PragmaError, match=f"clause '{name}' is not allowed on"):
            find_pragmas(f"{start} {name}\n")


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
        "  hint: 'single' accepts: allocate, copyprivate, firstprivate, nowait, private",
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
        "  hint: 'parallel for' accepts: allocate, collapse, copyin, default, firstprivate, "
        "if, lastprivate, linear, num_threads, order, ordered, private, proc_bind, reduction, "
        "schedule, shared",
    ),
    (
        "# omp paralel for",
        "t.py:1:7: unknown directive 'paralel' (did you mean 'parallel'?)\n"
        "    # omp paralel for\n"
        "          ^\n"
        "  hint: see docs/pragmas.md for what omppy supports",
    ),
    (
        "# omp metadirective",
        "t.py:1:7: '# omp metadirective' is not supported by omppy\n"
        "    # omp metadirective\n"
        "          ^\n"
        "  hint: it chooses a directive by the device and the construct context at compile "
        "time; write the directive you mean",
    ),
    (
        "# omp cancellation point",
        "t.py:1:25: '# omp cancellation point' needs the construct it cancels: parallel, "
        "sections, for or taskgroup\n"
        "    # omp cancellation point\n"
        "                            ^\n"
        "  hint: write '# omp cancellation point for' (or parallel, sections, taskgroup)",
    ),
    (
        "# omp cancel parallell",
        "t.py:1:14: '# omp cancel' cannot cancel 'parallell' (did you mean 'parallel'?)\n"
        "    # omp cancel parallell\n"
        "                 ^\n"
        "  hint: write '# omp cancel for' (or parallel, sections, taskgroup)",
    ),
    (
        "    # omp target teams",
        "t.py:1:11: '# omp target' is not supported by omppy\n"
        "        # omp target teams\n"
        "              ^\n"
        "  hint: it runs code on a device (a GPU or another accelerator); omppy's threads are "
        "processes on this machine, and it has no devices",
    ),
    (
        "# omp declare target",
        "t.py:1:7: '# omp declare target' is not supported by omppy\n"
        "    # omp declare target\n"
        "          ^\n"
        "  hint: of the 'declare' directives omppy supports 'declare reduction' and 'declare "
        "simd'; 'declare target', 'declare mapper' and 'declare variant' choose code and data "
        "for devices, which omppy does not have",
    ),
    (
        "# omp parallel single",
        "t.py:1:7: '# omp parallel single' is not supported by omppy\n"
        "    # omp parallel single\n"
        "          ^\n"
        "  hint: nest the constructs instead: '# omp single' inside '# omp parallel'",
    ),
    (
        "# omp parallel master taskloop nowait",
        "t.py:1:32: clause 'nowait' is not allowed on 'parallel master taskloop'\n"
        "    # omp parallel master taskloop nowait\n"
        "                                   ^\n"
        "  hint: 'parallel master taskloop' accepts: allocate, collapse, copyin, default, "
        "final, firstprivate, grainsize, if, lastprivate, mergeable, nogroup, num_tasks, "
        "num_threads, priority, private, proc_bind, reduction, shared, untied",
    ),
    (
        "# omp taskloop simd linear(i)",
        "t.py:1:21: clause 'linear' is not allowed on 'taskloop simd'\n"
        "    # omp taskloop simd linear(i)\n"
        "                        ^\n"
        "  hint: 'taskloop simd' accepts: aligned, collapse, default, final, "
        "firstprivate, grainsize, if, in_reduction, lastprivate, mergeable, nogroup, nontemporal, "
        "num_tasks, order, priority, private, reduction, safelen, shared, simdlen, untied",
    ),
    (
        "# omp parallel masked taskloop if(task: n > 1)",
        "t.py:1:35: 'if' modifier 'task' is not supported\n"
        "    # omp parallel masked taskloop if(task: n > 1)\n"
        "                                      ^\n"
        "  hint: write if(parallel: expr) or if(expr)",
    ),
    (
        "# omp parallel master nowait",
        "t.py:1:23: clause 'nowait' is not allowed on 'parallel master'\n"
        "    # omp parallel master nowait\n"
        "                          ^\n"
        "  hint: 'parallel master' accepts: allocate, copyin, default, firstprivate, if, "
        "num_threads, private, proc_bind, reduction, shared",
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
        "t.py:1:7: expected a directive, found '42'\n    # omp 42\n          ^\n"
        "  hint: a pragma starts with a directive name, e.g. '# omp parallel for'; see "
        "docs/pragmas.md for what omppy supports",
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
        "  hint: '# omp end' closes one of: allocators, assume, atomic, critical, masked, "
        "master, ordered, parallel, parallel masked, parallel master, parallel sections, "
        "scope, section, sections, single, task, taskgroup",
    ),
    (
        "# omp end",
        "t.py:1:10: missing directive after '# omp end'\n"
        "    # omp end\n"
        "             ^\n"
        "  hint: '# omp end' closes one of: allocators, assume, atomic, critical, masked, "
        "master, ordered, parallel, parallel masked, parallel master, parallel sections, "
        "scope, section, sections, single, task, taskgroup",
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
        "                                  ^\n"
        "  hint: keep one 'num_threads' clause",
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
        "# omp parallel reduction(/: m)",
        "t.py:1:26: unknown reduction operator '/'\n"
        "    # omp parallel reduction(/: m)\n"
        "                             ^\n"
        "  hint: operators: + - * & | ^ and or min max (&& and || mean and, or), a name from "
        "'# omp declare reduction', or a function of two arguments",
    ),
    (
        "# omp parallel reduction(: m)",
        "t.py:1:26: missing reduction operator\n"
        "    # omp parallel reduction(: m)\n"
        "                             ^\n"
        "  hint: operators: + - * & | ^ and or min max (&& and || mean and, or), a name from "
        "'# omp declare reduction', or a function of two arguments",
    ),
    (
        "# omp parallel reduction(total)",
        "t.py:1:26: missing ':' after the reduction operator\n"
        "    # omp parallel reduction(total)\n"
        "                             ^\n"
        "  hint: write reduction(op: names), e.g. reduction(+: total)",
    ),
    (
        "# omp parallel reduction(inscan, +: x)",
        "t.py:1:16: reduction(inscan, ...) is for loops that hold a '# omp scan', not for "
        "'# omp parallel'\n"
        "    # omp parallel reduction(inscan, +: x)\n"
        "                   ^\n"
        "  hint: drop 'inscan', or put the reduction on the loop that holds the '# omp scan'",
    ),
    (
        "# omp for reduction(inscan, +: x) reduction(+: y)",
        "t.py:1:35: a loop's reductions are all 'inscan' or none is\n"
        "    # omp for reduction(inscan, +: x) reduction(+: y)\n"
        "                                      ^\n"
        "  hint: put 'inscan' on every reduction clause of the loop",
    ),
    (
        "# omp taskloop reduction(task, +: x)",
        "t.py:1:26: reduction modifier 'task' is not allowed on 'taskloop'\n"
        "    # omp taskloop reduction(task, +: x)\n"
        "                             ^\n"
        "  hint: it makes the reduction of a 'parallel', 'for' or 'sections' (or a combined "
        "form) a task reduction too, for tasks with in_reduction",
    ),
    (
        "# omp parallel reduction(task, merge: x)",
        "t.py:1:32: 'reduction' on 'parallel' takes one of the operators + - * & | ^ and or "
        "min max, not 'merge'\n"
        "    # omp parallel reduction(task, merge: x)\n"
        "                                   ^\n"
        "  hint: a task reduction by a user-defined reduction or a function is not supported "
        "by omppy",
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
        "# omp for ordered(0)",
        "t.py:1:19: ordered needs a positive integer literal, found '0'\n"
        "    # omp for ordered(0)\n"
        "                      ^\n"
        "  hint: for example ordered(2)",
    ),
    (
        "# omp single nowait()",
        "t.py:1:20: clause 'nowait' takes no argument\n"
        "    # omp single nowait()\n"
        "                       ^\n"
        "  hint: write 'nowait' without parentheses",
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
        "                               ^\n"
        "  hint: a clause's argument is a Python expression, written as in the code",
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
        "                 ^\n"
        "  hint: write 'barrier' without parentheses",
    ),
    (
        "# omp parallel private(a",
        "t.py:1:23: '(' was never closed\n"
        "    # omp parallel private(a\n"
        "                          ^\n"
        "  hint: close it with ')' on the pragma's line (a pragma continues on the "
        "next line after a trailing '\\')",
    ),
    (
        "# omp parallel num_threads(f(x]))",
        "t.py:1:31: closing ']' does not match opening '('\n"
        "    # omp parallel num_threads(f(x]))\n"
        "                                  ^\n"
        "  hint: close '(' with ')'",
    ),
    (
        "# omp parallel if(s == 'a)",
        "t.py:1:24: unterminated string literal\n"
        "    # omp parallel if(s == 'a)\n"
        "                           ^\n"
        "  hint: close the string on the pragma's line",
    ),
    (
        "# omp parallel private(a),",
        "t.py:1:26: trailing ',' after the last clause\n"
        "    # omp parallel private(a),\n"
        "                             ^\n"
        "  hint: remove the ','",
    ),
    (
        "# omp parallel private(a) ,, shared(b)",
        "t.py:1:28: expected a clause, found ','\n"
        "    # omp parallel private(a) ,, shared(b)\n"
        "                               ^\n"
        "  hint: clauses are names, each with its arguments in parentheses, e.g. 'private(x) "
        "schedule(dynamic)'; see docs/pragmas.md for what omppy supports",
    ),
    (
        "# omp parallel map(x)",
        "t.py:1:16: clause 'map' is not supported by omppy\n"
        "    # omp parallel map(x)\n"
        "                   ^\n"
        "  hint: it is a clause of device constructs ('target', 'teams', 'declare target'...); "
        "omppy's threads are processes on this machine, and it has no devices",
    ),
    (
        "# omp taskloop detach(e)",
        "t.py:1:16: clause 'detach' is not allowed on 'taskloop'\n"
        "    # omp taskloop detach(e)\n"
        "                   ^\n"
        "  hint: 'taskloop' accepts: collapse, default, final, firstprivate, grainsize, if, "
        "in_reduction, lastprivate, mergeable, nogroup, num_tasks, priority, private, "
        "reduction, shared, untied",
    ),
    (
        "# omp atomic read write",
        "t.py:1:19: '# omp atomic' takes one of read, write, update and capture, not both "
        "'read' and 'write'\n"
        "    # omp atomic read write\n"
        "                      ^\n"
        "  hint: keep 'read' or 'write': one pragma per form",
    ),
    (
        "# omp atomic update compare",
        "t.py:1:21: 'compare' goes with 'capture' or alone, not with 'update'\n"
        "    # omp atomic update compare\n"
        "                        ^\n"
        "  hint: remove 'update', or write 'atomic compare capture'",
    ),
    (
        "# omp atomic seq_cst relaxed",
        "t.py:1:22: '# omp atomic' takes one memory order\n"
        "    # omp atomic seq_cst relaxed\n"
        "                         ^\n"
        "  hint: keep 'seq_cst' or 'relaxed'",
    ),
    (
        "# omp atomic fail(relaxed)",
        "t.py:1:14: 'fail' applies to 'atomic compare' only\n"
        "    # omp atomic fail(relaxed)\n"
        "                 ^\n"
        "  hint: add 'compare', or remove 'fail'",
    ),
    (
        "# omp for linear(ref(j): 2)",
        "t.py:1:18: linear modifier 'ref' is for references (C++ and Fortran); Python "
        "variables are not references\n"
        "    # omp for linear(ref(j): 2)\n"
        "                     ^\n"
        "  hint: write linear(a: step) or linear(val(a): step)",
    ),
    (
        "# omp for linear(j: 2) private(j)",
        "t.py:1:32: 'j' appears in both 'linear' and 'private'\n"
        "    # omp for linear(j: 2) private(j)\n"
        "                                   ^\n"
        "  hint: a variable takes one data-sharing clause "
        "(only firstprivate and lastprivate may share one)",
    ),
    (
        "# omp declare reduction(+ : int : omp_out + omp_in)",
        "t.py:1:25: '+' is a built-in reduction operator; a declared reduction needs a name "
        "of its own\n"
        "    # omp declare reduction(+ : int : omp_out + omp_in)\n"
        "                            ^\n"
        "  hint: the built-in operators work on any Python type that supports them",
    ),
    (
        "# omp declare reduction(m : int : omp_priv + omp_in)",
        "t.py:1:35: the combiner may use omp_out and omp_in, not 'omp_priv'\n"
        "    # omp declare reduction(m : int : omp_priv + omp_in)\n"
        "                                      ^\n"
        "  hint: for example '# omp declare reduction(merge : dict : omp_out.update(omp_in))'",
    ),
    (
        "# omp declare reduction(m : int : x = omp_out)",
        "t.py:1:35: the combiner must be one expression, or an assignment to 'omp_out'\n"
        "    # omp declare reduction(m : int : x = omp_out)\n"
        "                                      ^\n"
        "  hint: for example '# omp declare reduction(merge : dict : omp_out.update(omp_in))'",
    ),
    (
        "# omp declare reduction(m : int)",
        "t.py:1:25: expected (name : types : combiner) after '# omp declare reduction'\n"
        "    # omp declare reduction(m : int)\n"
        "                            ^\n"
        "  hint: for example '# omp declare reduction(merge : dict : omp_out.update(omp_in))'",
    ),
    (
        "# omp declare reduction(m : int : omp_out + omp_in) initializer(omp_priv += 1)",
        "t.py:1:65: the initializer gives omp_priv its first value: write 'omp_priv = ...'\n"
        "    # omp declare reduction(m : int : omp_out + omp_in) initializer(omp_priv += 1)\n"
        "                                                                    ^\n"
        "  hint: for example 'initializer(omp_priv = 0)'",
    ),
    (
        "# omp declare reduction(m : int : omp_out + omp_in) initializer(omp_in)",
        "t.py:1:65: the initializer may use omp_priv and omp_orig, not 'omp_in'\n"
        "    # omp declare reduction(m : int : omp_out + omp_in) initializer(omp_in)\n"
        "                                                                    ^\n"
        "  hint: for example initializer(omp_priv = []) or initializer(type(omp_orig)())",
    ),
    (
        "# omp ordered depend(in: x)",
        "t.py:1:22: 'depend(in: ...)' is a dependence between tasks ('# omp task "
        "depend(...)'); '# omp ordered' takes source and sink\n"
        "    # omp ordered depend(in: x)\n"
        "                         ^\n"
        "  hint: write depend(source) or depend(sink: i - 1)",
    ),
    (
        "# omp ordered depend(source) depend(sink: i-1)",
        "t.py:1:30: an '# omp ordered' with a source takes no other dependence\n"
        "    # omp ordered depend(source) depend(sink: i-1)\n"
        "                                 ^\n"
        "  hint: put the sinks and the source in two pragmas",
    ),
    (
        "# omp ordered doacross(sink:)",
        "t.py:1:29: 'doacross(sink: ...)' needs the iteration it waits for\n"
        "    # omp ordered doacross(sink:)\n"
        "                                ^\n"
        "  hint: for example doacross(sink: i - 1)",
    ),
    (
        "# omp ordered threads depend(source)",
        "t.py:1:15: 'threads' is for the block form of '# omp ordered', not for one with "
        "'depend'\n"
        "    # omp ordered threads depend(source)\n"
        "                  ^\n"
        "  hint: remove 'threads'",
    ),
    (
        "# omp loop bind(teams)",
        "t.py:1:12: bind(teams) makes '# omp loop' run on a league of teams, which omppy "
        "does not have (it has no teams)\n"
        "    # omp loop bind(teams)\n"
        "               ^\n"
        "  hint: write bind(parallel), or leave bind out",
    ),
    (
        "# omp flush(a) acq_rel",
        "t.py:1:16: a flush with a memory order ('acq_rel') takes no list\n"
        "    # omp flush(a) acq_rel\n"
        "                   ^\n"
        "  hint: write '# omp flush(a, b)' or '# omp flush acq_rel'",
    ),
    (
        "# omp for allocate(x)",
        "t.py:1:11: allocate(x): 'x' needs a private copy on this pragma (private, "
        "firstprivate, lastprivate, linear or reduction): the allocator is for that copy\n"
        "    # omp for allocate(x)\n"
        "              ^\n"
        "  hint: add private(x), or drop it from 'allocate'",
    ),
    (
        "# omp threadprivate",
        "t.py:1:20: '# omp threadprivate' needs a list of variables\n"
        "    # omp threadprivate\n"
        "                       ^\n"
        "  hint: for example '# omp threadprivate(counter, cache)'",
    ),
    (
        "# omp for simd if(simd: x) if(y)",
        "t.py:1:28: clause 'if' appears twice\n"
        "    # omp for simd if(simd: x) if(y)\n"
        "                               ^\n"
        "  hint: keep one 'if' clause, or one per construct of a combined directive: "
        "'if(parallel: a) if(simd: b)'",
    ),
    (
        "# omp assume absent(paralel)",
        "t.py:1:21: 'paralel' is not a directive (did you mean 'parallel'?)\n"
        "    # omp assume absent(paralel)\n"
        "                        ^\n"
        "  hint: for example absent(critical, atomic)",
    ),
    (
        "# omp unroll full partial(2)",
        "t.py:1:19: 'full' and 'partial' cannot go together\n"
        "    # omp unroll full partial(2)\n"
        "                      ^\n"
        "  hint: keep one: 'full' unrolls the whole loop, 'partial(n)' n iterations",
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


def test_task_affinity_is_a_hint_taken_and_checked() -> None:
    pragma = parse("# omp task affinity(data[i], grid[0:n]) firstprivate(i)")
    (affinity,) = [c for c in pragma.clauses if c.name == "affinity"]
    assert affinity.exprs == ("data[i]", "grid[0:n]")


def test_task_affinity_takes_the_iterator_modifier_and_checks_it() -> None:
    pragma = parse("# omp task affinity(iterator(j = 0:n, k = 1:m:2): data[j][k], grid)")
    (affinity,) = [c for c in pragma.clauses if c.name == "affinity"]
    assert affinity.modifier == "iterator"
    assert affinity.exprs == ("data[j][k]", "grid")


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        (
            "affinity(iter(j = 0:n): data[j])",
            "t.py:1:21: unknown affinity modifier 'iter'\n"
            "    # omp task affinity(iter(j = 0:n): data[j])\n"
            "                        ^\n"
            "  hint: the modifier is iterator(...), e.g. affinity(iterator(i = 0:n): a[i])",
        ),
        (
            "affinity(iterator(j = 0:n) data[j])",
            "t.py:1:21: missing ':' after the iterator modifier\n"
            "    # omp task affinity(iterator(j = 0:n) data[j])\n"
            "                        ^\n"
            "  hint: write affinity(iterator(i = 0:n): a[i])",
        ),
        (
            "affinity(iterator(int j = 0:n): data[j])",
            "t.py:1:30: malformed iterator\n"
            "    # omp task affinity(iterator(int j = 0:n): data[j])\n"
            "                                 ^\n"
            "  hint: a Python iterator has no type: write iterator(j = ...)",
        ),
        (
            "affinity(iterator(j = n): data[j])",
            "t.py:1:34: iterator 'j' needs a range begin:end or begin:end:step\n"
            "    # omp task affinity(iterator(j = n): data[j])\n"
            "                                     ^\n"
            "  hint: for example iterator(i = 0:n); the end is left out, as in range()",
        ),
        (
            "affinity(iterator(j = 0:n+): data[j])",
            "t.py:1:36: invalid expression in clause 'affinity': invalid syntax\n"
            "    # omp task affinity(iterator(j = 0:n+): data[j])\n"
            "                                       ^\n"
            "  hint: a clause's argument is a Python expression, written as in the code",
        ),
    ],
)
def test_task_affinity_iterator_misuse(clause: str, expected: str) -> None:
    assert message(f"# omp task {clause}") == expected


def test_affinity_is_a_clause_of_task_only() -> None:
    assert message("# omp taskloop affinity(a)").startswith(
        "t.py:1:16: clause 'affinity' is not allowed on 'taskloop'\n"
    )
