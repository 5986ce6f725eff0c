"""Odd characters around pragmas: a form feed before one (Python's indentation resets
after it), tabs, ``\\r\\n`` line ends, a BOM, a pragma after ``;``.  Each program
translates, and runs as under python, or fails with the exact located message."""

from __future__ import annotations

import pytest
from helpers import run_omppy, run_python

from omppy.transform.diagnostics import PragmaError
from omppy.transform.translate import translate

LOOP = "for i in range(4):\n    out[i] = f(i)\nprint(out)\n"
HEAD = "def f(i):\n    return 10 // i\n\nout = [0] * 4\n"


def error_of(source: str) -> str:
    with pytest.raises(PragmaError) as info:
        translate(source, "t.py")
    return str(info.value)


def test_a_form_feed_before_a_pragma_is_no_indentation():
    source = "out = [0] * 4\n\f# omp parallel for\nfor i in range(4):\n    out[i] = i\n"
    assert "_omp.parallel(" in translate(source, "t.py").text


def test_a_form_feed_in_a_block_resets_the_indentation_as_python_does():
    source = (
        "out = [0] * 4\n# omp parallel\nif True:\n    \f    # omp for\n"
        "    for i in range(4):\n        out[i] = i\n"
    )
    assert ".loop(_omp_items)" in translate(source, "t.py").text


def test_an_error_in_a_pragma_after_a_form_feed_is_located_without_it():
    source = "out = [0] * 4\n\f# omp parallel for schedul(static)\nfor i in range(4):\n    pass\n"
    assert error_of(source) == (
        "t.py:2:20: unknown clause 'schedul' (did you mean 'schedule'?)\n"
        "    # omp parallel for schedul(static)\n"
        "                       ^"
    )


def test_a_form_feed_on_an_earlier_line_does_not_move_the_line_shown():
    # str.splitlines() splits at '\f': the line shown was the one above the pragma.
    source = "x = 1  \f  # page\n\f\n# omp for\nwhile x:\n    x = 0\n"
    assert error_of(source) == (
        "t.py:3:1: '# omp for' must be followed by a for loop, found a 'while' statement\n"
        "    # omp for\n"
        "    ^\n"
        "  hint: put the pragma on the line above the for statement it applies to"
    )


def test_a_tab_before_a_pragma_is_a_misaligned_pragma():
    source = "out = [0] * 4\n\t# omp parallel for\nfor i in range(4):\n    out[i] = i\n"
    assert error_of(source) == (
        "t.py:2:2: '# omp parallel for' is not aligned with the statement it applies to\n"
        "     # omp parallel for\n"
        "     ^\n"
        "  hint: indent the pragma like the next statement"
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "data"),
    [
        # a form feed between functions (a page break), and before the pragma
        ("form_feed", (HEAD + "\f\n\f# omp parallel for\n" + LOOP).encode()),
        ("crlf", (HEAD + "# omp parallel for\n" + LOOP).replace("\n", "\r\n").encode()),
        ("bom", b"\xef\xbb\xbf" + (HEAD + "# omp parallel for\n" + LOOP).encode()),
        ("tabs", (HEAD + "# omp parallel for\n" + LOOP).replace("    ", "\t").encode()),
        # after a ';' the pragma is a trailing comment: an ordinary one (pragmas.md)
        ("semicolon", (HEAD + "x = 1; # omp parallel for\n" + LOOP).encode()),
    ],
)
def test_programs_run_as_under_python(tmp_path, name, data):
    script = tmp_path / f"{name}.py"
    script.write_bytes(data)
    want = run_python(script)
    got = run_omppy("run", str(script), threads=2)
    # i == 0 (thread 0's) divides by zero: python's traceback, line numbers and carets
    # included, with the region's frame (the pragma's line) added
    assert (got.status, got.out) == (want.status, want.out)
    assert want.err.rstrip().endswith("ZeroDivisionError: integer division or modulo by zero")
    lines = iter(got.err.splitlines())
    assert all(line in lines for line in want.err.splitlines()), got.err
