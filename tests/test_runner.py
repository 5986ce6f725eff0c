"""``omppy run`` runs a program exactly as ``python`` does (docs/runtime-api.md, "Three
ways to run"): directories and zip files with ``__main__.py``, the ``__main__`` module's
``__file__``/``__loader__``/``__spec__``, the program's own ``sys.excepthook``,
``-P``/``PYTHONSAFEPATH``, and ``-n``/``--num-threads``.

Most tests run the same program with ``python`` and with ``omppy run`` and compare
what it printed (object addresses masked).
"""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
import zipfile

import pytest
from helpers import ROOT, Result, run_omppy, run_python

# What the program sees of itself: its module's dunder names, sys.argv, sys.path[0].
PROBE = textwrap.dedent(
    """
    import sys
    names = {k: v for k, v in globals().items() if k.startswith("__") and k != "__builtins__"}
    for name in sorted(names):
        print(name, repr(names[name]))
    loader = names["__loader__"]
    print("loader", type(loader).__name__, getattr(loader, "name", None),
          getattr(loader, "path", None))
    print("builtins", __builtins__ is __import__("builtins"))
    print("argv", sys.argv)
    print("path0", sys.path[0])
    print("main", sys.modules["__main__"] is sys.modules[__name__])
    """
).lstrip()
ADDRESS = re.compile(r" at 0x[0-9a-f]+")
PARALLEL = "import omppy\n# omp parallel\nprint('thread')\n"  # a pragma: translated


def masked(result: Result) -> Result:
    return Result(result.status, ADDRESS.sub(" at 0x?", result.out), result.err)


def same_as_python(got: Result, expected: Result) -> None:
    got, expected = masked(got), masked(expected)
    assert got.err == expected.err
    assert got.out == expected.out
    assert got.status == expected.status


def test_a_script_sees_what_python_gives_it(write, tmp_path):
    write("probe.py", PROBE)
    same_as_python(
        run_omppy("run", "probe.py", "x", cwd=tmp_path), run_python("probe.py", "x", cwd=tmp_path)
    )


def test_a_script_through_a_symbolic_link_gets_the_real_directory(write, tmp_path):
    write("real/probe.py", PROBE)
    (tmp_path / "link").symlink_to(tmp_path / "real")
    got = run_omppy("run", "link/probe.py", cwd=tmp_path)
    same_as_python(got, run_python("link/probe.py", cwd=tmp_path))
    assert f"path0 {tmp_path / 'real'}\n" in got.out


def test_a_directory_runs_its_main_module(write, tmp_path):
    write("app/__main__.py", PROBE + PARALLEL)
    write("app/helper.py", "VALUE = 5\n")
    got = run_omppy("run", "app", "a", "b", cwd=tmp_path, threads=1)
    same_as_python(got, run_python("app", "a", "b", cwd=tmp_path))
    assert "__spec__ ModuleSpec(name='__main__'" in got.out


def test_a_directory_runs_translated(write, tmp_path):
    write("app/__main__.py", PARALLEL)
    got = run_omppy("run", "app", cwd=tmp_path, threads=2)
    assert (got.status, got.out, got.err) == (0, "thread\nthread\n", "")


def test_a_zip_file_runs_its_main_module_translated(tmp_path):
    archive = tmp_path / "app.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("__main__.py", PROBE)
    same_as_python(run_omppy("run", "app.zip", cwd=tmp_path), run_python("app.zip", cwd=tmp_path))
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("__main__.py", PARALLEL)
    got = run_omppy("run", "app.zip", cwd=tmp_path, threads=2)
    assert (got.status, got.out, got.err) == (0, "thread\nthread\n", "")
    assert not (tmp_path / "__pycache__").exists()  # nothing cached beside the archive


def test_a_directory_without_main_module(tmp_path):
    (tmp_path / "empty").mkdir()
    got = run_omppy("run", "empty", cwd=tmp_path)
    assert got.status == 2
    assert got.err == "omppy: error: can't find '__main__' module in 'empty'\n"


def test_a_module_sees_what_python_gives_it(write, tmp_path):
    write("pkg/__init__.py", "print('package imported first')\n")
    write("pkg/probe.py", PROBE)
    same_as_python(
        run_omppy("run", "-m", "pkg.probe", "x", cwd=tmp_path),
        masked(run_python("-m", "pkg.probe", "x", cwd=tmp_path)),
    )


def test_a_package_runs_its_main_module(write, tmp_path):
    write("pkg/__init__.py", "")
    write("pkg/__main__.py", PROBE)
    same_as_python(
        run_omppy("run", "-m", "pkg", cwd=tmp_path), run_python("-m", "pkg", cwd=tmp_path)
    )


def test_a_module_without_source_runs_from_its_bytecode(write, tmp_path):
    source = write("compiled.py", "import sys\nprint('from bytecode', sys.argv[1:])\n")
    subprocess.run([sys.executable, "-m", "compileall", "-b", "-q", str(source)], check=True)
    source.unlink()
    got = run_omppy("run", "-m", "compiled", "x", cwd=tmp_path)
    assert (got.status, got.out, got.err) == (0, "from bytecode ['x']\n", "")


# -- how a program ends ------------------------------------------------------------------

