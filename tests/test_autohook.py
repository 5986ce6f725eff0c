"""import omppy.autohook, the translation cache, and line numbers (docs/runtime-api.md,
"Three ways to run" and "The translation cache")."""

from __future__ import annotations

import os
import stat
import sys

import pytest
from helpers import run_python

# Every test runs programs end to end: not in the quick suite (pytest -m "not slow").
pytestmark = pytest.mark.slow

MODULE = """\
from omppy import omp_get_num_threads
def total(n):
    s = 0
    sizes = [0] * n
    # omp parallel for reduction(+:s)
    for i in range(n):
        s += i
        sizes[i] = omp_get_num_threads()
    return s, max(sizes)
"""

MAIN = """\
import omppy.autohook
import sys
import work
import omppy.transform.importer as importer
s, team = work.total(100)
print(s, team, __name__)
print("translated", importer.translations, file=sys.stderr)
sys.exit(5)
"""


@pytest.fixture
def program(write):
    write("work.py", MODULE)
    return write("main.py", MAIN)


def cache_of(program):
    tag = sys.implementation.cache_tag
    return program.parent / "__pycache__" / f"work.{tag}.omppy.pyc"


def test_main_and_imported_module_run_in_parallel(program):
    result = run_python(program, env={"OMP_NUM_THREADS": "2", "PYTHONDONTWRITEBYTECODE": ""})
    assert result.out == "4950 2 __main__\n"
    assert result.status == 5


def test_cache_is_written_reused_and_rebuilt_after_an_edit(program):
    env = {"OMP_NUM_THREADS": "2", "PYTHONDONTWRITEBYTECODE": ""}
    first = run_python(program, env=env)
    assert "translated 1" in first.err  # the module (the main script is not cached)
    assert cache_of(program).exists()
    second = run_python(program, env=env)
    assert "translated 0" in second.err, "a fresh cache must be reused"
    # An edit within the same second must still invalidate: the key is a hash.
    work = program.parent / "work.py"
    work.write_text(MODULE.replace("s += i", "s += 2 * i"))
    third = run_python(program, env=env)
    assert third.out.startswith("9900 ")
    assert "translated 1" in third.err


def test_cache_from_another_translator_version_is_ignored(program):
    env = {"OMP_NUM_THREADS": "2", "PYTHONDONTWRITEBYTECODE": ""}
    run_python(program, env=env)
    cache = cache_of(program)
    data = bytearray(cache.read_bytes())
    data[4] ^= 0xFF  # the translator fingerprint follows the 4-byte magic
    cache.write_bytes(bytes(data))
    again = run_python(program, env=env)
    assert "translated 1" in again.err
    assert again.out == "4950 2 __main__\n"


def test_no_cache_written_with_dont_write_bytecode(program):
    result = run_python(program, env={"OMP_NUM_THREADS": "2", "PYTHONDONTWRITEBYTECODE": "1"})
    assert result.status == 5
    assert not cache_of(program).exists()


def test_unwritable_cache_directory_is_quietly_skipped(program):
    # A file where __pycache__ should be makes every cache write fail, even for root
    # (for whom read-only permissions do not).
    (program.parent / "__pycache__").write_text("not a directory")
    result = run_python(program, env={"OMP_NUM_THREADS": "2", "PYTHONDONTWRITEBYTECODE": ""})
    assert result.status == 5, result.err
    assert result.out == "4950 2 __main__\n"
    if os.geteuid() != 0:
        directory = program.parent
        directory.chmod(stat.S_IRUSR | stat.S_IXUSR)
        try:
            again = run_python(program, env={"PYTHONDONTWRITEBYTECODE": ""})
        finally:
            directory.chmod(stat.S_IRWXU)
        assert again.status == 5, again.err


