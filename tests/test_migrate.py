"""``omppy migrate`` (docs/pymp.md, "Migrating"): pymp regions become pragmas where that
is mechanical, the rest is kept with a reason; migrated programs print what their
originals print, with ``python`` and with ``omppy run``; migrating twice changes
nothing, and a file with nothing to migrate comes back byte for byte."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from helpers import CORPUS, ROOT, run_omppy, run_python

from omppy.migrate import NOTE, migrate, migrate_file


def src(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


# -- the mapping -----------------------------------------------------------------------------

BASIC = src(
    '''
    """A pymp program."""
    import pymp

    out = pymp.shared.array((20,), dtype="int64")
    total = pymp.shared.array((1,))
    with pymp.Parallel(2, if_=len(out) > 4) as p:  # two threads
        scale = 3
        for i in p.range(len(out)):
            out[i] = i * scale
        for i in p.xrange(5):
            with p.lock:
                total[0] += i
        if p.thread_num == 0:
            p.print("threads:", p.num_threads)
    print(out.sum(), total[0])


    def squares(m, offset):
        result = pymp.shared.array((m,))
        with pymp.Parallel() as p:
            offset = offset * 2
            for k in p.range(0, m, 1):
                result[k] = k * k + offset
        return result.sum()


    print(squares(10, 1))
    '''
)

BASIC_MIGRATED = src(
    '''
    """A pymp program."""
    import omppy.pymp as pymp
    from omppy import omp_get_num_threads, omp_get_thread_num

    out = pymp.shared.array((20,), dtype="int64")
    total = pymp.shared.array((1,))
    # two threads
    # omp parallel num_threads(2) if(len(out) > 4) default(firstprivate) shared(out, total)
    scale = 3
    # omp for nowait
    for i in range(len(out)):
        out[i] = i * scale
    # omp for nowait schedule(dynamic)
    for i in range(5):
        # omp critical(p_lock)
        total[0] += i
        # omp end critical
    if omp_get_thread_num() == 0:
        print("threads:", omp_get_num_threads(), flush=True)
    # omp end parallel
    print(out.sum(), total[0])


    def squares(m, offset):
        result = pymp.shared.array((m,))
        # omp parallel default(firstprivate) shared(result) firstprivate(offset)
        offset = offset * 2
        # omp for nowait
        for k in range(0, m, 1):
            result[k] = k * k + offset
        # omp end parallel
        return result.sum()


    print(squares(10, 1))
    '''
)


def test_common_shape_maps_to_pragmas():
    outcome = migrate_file(BASIC, "basic.py")
    assert outcome.text == BASIC_MIGRATED
    assert outcome.migrated == [6, 20] and outcome.kept == []


def test_migrating_twice_changes_nothing():
    assert migrate(BASIC_MIGRATED) == BASIC_MIGRATED
    kept = migrate(KEPT_PROGRAM)
    assert kept != KEPT_PROGRAM
    assert migrate(kept) == kept


def test_from_imports_and_aliases_are_recognised():
    text = src(
        """
        from pymp import Parallel, shared as sh
        import pymp as pm

        a = sh.array((4,))
        with Parallel(2) as team:
            for i in team.range(4):
                a[i] = i
        with pm.Parallel(num_threads=2) as q:
            q.print(q.thread_num)
        """
    )
    migrated = migrate(text)
    assert migrated.splitlines()[:3] == [
        "from omppy.pymp import Parallel, shared as sh",
        "import omppy.pymp as pm",
        "from omppy import omp_get_thread_num",
    ]
    assert "# omp parallel num_threads(2) default(firstprivate) shared(a)" in migrated
    assert "print(omp_get_thread_num(), flush=True)" in migrated


# -- what is kept, and why ---------------------------------------------------------------------

KEPT = {
    "iterate": (
        "for x in p.iterate(data):\n    arr[0] += x",
        "p.iterate has no pragma (thread 0 produces, the others consume)",
    ),
    "passed": ("helper(p)", "'p' is passed or stored"),
    "stored": ("keep = p", "'p' is passed or stored"),
    "private": ("if p._is_fork:\n    pass", "a private attribute (p._is_fork)"),
    "nested": ("with pymp.Parallel(2) as q:\n    pass", "a nested region"),
    "break": (
        "for i in p.range(4):\n    if i == 2:\n        break",
        "break leaves a p.range loop",
    ),
    "read after": ("last = p.thread_num", "'last' is bound in the region and read after it"),
    "plain list": (
        "for i in p.range(4):\n    plain[i] = i",
        "it changes 'plain', which pymp carries back from thread 0 only "
        "(make it a pymp.shared array to migrate)",
    ),
    "shared list": (
        "items.append(p.thread_num)",
        "it uses the pymp.shared.list 'items', which has no '# omp' equivalent",
    ),
    "lock otherwise": ("p.lock.acquire()", "p.lock is used other than in 'with p.lock:'"),
}


@pytest.mark.parametrize("case", sorted(KEPT))
def test_regions_that_would_change_meaning_are_kept_with_a_note(case):
    body, reason = KEPT[case]
    text = src(
        """
        import pymp

        data, plain = [1, 2], [0] * 4
        arr = pymp.shared.array((1,))
        items = pymp.shared.list()
        last = None

        def helper(team):
            return team

        with pymp.Parallel(2) as p:
        {body}
        print(last, plain)
        """
    ).replace("{body}", textwrap.indent(body, "    "))
    outcome = migrate_file(text)
    assert outcome.kept[0] == (11, reason)
    assert f"{NOTE}{reason}\nwith pymp.Parallel(2) as p:\n" in outcome.text


@pytest.mark.parametrize(
    "body, reason",
    [
        ("    return 1", "return leaves the region"),
        ("    yield 1", "yield inside the region"),
    ],
)
def test_leaving_a_region_keeps_it(body, reason):
    text = f"import pymp\n\ndef f():\n    with pymp.Parallel(2) as p:\n    {body}\n"
    assert migrate_file(text).kept == [(4, reason)]


def test_a_region_omppy_would_refuse_is_kept_saying_why():
    text = src(
        """
        import pymp

        with pymp.Parallel(2) as p:
            # omp for
            acc = 0
        """
    )
    outcome = migrate_file(text)
    assert outcome.migrated == [] and len(outcome.kept) == 1
    assert outcome.kept[0][1].startswith("omppy would refuse it (")


# -- nothing to migrate ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [*sorted(CORPUS.glob("*.py")), *sorted((ROOT / "examples").glob("*.py"))],
    ids=lambda path: path.name,
)
def test_files_without_pymp_come_back_byte_for_byte(path):
    text = path.read_text()
    assert migrate(text) == text


def test_odd_formatting_without_pymp_is_untouched():
    text = "import os  ;x=1\r\nif x :\r\n\tprint( os.sep )   # tab\r\n"
    assert migrate(text) == text


# -- migrated programs print what their originals print ---------------------------------------

PROGRAMS = {
    "pi": """
        import pymp

        n = 100000
        h = 1.0 / n
        partial = pymp.shared.array((4,))
        with pymp.Parallel(2) as p:
            s = 0.0
            for i in p.range(n):
                x = h * (i + 0.5)
                s += 4.0 / (1.0 + x * x)
            partial[p.thread_num] = s
        print(f"pi ~= {partial.sum() * h:.9f}")
        """,
    "mandelbrot": """
        import numpy as np
        import pymp

        width, height, max_iter = 48, 32, 60
        counts = pymp.shared.array((height, width), dtype="int32")
        with pymp.Parallel(2) as p:
            for row in p.xrange(height):
                ci = -1.2 + (row + 0.5) * 2.4 / height
                for col in range(width):
                    c = complex(-2.0 + (col + 0.5) * 2.6 / width, ci)
                    z, k = 0j, 0
                    while k < max_iter and abs(z) <= 2.0:
                        z, k = z * z + c, k + 1
                    counts[row, col] = k
        weights = np.arange(counts.size).reshape(counts.shape) % 97
        print(int(counts.sum()), int((counts * weights).sum()))
        """,
    "histogram": """
        import pymp

        values = [(7 * i * i + 3) % 10 for i in range(500)]
        bins = pymp.shared.array((10,), dtype="int64")
        lock = pymp.shared.lock()
        with pymp.Parallel(2) as p:
            for i in p.range(len(values)):
                with p.lock:
                    bins[values[i]] += 1
            with lock:
                bins[0] += 0
            if p.thread_num == 0:
                p.print("master is thread", p.thread_num)
        print(bins.tolist())
        """,
    "function": """
        import pymp

        def scaled(values, factor):
            out = pymp.shared.array((len(values),))
            offset = 1
            with pymp.Parallel(2, if_=len(values) > 3) as p:
                offset = offset + 1
                for i in p.range(len(values)):
                    out[i] = values[i] * factor + offset
            return out.tolist()

        print(scaled([1, 2, 3, 4, 5], 10))
        print(scaled([1, 2], 10))
        """,
    "mixed": """
        import pymp

        words = ["alpha", "beta", "gamma", "delta", "epsilon"]
        lengths = pymp.shared.array((len(words),), dtype="int64")
        seen = pymp.shared.list()
        with pymp.Parallel(2) as p:
            for word in p.iterate(words):
                seen.append(word.upper())
        with pymp.Parallel(2) as p:
            for i in p.range(len(words)):
                lengths[i] = len(words[i])
        print(sorted(seen), lengths.tolist())
        """,
}


@pytest.fixture
def shim(tmp_path: Path) -> dict[str, str]:
    """``import pymp`` resolved to omppy.pymp, for running the original programs."""
    package = tmp_path / "shim" / "pymp"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(
        "import sys\nimport omppy.pymp as _pymp\nsys.modules[__name__] = _pymp\n"
    )
    return {"PYTHONPATH": f"{package.parent}:{ROOT}"}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_migrated_programs_print_what_the_originals_print(write, shim, name):
    original_text = src(PROGRAMS[name])
    migrated_text = migrate(original_text, f"{name}.py")
    assert migrated_text != original_text
    assert migrate(migrated_text) == migrated_text
    original = write(f"{name}.py", original_text)
    migrated = write(f"{name}_migrated.py", migrated_text)
    expected = run_python(original, env=shim)
    assert expected.status == 0, expected.err
    assert expected.out
    sequential = run_python(migrated)
    parallel = run_omppy("run", str(migrated), threads=2)
    assert sequential.status == 0, sequential.err
    assert parallel.status == 0, parallel.err
    assert sequential.out == expected.out
    assert parallel.out == expected.out


KEPT_PROGRAM = src(PROGRAMS["mixed"])


# -- the command -----------------------------------------------------------------------------


def test_command_prints_a_diff_and_write_applies_it(write):
    path = write("basic.py", BASIC)
    shown = run_omppy("migrate", str(path), threads=None)
    assert shown.status == 0, shown.err
    assert shown.out.startswith(f"--- a/{path}\n+++ b/{path}\n")
    assert "+# omp for nowait schedule(dynamic)\n" in shown.out
    assert f"{path}:6: migrated to '# omp' pragmas" in shown.err
    assert path.read_text() == BASIC
    written = run_omppy("migrate", "--write", str(path), threads=None)
    assert written.status == 0 and written.out == ""
    assert path.read_text() == BASIC_MIGRATED
    again = run_omppy("migrate", str(path), threads=None)
    assert again.status == 0 and again.out == ""


def test_command_reports_kept_regions_and_bad_files(write):
    kept = write("kept.py", src(PROGRAMS["mixed"]))
    result = run_omppy("migrate", str(kept), threads=None)
    assert result.status == 0
    assert f"{kept}:6: kept on omppy.pymp: p.iterate has no pragma" in result.err
    assert f"{kept}:9: migrated to '# omp' pragmas" in result.err
    plain = write("plain.py", "print('hi')\n")
    result = run_omppy("migrate", str(plain), threads=None)
    assert result.status == 0 and result.out == ""
    assert f"{plain}: nothing to migrate" in result.err
    broken = write("broken.py", "import pymp\nwith pymp.Parallel(2) as p\n    pass\n")
    result = run_omppy("migrate", str(broken), threads=None)
    assert result.status == 1
    assert f"{broken}:2:" in result.err and "syntax error" in result.err
    assert "Traceback" not in result.err
    missing = run_omppy("migrate", str(kept.parent / "absent.py"), threads=None)
    assert missing.status == 1 and "cannot read" in missing.err
    usage = run_omppy("migrate", threads=None)
    assert usage.status == 2


def test_crlf_line_endings_are_kept(write):
    text = BASIC.replace("\n", "\r\n")
    migrated = migrate(text)
    assert migrated == BASIC_MIGRATED.replace("\n", "\r\n")
