"""Keys added to dicts omppy does not track for key order (held in a list, or deeper
than a few attributes): a block's keys take the place of the chunk it runs in, a
thread's the one stretch of iterations it ran; a thread that added keys over several
chunks while another thread added keys too is an error (runtime/coherence.py,
``_untracked_tag``, ``_check_spread``).  The corpus program dict_keys_held_deep.py
runs the orders differentially."""

from __future__ import annotations

from helpers import run_omppy, run_python


def test_keys_added_over_several_chunks_by_two_threads_are_an_error(write):
    script = write(
        "buckets.py",
        "buckets = [{} for _ in range(2)]\n"
        "# omp parallel for schedule(static, 1) num_threads(2)\n"
        "for i in range(8):\n"
        "    buckets[i // 4][i] = i\n"
        "print([list(b) for b in buckets])\n",
    )
    got = run_omppy("run", str(script), threads=2, env={"OMPPY_BACKEND": "fork"})
    assert got.status == 1
    assert got.out == ""
    assert got.err.splitlines()[-1] == (
        "omppy.runtime.errors.OmpError: several threads added keys to buckets[0] (0 and 2 "
        f"among them), in the region at {script}:2, and at least one of them over several "
        "chunks of iterations: omppy does not follow which iteration added which key to a "
        "dict held there, so the dict's key order could differ from python's. Give the "
        "loop schedule(static) with no chunk size (each thread then adds its keys in one "
        "stretch), add the keys under '# omp critical', or keep the dict in a shared name "
        "or a module global (whose keys omppy orders)"
    )


def test_one_stretch_per_thread_and_blocks_give_pythons_order(write):
    script = write(
        "buckets.py",
        "import time\n"
        "buckets = [{} for _ in range(2)]\n"
        "# omp parallel for num_threads(2)\n"
        "for i in range(8):\n"
        "    buckets[i % 2][i] = i\n"
        "later = [{}]\n"
        "# omp parallel for schedule(static, 1) num_threads(2)\n"
        "for i in range(6):\n"
        "    if i == 0:\n"
        "        time.sleep(0.2)\n"
        "    # omp critical\n"
        "    later[0][i] = i\n"
        "print([list(b) for b in buckets], list(later[0]))\n",
    )
    got = run_omppy("run", str(script), threads=2, env={"OMPPY_BACKEND": "fork"})
    assert got.status == 0, got.err
    assert got.out == run_python(script).out == "[[0, 2, 4, 6], [1, 3, 5, 7]] [0, 1, 2, 3, 4, 5]\n"