def test_traceback_points_at_original_lines(write):
    write(
        "bad.py",
        "def f(n):\n    out = [0] * n\n    # omp parallel for\n    for i in range(n):\n"
        "        if i == 3:\n            raise KeyError(i)\n        out[i] = i\n    return out\n",
    )
    main = write("m.py", "import omppy.autohook\nimport bad\nbad.f(8)\n")
    result = run_python(main, env={"OMP_NUM_THREADS": "2"})
    assert result.status == 1
    assert 'bad.py", line 6, in' in result.err
    assert "raise KeyError(i)" in result.err
    assert "KeyError: 3" in result.err


def test_importing_twice_and_modules_without_pragmas(write):
    write("plain.py", "VALUE = 7\n")
    main = write(
        "m.py", "import omppy.autohook\nimport omppy.autohook\nimport plain\nprint(plain.VALUE)\n"
    )
    result = run_python(main)
    assert result.out == "7\n"
    assert result.status == 0


def test_syntax_error_in_imported_module_is_reported_as_python_would(write):
    write("broken.py", "# omp parallel for\nfor i in range(3)\n    pass\n")
    main = write("m.py", "import omppy.autohook\nimport broken\n")
    result = run_python(main)
    assert result.status == 1
    assert "SyntaxError" in result.err
    assert "broken.py" in result.err


def test_inspect_and_linecache_see_the_users_source(write):
    write(
        "lib.py",
        "import inspect\n\n\ndef work(n):\n    s = 0\n    # omp parallel for reduction(+:s)\n"
        "    for i in range(n):\n        s += i\n    return s\n",
    )
    main = write(
        "m.py",
        "import omppy.autohook\nimport inspect\nimport lib\n"
        "print(lib.work(10), lib.work.__code__.co_firstlineno)\n"
        "print(inspect.getsource(lib.work).splitlines()[2])\n",
    )
    result = run_python(main, env={"OMP_NUM_THREADS": "2"})
    assert result.out == "45 4\n    # omp parallel for reduction(+:s)\n", result.err


def test_main_script_translation_is_cached_too(write):
    main = write(
        "mainp.py",
        "import omppy.autohook\nimport sys\nimport omppy.transform.importer as importer\n"
        "s = 0\n# omp parallel for reduction(+:s)\nfor i in range(10):\n    s += i\n"
        "print(s)\nprint('translated', importer.translations, file=sys.stderr)\n",
    )
    env = {"OMP_NUM_THREADS": "2", "PYTHONDONTWRITEBYTECODE": ""}
    first = run_python(main, env=env)
    second = run_python(main, env=env)
    assert first.out == second.out == "45\n"
    assert "translated 1" in first.err
    assert "translated 0" in second.err
    tag = sys.implementation.cache_tag
    assert (main.parent / "__pycache__" / f"mainp.{tag}.omppy-main.pyc").exists()


def test_cache_hit_imports_neither_the_translator_nor_libcst(program):
    # The point of the cache: a program whose translations are all fresh starts as fast
    # as one without omppy's translator (which imports libcst, ~100 ms).
    probe = program.parent / "probe.py"
    probe.write_text(
        "import omppy.autohook\nimport sys\nimport work\n"
        "print(sorted(m for m in sys.modules if m.startswith(('libcst',"
        " 'hashlib', 'omppy.transform.', 'omppy.runner'))))\n"
    )
    env = {"PYTHONDONTWRITEBYTECODE": ""}
    run_python(probe, env=env)  # translates and writes the cache
    result = run_python(probe, env=env)
    assert result.status == 0, result.err
    # omppy.runner: the exit-status path the hook shares with 'omppy run'.
    assert result.out == (
        "['omppy.runner', 'omppy.transform.importer', 'omppy.transform.sentinel']\n"
    )


