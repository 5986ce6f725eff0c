"""Every ``SyntaxError`` names the user's file and line (docs/runtime-api.md).

libcst parses syntax newer than the running Python (PEP 695 and 701 before 3.12,
``except A, B:`` before 3.14), so a file using it used to be translated and then
refused by Python at a line of the translation.  The translator now lets Python judge
the original source first, for ``omppy run``, ``omppy translate`` and the import hook.
Each case below is skipped on an interpreter that accepts it.
"""

from __future__ import annotations

import sys

import pytest
from helpers import run_omppy, run_python

from omppy.transform.translate import translate

# Lines 1-5 hold a region whose translation is longer than the source; the statement
# that is invalid (on older interpreters) starts at line 6.
PROGRAM = """\
import sys
total = 0
# omp parallel for reduction(+:total)
for i in range(10):
    total += i
{statement}
print(total)
"""
CASES = {
    "pep695-type-alias": ((3, 12), "type Number = int", 6),
    "pep701-nested-quotes": ((3, 12), 'label = f"{"nested"}"', 6),
    "pep758-except-without-parentheses": (
        (3, 14),
        "try:\n    pass\nexcept ValueError, TypeError:\n    pass",
        8,
    ),
}


def cases() -> list:
    return [
        pytest.param(
            statement,
            line,
            id=name,
            marks=pytest.mark.skipif(sys.version_info >= valid_since, reason="valid here"),
        )
        for name, (valid_since, statement, line) in CASES.items()
    ]


@pytest.mark.parametrize(("statement", "line"), cases())
def test_translate_raises_at_the_users_line(statement, line):
    with pytest.raises(SyntaxError) as raised:
        translate(PROGRAM.format(statement=statement), "t.py")
    assert (raised.value.filename, raised.value.lineno) == ("t.py", line)


@pytest.mark.parametrize(("statement", "line"), cases())
def test_run_reports_it_exactly_as_python(write, statement, line):
    script = write("newer.py", PROGRAM.format(statement=statement))
    expected = run_python(script)
    got = run_omppy("run", str(script))
    assert f'File "{script}", line {line}\n' in expected.err
    assert (got.status, got.out, got.err) == (expected.status, expected.out, expected.err)


@pytest.mark.parametrize(("statement", "line"), cases())
def test_translate_command_names_the_users_line(write, statement, line):
    script = write("newer.py", PROGRAM.format(statement=statement))
    got = run_omppy("translate", str(script))
    assert got.status == 1
    assert got.out == ""
    assert got.err.startswith(f"{script}:{line}:")
    assert ": syntax error: " in got.err


@pytest.mark.parametrize(("statement", "line"), cases())
def test_import_hook_names_the_users_line(write, statement, line):
    module = write("newer.py", PROGRAM.format(statement=statement))
    main = write("main.py", "import omppy.autohook\nimport newer\n")
    expected = run_python(module)
    got = run_python(main)
    assert got.status == 1
    assert f'File "{module}", line {line}\n' in got.err
    # The error itself reads as Python gives it for the file run directly.
    assert got.err.endswith(expected.err.split(f'File "{module}", ', 1)[1])


def test_what_the_compiler_refuses_inside_a_region_is_pythons_error(write):
    # Translated, the region's body is a function, where 'return' is valid: omppy's own
    # complaint about it would hide the error Python gives for the file.
    script = write("ret.py", "total = 0\n# omp parallel\nif total == 0:\n    return\n")
    expected = run_python(script)
    assert expected.err.endswith("SyntaxError: 'return' outside function\n")
    got = run_omppy("run", str(script))
    assert (got.status, got.out, got.err) == (expected.status, expected.out, expected.err)
