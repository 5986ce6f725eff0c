"""Session 7's red-team findings (issue 9, round 4), each as the smallest program that
gave a different answer with exit status 0, or a refusal of a race-free program:
python's answer at 1-3 threads on both backends (docs/correctness.md)."""

from __future__ import annotations

import re

import pytest
from helpers import run_omppy, run_python, without_gil_notice

pytestmark = pytest.mark.slow

BACKENDS = ("fork", "threads")


def same_as_python(write, name: str, text: str, threads: int, backend: str) -> None:
    script = write(name, text)
    want = run_python(script)
    assert want.status == 0, want.err
    got = run_omppy("run", str(script), threads=threads, env={"OMPPY_BACKEND": backend})
    assert (got.status, got.out) == (0, want.out), without_gil_notice(got.err)


# A module-level region rebinds a global in `single`; a helper reads it by its global
# name (it read the old array: the region's names were only the body's locals).
GLOBAL_REBOUND_IN_SINGLE = """\
field = [float(i) for i in range(12)]
out = [0.0] * 12
config = None


def probe(i):
    return field[i] + field[(i + 1) % 12]


def scale():
    return config["scale"]


# omp parallel
if True:
    # omp for
    for i in range(12):
        out[i] = probe(i)
    # omp single
    field = [v * 0.5 + o for v, o in zip(field, out)]
    # omp single
    config = {"scale": 3}
    # omp for
    for i in range(12):
        out[i] += probe(i) * scale()

print(out, sum(field))
"""

# The same in a function whose region rebinds names it declares global.
GLOBAL_DECLARED_IN_FUNCTION = """\
best = None


def report():
    return best


def search(values):
    global best
    seen = [None] * len(values)
    # omp parallel
    if True:
        # omp single
        best = max(values)
        # omp for
        for i in range(len(values)):
            seen[i] = report() - values[i]
    return seen


print(search([(i * 7) % 11 for i in range(20)]), best)
"""


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("threads", [1, 3])
def test_a_global_rebound_in_a_region_is_what_its_helpers_read(write, threads, backend):
    same_as_python(write, "rebound.py", GLOBAL_REBOUND_IN_SINGLE, threads, backend)
    same_as_python(write, "declared.py", GLOBAL_DECLARED_IN_FUNCTION, threads, backend)


# Every chunk of a taskloop bumps a shared counter under atomic: at one thread each
# chunk's task ran at once from the counter's value when the taskloop began (4, not 30).
TASKLOOP_ATOMIC_COUNTER = """\
count = 0
total = 0
# omp parallel
if True:
    # omp single
    if True:
        # omp taskloop grainsize(4)
        for i in range(30):
            # omp atomic
            count += 1
            # omp critical
            total += i
print(count, total)
"""


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("threads", [1, 2])
def test_taskloop_chunks_share_a_counter_updated_under_atomic(write, threads, backend):
    same_as_python(write, "taskloop.py", TASKLOOP_ATOMIC_COUNTER, threads, backend)


# Inactive nesting (a team of one inside a team): the inner atomic neither excluded
# nor published to the enclosing team's other threads: 0 or 6 instead of 12.
NESTED_ATOMIC = """\
from omppy import omp_set_max_active_levels

omp_set_max_active_levels(LEVELS)
done = 0
log = []
# omp parallel sections
# omp section
if True:
    # omp parallel for
    for i in range(6):
        # omp atomic
        done += 1
        # omp critical
        log.append(i)
# omp section
if True:
    # omp parallel for
    for i in range(6):
        # omp atomic
        done += 1
        # omp critical
        log.append(-i)
# omp end parallel sections
print(done, sorted(log))
"""


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("threads", [2, 3])
def test_atomic_in_an_inactive_nested_region_is_the_enclosing_teams(write, threads, backend):
    text = NESTED_ATOMIC.replace("LEVELS", "1")
    same_as_python(write, "inactive.py", text, threads, backend)


@pytest.mark.parametrize("backend", BACKENDS)
def test_names_two_active_nested_teams_bind_in_atomic_are_an_error(write, backend):
    script = write(
        "active.py",
        NESTED_ATOMIC.replace("LEVELS", "2")
        .replace("        # omp critical\n        log.append(i)\n", "")
        .replace("        # omp critical\n        log.append(-i)\n", ""),
    )
    seen = set()
    for _ in range(3):  # (the two inner teams may not overlap: then python's answer)
        got = run_omppy("run", str(script), threads=2, env={"OMPPY_BACKEND": backend})
        if got.status == 0:
            assert got.out == "12 []\n"
            continue
        assert got.status == 1
        message = without_gil_notice(got.err).strip().splitlines()[-1]
        assert re.fullmatch(
            r"omppy\.runtime\.errors\.OmpError: the nested parallel region at \S+active\.py:"
            r"\d+ bound 'done' in its critical/atomic blocks while another thread of the "
            r"enclosing team changed it too \(its own nested team\): critical and atomic "
            r"exclude each other only within one team, so one team's updates would be lost\. "
            r"Use a reduction clause on the nested regions, or leave nesting inactive "
            r"\(omp_set_max_active_levels\(1\)\)",
            message,
        ), message
        seen.add(got.status)


# Keys added under critical: a key that a later stretch of iterations (another thread)
# added first came in that place, though an earlier iteration set it too ('b' and 'a'
# of thread 2's chunk before thread 0's 'c'...): python's order is the first set.
COUNTS_UNDER_CRITICAL = """\
from collections import Counter

words = "a b c d b a e f g h b i j k".split() * 3
counts = Counter()
plain = {}
# omp parallel for schedule(static, 2)
for i in range(len(words)):
    w = words[i]
    # omp critical
    counts[w] += 1
    plain[w] = plain.get(w, 0) + 1
    # omp end critical
print(counts.most_common(5))
print(plain)
"""


@pytest.mark.parametrize("threads", [2, 3, 4])
def test_keys_set_under_critical_come_in_pythons_order(write, threads):
    for _ in range(2):
        same_as_python(write, "counts.py", COUNTS_UNDER_CRITICAL, threads, "fork")


# Aliases bound by unpacking an item: `a, b = pairs[i]` then `a.append(...)`: refused
# ("changed pairs[10][0] through a path omppy does not follow") at 2+ threads.
UNPACKED_ALIASES = """\
pairs = [([i], [0, i]) for i in range(12)]
nested = [(i, ([i], {"n": 0})) for i in range(12)]
# omp parallel for
for i in range(12):
    a, b = pairs[i]
    a.append(i * i)
    b[0] += 2 * i
    k, (items, meta) = nested[i]
    items.append(k)
    meta["n"] += 1
print(pairs[3], pairs[-1], nested[5])
"""


@pytest.mark.parametrize("threads", [2, 3])
def test_aliases_unpacked_from_an_item_are_carried(write, threads):
    same_as_python(write, "unpacked.py", UNPACKED_ALIASES, threads, "fork")
