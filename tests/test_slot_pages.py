"""The master allocates its share of each worker's reduction slot as the team starts
(forkjoin.share_slot_pages): the last 1/size of every slot, contents untouched."""

from __future__ import annotations

import os
import sys

import numpy as np
import pytest

from omppy.runtime.forkjoin import share_slot_pages
from omppy.runtime.sharedmem import allocate

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="Linux page counts")

MB = 1 << 20


def resident_kb(array: np.ndarray) -> int:
    """The resident size of the mapping that holds ``array``, from /proc/self/smaps."""
    start = array.__array_interface__["data"][0]
    with open(f"/proc/{os.getpid()}/smaps") as smaps:
        lines = smaps.read().splitlines()
    for index, line in enumerate(lines):
        low, _, high = line.split()[0].partition("-")
        if "-" in line.split()[0] and int(low, 16) <= start < int(high, 16):
            for detail in lines[index + 1 :]:
                if detail.startswith("Rss:"):
                    return int(detail.split()[1])
    raise AssertionError("no mapping holds the array")


@pytest.mark.parametrize("size", [2, 3, 4])
def test_the_master_allocates_the_last_share_of_each_slot(size):
    block = allocate((size - 1, 2 * MB // 8), np.float64)  # 2 MB a worker
    assert resident_kb(block) == 0
    share_slot_pages({"acc": block}, size)
    share = 2 * 1024 // size
    assert abs(resident_kb(block) - (size - 1) * share) <= (size - 1) * 4
    assert not block.any()  # allocated, still zeros


def test_the_identity_written_before_the_fork_is_kept():
    block = allocate((1, MB // 8), np.float64)
    block[...] = 1.0  # reduction(*: ...): the slots start as ones
    share_slot_pages({"acc": block}, 2)
    assert (block == 1.0).all()


def test_a_worker_writing_the_allocated_pages_is_seen_by_the_master():
    block = allocate((1, MB // 8), np.float64)
    share_slot_pages({"acc": block}, 2)
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        block[0] += np.arange(block.shape[1])
        os._exit(0)
    assert os.waitpid(pid, 0)[1] == 0
    assert (block[0] == np.arange(block.shape[1])).all()
