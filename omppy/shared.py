"""Allocators for numpy arrays shared by every thread of a team, with no copy.

Arrays made here live in shared memory from the start, so regions that write them
need neither a copy in nor a copy out (an ordinary array a region writes is staged
through shared memory for the region)::

    from omppy import shared
    out = shared.zeros((n, m), dtype=np.int32)

They are ordinary ``numpy.ndarray`` objects in every other way, and they work the
same when the program runs sequentially under plain ``python``.
"""

from __future__ import annotations

from typing import Any

from .runtime.sharedmem import allocate, is_shared

__all__ = ["array", "empty", "full", "full_like", "is_shared", "ones", "zeros", "zeros_like"]


def empty(shape: Any, dtype: Any = float) -> Any:
    """A shared array of ``shape`` and ``dtype`` (its contents are zero)."""
    return allocate(shape, dtype)


def zeros(shape: Any, dtype: Any = float) -> Any:
    """A shared array of zeros."""
    return allocate(shape, dtype)


def ones(shape: Any, dtype: Any = float) -> Any:
    """A shared array of ones."""
    return full(shape, 1, dtype)


def full(shape: Any, fill_value: Any, dtype: Any = None) -> Any:
    """A shared array filled with ``fill_value``."""
    import numpy as np

    if dtype is None:
        dtype = np.asarray(fill_value).dtype
    result = allocate(shape, dtype)
    result[...] = fill_value
    return result


def array(data: Any, dtype: Any = None) -> Any:
    """A shared copy of ``data`` (anything ``numpy.asarray`` accepts)."""
    import numpy as np

    source = np.asarray(data, dtype=dtype)
    result = allocate(source.shape, source.dtype)
    result[...] = source
    return result


def zeros_like(other: Any, dtype: Any = None) -> Any:
    """A shared array of zeros with ``other``'s shape (and dtype, unless given)."""
    return allocate(other.shape, dtype or other.dtype)


def full_like(other: Any, fill_value: Any, dtype: Any = None) -> Any:
    """A shared array with ``other``'s shape filled with ``fill_value``."""
    return full(other.shape, fill_value, dtype or other.dtype)
