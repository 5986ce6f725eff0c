"""``omppy run`` read without click (cli.py): the fast path takes a command line only
when it reads it as click does, and leaves every other one to click."""

from __future__ import annotations

import pytest

from omppy import cli, commands

# Command lines the fast path must take, read exactly as click reads them.
TAKEN = [
    ["run", "tiny.py"],
    ["run", "tiny.py", "a", "-n", "3", "--help"],
    ["run", "-n", "4", "tiny.py", "x"],
    ["run", "--num-threads", "2,2", "-P", "--check", "tiny.py"],
    ["run", "--backend", "threads", "--report", "--progress", "tiny.py"],
    ["run", "--trace", "out.json", "dir"],
    ["run", "-m", "pkg.mod", "arg", "--flag"],
    ["run", "-m", "pkg"],
    ["run", "--backend", "dask", "--scheduler", "tcp://h:1", "t.py"],
]

# Command lines left to click: help, other spellings, errors, other commands.
LEFT = [
    [],
    ["--version"],
    ["translate", "x.py"],
    ["run"],
    ["run", "--help"],
    ["run", "-h", "t.py"],
    ["run", "--num-threads=4", "t.py"],
    ["run", "-n4", "t.py"],
    ["run", "-Pn", "4", "t.py"],
    ["run", "-n", "4", "-n", "2", "t.py"],
    ["run", "--", "t.py"],
    ["run", "-", "t.py"],
    ["run", "--backend", "bogus", "t.py"],
    ["run", "-n"],
    ["run", "-m", "-x"],
    ["run", "--unknown", "t.py"],
]


def _click_reading(argv: list[str]) -> dict[str, object]:
    command = commands.main.commands["run"]
    context = command.make_context("run", list(argv[1:]))
    return dict(context.params)


@pytest.mark.parametrize("argv", TAKEN, ids=" ".join)
def test_the_fast_path_reads_as_click_does(argv):
    found = cli._plain_run(argv)
    assert found is not None
    assert found == _click_reading(argv)


@pytest.mark.parametrize("argv", LEFT, ids=lambda a: " ".join(a) or "nothing")
def test_everything_else_is_left_to_click(argv):
    assert cli._plain_run(argv) is None


def test_click_completion_is_left_to_click(monkeypatch):
    monkeypatch.setenv("_OMPPY_COMPLETE", "bash_complete")
    assert cli._plain_run(["run", "t.py"]) is None


def test_the_fast_path_knows_exactly_runs_options():
    # An option added to (or removed from) the click definition must be added to (or
    # removed from) the fast path's table too, with the same kind (flag or value).
    import click

    command = commands.main.commands["run"]
    spellings = {}
    for param in command.params:
        if isinstance(param, click.Option):
            for spelling in param.opts:
                spellings[spelling] = (param.name, not param.is_flag)
    assert spellings == cli._RUN_OPTIONS
