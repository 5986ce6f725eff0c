"""The realistic sweep as a test: python's answer or a clear error, at 1-4 threads.

Every program in ``tests/realistic`` runs with plain ``python`` and with ``omppy run``
at ``OMP_NUM_THREADS`` 1-4; ``tests/realistic/run.py`` classifies each run (see
``docs/correctness.md``).  A clear error passes here (the runner lists those as
refusals, for a person to judge); a different answer with exit status 0, an omppy
traceback, another exit status or a timeout fails.

Programs that show a known bug are expected to fail (``xfail``, not strict: some
bugs depend on timing); their reasons start with ``BUG:`` and name the minimal
program.  A fix turns them into XPASS: remove the entry from ``KNOWN_BUGS``.
"""

from __future__ import annotations

import pytest
from realistic import run as sweep

RUN_TIMEOUT = 45.0  # seconds per run; five runs per program

_LOST_BIG_ARRAY = (
    "BUG: numpy arrays over 16 MB that are not staged are not compared, so writes to "
    "them are lost (bug_big_array_in_list.py, bug_big_global_array.py)"
)
_PLAIN_MODULE = (
    "BUG: state of modules without pragmas is not watched (bug_plain_module_state.py, "
    "bug_plain_module_method.py)"
)
_RANDOM_STATE = (
    "BUG: random generator state is not carried between threads (bug_random_in_single.py, "
    "bug_random_object_state.py)"
)

KNOWN_BUGS = {
    "array_module_stores": "BUG: stores into array.array are lost (bug_array_module.py)",
    "bug_array_module": "BUG: stores into array.array are lost",
    "numpy_big_in_object": _LOST_BIG_ARRAY,
    "numpy_global_big": _LOST_BIG_ARRAY,
    "numpy_local_big": _LOST_BIG_ARRAY,
    "bug_big_array_in_list": _LOST_BIG_ARRAY,
    "bug_big_global_array": _LOST_BIG_ARRAY,
    "helper_module_registry": _PLAIN_MODULE,
    "helper_module_mesh": _PLAIN_MODULE,
    "bug_plain_module_state": _PLAIN_MODULE,
    "bug_plain_module_method": _PLAIN_MODULE,
    "random_global_in_single": _RANDOM_STATE,
    "epidemic_agents": _RANDOM_STATE,
    "bug_random_in_single": _RANDOM_STATE,
    "bug_random_object_state": _RANDOM_STATE,
    "closure_registry": (
        "BUG: containers below a closure cell are not watched (bug_closure_nested_container.py)"
    ),
    "bug_closure_nested_container": "BUG: containers below a closure cell are not watched",
    "nonlocal_in_function_region": (
        "BUG: a closure cell rebound by a helper of a region in a function is lost "
        "(bug_nonlocal_in_function.py)"
    ),
    "bug_nonlocal_in_function": "BUG: a closure cell rebound under atomic is lost",
    "tree_subtree_sums": (
        "BUG: changes deeper than the watched depth are lost (bug_linked_structure.py)"
    ),
    "bug_linked_structure": "BUG: changes deeper than the watched depth are lost",
    "id_generator_itertools": (
        "BUG: an itertools.count advanced under critical is not shared (bug_itertools_count.py)"
    ),
    "bug_itertools_count": "BUG: an itertools.count advanced under critical is not shared",
    "ordered_pipeline": (
        "BUG: a hashlib object updated under ordered is not carried (bug_hashlib_in_ordered.py)"
    ),
    "bug_hashlib_in_ordered": "BUG: a hashlib object updated under ordered is not carried",
    "omp_ex_reduction6": (
        "BUG: a reduction result is replaced by a value an earlier single published "
        "(bug_reduction_after_single.py)"
    ),
    "bug_reduction_after_single": (
        "BUG: a reduction result is replaced by a value an earlier single published"
    ),
    "topk_heapq_critical": (
        "BUG: new objects moved within a list under critical come back duplicated "
        "(bug_critical_tuple_sort.py; timing-dependent)"
    ),
    "bug_critical_tuple_sort": (
        "BUG: new objects moved within a list under critical come back duplicated"
    ),
}


def _params() -> list:
    params = []
    for program in sweep.programs():
        reason = KNOWN_BUGS.get(program.stem)
        marks = [pytest.mark.xfail(reason=reason, strict=False)] if reason else []
        params.append(pytest.param(program, id=program.stem, marks=marks))
    return params


def test_known_bugs_name_existing_programs():
    names = {p.stem for p in sweep.programs()}
    assert set(KNOWN_BUGS) <= names


@pytest.mark.slow
@pytest.mark.timeout(5 * RUN_TIMEOUT + 60)
@pytest.mark.parametrize("program", _params())
def test_python_answer_or_clear_error(program):
    outcomes = sweep.check_program(program, timeout=RUN_TIMEOUT)
    failing = [o for o in outcomes if o.kind not in (sweep.SAME, sweep.ERROR)]
    assert not failing, "\n".join(f"{o.threads} threads: {o.kind}: {o.detail}" for o in failing)


def test_classification():
    """The runner's classes, on made-up runs (no subprocess)."""
    python = sweep.Run(0, "42\n", "", 0.1)
    assert sweep.classify(python, sweep.Run(0, "42\n", "", 0.1))[0] == sweep.SAME
    assert sweep.classify(python, sweep.Run(0, "41\n", "", 0.1)) == (
        sweep.WRONG,
        "line 1: python '42', omppy '41'",
    )
    omp_error = 'Traceback (most recent call last):\n  File "/u/prog.py", line 3, in <module>\n'
    omp_error += "omppy.runtime.errors.OmpError: thread 0 and thread 1 both changed x\n"
    assert sweep.classify(python, sweep.Run(1, "", omp_error, 0.1))[0] == sweep.ERROR
    pragma = "/u/prog.py:4:5: 'x.append(...)' changes the shared object 'x' in place\n"
    assert sweep.classify(python, sweep.Run(1, "", pragma, 0.1)) == (sweep.ERROR, pragma.strip())
    internal = (
        "Traceback (most recent call last):\n"
        '  File "/site/omppy/runtime/team.py", line 9, in parallel\n'
        "omppy.runtime.errors.OmpError: boom\n"
    )
    assert sweep.classify(python, sweep.Run(1, "", internal, 0.1))[0] == sweep.CRASH
    user = 'Traceback (most recent call last):\n  File "/u/prog.py", line 3\nNameError: x\n'
    assert sweep.classify(python, sweep.Run(1, "", user, 0.1))[0] == sweep.CRASH
    assert sweep.classify(python, sweep.Run(None, "", "", 60.0))[0] == sweep.HANG
