"""Exact messages for misuse of the constructs of issue 14 (cancel, scan, doacross,
loop/order(concurrent), threadprivate, user-defined reductions, error, the atomic forms,
tile, declare simd, ordered simd): translate-time errors, from ``translate()``, as
docs/pragmas.md shows them."""

from __future__ import annotations

import textwrap
import warnings

import pytest

from omppy.transform.diagnostics import DirectiveWarning, PragmaError
from omppy.transform.translate import translate


def error_of(source: str) -> str:
    with pytest.raises(PragmaError) as info:
        translate(textwrap.dedent(source).lstrip("\n"), "t.py")
    return str(info.value)


CASES = {
    "cancel_taskgroup_not_in_a_task": (
        ("# omp parallel\nif True:\n    # omp taskgroup\n    # omp cancel taskgroup\n    pass\n"),
        (
            "t.py:4:5: '# omp cancel taskgroup' must be closely nested in a '# omp task' or "
            "'# omp taskloop'; it is in '# omp taskgroup'\n"
            "        # omp cancel taskgroup\n"
            "        ^\n"
            "  hint: it ends the task and cancels the taskgroup the task belongs to; OpenMP "
            "allows no construct in between, and omppy needs the task in the same function "
            "(a cancel in a called function is refused)"
        ),
    ),
    "cancellation_point_taskgroup_outside_a_task": (
        ("def search():\n    # omp cancellation point taskgroup\n    pass\n"),
        (
            "t.py:2:5: '# omp cancellation point taskgroup' must be closely nested in a "
            "'# omp task' or '# omp taskloop'; it is in no construct here\n"
            "        # omp cancellation point taskgroup\n"
            "        ^\n"
            "  hint: it ends the task and cancels the taskgroup the task belongs to; OpenMP "
            "allows no construct in between, and omppy needs the task in the same function "
            "(a cancel in a called function is refused)"
        ),
    ),
    "cancel_taskgroup_in_critical": (
        (
            "def f():\n"
            "    # omp task\n"
            "    if True:\n"
            "        # omp critical\n"
            "        if True:\n"
            "            # omp cancel taskgroup\n"
            "            pass\n"
            "    # omp end task\n"
        ),
        (
            "t.py:6:13: '# omp cancel taskgroup' must be closely nested in a '# omp task' or "
            "'# omp taskloop'; it is in '# omp critical'\n"
            "                # omp cancel taskgroup\n"
            "                ^\n"
            "  hint: it ends the task and cancels the taskgroup the task belongs to; OpenMP "
            "allows no construct in between, and omppy needs the task in the same function "
            "(a cancel in a called function is refused)"
        ),
    ),
    "cancel_taskgroup_no_taskgroup_in_region": (
        (
            "# omp parallel\n"
            "# omp single\n"
            "if True:\n"
            "    # omp task\n"
            "    if True:\n"
            "        # omp cancel taskgroup\n"
            "        pass\n"
            "    # omp end task\n"
        ),
        (
            "t.py:6:9: '# omp cancel taskgroup' is in a task that belongs to no taskgroup: "
            "the task is created in the '# omp parallel' at line 1 with no '# omp taskgroup' "
            "around it\n"
            "            # omp cancel taskgroup\n"
            "            ^\n"
            "  hint: put the code that creates the tasks in '# omp taskgroup' (inside the "
            "region): '# omp cancel taskgroup' ends the tasks of that group"
        ),
    ),
    "cancellation_point_taskgroup_in_taskloop_nogroup": (
        (
            "def f(n):\n"
            "    # omp parallel\n"
            "    # omp single\n"
            "    # omp taskloop nogroup\n"
            "    for i in range(n):\n"
            "        # omp cancellation point taskgroup\n"
            "        pass\n"
        ),
        (
            "t.py:6:9: '# omp cancellation point taskgroup' is in a task that belongs to no "
            "taskgroup: the task is created in the '# omp parallel' at line 2 with no "
            "'# omp taskgroup' around it\n"
            "            # omp cancellation point taskgroup\n"
            "            ^\n"
            "  hint: put the code that creates the tasks in '# omp taskgroup' (inside the "
            "region): '# omp cancel taskgroup' ends the tasks of that group"
        ),
    ),
    "cancel_taskgroup_module_task": (
        ("# omp task\nif True:\n    # omp cancel taskgroup\n    pass\n# omp end task\n"),
        (
            "t.py:3:5: '# omp cancel taskgroup' is in a task that belongs to no taskgroup\n"
            "        # omp cancel taskgroup\n"
            "        ^\n"
            "  hint: put the code that creates the tasks in '# omp taskgroup': '# omp cancel "
            "taskgroup' ends the tasks of that group"
        ),
    ),
    "cancel_not_nested": (
        ("# omp parallel\nif True:\n    # omp cancel for\n    pass\n"),
        (
            "t.py:3:5: '# omp cancel for' must be closely nested in the '# omp for' construct "
            "it cancels; it is in '# omp parallel'\n"
            "        # omp cancel for\n"
            "        ^\n"
            "  hint: OpenMP allows no construct in between, and omppy needs the cancelled "
            "construct in the same function (a cancel in a called function is refused)"
        ),
    ),
    "cancel_in_critical": (
        (
            "# omp parallel for\n"
            "for i in range(4):\n"
            "    # omp critical\n"
            "    if i:\n"
            "        # omp cancel for\n"
            "        pass\n"
        ),
        (
            "t.py:5:9: '# omp cancel for' must be closely nested in the '# omp for' construct "
            "it cancels; it is in '# omp critical'\n"
            "            # omp cancel for\n"
            "            ^\n"
            "  hint: OpenMP allows no construct in between, and omppy needs the cancelled "
            "construct in the same function (a cancel in a called function is refused)"
        ),
    ),
    "cancel_nowait": (
        (
            "# omp parallel\n"
            "if True:\n"
            "    # omp for nowait\n"
            "    for i in range(4):\n"
            "        # omp cancel for\n"
            "        pass\n"
        ),
        (
            "t.py:3:15: a loop that can be cancelled cannot have 'nowait' (OpenMP forbids it: "
            "the threads that left the construct early must meet the others at its end)\n"
            "        # omp for nowait\n"
            "                  ^\n"
            "  hint: '# omp cancel for' is at line 5"
        ),
    ),
    "cancel_ordered": (
        ("# omp parallel for ordered\nfor i in range(4):\n    # omp cancel for\n    pass\n"),
        (
            "t.py:1:20: a loop that can be cancelled cannot have 'ordered' (OpenMP forbids it: "
            "a skipped iteration would never pass its turn)\n"
            "    # omp parallel for ordered\n"
            "                       ^\n"
            "  hint: '# omp cancel for' is at line 3"
        ),
    ),
    "cancel_orphaned": (
        ("def stop():\n    # omp cancel for\n    pass\n"),
        (
            "t.py:2:5: '# omp cancel for' must be closely nested in the '# omp for' construct "
            "it cancels; it is in no construct here\n"
            "        # omp cancel for\n"
            "        ^\n"
            "  hint: OpenMP allows no construct in between, and omppy needs the cancelled "
            "construct in the same function (a cancel in a called function is refused)"
        ),
    ),
    "cancel_sections_nowait": (
        (
            "# omp parallel\n"
            "if True:\n"
            "    # omp sections nowait\n"
            "    # omp section\n"
            "    if True:\n"
            "        # omp cancel sections\n"
            "        pass\n"
            "    # omp end sections\n"
        ),
        (
            "t.py:3:20: sections that can be cancelled cannot have 'nowait' (OpenMP forbids "
            "it: the threads that left the construct early must meet the others at its end)\n"
            "        # omp sections nowait\n"
            "                       ^\n"
            "  hint: remove 'nowait' from the sections"
        ),
    ),
    "scan_missing": (
        ("t = 0\n# omp parallel for reduction(inscan, +: t)\nfor i in range(4):\n    t += i\n"),
        (
            "t.py:2:1: a loop with reduction(inscan, ...) needs '# omp scan inclusive(...)' or "
            "'# omp scan exclusive(...)' directly in its body\n"
            "    # omp parallel for reduction(inscan, +: t)\n"
            "    ^\n"
            "  hint: the scan splits each iteration into the part that adds to the reduction "
            "and the part that reads its prefix"
        ),
    ),
    "scan_stray": (
        (
            "t = 0\n"
            "# omp parallel for reduction(+: t)\n"
            "for i in range(4):\n"
            "    t += i\n"
            "    # omp scan inclusive(t)\n"
            "    print(t)\n"
        ),
        (
            "t.py:5:5: '# omp scan' needs a loop with reduction(inscan, op: names)\n"
            "        # omp scan inclusive(t)\n"
            "        ^\n"
            "  hint: write reduction(inscan, +: ...) on the loop (line 2)"
        ),
    ),
    "scan_outside": (
        ("# omp parallel\nif True:\n    # omp scan inclusive(t)\n    pass\n"),
        (
            "t.py:3:5: '# omp scan' must stand directly in the body of a loop with "
            "reduction(inscan, ...)\n"
            "        # omp scan inclusive(t)\n"
            "        ^\n"
            "  hint: put it directly in the body of the loop that has reduction(inscan, ...)"
        ),
    ),
    "scan_list": (
        (
            "t = u = 0\n"
            "# omp parallel for reduction(inscan, +: t, u)\n"
            "for i in range(4):\n"
            "    t += i\n"
            "    u += i\n"
            "    # omp scan inclusive(t)\n"
            "    print(t)\n"
        ),
        (
            "t.py:6:16: '# omp scan inclusive' must list the loop's inscan reductions: t, u\n"
            "        # omp scan inclusive(t)\n"
            "                   ^\n"
            "  hint: write '# omp scan inclusive(t, u)'"
        ),
    ),
    "scan_dynamic": (
        (
            "t = 0\n"
            "# omp parallel for reduction(inscan, +: t) schedule(dynamic)\n"
            "for i in range(4):\n"
            "    t += i\n"
            "    # omp scan inclusive(t)\n"
            "    print(t)\n"
        ),
        (
            "t.py:2:44: a loop with a scan is scheduled statically: each thread takes one "
            "block of iterations, in order, and adds its part to the blocks before it\n"
            "    # omp parallel for reduction(inscan, +: t) schedule(dynamic)\n"
            "                                               ^\n"
            "  hint: drop the schedule clause"
        ),
    ),
    "scan_nowait": (
        (
            "t = 0\n"
            "# omp parallel\n"
            "if True:\n"
            "    # omp for reduction(inscan, +: t) nowait\n"
            "    for i in range(4):\n"
            "        t += i\n"
            "        # omp scan inclusive(t)\n"
            "        print(t)\n"
        ),
        (
            "t.py:4:39: a loop with a scan cannot have 'nowait' (the threads hand each other "
            "their blocks' totals before the scan phases, and the reduction is combined at "
            "the loop's end)\n"
            "        # omp for reduction(inscan, +: t) nowait\n"
            "                                          ^\n"
            "  hint: drop 'nowait'"
        ),
    ),
    "scan_continue": (
        (
            "t = 0\n"
            "# omp parallel for reduction(inscan, +: t)\n"
            "for i in range(4):\n"
            "    if i == 2:\n"
            "        continue\n"
            "    t += i\n"
            "    # omp scan inclusive(t)\n"
            "    print(t)\n"
        ),
        (
            "t.py:5:9: 'continue' cannot skip the rest of an iteration of a loop with a scan: "
            "the iteration's input and scan phases run in two passes\n"
            "            continue\n"
            "            ^\n"
            "  hint: use 'if' around the statements to skip instead"
        ),
    ),
    "scan_dependence": (
        (
            "t = 0\n"
            "out = [0] * 4\n"
            "# omp parallel for reduction(inscan, +: t)\n"
            "for i in range(4):\n"
            "    v = i * i\n"
            "    t += v\n"
            "    # omp scan inclusive(t)\n"
            "    out[i] = t + v\n"
        ),
        (
            "t.py:8:18: 'v' is set in the loop's input phase and read in its scan phase; omppy "
            "runs the input phases of all iterations before the scan phases (OpenMP forbids "
            "this dependence)\n"
            "        out[i] = t + v\n"
            "                     ^\n"
            "  hint: compute it again in the scan phase, or store it by iteration ('vs[i] = ...')"
        ),
    ),
    "doacross_no_loop": (
        (
            "# omp parallel for ordered\n"
            "for i in range(4):\n"
            "    # omp ordered depend(sink: i - 1)\n"
            "    pass\n"
        ),
        (
            "t.py:3:5: '# omp ordered depend(...)' must be in a loop with 'ordered(n)'\n"
            "        # omp ordered depend(sink: i - 1)\n"
            "        ^\n"
            "  hint: write '# omp parallel for ordered(1)' (or ordered(2) for a 2-level nest)"
        ),
    ),
    "doacross_arity": (
        (
            "# omp parallel for ordered(2)\n"
            "for i in range(4):\n"
            "    for j in range(4):\n"
            "        # omp ordered depend(sink: i - 1)\n"
            "        pass\n"
        ),
        (
            "t.py:4:23: the loop has ordered(2): a sink names 2 loop values, found 1\n"
            "            # omp ordered depend(sink: i - 1)\n"
            "                          ^\n"
            "  hint: give one value per loop of the nest, in their order, e.g. 'depend(sink: i "
            "- 1, j)'"
        ),
    ),
    "doacross_not_range": (
        (
            "# omp parallel for ordered(1)\n"
            "for x in [1, 2, 3]:\n"
            "    # omp ordered depend(source)\n"
            "    pass\n"
        ),
        (
            "t.py:1:1: the loops of a doacross nest iterate range(...), so that a sink's "
            "values name an iteration; level 1 iterates '[1, 2, 3]'\n"
            "    # omp parallel for ordered(1)\n"
            "    ^\n"
            "  hint: write 'for i in range(...)' at each level of the nest"
        ),
    ),
    "doacross_rectangular": (
        (
            "# omp parallel for ordered(2)\n"
            "for i in range(4):\n"
            "    for j in range(i):\n"
            "        # omp ordered depend(source)\n"
            "        pass\n"
        ),
        (
            "t.py:1:1: ordered(2) needs a rectangular loop nest, but level 2's range uses 'i' "
            "from an enclosing loop\n"
            "    # omp parallel for ordered(2)\n"
            "    ^\n"
            "  hint: give every level of the nest a range that does not use the outer loops' "
            "variables"
        ),
    ),
    "doacross_dynamic": (
        (
            "# omp parallel for ordered(1) schedule(dynamic)\n"
            "for i in range(4):\n"
            "    # omp ordered depend(source)\n"
            "    pass\n"
        ),
        (
            "t.py:1:31: a doacross loop is scheduled statically; schedule(dynamic) cannot say "
            "which thread runs an iteration, which its sinks wait for\n"
            "    # omp parallel for ordered(1) schedule(dynamic)\n"
            "                                  ^\n"
            "  hint: use schedule(static[, chunk]), or leave the schedule out"
        ),
    ),
    "doacross_block": (
        ("# omp parallel for ordered(1)\nfor i in range(4):\n    # omp ordered\n    print(i)\n"),
        (
            "t.py:3:5: the loop has ordered(1): its body orders iterations with '# omp ordered "
            "depend(sink: ...)' and '# omp ordered depend(source)', not ordered blocks\n"
            "        # omp ordered\n"
            "        ^\n"
            "  hint: write 'ordered' (without a number) on the loop for ordered blocks"
        ),
    ),
    "loop_critical": (
        ("# omp parallel loop\nfor i in range(4):\n    # omp critical\n    print(i)\n"),
        (
            "t.py:3:5: '# omp critical' cannot stand in '# omp parallel loop': its iterations "
            "may run in any order, so only loop, parallel, simd and atomic constructs may be "
            "nested in it\n"
            "        # omp critical\n"
            "        ^\n"
            "  hint: use '# omp for' (without order(concurrent)) for a loop that synchronises"
        ),
    ),
    "threadprivate_function": (
        ("def f():\n    x = 1\n    # omp threadprivate(x)\n    return x\n"),
        (
            "t.py:3:5: '# omp threadprivate' declares module globals: it must stand at the top "
            "level of the module\n"
            "        # omp threadprivate(x)\n"
            "        ^\n"
            "  hint: a function's local variables are each thread's own already"
        ),
    ),
    "threadprivate_unknown": (
        ("# omp threadprivate(nope)\n"),
        (
            "t.py:1:1: threadprivate 'nope' is not a global of this module\n"
            "    # omp threadprivate(nope)\n"
            "    ^\n"
            "  hint: bind it at the top level before the directive: 'nope = ...'"
        ),
    ),
    "threadprivate_clause": (
        ("x = 0\n# omp threadprivate(x)\n# omp parallel private(x)\nx = 1\n"),
        (
            "t.py:3:16: 'x' is threadprivate: it cannot be in 'private'\n"
            "    # omp parallel private(x)\n"
            "                   ^\n"
            "  hint: each thread has its own already; copyin and copyprivate are the clauses "
            "for it"
        ),
    ),
    "threadprivate_walrus": (
        (
            "x = 0\n# omp threadprivate(x)\n"
            "def f():\n    global x\n    if (x := 3):\n        pass\n"
        ),
        (
            "t.py:5:9: 'x' is threadprivate: ':=' cannot bind it after its '# omp "
            "threadprivate' directive (each thread's copy is bound by '=', '+=', 'for' and "
            "'del')\n"
            "        if (x := 3):\n"
            "            ^\n"
            "  hint: bind it with 'x = ...'"
        ),
    ),
    "threadprivate_import": (
        ("x = 0\n# omp threadprivate(x)\nimport os as x\n"),
        (
            "t.py:3:14: 'x' is threadprivate: an import cannot bind it after its '# omp "
            "threadprivate' directive (each thread's copy is bound by '=', '+=', 'for' and "
            "'del')\n"
            "    import os as x\n"
            "                 ^\n"
            "  hint: bind it with 'x = ...'"
        ),
    ),
    "lastprivate_modifier": (
        ("x = 0\n# omp parallel for lastprivate(always: x)\nfor i in range(4):\n    x = i\n"),
        (
            "t.py:2:32: 'lastprivate' modifier 'always' is not supported\n"
            "    # omp parallel for lastprivate(always: x)\n"
            "                                   ^\n"
            "  hint: OpenMP 5.2 has one: lastprivate(conditional: x)"
        ),
    ),
    "lastprivate_conditional_taskloop": (
        ("x = 0\n# omp taskloop lastprivate(conditional: x)\nfor i in range(4):\n    x = i\n"),
        (
            "t.py:2:28: lastprivate(conditional: ...) is not supported on 'taskloop'\n"
            "    # omp taskloop lastprivate(conditional: x)\n"
            "                               ^\n"
            "  hint: use it on 'for' or 'sections', or plain lastprivate(x) here"
        ),
    ),
    "lastprivate_conditional_walrus": (
        (
            "x = 0\n# omp parallel for lastprivate(conditional: x)\nfor i in range(4):\n"
            "    if (x := i) > 2:\n        pass\n"
        ),
        (
            "t.py:2:1: lastprivate(conditional: x): 'x' is bound by ':=' in the test of an "
            "'if'; omppy records the assignments that statements make\n"
            "    # omp parallel for lastprivate(conditional: x)\n"
            "    ^\n"
            "  hint: assign it in a statement of its own: 'x = ...' before the 'if'"
        ),
    ),
    "lastprivate_conditional_twice": (
        (
            "x = 0\n# omp for lastprivate(conditional: x) lastprivate(x)\n"
            "for i in range(4):\n    x = i\n"
        ),
        (
            "t.py:2:51: 'x' appears twice in 'lastprivate'\n"
            "    # omp for lastprivate(conditional: x) lastprivate(x)\n"
            "                                                      ^\n"
            "  hint: a variable takes one data-sharing clause (only firstprivate and "
            "lastprivate may share one)"
        ),
    ),
    "copyin_not_threadprivate": (
        ("x = 0\n# omp parallel copyin(x)\nprint(x)\n"),
        (
            "t.py:2:16: copyin(x): 'x' is not threadprivate\n"
            "    # omp parallel copyin(x)\n"
            "                   ^\n"
            "  hint: declare it at the module's top level: '# omp threadprivate(x)'"
        ),
    ),
    "linear_loop_variable": (
        ("out = [0] * 6\n# omp parallel for linear(i)\nfor i in range(6):\n    out[i] = i\n"),
        (
            "t.py:2:20: 'i' is the loop's own variable, linear already: it cannot be in "
            "'linear'\n"
            "    # omp parallel for linear(i)\n"
            "                       ^\n"
            "  hint: remove it from the clause; 'linear' is for other variables that grow by "
            "a step each iteration"
        ),
    ),
    "reduction_unknown": (
        ("m = 0\n# omp parallel for reduction(mx: m)\nfor i in range(4):\n    m = max(m, i)\n"),
        (
            "t.py:2:20: unknown reduction operator 'mx' (did you mean 'max'?)\n"
            "    # omp parallel for reduction(mx: m)\n"
            "                       ^\n"
            "  hint: operators: + - * & | ^ and or min max, a name from '# omp declare "
            "reduction' in this file, or a function of two arguments"
        ),
    ),
    "error_fatal": (
        ('# omp error message("not ported yet")\n'),
        ('t.py:1:1: error: not ported yet\n    # omp error message("not ported yet")\n    ^'),
    ),
    "error_non_literal": (
        ('msg = "x"\n# omp error message(msg)\n'),
        (
            "t.py:2:21: the message of a compile-time error must be a string literal\n"
            "    # omp error message(msg)\n"
            "                        ^\n"
            "  hint: write message('...'), or at(execution) to compute it at run time"
        ),
    ),
    "atomic_read_wrong": (
        ("x = 0\n# omp parallel\nif True:\n    # omp atomic read\n    v = x + 1\n"),
        (
            "t.py:4:5: '# omp atomic read' must be followed by one read into another variable: "
            "'v = x'\n"
            "        # omp atomic read\n"
            "        ^\n"
            "  hint: use '# omp critical' for anything else"
        ),
    ),
    "atomic_capture_wrong": (
        ("x = 0\n# omp parallel\nif True:\n    # omp atomic capture\n    x += 1\n"),
        (
            "t.py:4:5: '# omp atomic capture' must be followed by an update and a read of the "
            "same variable: 'v = x; x += e' (the old value), 'x += e; v = x' or 'v = x = x + "
            "e' (the new value), or 'v = x; x = e'\n"
            "        # omp atomic capture\n"
            "        ^\n"
            "  hint: write the statements on one line ('v = x; x += 1') or close a block with "
            "'# omp end atomic'; use '# omp critical' for anything else"
        ),
    ),
    "atomic_compare_wrong": (
        ("x = 0\n# omp parallel\nif True:\n    # omp atomic compare\n    if x < 3: x = 5\n"),
        (
            "t.py:4:5: '# omp atomic compare' must be followed by a conditional write: 'if x "
            "== e: x = d', 'if x < e: x = e', 'if x > e: x = e', or one as an expression "
            "('x = e if e < x else x')\n"
            "        # omp atomic compare\n"
            "        ^\n"
            "  hint: use '# omp critical' for anything else"
        ),
    ),
    "tile_depth": (
        ("# omp tile sizes(2, 2)\nfor i in range(4):\n    print(i)\n"),
        (
            "t.py:1:1: sizes(2, 2) tiles 2 perfectly nested loops, but level 2 is not a for "
            "loop alone in the loop above it\n"
            "    # omp tile sizes(2, 2)\n"
            "    ^\n"
            "  hint: make level 2 a for loop alone in the body of the loop above, or list "
            "fewer sizes"
        ),
    ),
    "declare_simd_not_def": (
        ("# omp declare simd\nx = 1\n"),
        (
            "t.py:1:1: '# omp declare simd' must be followed by a def, found an 'assign' "
            "statement\n"
            "    # omp declare simd\n"
            "    ^\n"
            "  hint: put '# omp declare simd' on the line above a def"
        ),
    ),
    "ordered_simd_not_simd": (
        ("# omp parallel for ordered\nfor i in range(4):\n    # omp ordered simd\n    print(i)\n"),
        (
            "t.py:3:5: '# omp ordered simd' must be closely nested in a simd loop\n"
            "        # omp ordered simd\n"
            "        ^\n"
            "  hint: write '# omp ordered' to order the iterations of threads"
        ),
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_message(name: str) -> None:
    source, expected = CASES[name]
    assert error_of(source) == expected


def test_error_with_severity_warning_warns_at_its_line_and_translates():
    source = "x = 1\n# omp error severity(warning) message('check the units')\ny = x\n"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        translation = translate(source, "t.py")
    assert [(w.category, str(w.message), w.filename, w.lineno) for w in caught] == [
        (DirectiveWarning, "check the units", "t.py", 2)
    ]
    assert "_omp.error" not in translation.text


def test_error_at_execution_is_code_not_a_translate_time_error():
    source = "if x:\n    # omp error at(execution) message(f'bad {x}')\n    pass\n"
    assert "_omp.error(f'bad {x}', 'fatal')" in translate(source, "t.py").text


@pytest.mark.parametrize(
    "source",
    [
        # In a taskgroup of the same function; in a taskloop (its implicit taskgroup); in
        # a task nested in another inside a taskgroup; in a function whose caller may
        # open the taskgroup (checked when it runs).
        "def f():\n    # omp taskgroup\n    if True:\n        # omp task\n        if True:\n"
        "            # omp cancel taskgroup\n            pass\n        # omp end task\n",
        "def f(n):\n    # omp parallel\n    # omp single\n    # omp taskloop\n"
        "    for i in range(n):\n        # omp cancel taskgroup if(i > 3)\n        pass\n",
        "# omp parallel\n# omp single\n# omp taskgroup\n# omp task\nif True:\n"
        "    # omp task\n    if True:\n        # omp cancellation point taskgroup\n"
        "        pass\n    # omp end task\n# omp end task\n",
        "def f(x):\n    # omp task\n    if x:\n        # omp cancel taskgroup\n"
        "        pass\n    # omp end task\n",
    ],
)
def test_cancel_taskgroup_where_a_taskgroup_may_be(source: str) -> None:
    text = translate(source, "t.py").text
    assert "with _omp_t.cancellable('taskgroup'):" in text


def test_break_in_a_parallel_for_still_refused_with_cancel_in_the_hint():
    source = "# omp parallel for\nfor i in range(4):\n    break\n"
    assert error_of(source).endswith(
        "hint: a worksharing loop must run every iteration; use a flag instead, or "
        "'# omp cancel for' to stop a search early"
    )
