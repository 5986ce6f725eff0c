"""Races around orphaned synchronisation blocks that publish a whole ``self``.

A block hands on every change its thread made to the objects it names (here
``self``), so a store made *outside* any block is handed on by the thread's next
block.  The reported program (``self.seen += 1`` after a ``# omp critical`` that
covers only the statement before it) is racy as OpenMP, and omppy refuses it; the
message says which side changed the place outside any block.  The race-free shape
(the critical closed with ``# omp end critical``) is the corpus program
orphaned_blocks_on_self.py.
"""

from __future__ import annotations

import textwrap

import pytest
from helpers import run_omppy, run_python

from omppy.runtime import conflict
from omppy.runtime.errors import OmpError
from omppy.runtime.replica import Replica

SAME_VALUE = (
    "to the same value (a data race in OpenMP: an update such as 'x[k] += 1' made by two "
    "threads gives both the same new value, and keeping it would lose one). If every "
    "thread runs this store (code outside a work-sharing construct runs on every thread), "
    "put it in '# omp single' or '# omp master'; otherwise make the update inside "
    "'# omp atomic' or '# omp critical' (or use a reduction)"
)
OUTSIDE = (
    ". Thread 1 made its change outside any synchronisation block (or in one it had not "
    "left yet); a block hands on every change its thread made to what it names, so the "
    "block's change may have been made outside it too. A pragma without '# omp end ...' "
    "covers only the next statement"
)


class Box:
    def __init__(self) -> None:
        self.seen = 0


def _clash(first: str, second: str) -> str:
    box = Box()
    replica = Replica()
    replica.watch(box, 1, "box")
    token = replica.token_of(box)
    change = [(token, ("A", [("seen", 1)], []))]
    with pytest.raises(OmpError) as error:
        conflict.check([(first, change), (second, change)], replica, "p.py:9")
    return str(error.value)


def test_a_block_against_a_threads_own_change_says_it_was_made_outside_blocks():
    message = _clash("'# omp ordered' in thread 0", "thread 1")
    assert message == (
        f"'# omp ordered' in thread 0 and thread 1 both changed box.seen, p.py:9, "
        f"{SAME_VALUE}{OUTSIDE}"
    )


def test_two_threads_or_two_blocks_get_no_such_note():
    both = _clash("thread 0", "thread 1")
    assert both == f"thread 0 and thread 1 both changed box.seen, p.py:9, {SAME_VALUE}"
    blocks = _clash("'# omp critical' in thread 1", "'# omp ordered' in thread 0")
    assert blocks == (
        "'# omp critical' in thread 1 and '# omp ordered' in thread 0 both changed "
        f"box.seen, p.py:9, {SAME_VALUE}"
    )


HELPER = """
class App:
    def __init__(self):
        self.seen = 0
        self.log = []

    def step(self, i):
{body}
        return i


app = App()
# omp parallel for ordered schedule(static)
for i in range(40):
    app.step(i)
print(app.seen, len(app.log))
"""


def _program(tmp_path, body: str, name: str = "p.py"):
    path = tmp_path / name
    path.write_text(HELPER.format(body=textwrap.indent(textwrap.dedent(body), " " * 8)))
    return path


def _line(path, text: str) -> int:
    lines = path.read_text().splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.strip() == text)


REGION = "# omp parallel for ordered schedule(static)"


def _refused(path, expected: str) -> None:
    assert run_python(path).status == 0
    got = run_omppy("run", str(path), threads=2, env={"OMPPY_BACKEND": "fork"})
    assert got.status == 1, got.err
    assert f"OmpError: {expected}\n" in got.err, got.err


def test_the_reported_shape_a_store_outside_the_blocks_is_refused(tmp_path):
    # Thread 1's unsynchronised store (static: its first iteration, 20) comes before
    # its first ordered block, which finds thread 0's ordered records handing on the
    # same attribute: always a clash, named at the ordered block it was found in.
    path = _program(
        tmp_path,
        """
        self.seen += 1
        # omp ordered
        self.log.append(i)
        # omp end ordered
        """,
    )
    _refused(
        path,
        f"'# omp ordered' in thread 0 and thread 1 both changed app.seen, "
        f"{path}:{_line(path, '# omp ordered')}, {SAME_VALUE}{OUTSIDE}",
    )


def test_two_threads_changing_an_attribute_outside_any_block_are_refused(tmp_path):
    path = _program(tmp_path, "self.seen += 1\n")
    _refused(
        path,
        f"thread 0 and thread 1 both changed app.seen, in the region at "
        f"{path}:{_line(path, REGION)}, {SAME_VALUE}",
    )


def test_critical_and_ordered_on_one_attribute_are_refused(tmp_path):
    # Thread 0's ordered block (iteration 0) is entered before thread 1's critical
    # (iteration 20) and left after it: the two blocks change app.seen under
    # different locks, each without seeing the other.
    entered, left = str(tmp_path / "entered"), str(tmp_path / "left")
    path = _program(
        tmp_path,
        f"""
        import os, time
        deadline = time.time() + 20
        if i == 0:
            # omp ordered
            open({entered!r}, "w").close()
            while not os.path.exists({left!r}) and time.time() < deadline:
                time.sleep(0.01)
            self.seen += 1
            # omp end ordered
        if i == 20:
            while not os.path.exists({entered!r}) and time.time() < deadline:
                time.sleep(0.01)
            # omp critical
            self.seen += 1
            # omp end critical
            open({left!r}, "w").close()
        """,
    )
    got = run_omppy("run", str(path), threads=2, env={"OMPPY_BACKEND": "fork"})
    assert got.status == 1, got.err
    assert (
        "OmpError: '# omp critical' in thread 1 and '# omp ordered' in thread 0 both "
        f"changed app.seen, in the region at {path}:{_line(path, REGION)}, {SAME_VALUE}\n"
    ) in got.err