OWN_HOOK = textwrap.dedent(
    """
    import sys
    def hook(kind, error, tb):
        frames = []
        while tb is not None:
            frames.append(tb.tb_frame.f_code.co_name)
            tb = tb.tb_next
        print("own hook:", kind.__name__, error, frames)
    sys.excepthook = hook
    def fail():
        raise ValueError("boom")
    """
).lstrip()


def test_the_programs_own_excepthook_is_called(write, tmp_path):
    write("hooked.py", OWN_HOOK + "fail()\n")
    got = run_omppy("run", "hooked.py", cwd=tmp_path)
    same_as_python(got, run_python("hooked.py", cwd=tmp_path))
    assert got.out == "own hook: ValueError boom ['<module>', 'fail']\n"  # no omppy frames
    assert got.status == 1


def test_the_programs_own_excepthook_sees_only_its_frames_from_a_region(write, tmp_path):
    region = "# omp parallel for\nfor i in range(4):\n    if i == 0:\n        fail()\n"
    write("hooked.py", OWN_HOOK + region)
    got = run_omppy("run", "hooked.py", cwd=tmp_path, threads=2)
    assert got.out == "own hook: ValueError boom ['<module>', '<module>', 'fail']\n", got.err
    assert got.status == 1


def test_an_excepthook_that_fails_is_reported_as_python_does(write, tmp_path):
    write(
        "broken.py",
        "import sys\ndef hook(*args):\n    raise RuntimeError('hook broke')\n"
        "sys.excepthook = hook\nraise ValueError('boom')\n",
    )
    got = run_omppy("run", "broken.py", cwd=tmp_path)
    same_as_python(got, run_python("broken.py", cwd=tmp_path))
    assert got.err.startswith("Error in sys.excepthook:\n")
    assert "\nOriginal exception was:\n" in got.err


def test_the_programs_own_excepthook_under_the_autohook(write, tmp_path):
    write("hooked.py", "import omppy.autohook\n" + OWN_HOOK + "# omp parallel\nfail()\n")
    got = run_python("hooked.py", cwd=tmp_path, env={"OMP_NUM_THREADS": "1"})
    assert got.out == "own hook: ValueError boom ['<module>', '<module>', 'fail']\n", got.err
    assert got.status == 1


# -- sys.path[0]: -P and PYTHONSAFEPATH --------------------------------------------------

SAFE_PATH_PROBE = textwrap.dedent(
    """
    import sys
    print(sys.path[:2])
    try:
        import sibling
    except ImportError:
        print("sibling not importable")
    """
).lstrip()


@pytest.mark.parametrize("how", ["-P", "PYTHONSAFEPATH", "omppy run -P"])
def test_safe_path_puts_nothing_first_in_sys_path(write, tmp_path, how):
    write("sub/safe.py", SAFE_PATH_PROBE)
    write("sub/sibling.py", "")
    expected = run_python("-P", "sub/safe.py", cwd=tmp_path)
    assert expected.out.endswith("sibling not importable\n")
    if how == "-P":
        got = run_python("-P", "-m", "omppy", "run", "sub/safe.py", cwd=tmp_path)
    elif how == "PYTHONSAFEPATH":
        got = run_omppy("run", "sub/safe.py", cwd=tmp_path, env={"PYTHONSAFEPATH": "1"})
    else:
        got = run_omppy("run", "-P", "sub/safe.py", cwd=tmp_path)
    assert (got.status, got.err) == (0, "")
    assert got.out == expected.out


def test_safe_path_for_a_module(write, tmp_path):
    # Under -P the current directory is not searched: PYTHONPATH names it here.
    write("mod.py", "import sys\nprint(sys.path[:2])\n")
    path = {"PYTHONPATH": f"{ROOT}:."}
    got = run_omppy("run", "-P", "-m", "mod", cwd=tmp_path, env=path)
    expected = run_python("-P", "-m", "mod", cwd=tmp_path, env=path)
    assert expected.out == f"{[str(ROOT), str(tmp_path)]}\n"  # site makes '.' absolute
    assert (got.status, got.out, got.err) == (expected.status, expected.out, expected.err)


# -- -n / --num-threads ----------------------------------------------------------------


@pytest.mark.parametrize("option", ["-n", "--num-threads"])
def test_num_threads_option_sets_the_team_size(write, option):
    script = write(
        "team.py",
        "import os\nfrom omppy import omp_get_max_threads\n"
        "print(omp_get_max_threads(), os.environ['OMPPY_NUM_THREADS'])\n"
        "# omp parallel\nprint('thread')\n",
    )
    got = run_omppy("run", option, "3", str(script), threads=2)  # wins over OMP_NUM_THREADS
    assert got.status == 0, got.err
    assert got.out.splitlines() == ["3 3", "thread", "thread", "thread"]


def test_num_threads_option_per_nesting_level(write):
    script = write(
        "nest.py",
        "from omppy import omp_get_max_threads\n# omp parallel\n"
        "if omp_get_max_threads() == 2:\n    print('inner size 2')\n",
    )
    got = run_omppy("run", "-n", "3,2", str(script), threads=None)
    assert (got.status, got.out) == (0, "inner size 2\n" * 3), got.err


@pytest.mark.parametrize("value", ["0", "x", "2,0"])
def test_num_threads_option_malformed_is_a_usage_error(write, value):
    script = write("ok.py", "print('ran')\n")
    got = run_omppy("run", "-n", value, str(script))
    assert got.status == 2
    assert got.out == ""
    assert "Error: --num-threads=" in got.err
    assert "expected a positive integer" in got.err
