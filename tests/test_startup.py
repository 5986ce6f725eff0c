"""Starting fast: a run whose translations are cached loads neither the translator
(libcst) nor numpy unless the program does (docs/development.md, "Start-up").

The three ways to run a cached script are checked: ``python -m omppy run``, the
``omppy`` command, and ``import omppy.autohook``.  ``benchmarks/startup.py`` measures
the time; these tests pin the imports that the time depends on.
"""

from __future__ import annotations

import marshal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from helpers import ROOT, Result, _environment, run_omppy, run_python

# click too: a plainly spelled `omppy run` is read without it (cli.py); dataclasses
# (and the inspect it imports): the runtime uses plain classes (issue 21).
HEAVY_ROOTS = ("libcst", "numpy", "click", "dataclasses", "inspect")
# What a cache hit must not load: the translator beyond the hook's two modules.
PROBE = """\
import sys
import threading
total = 0
# omp parallel for reduction(+:total)
for i in range(100):
    total += i
light = ("omppy.transform.importer", "omppy.transform.sentinel")
heavy = sorted(
    name
    for name in sys.modules
    if name.partition(".")[0] in {roots!r}
    or (name.startswith("omppy.transform.") and name not in light)
)
print(total, heavy)
"""
CACHED = {"PYTHONDONTWRITEBYTECODE": ""}


def omppy_command(*args: str, cwd: Path) -> Result:
    command = Path(sys.executable).parent / "omppy"
    if not command.exists():
        pytest.skip("the omppy command is not installed beside this interpreter")
    done = subprocess.run(
        [str(command), *args],
        capture_output=True,
        text=True,
        env=_environment(2, CACHED),
        cwd=cwd,
        timeout=30,
    )
    return Result(done.returncode, done.stdout, done.stderr)


@pytest.mark.parametrize("way", ["python -m omppy run", "omppy run", "import omppy.autohook"])
def test_a_cached_run_loads_neither_libcst_nor_numpy(write, tmp_path, way):
    source = PROBE.format(roots=HEAVY_ROOTS)
    if way == "import omppy.autohook":
        script = write("tiny.py", "import omppy.autohook\n" + source)

        def run() -> Result:
            return run_python(script, env=CACHED)
    elif way == "omppy run":
        script = write("tiny.py", source)

        def run() -> Result:
            return omppy_command("run", str(script), cwd=tmp_path)
    else:
        script = write("tiny.py", source)

        def run() -> Result:
            return run_omppy("run", str(script), env=CACHED)

    first = run()  # translates
    assert first.status == 0, first.err
    if way == "import omppy.autohook":
        # in the program's process (its first lines have run): the probe sees it
        assert first.out.startswith("4950 [") and "'libcst'" in first.out
    else:
        # in a forked child (importer._translated_apart): never loaded by the program
        assert (first.out, first.err) == ("4950 []\n", "")
    cached = run()
    assert (cached.status, cached.err) == (0, "")
    assert cached.out == "4950 []\n"


def test_a_run_that_cannot_cache_never_loads_the_translator(write, tmp_path):
    """PYTHONDONTWRITEBYTECODE (or a read-only directory): every run translates, each
    in a child; the program's regions fork a process without the translator."""
    script = write("tiny.py", PROBE.format(roots=HEAVY_ROOTS))
    for _ in range(2):
        got = run_omppy("run", str(script), env={"PYTHONDONTWRITEBYTECODE": "1"})
        assert (got.status, got.out, got.err) == (0, "4950 []\n", "")
    assert not (tmp_path / "__pycache__").exists()


def test_a_translation_error_on_the_way_apart_is_the_usual_one(write):
    source = "x = 1\n# omp parallel for reduction(+:x\nfor i in range(3):\n    x += i\n"
    script = write("bad.py", source)
    got = run_omppy("run", str(script), env={"PYTHONDONTWRITEBYTECODE": "1"})
    assert (got.status, got.out) == (1, "")
    assert got.err == (
        f"{script}:2:29: '(' was never closed\n"
        "    # omp parallel for reduction(+:x\n"
        "                                ^\n"
        "  hint: close it with ')' on the pragma's line (a pragma continues on the next line "
        "after a trailing '\\')\n"
    )


