"""numpy arrays in memory that every thread of a team shares.

An array allocated here lives in an anonymous ``MAP_SHARED`` mapping: processes
forked after its allocation write the same pages, so a region needs no copy at all.
An ordinary array that a region may write is *moved* into such memory for the
region (one copy in before the fork, one copy back when it ends); the cost of that
is what ``benchmarks/`` calls "array staging".  The mappings are anonymous, so
nothing is left behind in ``/dev/shm`` when a process dies.
"""

from __future__ import annotations

import mmap
import os
import sys
import weakref
from collections import deque
from typing import Any

# Every mapping this process made or inherited, by key (the pid that made it, and a
# count of the mappings made so far): a task handed a view of one names it by key
# (see taskcode.py).
_mappings: weakref.WeakValueDictionary[tuple[int, int], SharedMemory] = (
    weakref.WeakValueDictionary()
)
_made = 0


class SharedMemory(mmap.mmap):
    """An anonymous shared mapping; arrays over it are shared with future forks."""

    key: tuple[int, int] = (0, 0)


def made_so_far() -> int:
    """How many mappings this process (and the processes it was forked from) made."""
    return _made


def mapping(key: tuple[int, int]) -> SharedMemory | None:
    """The mapping made under ``key``, if this process has it."""
    return _mappings.get(key)


def _np() -> Any:
    import numpy

    return numpy


def allocate(shape: Any, dtype: Any = float, order: str = "C") -> Any:
    """An uninitialised (zero-filled) shared array."""
    np = _np()
    dtype = np.dtype(dtype)
    if dtype.hasobject:
        # An object array holds pointers, each valid only in the process that wrote it.
        raise TypeError(
            f"omppy.shared arrays cannot hold Python objects (dtype {dtype}); use an "
            "ordinary list or object array, whose item stores are carried back"
        )
    count = 1
    for extent in (shape,) if isinstance(shape, int) else tuple(shape):
        count *= int(extent)
    size = max(1, count * dtype.itemsize)
    memory = SharedMemory(-1, size, flags=mmap.MAP_SHARED)
    global _made
    _made += 1
    memory.key = (os.getpid(), _made)
    _mappings[memory.key] = memory
    return np.ndarray(shape, dtype=dtype, buffer=memory, order=order)


def is_shared(array: Any) -> bool:
    """True when ``array``'s memory is an omppy shared mapping (views included)."""
    base = array
    while base is not None:
        if isinstance(base, SharedMemory):
            return True
        base = getattr(base, "base", None)
        if isinstance(base, memoryview):
            base = base.obj
    return False


def is_array(value: Any) -> bool:
    np = sys.modules.get("numpy")
    return np is not None and isinstance(value, np.ndarray)


def originals(
    outputs: dict[str, Any], call: dict[str, Any], args: dict[str, Any]
) -> dict[str, Any]:
    """A region's ``outputs`` with each name still bound to its stand-in in ``call``
    (the staged copy of its array in ``args``, which ``unstage`` copies back) bound
    to the program's own array again: ``acc += x`` in the region rebinds ``acc`` to
    what it was, as in python; the stand-in would leave the name on a copy that the
    program's later writes through ``acc`` make apart from its aliases."""
    for name, value in outputs.items():
        original = args.get(name, value)
        if value is not original and value is call.get(name):
            outputs[name] = original
    return outputs


