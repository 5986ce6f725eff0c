"""Translate-time errors: the exact message, source line, caret and hint of every
misplaced or unsafe pragma (docs/pragmas.md, docs/data-sharing.md), from
``translate()`` directly."""

from __future__ import annotations

import textwrap

import pytest

from omppy.transform.diagnostics import PragmaError
from omppy.transform.translate import translate


def src(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def error_of(source: str) -> str:
    with pytest.raises(PragmaError) as info:
        translate(source, "t.py")
    return str(info.value)


def test_break_in_parallel_for_body():
    source = src(
        """
        # omp parallel for
        for i in range(10):
            if i == 3:
                break
        """
    )
    assert error_of(source) == (
        "t.py:4:9: 'break' cannot leave a worksharing loop ('# omp parallel for')\n"
        "            break\n"
        "            ^\n"
        "  hint: a worksharing loop must run every iteration; use a flag instead, or "
        "'# omp cancel for' to stop a search early"
    )


def test_break_in_omp_for_inside_region():
    source = src(
        """
        # omp parallel
        # omp for
        for i in range(10):
            break
        # omp end parallel
        """
    )
    assert error_of(source) == (
        "t.py:4:5: 'break' cannot leave a worksharing loop ('# omp for')\n"
        "        break\n"
        "        ^\n"
        "  hint: a worksharing loop must run every iteration; use a flag instead, or "
        "'# omp cancel for' to stop a search early"
    )


@pytest.mark.parametrize(
    "body",
    [
        "for j in range(10):\n        if j == i:\n            break\n    out[i] = j",
        "while True:\n        break\n    out[i] = i",
        "if i == 2:\n        continue\n    out[i] = i",
        "def g(k):\n        return k * 2\n    out[i] = g(i)",
        "out[i] = sum(x for x in range(i))",
        "out[i] = (lambda: i)()",
    ],
    ids=["inner-for-break", "inner-while-break", "continue", "def-return", "genexp", "lambda"],
)
def test_control_flow_that_stays_inside_the_body_is_accepted(body):
    source = f"out = [0] * 4\n# omp parallel for\nfor i in range(4):\n    {body}\n"
    assert translate(source, "t.py").changed


def test_return_in_parallel_region():
    source = src(
        """
        def f():
            # omp parallel
            return 1
        """
    )
    assert error_of(source) == (
        "t.py:3:5: 'return' cannot leave a parallel region ('# omp parallel')\n"
        "        return 1\n"
        "        ^\n"
        "  hint: compute the result into a variable (e.g. with a reduction) and return "
        "after the construct"
    )


def test_return_nested_in_block_region():
    source = src(
        """
        def f(x):
            # omp parallel
            if x:
                return 1
            # omp end parallel
        """
    )
    assert error_of(source) == (
        "t.py:4:9: 'return' cannot leave a parallel region ('# omp parallel')\n"
        "            return 1\n"
        "            ^\n"
        "  hint: compute the result into a variable (e.g. with a reduction) and return "
        "after the construct"
    )


def test_return_in_parallel_for():
    source = src(
        """
        def f(items):
            # omp parallel for
            for x in items:
                return x
        """
    )
    assert error_of(source) == (
        "t.py:4:9: 'return' cannot leave a worksharing loop ('# omp parallel for')\n"
        "            return x\n"
        "            ^\n"
        "  hint: compute the result into a variable (e.g. with a reduction) and return "
        "after the construct"
    )


def test_yield_in_region():
    source = src(
        """
        def f():
            # omp parallel
            yield 1
        """
    )
    assert error_of(source) == (
        "t.py:3:5: 'yield' cannot leave a parallel region ('# omp parallel')\n"
        "        yield 1\n"
        "        ^\n"
        "  hint: collect the values into a shared list (e.g. ordered, or by index) "
        "and yield them after the construct"
    )


def test_yield_in_parallel_for():
    source = src(
        """
        def f():
            # omp parallel for
            for i in range(3):
                yield i
        """
    )
    assert error_of(source) == (
        "t.py:4:9: 'yield' cannot leave a worksharing loop ('# omp parallel for')\n"
        "            yield i\n"
        "            ^\n"
        "  hint: collect the values into a shared list (e.g. ordered, or by index) "
        "and yield them after the construct"
    )


def test_await_in_parallel_for():
    source = src(
        """
        async def f(g):
            # omp parallel for
            for i in range(3):
                await g()
        """
    )
    assert error_of(source) == (
        "t.py:4:9: 'await' cannot leave a worksharing loop ('# omp parallel for')\n"
        "            await g()\n"
        "            ^\n"
        "  hint: await before or after the construct; the threads of a team run no event loop"
    )


def test_omp_for_followed_by_while():
    source = src(
        """
        # omp parallel
        # omp for
        while True:
            pass
        """
    )
    assert error_of(source) == (
        "t.py:2:1: '# omp for' must be followed by a for loop, found a 'while' statement\n"
        "    # omp for\n"
        "    ^\n"
        "  hint: put the pragma on the line above the for statement it applies to"
    )


def test_parallel_for_followed_by_while():
    source = "# omp parallel for\nwhile True:\n    pass\n"
    assert error_of(source) == (
        "t.py:1:1: '# omp parallel for' must be followed by a for loop, found a 'while' "
        "statement\n"
        "    # omp parallel for\n"
        "    ^\n"
        "  hint: put the pragma on the line above the for statement it applies to"
    )


def test_for_else_is_rejected():
    source = "# omp parallel for\nfor i in range(4):\n    pass\nelse:\n    print('done')\n"
    assert error_of(source) == (
        "t.py:1:1: a loop under '# omp parallel for' cannot have an 'else' clause\n"
        "    # omp parallel for\n"
        "    ^\n"
        "  hint: an else clause runs after the whole loop; move its code after the loop"
    )


def test_dangling_pragma_at_end_of_block():
    source = src(
        """
        def f():
            x = 1
            # omp parallel
        x = 2
        """
    )
    assert error_of(source) == (
        "t.py:3:5: '# omp parallel' is not followed by a statement in its block\n"
        "        # omp parallel\n"
        "        ^\n"
        "  hint: a pragma applies to the next statement at its indentation"
    )


def test_dangling_pragma_at_end_of_file():
    source = "x = 1\n# omp parallel for\n"
    assert error_of(source) == (
        "t.py:2:1: '# omp parallel for' is not followed by a statement in its block\n"
        "    # omp parallel for\n"
        "    ^\n"
        "  hint: a pragma applies to the next statement at its indentation"
    )


def test_standalone_barrier_at_end_of_block_is_fine():
    source = "def f():\n    x = 1\n    # omp barrier\n"
    assert "barrier()" in translate(source, "t.py").text


def test_end_without_start():
    source = "x = 1\n# omp end parallel\n"
    assert error_of(source) == (
        "t.py:2:1: '# omp end parallel' has no matching '# omp parallel' earlier in this block\n"
        "    # omp end parallel\n"
        "    ^\n"
        "  hint: put '# omp parallel' above the statements it covers, at the same indentation in "
        "the same block, or remove this line"
    )


def test_end_of_a_different_construct():
    source = "# omp parallel\nx = 1\n# omp end sections\n"
    assert error_of(source) == (
        "t.py:3:1: '# omp end sections' has no matching '# omp sections' earlier in this block\n"
        "    # omp end sections\n"
        "    ^\n"
        "  hint: put '# omp sections' above the statements it covers, at the same indentation in "
        "the same block, or remove this line"
    )


def test_collapse_on_a_single_loop():
    source = src(
        """
        # omp parallel for collapse(2)
        for i in range(3):
            print(i)
        """
    )
    assert error_of(source) == (
        "t.py:1:1: collapse(2) needs 2 perfectly nested for loops, but level 2 is not a for "
        "loop alone in the body of the loop above it\n"
        "    # omp parallel for collapse(2)\n"
        "    ^\n"
        "  hint: make level 2 a for loop alone in the body of the loop above, or collapse "
        "fewer loops"
    )


def test_collapse_deeper_than_the_nest():
    source = src(
        """
        # omp parallel for collapse(3)
        for i in range(3):
            for j in range(3):
                print(i, j)
        """
    )
    assert error_of(source) == (
        "t.py:1:1: collapse(3) needs 3 perfectly nested for loops, but level 3 is not a for "
        "loop alone in the body of the loop above it\n"
        "    # omp parallel for collapse(3)\n"
        "    ^\n"
        "  hint: make level 3 a for loop alone in the body of the loop above, or collapse "
        "fewer loops"
    )


def test_collapse_non_rectangular_tuple_target():
    source = src(
        """
        # omp parallel for collapse(2)
        for (a, b) in pairs:
            for j in range(a):
                print(a, b, j)
        """
    )
    assert error_of(source) == (
        "t.py:3:20: collapse(2) of a non-rectangular loop nest (this loop's range uses "
        "'a' from an enclosing loop) needs every enclosing loop's variable to be one name\n"
        "        for j in range(a):\n"
        "                       ^\n"
        "  hint: unpack the tuple inside the body, or collapse only the loops whose ranges "
        "do not use 'a'"
    )


def test_collapse_zero():
    source = "# omp parallel for collapse(0)\nfor i in range(4):\n    pass\n"
    assert error_of(source) == (
        "t.py:1:29: collapse needs a positive integer literal, found '0'\n"
        "    # omp parallel for collapse(0)\n"
        "                                ^\n"
        "  hint: for example collapse(2)"
    )


def test_default_none_missing_name():
    source = src(
        """
        a = 1
        b = [0] * 4
        # omp parallel for default(none) shared(b)
        for i in range(4):
            b[i] = a
        """
    )
    assert error_of(source) == (
        "t.py:5:12: 'a' has no data-sharing clause, and the construct says default(none)\n"
        "        b[i] = a\n"
        "               ^\n"
        "  hint: add shared(a), private(a) or firstprivate(a)"
    )


def test_default_none_exempts_builtins_modules_and_loop_variables():
    source = src(
        """
        import math
        b = [0] * 4
        # omp parallel for default(none) shared(b)
        for i in range(4):
            b[i] = math.sqrt(i) + len(str(i))
        """
    )
    assert translate(source, "t.py").changed


def test_augmented_assignment_without_reduction():
    source = src(
        """
        s = 0
        # omp parallel for
        for i in range(4):
            s += i
        """
    )
    assert error_of(source) == (
        "t.py:4:5: 's' is updated in '# omp parallel for' but has no data-sharing clause, so "
        "each thread would update a private copy that starts unbound\n"
        "        s += i\n"
        "        ^\n"
        "  hint: add reduction(+:s) to the pragma"
    )


@pytest.mark.parametrize(
    ("op", "symbol"), [("-=", "-"), ("*=", "*"), ("|=", "|"), ("^=", "^"), ("&=", "&")]
)
def test_augmented_assignment_suggests_matching_reduction(op, symbol):
    source = f"s = 1\n# omp parallel for\nfor i in range(4):\n    s {op} i\n"
    message = error_of(source)
    assert message.endswith(f"  hint: add reduction({symbol}:s) to the pragma")
    assert message.startswith("t.py:4:5: 's' is updated in '# omp parallel for'")


def test_augmented_assignment_in_region():
    source = src(
        """
        count = 0
        # omp parallel
        count += 1
        """
    )
    assert error_of(source) == (
        "t.py:3:1: 'count' is updated in '# omp parallel' but has no data-sharing clause, so "
        "each thread would update a private copy that starts unbound\n"
        "    count += 1\n"
        "    ^\n"
        "  hint: add reduction(+:count) to the pragma"
    )


def test_list_append_on_shared_list():
    source = src(
        """
        lst = []
        # omp parallel for
        for i in range(4):
            lst.append(i)
        """
    )
    assert error_of(source) == (
        "t.py:4:5: 'lst.append(...)' changes the shared object 'lst' itself from every "
        "thread that runs it at once, a data race: the threads' changes to its length or "
        "keys cannot be combined\n"
        "        lst.append(i)\n"
        "        ^\n"
        "  hint: wrap it in '# omp critical', use reduction(+:lst) for a list, or store by "
        "index ('lst[i] = ...')"
    )


def test_append_inside_critical_is_accepted():
    source = src(
        """
        lst = []
        # omp parallel for
        for i in range(4):
            # omp critical
            lst.append(i)
        """
    )
    assert translate(source, "t.py").changed


def test_append_under_an_inner_loops_reduction_is_accepted():
    # Issue 9: the 'for' makes 's' each thread's own copy (reduction), combined with
    # '+' at its end, as on 'parallel for'; the region refused it.  (Corpus:
    # reduction_inner_append.py.)
    region = src(
        """
        s = []
        # omp parallel
        if True:
            # omp for reduction(+:s)
            for i in range(4):
                s.append(i)
        """
    )
    assert translate(region, "t.py").changed
    orphaned = src(
        """
        def collect(s):
            # omp for reduction(+:s)
            for i in range(4):
                s.extend([i, i])
        """
    )
    assert translate(orphaned, "t.py").changed
    # Outside the loop, 's' is the region's shared list again.
    outside = region.replace("        s.append(i)\n", "        s.append(i)\n    s.append(-1)\n")
    assert error_of(outside) == (
        "t.py:7:5: 's.append(...)' changes the shared object 's' itself from every "
        "thread that runs it at once, a data race: the threads' changes to its length or "
        "keys cannot be combined\n"
        "        s.append(-1)\n"
        "        ^\n"
        "  hint: wrap it in '# omp critical', use reduction(+:s) for a list, or store by "
        "index ('s[i] = ...')"
    )


def test_pragma_in_class_body():
    source = src(
        """
        class C:
            # omp parallel
            x = 1
        """
    )
    assert error_of(source) == (
        "t.py:2:5: omp constructs cannot stand directly in a class body\n"
        "        # omp parallel\n"
        "        ^\n"
        "  hint: move the code into a method or a function"
    )


def test_misspelled_clause():
    source = src(
        """
        s = 0
        # omp parallel for reduciton(+:s)
        for i in range(4):
            s += i
        """
    )
    assert error_of(source) == (
        "t.py:2:20: unknown clause 'reduciton' (did you mean 'reduction'?)\n"
        "    # omp parallel for reduciton(+:s)\n"
        "                       ^"
    )


def test_misspelled_directive():
    source = "# omp paralel for\nfor i in range(4):\n    pass\n"
    assert error_of(source) == (
        "t.py:1:7: unknown directive 'paralel' (did you mean 'parallel'?)\n"
        "    # omp paralel for\n"
        "          ^\n"
        "  hint: see docs/pragmas.md for what omppy supports"
    )


def test_misspelled_clause_in_indented_pragma():
    source = src(
        """
        def f():
            s = 0
            # omp parallel for schedul(static)
            for i in range(4):
                pass
        """
    )
    assert error_of(source) == (
        "t.py:3:24: unknown clause 'schedul' (did you mean 'schedule'?)\n"
        "        # omp parallel for schedul(static)\n"
        "                           ^"
    )


def test_unknown_reduction_operator():
    source = "s = 0\n# omp parallel for reduction(%:s)\nfor i in range(4):\n    s += i\n"
    assert error_of(source) == (
        "t.py:2:30: unknown reduction operator '%'\n"
        "    # omp parallel for reduction(%:s)\n"
        "                                 ^\n"
        "  hint: operators: + - * & | ^ and or min max (&& and || mean and, or), a name "
        "from '# omp declare reduction', or a function of two arguments"
    )


def test_unclosed_clause_parenthesis():
    source = "s = 0\n# omp parallel for reduction(+:s\nfor i in range(4):\n    s += i\n"
    assert error_of(source) == (
        "t.py:2:29: '(' was never closed\n"
        "    # omp parallel for reduction(+:s\n"
        "                                ^\n"
        "  hint: close it with ')' on the pragma's line (a pragma continues on the "
        "next line after a trailing '\\')"
    )


def test_duplicate_clause():
    source = "# omp parallel for schedule(static) schedule(dynamic)\nfor i in range(4):\n  pass\n"
    assert error_of(source) == (
        "t.py:1:37: clause 'schedule' appears twice\n"
        "    # omp parallel for schedule(static) schedule(dynamic)\n"
        "                                        ^\n"
        "  hint: keep one 'schedule' clause"
    )


def test_name_in_two_sharing_clauses():
    source = "x = 0\n# omp parallel for private(x) shared(x)\nfor i in range(4):\n    x = i\n"
    assert error_of(source) == (
        "t.py:2:38: 'x' appears in both 'private' and 'shared'\n"
        "    # omp parallel for private(x) shared(x)\n"
        "                                         ^\n"
        "  hint: a variable takes one data-sharing clause (only firstprivate and lastprivate "
        "may share one)"
    )


def test_continuation_without_next_comment():
    source = "s = 0\n# omp parallel for \\\n"
    assert error_of(source) == (
        "t.py:2:20: the pragma continues ('\\') but the next line is not a comment\n"
        "    # omp parallel for \\\n"
        "                       ^\n"
        "  hint: continue it on the next line with '# omp <clauses>' or '#   <clauses>', or "
        "remove the '\\'"
    )


def test_pragma_inside_brackets():
    source = src(
        """
        x = [
            # omp parallel for
            1,
        ]
        """
    )
    assert error_of(source) == (
        "t.py:2:5: a pragma must stand on a line between statements, not inside one\n"
        "        # omp parallel for\n"
        "        ^\n"
        "  hint: move it above the statement it applies to"
    )


def test_pragma_inside_call_parentheses():
    source = "print(1,\n# omp barrier\n)\n"
    assert error_of(source) == (
        "t.py:2:1: a pragma must stand on a line between statements, not inside one\n"
        "    # omp barrier\n"
        "    ^\n"
        "  hint: move it above the statement it applies to"
    )


def test_atomic_needs_an_update():
    source = "x = 0\n# omp parallel\n# omp atomic\nx = 1\n# omp end parallel\n"
    assert error_of(source) == (
        "t.py:3:1: '# omp atomic' must be followed by one update of a variable, an item or "
        "an attribute: 'x += e', 'x = x * e' or 'x = e - x'\n"
        "    # omp atomic\n"
        "    ^\n"
        "  hint: use '# omp critical' for anything else"
    )


def test_tab_indented_line_caret():
    source = "s = 0\n# omp parallel for\nfor i in range(4):\n\ts += i\n"
    message = error_of(source)
    assert message.splitlines()[:3] == [
        "t.py:4:2: 's' is updated in '# omp parallel for' but has no data-sharing clause, so "
        "each thread would update a private copy that starts unbound",
        "     s += i",
        "     ^",
    ]


def test_name_omp_is_reserved():
    source = "_omp = 1\n# omp parallel\nx = 1\n"
    assert error_of(source) == (
        "t.py:1:1: this file uses the name '_omp', which omppy's generated code needs\n"
        "    _omp = 1\n"
        "    ^\n"
        "  hint: rename '_omp' in this file"
    )


def test_error_attributes():
    with pytest.raises(PragmaError) as info:
        translate("x = 1\n# omp end parallel\n", "prog.py")
    error = info.value
    assert (error.filename, error.line, error.col) == ("prog.py", 2, 0)
    assert error.source_line == "# omp end parallel"


def test_syntax_error_is_pythons():
    with pytest.raises(SyntaxError) as info:
        translate("def f(:\n    pass\n# omp parallel\nx = 1\n", "t.py")
    assert not isinstance(info.value, PragmaError)
    assert (info.value.filename, info.value.lineno) == ("t.py", 1)


def test_text_without_pragmas_is_unchanged():
    text = "x = 1   \r\n# ompx not a pragma\r\n#omp_is_no_pragma = 1\r\n"
    result = translate(text, "t.py")
    assert (result.text, result.changed) == (text, False)


def test_augmented_assignment_without_reduction_operator_hint():
    # no reduction operator exists for '/=': firstprivate would compile but silently
    # drop every thread's update, so the hint must point at critical
    source = "s = 1.0\n# omp parallel for\nfor i in range(4):\n    s /= 2\n"
    assert error_of(source) == (
        "t.py:4:5: 's' is updated in '# omp parallel for' but has no data-sharing clause, so "
        "each thread would update a private copy that starts unbound\n"
        "        s /= 2\n"
        "        ^\n"
        "  hint: protect the update with '# omp critical' (it then updates the shared 's')"
    )


def test_class_private_name_in_a_method_region():
    source = src(
        """
        class Solver:
            def run(self, n):
                __limit = 100
                out = [0] * n
                # omp parallel for
                for i in range(n):
                    out[i] = i + __limit
                return out
        """
    )
    assert error_of(source) == (
        "t.py:7:26: '__limit' is a class-private name (Python mangles it to "
        "'_Solver__limit' in this class); omppy cannot carry it into or out of an omp "
        "construct\n"
        "                out[i] = i + __limit\n"
        "                             ^\n"
        "  hint: rename it, for example to '_limit'"
    )


def test_module_functions_named_like_mutating_methods_are_not_mutations():
    source = src(
        """
        import numpy as np
        import collections.abc
        out = [None] * 3
        # omp parallel for
        for i in range(3):
            out[i] = np.append([1.0], i).sum()
            np.insert([1], 0, i)
        """
    )
    assert "np.append" in translate(source, "t.py").text


def test_copyprivate_with_nowait():
    source = src(
        """
        # omp parallel
        if True:
            # omp single copyprivate(seed) nowait
            seed = 7
        """
    )
    assert error_of(source) == (
        "t.py:3:36: 'copyprivate' and 'nowait' cannot be combined: the values are handed "
        "to the other threads at the barrier that 'nowait' removes\n"
        "        # omp single copyprivate(seed) nowait\n"
        "                                       ^\n"
        "  hint: drop 'nowait'"
    )


def test_a_listed_method_on_an_item_or_a_method_of_the_program_is_accepted():
    """Each thread changing its own item is carried (a race on one item is found when
    the region runs); a class of the program's own may name a method ``add``."""
    for body in ("agents[k].append(0.5)", "index.add(k)"):
        source = src(
            f"""
            class Index:
                def add(self, k):
                    pass
            agents = {{k: [] for k in range(4)}}
            index = Index()
            # omp parallel for
            for k in range(4):
                {body}
            """
        )
        assert "_omp.parallel(" in translate(source, "t.py").text


def test_work_share_inside_a_section_is_refused():
    # It would wait at its barrier for the threads running the other sections (a hang,
    # before this check looked past the ``section`` to its ``sections``).
    source = src(
        """
        # omp parallel sections
        # omp section
        # omp for
        for i in range(4):
            out[i] = i
        # omp section
        x = 1
        # omp end parallel sections
        """
    )
    assert error_of(source) == (
        "t.py:3:1: '# omp for' cannot be nested inside '# omp parallel sections' (it would "
        "wait for threads that never reach it)\n"
        "    # omp for\n"
        "    ^\n"
        "  hint: put it directly in the parallel region, or start a nested '# omp parallel' "
        "around it"
    )


def test_a_name_spelled_two_ways_is_one_name():
    # Python reads 'ﬁ' as 'fi' (NFKC); clause names were normalised, body names were
    # not: "'ﬁ' is updated ... but has no data-sharing clause" with reduction(+:ﬁ).
    source = "fi = 0\n# omp parallel for reduction(+:ﬁ)\nfor i in range(4):\n    ﬁ += i\n"
    text = translate(source, "t.py").text
    assert "        fi += i\n" in text
    assert "reduction={'fi': ('+', fi)}" in text
    assert "# omp parallel for reduction(+:ﬁ)\n" in text  # comments as written


@pytest.mark.parametrize(
    ("directive", "target", "code"),
    [
        ("parallel for", "a[0]", "a[0]"),
        ("parallel for", "o.i", "o.i"),
        ("parallel for", "i, a[i]", "a[i]"),
        ("taskloop", "o.i", "o.i"),
    ],
)
def test_a_work_shared_loop_must_bind_names(directive, target, code):
    # Was a run-time data race on the fork backend, and unchecked on threads.
    source = f"# omp {directive}\nfor {target} in range(4):\n    pass\n"
    assert error_of(source) == (
        f"t.py:1:1: the loop of '# omp {directive}' binds '{code}', not a name: every "
        "thread would store its iterations' values to that one shared place\n"
        f"    # omp {directive}\n"
        "    ^\n"
        f"  hint: loop over a name and assign it in the body: 'for v in ...: {code} = v'"
    )


def test_a_sequential_loop_may_bind_an_item():
    source = "a = [0]\n# omp simd\nfor a[0] in range(4):\n    pass\n"
    assert "for a[0] in range(4):" in translate(source, "t.py").text


def test_single_reading_a_region_private_list_a_for_filled():
    # (session 11: `part = [0] * 8` in the region, `part[k] = ...` in `# omp for`,
    # `sum(part)` in `single`: each thread's part held only its own iterations, and
    # the single summed one thread's, exit 0)
    source = src(
        """
        results = []
        # omp parallel
        if True:
            for rnd in range(3):
                part = [0] * 8
                # omp for
                for k in range(8):
                    part[k] = k * rnd
                # omp single
                results.append(sum(part))
                # omp end single
        """
    )
    assert error_of(source) == (
        "t.py:10:28: 'part' is private to the region (bound at line 5), so the '# omp for' "
        "at line 6 changes each thread's own 'part', which holds only that thread's "
        "iterations: this '# omp single' reads one thread's part, where python's loop fills "
        "one object\n"
        "            results.append(sum(part))\n"
        "                               ^\n"
        "  hint: bind 'part' before the region, or only inside '# omp single' (then it is "
        "shared), or combine the threads' parts under '# omp critical'"
    )
    # bound only in a single: shared, and the loop's stores are carried
    single = "        # omp single\n        part = [0] * 8\n"
    shared = source.replace("        part = [0] * 8\n", single)
    translate(shared, "t.py")
