"""No input crashes the translator with anything but a PragmaError or a SyntaxError.

Programs are assembled from statement fragments (loops, blocks, stores, calls, nested
functions) with pragmas dropped in at random lines and indentations.  Whatever comes
out must be valid Python that compiles with the user's line numbers.
"""

from __future__ import annotations

from types import CodeType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from omppy.transform.diagnostics import PragmaError
from omppy.transform.lines import compile_translation
from omppy.transform.translate import translate

PRAGMAS = [
    "# omp parallel",
    "# omp parallel for",
    "# omp parallel for reduction(+:s) schedule(dynamic, 2)",
    "# omp for",
    "# omp for nowait lastprivate(x)",
    "# omp parallel for collapse(2)",
    "# omp critical",
    "# omp atomic",
    "# omp single copyprivate(x)",
    "# omp master",
    "# omp barrier",
    "# omp flush",
    "# omp ordered",
    "# omp sections",
    "# omp section",
    "# omp end parallel",
    "# omp end critical",
    "# omp end sections",
    "# omp parallel default(none) shared(a)",
    "# omp parallel for private(t) firstprivate(y)",
    # A comment after the pragma, odd spacing, a name spelled the NFKC way.
    "# omp parallel for reduction(+:s)  # the sum",
    "#omp\tparallel  for ,reduction(+:ﬁ)",
    "# omp barrier# no space",
]

BODIES = [
    ["s += i"],
    ["a[i] = i * 2"],
    ["x = i", "t = x + 1"],
    ["for j in range(3):", "    a[i] = j"],
    ["if i % 2:", "    s += 1", "else:", "    s -= 1"],
    ["a.append(i)"],
    ["y = [k for k in range(i)]"],
    ["def g(v):", "    return v + i", "x = g(1)"],
    ["break"],
    ["count += 1"],
    ["d[i], e[i] = i, -i"],
    ["with open(__file__) as fh:", "    x = fh.readline()"],
    ["rows[i % 3].sort(key=abs, reverse=bool(i))"],
    ["rows[i % 3].append(i)"],
    ["for row in rows:", "    row.reverse()"],
    ["x = rows[0].count(i)"],
    ["ﬁ += i"],
    ["@staticmethod", "def h():", "    return i"],
    ["class K:", "    z = i"],
    ["f = lambda q: q + i", "x = f(1)"],
    ["y = [k", "     for k in range(i)]"],
    # dict keys a synchronisation block notes (transform/key_notes.py)
    ["d[i] = d.get(i, 0) + 1"],
    ["d.setdefault(i % 3, []).append(i)"],
    ["e.update(d); e.update((k, k) for k in range(i))"],
    ["rows[i % 3][0] = i"],
    ["d[f'{i}!'] = d[i, 0] = 1; del x"],
    ["if i: d[i] += 1"],
    ["e |= d"],
    ["if i > 3:", "    pass", "else:", "    x = i"],
]


@st.composite
def programs(draw: st.DrawFn) -> str:
    lines = ["s = 0", "x = 0", "y = 1", "t = 0", "count = 0", "a = [0] * 10", "d = {}", "e = {}"]
    lines.append("fi = 0")
    lines.append("rows = [[3, -1], [2], []]")
    for _ in range(draw(st.integers(1, 5))):
        if draw(st.booleans()):
            lines.append(draw(st.sampled_from(PRAGMAS)))
        lines.append("for i in range(10):")
        body = draw(st.lists(st.sampled_from(BODIES), min_size=1, max_size=3))
        for fragment in body:
            if draw(st.booleans()):
                lines.append("    " + draw(st.sampled_from(PRAGMAS)))
            lines.extend("    " + line for line in fragment)
        if draw(st.booleans()):
            lines.append(draw(st.sampled_from(PRAGMAS)))
            lines.append("z = s")
    if draw(st.booleans()):
        lines = ["def main():"] + ["    " + line for line in lines] + ["main()"]
    if draw(st.booleans()):
        lines.append(draw(st.sampled_from(PRAGMAS)))  # last line: no statement follows
    return "\n".join(lines) + draw(st.sampled_from(["\n", ""]))  # maybe no final newline


def _code_objects(code: CodeType) -> list[CodeType]:
    found = [code]
    for const in code.co_consts:
        if isinstance(const, CodeType):
            found.extend(_code_objects(const))
    return found


@pytest.mark.slow  # 150 programs translated twice and compiled
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(programs())
def test_translator_gives_code_or_a_pragma_error(source: str) -> None:
    try:
        compile(source, "fuzz.py", "exec")
    except SyntaxError:
        valid = False
    else:
        valid = True
    try:
        translation = translate(source, "fuzz.py")
    except PragmaError:
        return
    except SyntaxError:
        assert not valid, "the translator refused valid Python with a SyntaxError"
        return
    code = compile_translation(translation, "fuzz.py")
    assert code.co_filename == "fuzz.py"
    # Every line the code reports exists in the user's file (0: the synthetic RESUME).
    count = len(source.splitlines())
    for each in _code_objects(code):
        assert all(0 <= line <= count for _, _, line in each.co_lines() if line is not None)
    again = translate(translation.text, "fuzz.py")
    assert again.text == translation.text  # translating the output changes nothing