def test_a_script_without_pragmas_needs_no_translator_and_no_cache(write, tmp_path):
    script = write("plain.py", PROBE.format(roots=HEAVY_ROOTS).replace("# omp", "#"))
    for _ in range(2):
        got = run_omppy("run", str(script), env=CACHED)
        assert (got.status, got.out, got.err) == (0, "4950 []\n", "")
    assert not (tmp_path / "__pycache__").exists()


def test_importing_omppy_loads_nothing_else(tmp_path):
    got = run_python(
        "-c",
        "import sys, omppy\nprint(sorted(m for m in sys.modules if m.startswith('omppy')"
        " or m.partition('.')[0] in ('numpy', 'libcst', 'click')))",
        cwd=tmp_path,
    )
    assert (got.status, got.out, got.err) == (0, "['omppy']\n", "")


def test_public_names_load_on_first_use(tmp_path):
    got = run_python(
        "-c",
        "import omppy\nfrom omppy import shared, omp_get_thread_num, OmpLock, ConfigError\n"
        "print(shared.zeros(3).tolist(), omp_get_thread_num(), OmpLock.__name__,"
        " issubclass(ConfigError, ValueError))\n"
        "print(sorted(set(omppy.__all__) - set(dir(omppy))))\n"
        "print(all(getattr(omppy, name) is not None for name in omppy.__all__))\n"
        "try:\n    omppy.no_such_name\nexcept AttributeError as error:\n    print(error)\n",
        cwd=tmp_path,
    )
    assert got.status == 0, got.err
    assert got.out == (
        "[0.0, 0.0, 0.0] 0 OmpLock True\n[]\nTrue\n"
        "module 'omppy' has no attribute 'no_such_name'\n"
    )


def test_star_import_gives_every_public_name(tmp_path):
    got = run_python(
        "-c",
        "from omppy import *\nimport omppy\n"
        "print(all(name in globals() for name in omppy.__all__), omp_get_num_threads())",
        cwd=tmp_path,
    )
    assert (got.status, got.out) == (0, "True 1\n"), got.err


def test_the_root_is_the_package_tested():
    # The subprocesses above import omppy from this checkout (PYTHONPATH), not from
    # wherever it happens to be installed.
    got = run_python("-c", "import omppy; print(omppy.__file__)")
    assert got.out.strip() == str(ROOT / "omppy" / "__init__.py")


def test_translating_apart_gives_the_code_translating_here_gives(monkeypatch):
    """importer._translated_apart, in this process (where libcst is loaded by the test
    run: the check for it is left out here): the child's code object is the one the
    translation compiles to; no fork, other threads or a failed child: None, and the
    caller translates here."""
    from omppy.transform import importer

    text = PROBE.format(roots=HEAVY_ROOTS)
    here = importer._translated(text, "<apart>", None)
    assert importer._translated_apart(text, "<apart>", None) is None  # loaded here already
    monkeypatch.delitem(sys.modules, "libcst")
    apart = importer._translated_apart(text, "<apart>", None)
    assert apart is not None and marshal.dumps(apart) == marshal.dumps(here)
    assert importer._translated_apart("# omp parallel for nonsense(\n", "<bad>", None) is None
    started = threading.Event()
    stop = threading.Event()
    other = threading.Thread(target=lambda: (started.set(), stop.wait()))
    other.start()
    started.wait()
    try:
        assert importer._translated_apart(text, "<apart>", None) is None
    finally:
        stop.set()
        other.join()
    monkeypatch.setenv("OMPPY_FORK", "0")
    assert importer._translated_apart(text, "<apart>", None) is None
    monkeypatch.delenv("OMPPY_FORK")

    def refused() -> int:
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(importer.os, "fork", refused)
    assert importer._translated_apart(text, "<apart>", None) is None
