"""Closed synchronisation blocks (``closed=True``, effects.Effects.closed): a block
that runs no code of the program and binds only locals changes only what its
``touches`` names, so the runtime compares nothing else when it ends.

The translator must only say so when it is true: each case below that runs code of
the program, or rebinds a global, must stay open, and runs right end to end.
"""

from __future__ import annotations

import textwrap

import pytest
from helpers import run_omppy, run_python

from omppy.transform.translate import translate


def opener(source: str, kind: str = "critical") -> str:
    """The statement of the translation that opens the (first) block of ``kind``
    (its lines joined: the outside-regions test before the call may wrap it)."""
    lines = translate(textwrap.dedent(source), "prog.py").text.splitlines()
    start = next(i for i, line in enumerate(lines) if f"_omp_t.{kind}(" in line)
    statement = lines[start]
    for line in lines[start + 1 :]:
        if statement.count("(") == statement.count(")"):
            break
        statement += " " + line.strip()
    return statement


def test_a_counter_update_is_closed():
    line = opener(
        """
        def count(n):
            total = 0
            # omp parallel for
            for i in range(n):
                # omp atomic
                total += 1
            return total
        """,
        "atomic",
    )
    assert "closed=True" in line


def test_container_methods_and_reading_builtins_are_closed():
    line = opener(
        """
        def collect(n):
            out = []
            best = 0
            # omp parallel for
            for i in range(n):
                # omp critical
                out.append(i)
                best = max(best, abs(i), len(out))
            return out
        """
    )
    assert "closed=True" in line


@pytest.mark.parametrize(
    "body",
    [
        "helper(out, i)",  # a function of the module runs
        "out.sort(key=helper)",  # handed to a builtin, which calls it
        "out.append(sorted([i], key=abs))",  # any key function
        "out.append(Box(i))",  # a class of the module: its __init__ runs
        "out.append(i); Box.count += 1",  # a class named at all
        "out.append(next(iter(helper, None)))",  # iter(callable, sentinel) calls it
    ],
)
def test_blocks_that_run_program_code_stay_open(body):
    line = opener(
        f"""
        class Box:
            count = 0
            def __init__(self, v):
                self.v = v

        def helper(*args):
            return 0

        def collect(n):
            out = []
            # omp parallel for
            for i in range(n):
                # omp critical
                {body}
            return out
        """
    )
    assert "closed=True" not in line


def test_a_block_in_a_module_whose_special_methods_change_globals_stays_open():
    line = opener(
        """
        seen = []

        class Logged(list):
            def __iadd__(self, other):
                seen.append(other)
                return list.__iadd__(self, other)

        def collect(n):
            out = Logged()
            # omp parallel for
            for i in range(n):
                # omp critical
                out += [i]
            return out
        """
    )
    assert "closed=True" not in line


def test_an_orphaned_block_that_rebinds_a_global_stays_open():
    line = opener(
        """
        counter = 0

        def bump():
            global counter
            # omp critical
            counter += 1
        """
    )
    assert "closed=True" not in line


def test_an_orphaned_block_binding_only_locals_is_closed():
    line = opener(
        """
        def bump(hits):
            # omp critical
            hits.append(1)
        """
    )
    assert "closed=True" in line


PROGRAMS = {
    # The block changes a module's attribute: compared through the module's namespace
    # (and the module, published by name, travels by its name).
    "module attribute": (
        {
            "settings.py": "total = 0\n",
        },
        """
        import settings

        def run(n):
            # omp parallel for
            for i in range(n):
                # omp critical
                settings.total += i

        run(100)
        print(settings.total)
        """,
    ),
    # An orphaned block rebinding a global, and one calling a helper that does.
    "globals": (
        {},
        """
        counter = 0
        calls = 0

        def note():
            global calls
            calls += 1

        def bump():
            global counter
            # omp critical
            counter += 1

        def work(n):
            # omp parallel for
            for i in range(n):
                bump()
                # omp critical
                note()

        work(50)
        print(counter, calls)
        """,
    ),
    # Closed blocks in turn with open ones, all on one list and one dict.
    "mixed": (
        {},
        """
        def helper(out, i):
            out.append(-i)

        def run(n):
            out = []
            seen = {}
            count = 0
            # omp parallel for
            for i in range(n):
                # omp critical
                out.append(i)
                seen[i] = len(out)
                count += 1
                # omp end critical
                # omp critical
                helper(out, i)
            return sorted(out), len(seen), count

        print(run(60))
        """,
    ),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", list(PROGRAMS))
@pytest.mark.parametrize("threads", [2, 3])
def test_programs_with_closed_blocks_agree_with_python(write, name, threads):
    modules, main = PROGRAMS[name]
    for module, text in modules.items():
        write(module, text)
    script = write("prog.py", textwrap.dedent(main).lstrip())
    expected = run_python(script, cwd=script.parent)
    got = run_omppy("run", str(script), threads=threads, cwd=script.parent)
    assert expected.status == 0, expected.err
    assert got.status == 0, got.err
    assert got.out == expected.out
