"""Every translate-time error says what to do: exact messages (location, source line,
caret, hint) of the errors that had no hint before session 8 and no exact test
elsewhere (tests/test_grammar.py, test_translate_errors.py and
test_constructs_errors.py hold the others)."""

from __future__ import annotations

import pytest

from omppy.transform.diagnostics import PragmaError
from omppy.transform.translate import translate

CASES = {
    "import_star": (
        "# omp parallel\n"
        "from os import *\n",
        "t.py:2:1: 'import *' is not supported inside an omp construct\n"
        "    from os import *\n"
        "    ^\n"
        "  hint: move 'import *' out of the construct: before its pragma, or into a "
        "function the construct calls",
    ),
    "global_stmt": (
        "def f():\n"
        "    # omp parallel\n"
        "    global g\n",
        "t.py:3:5: a 'global' statement is not supported inside an omp construct\n"
        "        global g\n"
        "        ^\n"
        "  hint: move a 'global' statement out of the construct: before its pragma, or "
        "into a function the construct calls",
    ),
    "ordered_in_critical": (
        "# omp parallel for ordered\n"
        "for i in range(4):\n"
        "    # omp critical\n"
        "    if True:\n"
        "        # omp ordered\n"
        "        print(i)\n",
        "t.py:5:9: '# omp ordered' cannot be nested inside '# omp critical'\n"
        "            # omp ordered\n"
        "            ^\n"
        "  hint: end the '# omp critical' block before the '# omp ordered', or put the "
        "ordered block outside it",
    ),
    "end_assumes_clauses": (
        "# omp begin assumes\n"
        "x = 1\n"
        "# omp end assumes no_openmp\n",
        "t.py:3:19: '# omp end assumes' takes no clauses\n"
        "    # omp end assumes no_openmp\n"
        "                      ^\n"
        "  hint: write '# omp end assumes' alone",
    ),
    "initializer_uses_priv": (
        "# omp declare reduction(m : int : omp_out + omp_in) initializer(omp_priv = "
        "omp_priv + 1)\n",
        "t.py:1:76: the initializer's value cannot use 'omp_priv': it is what it makes\n"
        "    # omp declare reduction(m : int : omp_out + omp_in) initializer(omp_priv = "
        "omp_priv + 1)\n"
        "                                                                               ^\n"
        "  hint: use omp_orig for the original value, e.g. 'initializer(omp_priv = "
        "type(omp_orig)())'",
    ),
    "async_for": (
        "async def f(xs):\n"
        "    # omp parallel for\n"
        "    async for x in xs:\n"
        "        pass\n",
        "t.py:2:5: 'async for' loops cannot be work-shared\n"
        "        # omp parallel for\n"
        "        ^\n"
        "  hint: use an ordinary for loop, or remove the pragma",
    ),
    "section_outside_sections": (
        "# omp parallel\n"
        "if True:\n"
        "    # omp section\n"
        "    x = 1\n",
        "t.py:3:5: '# omp section' must be directly inside '# omp sections'\n"
        "        # omp section\n"
        "        ^\n"
        "  hint: write '# omp section' between the statements of a '# omp sections' "
        "block, at its indentation (docs/pragmas.md, sections)",
    ),
    "ordered_less_than_collapse": (
        "# omp parallel for collapse(2) ordered(1)\n"
        "for i in range(4):\n"
        "    for j in range(4):\n"
        "        # omp ordered depend(sink: i - 1)\n"
        "        x = 1\n"
        "        # omp ordered depend(source)\n",
        "t.py:1:32: ordered(1) must cover the collapse(2) loops at least\n"
        "    # omp parallel for collapse(2) ordered(1)\n"
        "                                   ^\n"
        "  hint: write ordered(2) or more",
    ),
    "doacross_not_nested": (
        "# omp parallel for ordered(2)\n"
        "for i in range(4):\n"
        "    x = i\n"
        "    # omp ordered depend(sink: i - 1, 0)\n"
        "    # omp ordered depend(source)\n",
        "t.py:1:1: ordered(2) needs 2 perfectly nested for loops, but level 2 is not a "
        "for loop alone in the loop above it\n"
        "    # omp parallel for ordered(2)\n"
        "    ^\n"
        "  hint: make level 2 a for loop alone in the body of the loop above, or lower "
        "ordered(2)",
    ),
    "doacross_target": (
        "# omp parallel for ordered(2)\n"
        "for i in range(4):\n"
        "    for j, k in zip(range(4), range(4)):\n"
        "        # omp ordered depend(sink: i - 1, j)\n"
        "        x = 1\n"
        "        # omp ordered depend(source)\n",
        "t.py:1:1: the loops of a doacross nest take one variable each; level 2 has 'j, k'\n"
        "    # omp parallel for ordered(2)\n"
        "    ^\n"
        "  hint: write 'for i in range(...)' at each level of the nest",
    ),
    "two_scans": (
        "s = 0\n"
        "out = [0] * 4\n"
        "# omp parallel for reduction(inscan, +: s)\n"
        "for i in range(4):\n"
        "    s += i\n"
        "    # omp scan inclusive(s)\n"
        "    # omp scan inclusive(s)\n"
        "    out[i] = s\n",
        "t.py:7:5: a loop takes one '# omp scan'\n"
        "        # omp scan inclusive(s)\n"
        "        ^\n"
        "  hint: keep one '# omp scan' in the loop's body",
    ),
    "scan_no_clause": (
        "s = 0\n"
        "out = [0] * 4\n"
        "# omp parallel for reduction(inscan, +: s)\n"
        "for i in range(4):\n"
        "    s += i\n"
        "    # omp scan\n"
        "    out[i] = s\n",
        "t.py:6:5: '# omp scan' takes one clause: inclusive(names) or exclusive(names)\n"
        "        # omp scan\n"
        "        ^\n"
        "  hint: write '# omp scan inclusive(x)' or '# omp scan exclusive(x)'",
    ),
    "sink_on_task": (
        "# omp task depend(source)\n"
        "x = 1\n",
        "t.py:1:19: depend(source) belongs on '# omp ordered' in a doacross loop, not "
        "on 'task'\n"
        "    # omp task depend(source)\n"
        "                      ^\n"
        "  hint: put it on '# omp ordered depend(...)' in the body of a loop that has "
        "ordered(n)",
    ),
    "inbranch_and_notinbranch": (
        "# omp declare simd inbranch notinbranch\ndef f(x):\n    return x\n",
        "t.py:1:29: 'inbranch' and 'notinbranch' cannot go together\n"
        "    # omp declare simd inbranch notinbranch\n"
        "                                ^\n"
        "  hint: keep the one that says how the function is called",
    ),
    "continue_leaving_a_region": (
        "for j in range(3):\n    # omp parallel\n    continue\n",
        "t.py:3:5: 'continue' cannot leave a parallel region ('# omp parallel')\n"
        "        continue\n"
        "        ^\n"
        "  hint: move the 'continue' out of the construct",
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_the_error_has_a_hint(name: str) -> None:
    source, expected = CASES[name]
    with pytest.raises(PragmaError) as info:
        translate(source, "t.py")
    assert str(info.value) == expected
    assert info.value.hint
