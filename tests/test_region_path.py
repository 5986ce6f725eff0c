"""What a fork region's master does on its critical path (forkjoin.py, join.py,
blas.py), checked in this process: work done before the workers' reports that was
done after them, work skipped that had nothing to do."""

from __future__ import annotations

import os
import sys
import types

import pytest

from omppy.runtime import coherence, join
from omppy.transform.lines import compile_translation
from omppy.transform.translate import translate

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the fork backend")

SOURCE = """\
def region(shared):
    # omp parallel num_threads(2)
    if omp_get_thread_num() == 0:
        shared[0] = "master"
    # omp end parallel
    return shared

def empty():
    # omp parallel num_threads(2)
    pass
"""


def translated(name: str) -> types.ModuleType:
    source = "from omppy import omp_get_thread_num\n" + SOURCE
    code = compile_translation(translate(source, f"<{name}>"), f"<{name}>")
    module = types.ModuleType(name)
    module.__file__ = f"<{name}>"
    sys.modules[name] = module
    exec(code, module.__dict__)
    return module


@pytest.fixture
def module():
    yield translated("region_path_program")
    sys.modules.pop("region_path_program", None)


def test_the_master_compares_its_changes_before_it_waits_for_the_workers(module, monkeypatch):
    master = os.getpid()
    events: list[str] = []  # kept on an omppy module: never watched
    monkeypatch.setattr(join, "_test_events", events, raising=False)
    compare, collect = coherence.Coherence.before_barrier, join.collect

    def before_barrier(self, keep=False, last=False):
        if os.getpid() == master and keep:
            join._test_events.append("master compares")  # type: ignore[attr-defined]
        return compare(self, keep=keep, last=last)

    def collecting(readers):
        join._test_events.append("master waits")  # type: ignore[attr-defined]
        return collect(readers)

    monkeypatch.setattr(coherence.Coherence, "before_barrier", before_barrier)
    monkeypatch.setattr(join, "collect", collecting)
    assert module.region([None]) == ["master"]  # its change still reaches the list
    assert events == ["master compares", "master waits"]


def test_a_worker_with_nothing_to_hand_over_is_not_unpickled(module, monkeypatch):
    class NoUnpickling:
        @staticmethod
        def loads(data):
            raise AssertionError("an empty report was unpickled")

    monkeypatch.setattr(join, "pickle", NoUnpickling)
    module.empty()
