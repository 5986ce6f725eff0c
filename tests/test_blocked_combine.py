"""A large array reduction is combined a block at a time (reduction._blocked): the
same bits as one whole-array fold per partial, in thread order."""

from __future__ import annotations

import operator

import numpy as np
import pytest

from omppy.runtime import reduction
from omppy.runtime.reduction import combine

N = 40_000 + 124  # past the threshold below, a short last block (4 rows)


@pytest.fixture(autouse=True)
def small_blocks(monkeypatch):
    """The thresholds scaled down (16 MiB and 256 KiB in use): 32 KiB, 2 KiB blocks."""
    monkeypatch.setattr(reduction, "BLOCKED_BYTES", 1 << 15)
    monkeypatch.setattr(reduction, "BLOCK_BYTES", 1 << 11)


def whole(op, original, partials):
    """The fold without blocks: ``acc op= p`` for each partial, in order."""
    fold = reduction.COMBINE[op]
    result = original.copy()
    for partial in partials:
        result = fold(result, partial)
    return result


def floats(seed: int, n: int = N) -> np.ndarray:
    rng = np.random.default_rng(seed)
    values = rng.standard_normal(n) * 10.0 ** rng.integers(-30, 30, n)
    values[::97] = -0.0
    values[::101] = np.nan
    values[::103] = np.inf
    return values


@pytest.mark.parametrize("op", ["+", "-", "*"])
def test_floats_come_out_bit_for_bit_as_the_whole_fold(op, monkeypatch):
    original = floats(1)
    partials = [floats(2), floats(3), floats(4)]
    expected = whole(op, original, partials)
    calls = []
    blocked = reduction._blocked
    monkeypatch.setattr(
        reduction,
        "_blocked",
        lambda *a: calls.append(1) or blocked(*a),  # type: ignore[func-returns-value]
    )
    result = combine(op, original, partials)
    assert calls and result is original  # the blocked path, in place
    assert result.tobytes() == expected.tobytes()


@pytest.mark.parametrize("op", ["+", "*", "&", "|", "^"])
def test_ints_wrap_as_the_whole_fold(op):
    rng = np.random.default_rng(5)
    original = rng.integers(-(2**62), 2**62, N)
    partials = [rng.integers(-(2**62), 2**62, N) for _ in range(2)]
    expected = whole(op, original, partials)
    assert combine(op, original, partials).tobytes() == expected.tobytes()


def test_a_narrower_result_casts_each_block_as_the_whole_fold():
    original = floats(6).astype(np.float32)
    partials = [floats(7), floats(8)]
    expected = whole("+", original, partials)
    assert combine("+", original, partials).tobytes() == expected.tobytes()


def test_two_dimensional_arrays_are_folded_as_one_run_of_elements():
    original = floats(9, 2 * N).reshape(2, N)
    partials = [floats(10, 2 * N).reshape(2, N)]
    expected = whole("+", original, partials)
    assert combine("+", original, partials).tobytes() == expected.tobytes()


@pytest.mark.parametrize(
    "partials",
    [
        lambda a: [a[::-1].copy(), a[:, ::-1].copy()[:, ::-1]],  # not contiguous
        lambda a: [a.copy(), a],  # the result itself
        lambda a: [a[1:2].copy(), a[0:1].copy()],  # another shape (broadcast)
        lambda a: [a.copy(), 2.5],  # a scalar
    ],
)
def test_anything_else_takes_the_whole_fold(partials, monkeypatch):
    first, second = floats(11).reshape(4, -1), floats(11).reshape(4, -1)
    assert reduction._blocked(operator.iadd, first, partials(first)) is False
    monkeypatch.setattr(reduction, "_blocked", lambda *a: False)
    expected = combine("+", second, partials(second))
    monkeypatch.undo()
    assert combine("+", first, partials(first)).tobytes() == expected.tobytes()


def test_small_arrays_and_subclasses_take_the_whole_fold():
    small = np.ones(1000)
    assert reduction._blocked(operator.iadd, small, [small.copy()]) is False
    masked = np.ma.ones(N)
    assert reduction._blocked(operator.iadd, masked, [masked.copy()]) is False
