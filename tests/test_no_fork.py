"""``OMPPY_FORK=0``: the path taken where ``fork`` is missing, tested on Linux too
(docs/runtime-api.md, "Environment variables").

Every region runs on a team of one, with one ``RuntimeWarning`` the first time, so a
program prints what plain ``python`` prints.
"""

from __future__ import annotations

import re

import pytest
from helpers import CORPUS, run_omppy, run_python

NO_FORK = {"OMPPY_FORK": "0"}
# The one warning, as Python's warnings module prints it: the location, then the line.
WARNING = re.compile(
    r"^\S+:\d+: RuntimeWarning: omppy: OMPPY_FORK is off; parallel regions run "
    r"sequentially\n  .*\n",
    re.M,
)
PROGRAMS = sorted(CORPUS.glob("*.py"))
QUICK = {
    "reduction_int",
    "lastprivate",
    "nested_regions",
    "runtime_routines",
    "sync_constructs",
    "single_copyprivate_loop",
    "exception_value_error",
    "exit_status",
}


def corpus(quick: bool) -> list:
    return [
        pytest.param(path, id=path.stem, marks=() if quick else pytest.mark.slow)
        for path in PROGRAMS
        if (path.stem in QUICK) == quick
    ]


def check_like_python(program) -> None:
    expected = run_python(program)
    got = run_omppy("run", str(program), threads=4, env=NO_FORK)
    warnings = WARNING.findall(got.err)
    assert len(warnings) == 1, got.err
    assert WARNING.sub("", got.err, count=1) == expected.err
    assert got.out == expected.out
    assert got.status == expected.status


def test_quick_set_exists():
    assert {path.stem for path in PROGRAMS} >= QUICK


@pytest.mark.parametrize("program", corpus(quick=True))
def test_corpus_program_prints_what_python_prints(program):
    check_like_python(program)


@pytest.mark.parametrize("program", corpus(quick=False))
def test_every_other_corpus_program_prints_what_python_prints(program):
    check_like_python(program)


def test_teams_of_one_and_the_warning_names_the_users_line(write):
    script = write(
        "one.py",
        "from omppy import omp_get_max_threads, omp_get_num_threads\n"
        "print(omp_get_max_threads())\n"
        "for _ in range(3):\n"
        "    # omp parallel\n"
        "    print(omp_get_num_threads())\n",
    )
    got = run_omppy("run", str(script), threads=4, env=NO_FORK)
    assert (got.status, got.out) == (0, "1\n1\n1\n1\n")
    assert got.err == (
        f"{script}:4: RuntimeWarning: omppy: OMPPY_FORK is off; parallel regions run "
        "sequentially\n  # omp parallel\n"
    )


@pytest.mark.parametrize("value", ["1", "yes", ""])
def test_fork_on(write, value):
    script = write("on.py", "# omp parallel\nprint('thread')\n")
    got = run_omppy("run", str(script), threads=2, env={"OMPPY_FORK": value})
    assert (got.status, got.out, got.err) == (0, "thread\nthread\n", "")


def test_malformed_value_is_a_usage_error(write):
    script = write("ok.py", "print('ran')\n")
    got = run_omppy("run", str(script), env={"OMPPY_FORK": "sometimes"})
    assert got.status == 2
    assert got.out == ""
    assert got.err.endswith("Error: OMPPY_FORK='sometimes': expected true or false\n")
