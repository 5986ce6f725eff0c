"""The import hook reads only modules that may be the user's, and can say why
(docs/runtime-api.md, "The translation cache"; ``OMPPY_TRACE_IMPORTS``).

Built-in and frozen modules are left to Python by name; modules of the standard
library, site-packages and omppy are returned as found, their files unread.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
import textwrap

import click
import pytest
from helpers import run_omppy, run_python

TRACE = {"OMPPY_TRACE_IMPORTS": "1", "PYTHONDONTWRITEBYTECODE": ""}

WORK = "def total(n):\n    s = 0\n    # omp parallel for reduction(+:s)\n" + (
    "    for i in range(n):\n        s += i\n    return s\n"
)


def trace_lines(err: str, *about: str) -> list[str]:
    """The trace's lines (those about one of the modules or files ``about``)."""
    starts = tuple(f"omppy: import: {name}: " for name in about) or "omppy: import: "
    return [line for line in err.splitlines() if line.startswith(starts)]


def test_installed_and_standard_modules_are_not_opened(write):
    # Python itself opens only the .pyc of a module whose cache is fresh: any open of
    # their .py source after the hook is installed is the hook reading it.
    for module in (json, click):
        cached = importlib.util.cache_from_source(module.__file__)
        if not os.path.exists(cached):
            pytest.skip(f"{module.__name__} has no .pyc: Python itself reads its source")
    script = write(
        "opens.py",
        textwrap.dedent(
            """
            import sys
            import omppy.autohook
            opened = []
            def audit(event, args):
                if event == "open" and str(args[0]).endswith(".py"):
                    opened.append(str(args[0]))
            sys.addaudithook(audit)
            import json, click, mine
            print(sorted(opened))
            """
        ),
    )
    write("mine.py", "VALUE = 1\n")
    got = run_python(script)
    assert got.status == 0, got.err
    # The user's module alone (read by the hook, and by Python: it has no .pyc).
    assert set(eval(got.out)) == {str(script.parent / "mine.py")}


def test_trace_says_why_a_module_was_not_read(write):
    script = write(
        "why.py",
        "import sys\nimport omppy.autohook\nimport json, click, mine\n"
        "name = next(n for n in sorted(sys.builtin_module_names) if n not in sys.modules)\n"
        "__import__(name)\nprint(name)\n",
    )
    write("mine.py", "VALUE = 1\n")
    got = run_python(script, env=TRACE)
    assert got.status == 0, got.err
    lines = trace_lines(got.err)
    builtin = got.out.strip()
    assert f"omppy: import: json: not read: standard library ({json.__file__})" in lines
    assert f"omppy: import: click: not read: site-packages ({click.__file__})" in lines
    assert f"omppy: import: mine: no pragmas in {script.parent / 'mine.py'}" in lines
    assert f"omppy: import: {builtin}: built in, left to Python" in lines
    assert len(got.err.splitlines()) == len(lines)  # nothing but trace lines


def test_trace_says_why_a_cached_translation_was_not_used(write):
    work = write("work.py", WORK)
    main = write("main.py", "import omppy.autohook\nimport work\nprint(work.total(10))\n")
    cache = f"{work.parent}/__pycache__/work.{sys.implementation.cache_tag}.omppy.pyc"
    about = ("work", str(work))

    first = run_python(main, env=TRACE)
    assert first.out == "45\n", first.err
    assert trace_lines(first.err, *about)[-3:] == [
        f"omppy: import: work: pragmas in {work}",
        f"omppy: import: {work}: translating: no cached translation ({cache}: "
        "No such file or directory)",
        f"omppy: import: {work}: cached in {cache}",
    ]

    second = run_python(main, env=TRACE)
    assert (
        trace_lines(second.err, *about)[-1]
        == f"omppy: import: {work}: cached translation used ({cache})"
    )

    work.write_text(WORK.replace("s += i", "s += 2 * i"))
    edited = run_python(main, env=TRACE)
    assert edited.out == "90\n"
    assert (
        f"omppy: import: {work}: translating: the cached translation {cache} is stale: "
        "the source changed"
    ) in trace_lines(edited.err, *about)

    with open(cache, "r+b") as handle:
        data = bytearray(handle.read())
        data[4] ^= 0xFF  # the translator's fingerprint follows the 4-byte magic
        handle.seek(0)
        handle.write(data)
    other = run_python(main, env=TRACE)
    assert (
        f"omppy: import: {work}: translating: the cached translation {cache} is stale: "
        "made by another translator (omppy's version or its translator changed)"
    ) in trace_lines(other.err, *about)

    work.write_text(WORK)
    unwritten = run_python(main, env={**TRACE, "PYTHONDONTWRITEBYTECODE": "1"})
    assert trace_lines(unwritten.err, *about)[-1] == (
        f"omppy: import: {work}: cache not written (sys.dont_write_bytecode is set)"
    )


def test_no_trace_by_default(write):
    write("work.py", WORK)
    main = write("main.py", "import omppy.autohook\nimport json, work\nprint(work.total(10))\n")
    for value in ("", "0"):
        got = run_python(main, env={"OMPPY_TRACE_IMPORTS": value})
        assert (got.status, got.out, got.err) == (0, "45\n", "")


def test_trace_of_omppy_run(write):
    script = write("prog.py", WORK + "print(total(10))\n")
    got = run_omppy("run", str(script), env=TRACE)
    assert got.out == "45\n"
    assert f"omppy: import: {script}: translating: no cached translation (" in got.err