class StagedArrays:
    """Ordinary arrays moved into shared memory for one region, and moved back."""

    def __init__(self) -> None:
        self.pairs: list[tuple[Any, Any]] = []
        self.rebound: list[tuple[dict[str, Any], str, Any, Any]] = []
        self.frozen: list[Any] = []
        # Arrays sharing memory with a staged one, swapped in their containers for
        # views of the staged copy: ``(container, step, original, stand_in)``.
        self.swapped: list[tuple[Any, Any, Any, Any]] = []
        # The staged copies once copied back, for the region to free (reaping.py).
        self.done: list[Any] = []

    def stage(self, array: Any) -> Any:
        """The shared stand-in for ``array`` (itself when already shared or read-only).

        A view is staged through the array that owns its memory, so two views of
        one array (or an array and its view) share one staged copy, as they share
        memory outside the region.
        """
        if is_shared(array) or not array.flags.writeable or array.dtype.hasobject:
            return array
        owner = array
        while isinstance(owner.base, type(array)):
            owner = owner.base
        if owner.base is not None or owner.dtype.hasobject:
            return array  # memory owned by something else (a buffer, an mmap): leave it
        staged_owner = self._staged_owner(owner)
        if owner is array:
            return staged_owner
        offset = array.__array_interface__["data"][0] - owner.__array_interface__["data"][0]
        np = _np()
        return np.ndarray(
            array.shape,
            dtype=array.dtype,
            buffer=staged_owner,
            offset=offset,
            strides=array.strides,
        )

    def stages_memory_of(self, array: Any) -> bool:
        """Whether ``array`` shares memory with an array already staged (a view or
        alias of it, only read in the region): it must read the staged copy too."""
        if not self.pairs or is_shared(array):
            return False
        np = _np()
        return any(np.shares_memory(array, original) for original, _ in self.pairs)

    def _staged_owner(self, owner: Any) -> Any:
        for original, staged in self.pairs:
            if original is owner:
                return staged
        order = "F" if owner.flags.f_contiguous and not owner.flags.c_contiguous else "C"
        staged = allocate(owner.shape, owner.dtype, order=order)
        staged[...] = owner
        self.pairs.append((owner, staged))
        return staged

    def rebind_globals(self, namespace: dict[str, Any], written: set[str]) -> None:
        """Point module globals at the staged copies for the region.

        A global array whose memory the region stages (it is also a shared name of
        the region), or that a function of the module writes (``written``, from the
        translator's ``_omp_effects``), is rebound to a staged copy, so that a helper
        writing it through its global name writes the memory every thread shares.
        """
        for name, value in list(namespace.items()):
            if not is_array(value) or is_shared(value) or not value.flags.writeable:
                continue
            if name in written or self.stages_memory_of(value):
                stand_in = self.stage(value)
                if stand_in is not value:
                    namespace[name] = stand_in
                    self.rebound.append((namespace, name, value, stand_in))

    def stand_in(self, container: Any, step: Any, value: Any) -> Any:
        """What ``container`` should hold at ``step`` for the region, instead of ``value``.

        An ordinary array that shares memory with a staged one (the staged array
        itself in a dict, a view of it kept in an attribute) would read and write
        the old memory while every thread uses the staged copy: it is put back in
        its place as the same view of the staged copy, and given back when the
        region ends (``unstage``).  Returns ``value`` when it needs nothing, the
        stand-in once swapped, and None when it needs one but ``container`` is None
        or cannot take it (a tuple, a set): the caller makes it read-only.
        """
        if (
            not is_array(value)
            or is_shared(value)
            or not value.flags.writeable
            or value.dtype.hasobject
            or not self.stages_memory_of(value)
        ):
            return value
        if container is None:
            return None
        stand_in = self.stage(value)
        if stand_in is value:
            return value
        try:
            if isinstance(container, (dict, list, deque)):
                if container[step] is not value:
                    return None
                container[step] = stand_in
            elif type(step) is tuple and len(step) == 2 and step[0] == "attr":
                object.__getattribute__(container, step[1])
                setattr(container, step[1], stand_in)
            else:
                return None
        except Exception:  # a container that refuses the store: read-only instead
            return None
        self.swapped.append((container, step, value, stand_in))
        return stand_in

    def freeze(self, array: Any) -> None:
        """Make ``array`` read-only for the region (an array omppy neither stages nor
        compares: a write to it could not be carried, so it is an error instead)."""
        array.flags.writeable = False
        self.frozen.append(array)

    def thaw(self) -> None:
        """Make the frozen arrays writable again (once every thread is done: a
        reduction's combine writes its original array, which may be one of them)."""
        for array in self.frozen:
            array.flags.writeable = True
        self.frozen.clear()

    def unstage(self) -> None:
        """Copy every staged array's contents back into the original, give the
        module globals rebound for the region their own arrays back, and make the
        frozen arrays writable again."""
        self.thaw()
        for original, staged in self.pairs:
            original[...] = staged
            self.done.append(staged)
        self.pairs.clear()
        for container, step, original, stand_in in reversed(self.swapped):
            try:
                if isinstance(container, (dict, list, deque)):
                    if container[step] is stand_in:
                        container[step] = original
                elif getattr(container, step[1], None) is stand_in:
                    setattr(container, step[1], original)
            except Exception:  # the program changed the container meanwhile
                pass
        self.swapped.clear()
        for namespace, name, original, stand_in in self.rebound:
            if namespace.get(name) is stand_in:  # not rebound by the program meanwhile
                namespace[name] = original
        self.rebound.clear()