def test_an_edit_that_keeps_size_and_modification_time_still_invalidates(program):
    # What an mtime-and-size check (plain .pyc files) would miss: the key is a hash.
    env = {"OMP_NUM_THREADS": "2", "PYTHONDONTWRITEBYTECODE": ""}
    work = program.parent / "work.py"
    old = os.stat(work)
    run_python(program, env=env)
    edited = MODULE.replace("s += i", "s -= i")
    assert len(edited) == len(MODULE)
    work.write_text(edited)
    os.utime(work, ns=(old.st_atime_ns, old.st_mtime_ns))
    again = run_python(program, env=env)
    assert again.out == "-4950 2 __main__\n", again.err
    assert "translated 1" in again.err


@pytest.mark.parametrize(
    ("main", "printed"),
    [
        ("def main():\n    import omppy.autohook\n    print('in main')\nmain()\n", "in main"),
        ("if True:\n    import omppy.autohook\n    print('inside if')\n", "inside if"),
        ("import omppy.autohook; print('same line')\n", "same line"),
    ],
    ids=["in-function", "in-block", "after-semicolon"],
)
def test_a_misplaced_hook_warns_and_skips_no_code(write, main, printed):
    rest = "s = 0\n# omp parallel for reduction(+:s)\nfor i in range(4):\n    s += i\nprint(s)\n"
    script = write("late.py", main + rest)
    got = run_python(script, env={"OMP_NUM_THREADS": "2"})
    assert got.status == 0, got.err
    assert got.err.startswith("omppy: warning: 'import omppy.autohook' in ")
    assert got.out == f"{printed}\n6\n"  # nothing skipped; the script runs as it is


def test_pragma_error_in_an_imported_module_is_shown_like_omppy_translate(write):
    write("badmod.py", "x = 0\n# omp parallel for reductio(+:x)\nfor i in range(3):\n    x += i\n")
    main = write("m.py", "import omppy.autohook\nimport badmod\n")
    got = run_python(main)
    assert got.status == 1
    assert got.err.startswith(f"{main.parent / 'badmod.py'}:2:")
    assert "unknown clause 'reductio'" in got.err
    assert "Traceback" not in got.err


def test_the_main_scripts_preamble_is_kept(write):
    # The statements the translator puts at the script's first line (``_omp_effects``,
    # the race warnings) run too: without ``_omp_effects`` a helper's memo filled
    # under critical was taken for a data race between the threads.
    main = write(
        "m.py",
        "import omppy.autohook\n"
        "memo = {}\n"
        "def lookup(k):\n"
        "    if k not in memo:\n"
        "        memo[k] = k * k\n"
        "    return memo[k]\n"
        "tot = 0\n"
        "# omp parallel for reduction(+:tot)\n"
        "for k in range(10):\n"
        "    # omp critical\n"
        "    tot += lookup(k % 3)\n"
        "print(tot, list(memo), sorted(globals()['_omp_effects']))\n",
    )
    result = run_python(main, env={"OMP_NUM_THREADS": "2"})
    assert result.err == ""
    assert result.out == "15 [0, 1, 2] ['memo']\n"
    assert result.status == 0


def test_threadprivate_and_tasks_in_the_main_script(write):
    # (``_omp_private`` is bound by the preamble: a NameError before)
    main = write(
        "m.py",
        "import omppy.autohook\n"
        "counter = 0\n"
        "# omp threadprivate(counter)\n"
        "def fib(n):\n"
        "    if n < 2:\n"
        "        return n\n"
        "    # omp task shared(a)\n"
        "    a = fib(n - 1)\n"
        "    # omp task shared(b)\n"
        "    b = fib(n - 2)\n"
        "    # omp taskwait\n"
        "    return a + b\n"
        "r = 0\n"
        "# omp parallel\n"
        "# omp single\n"
        "r = fib(12)\n"
        "# omp end parallel\n"
        "# omp parallel\n"
        "counter += 1\n"
        "# omp end parallel\n"
        "print(r, counter)\n",
    )
    result = run_python(main, env={"OMP_NUM_THREADS": "2"})
    assert (result.out, result.err, result.status) == ("144 1\n", "", 0)
