"""Runtime pieces on their own, in this process: reduction identities and combining,
schedules, collapsed iteration spaces, environment parsing, and the omp_* routines
outside any region."""

from __future__ import annotations

import copy
import functools
import itertools
import operator
import pickle
from collections import Counter
from fractions import Fraction

import numpy as np
import pytest

import omppy
from omppy.runtime import icv as icv_module
from omppy.runtime import schedule
from omppy.runtime.icv import ConfigError, ControlVariables
from omppy.runtime.reduction import combine, identity

# -- reductions -------------------------------------------------------------------------


def apply(op: str, acc, value):
    """What a loop body does with its private copy: ``acc op= value``."""
    if op in ("max", "min"):
        if isinstance(acc, np.ndarray) or isinstance(value, np.ndarray):
            return (np.maximum if op == "max" else np.minimum)(acc, value)
        return max(acc, value) if op == "max" else min(acc, value)
    if op == "and":
        return acc and value
    if op == "or":
        return acc or value
    inplace = {
        "+": operator.iadd,
        "-": operator.isub,
        "*": operator.imul,
        "&": operator.iand,
        "|": operator.ior,
        "^": operator.ixor,
    }[op]
    return inplace(acc, value)


def sequential(op: str, original, values):
    acc = copy.deepcopy(original)
    for value in copy.deepcopy(values):
        acc = apply(op, acc, value)
    return acc


def parallel(op: str, original, values, threads: int):
    """Each thread folds its contiguous block from the identity; then combine."""
    original = copy.deepcopy(original)
    values = copy.deepcopy(values)
    partials = []
    for num in range(threads):
        start, stop = schedule.static_block(len(values), threads, num)
        acc = identity(op, original)
        for value in values[start:stop]:
            acc = apply(op, acc, value)
        partials.append(acc)
    return combine(op, original, partials)


def same(a, b) -> bool:
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return (
            isinstance(a, np.ndarray)
            and isinstance(b, np.ndarray)
            and a.dtype == b.dtype
            and a.shape == b.shape
            and bool(np.all(a == b))
        )
    return type(a) is type(b) and a == b


U8 = np.uint8
CASES = {
    # name: (original, values, operators that make sense for the type)
    "int": (5, [3, -2, 7, 12, 0, 9, -4], ["+", "-", "*", "&", "|", "^", "max", "min"]),
    "bigint": (2**70, [3**50, -(5**40), 7**30], ["+", "-", "*", "max", "min"]),
    "float": (1.5, [2.0, -0.5, 4.0, 0.25, 8.0, -1.0, 0.5], ["+", "-", "*", "max", "min"]),
    "complex": (1 + 2j, [3 - 1j, 0.5j, -2 + 0j, 1 + 1j], ["+", "-", "*"]),
    "fraction": (
        Fraction(1, 3),
        [Fraction(1, 7), Fraction(-2, 5), Fraction(3, 4)],
        ["+", "-", "*", "max", "min"],
    ),
    "bool": (True, [False, True, True, False, True], ["&", "|", "^", "and", "or"]),
    "bool-true": (True, [True, True, True], ["and", "or"]),
    "bool-false": (False, [False, False, False], ["and", "or"]),
    "list": ([0], [[1], [2, 3], [], [4], [5, 6, 7], [8]], ["+"]),
    "tuple": ((0,), [(1,), (2, 3), (), (4,)], ["+"]),
    "str": ("s", ["a", "bc", "", "d", "efg", "h"], ["+"]),
    "set": ({1, 2, 3, 4, 5, 6}, [{1, 2, 3, 4}, {2, 3, 4, 9}, {3, 4, 10}, {3, 4}], ["|", "&", "^"]),
    "frozenset": (frozenset({1, 2, 3}), [frozenset({2, 3}), frozenset({3, 5})], ["|", "&", "^"]),
    "float-array": (
        np.array([1.0, -2.0, 3.5]),
        [np.array([0.5, 1.0, -1.0]), np.array([2.0, -3.0, 0.25]), np.array([1.0, 4.0, 2.0])],
        ["+", "-", "*", "max", "min"],
    ),
    "int-array": (
        np.array([1, -5, 7]),
        [np.array([3, 100, -2]), np.array([-7, 7, 12]), np.array([6, 6, 6])],
        ["+", "-", "*", "&", "|", "^", "max", "min"],
    ),
    "uint8-array": (
        np.array([1, 200, 255], dtype=U8),
        [
            np.array([3, 100, 1], dtype=U8),
            np.array([255, 7, 128], dtype=U8),
            np.array([0, 250, 3], dtype=U8),
        ],
        ["+", "-", "*", "&", "|", "^", "max", "min"],
    ),
    "bool-array": (
        np.array([True, False, True]),
        [np.array([True, True, False]), np.array([False, True, True])],
        ["&", "|", "^", "max", "min"],
    ),
    "float64-scalar": (
        np.float64(1.5),
        [np.float64(2.0), np.float64(-3.0)],
        ["+", "-", "*", "max", "min"],
    ),
    "float32-scalar": (
        np.float32(1.5),
        [np.float32(2.0), np.float32(-3.0)],
        ["+", "-", "*", "max", "min"],
    ),
    "int64-scalar": (
        np.int64(4),
        [np.int64(2), np.int64(-3), np.int64(9)],
        ["+", "-", "*", "&", "|", "^", "max", "min"],
    ),
    "uint8-scalar": (
        np.uint8(4),
        [np.uint8(2), np.uint8(3), np.uint8(9)],
        ["+", "*", "&", "|", "^", "max", "min"],
    ),
}
REDUCTION_CASES = [
    pytest.param(name, op, id=f"{name}-{op}") for name, (_, _, ops) in CASES.items() for op in ops
]


@pytest.mark.parametrize(("name", "op"), REDUCTION_CASES)
@pytest.mark.parametrize("threads", [1, 2, 3, 4, 8])  # 8: some threads get no iterations
def test_reduction_matches_sequential_fold(name, op, threads):
    original, values, _ = CASES[name]
    expected = sequential(op, original, values)
    got = parallel(op, original, values, threads)
    if isinstance(expected, float) and not isinstance(expected, np.floating):
        assert type(got) is float and got == pytest.approx(expected)
    elif isinstance(expected, np.ndarray) and expected.dtype.kind == "f":
        assert got.dtype == expected.dtype and np.allclose(got, expected)
    else:
        assert same(got, expected), (got, expected)


@pytest.mark.parametrize(("name", "op"), REDUCTION_CASES)
def test_identity_leaves_the_value_alone(name, op):
    original, _, _ = CASES[name]
    value = copy.deepcopy(original)
    assert same(combine(op, copy.deepcopy(original), [identity(op, value)]), original)
    # and as the left operand of a body's update (``-`` accumulates the negation)
    first = CASES[name][1][0]
    ident = identity(op, value)
    if op in ("min", "max") and not isinstance(ident, np.ndarray) and same(ident, original):
        # min and max start from the original value where it is not a float: they
        # are idempotent, so the combine above gives the same result
        assert not isinstance(original, float)
        assert same(apply(op, ident, copy.deepcopy(first)), apply(op, original, first))
    elif op != "-":
        got = apply(op, ident, copy.deepcopy(first))
        if isinstance(got, list):  # a list's copy is a list that explains item updates
            got = list(got)
        assert same(got, first)


@pytest.mark.parametrize(("name", "op"), REDUCTION_CASES)
def test_identity_has_the_type_of_the_value(name, op):
    original, _, _ = CASES[name]
    ident = identity(op, original)
    if isinstance(original, np.ndarray):
        assert isinstance(ident, np.ndarray) and ident.shape == original.shape
        if op not in ("and", "or"):
            assert ident.dtype == original.dtype
        assert ident is not original
    elif type(original) in (int, float, complex, list, str, set, tuple, frozenset, Fraction) and (
        op in ("+", "-", "*") or (op in ("|", "^") and isinstance(original, (set, frozenset)))
    ):
        if type(original) is list:  # a list that explains an item update (cnt[k] += 1)
            assert isinstance(ident, list) and type(list(ident)) is list
        else:
            assert type(ident) is type(original)


def test_list_reduction_copy_refuses_item_updates():
    # a C array reduction ported as is: '+' on lists concatenates, the copy is empty
    cnt = identity("+", [0, 0, 0])

    def body(cnt):
        cnt[2] += 1

    with pytest.raises(omppy.OmpError) as caught:
        body(cnt)
    message = str(caught.value)
    assert message.startswith(f"{__file__}:{body.__code__.co_firstlineno + 1}: ")
    assert message.endswith(
        ": an item of 'cnt' is updated (cnt[2]) under reduction(+:cnt), but 'cnt' is a "
        "list and '+' on lists concatenates: each thread's copy of 'cnt' starts as an "
        "empty list, which has no items (python's answer would be lost). For a "
        "reduction item by item, make 'cnt' a numpy array (cnt = numpy.zeros(n, "
        "dtype=int)): reduction(+:cnt) then adds the threads' arrays element-wise; or "
        "leave 'cnt' out of the reduction and update it under '# omp atomic' or "
        "'# omp critical'"
    )
    cnt += [4]
    cnt.append(5)
    assert cnt[1] == 5 and cnt[-2:] == [4, 5]
    assert pickle.loads(pickle.dumps(cnt)) == [4, 5]
    assert type(pickle.loads(pickle.dumps(cnt))) is list
    assert combine("+", [1], [cnt, identity("+", [1])]) == [1, 4, 5]
    assert type(identity("+", cnt)) is type(cnt)  # a nested reduction's


def test_identity_is_a_fresh_object():
    shared = [1, 2]
    ident = identity("+", shared)
    assert ident == [] and ident is not shared
    ident.append(3)
    assert shared == [1, 2]
    array = np.arange(3)
    zeros = identity("+", array)
    zeros += 5
    assert array.tolist() == [0, 1, 2]


def test_combine_keeps_thread_order_for_lists_and_strings():
    assert combine("+", ["m"], [["t0"], [], ["t2a", "t2b"], ["t3"]]) == [
        "m",
        "t0",
        "t2a",
        "t2b",
        "t3",
    ]
    assert combine("+", "", ["a", "", "b", "c"]) == "abc"


def test_combine_list_keeps_the_shared_object():
    shared = [0]
    result = combine("+", shared, [[1], [2]])
    assert result is shared and shared == [0, 1, 2]


def test_combine_array_wraps_like_numpy():
    original = np.array([250, 10], dtype=U8)
    result = combine("+", original, [np.array([10, 10], dtype=U8), np.array([1, 250], dtype=U8)])
    assert result.dtype == U8 and result.tolist() == [5, 14]


def test_max_min_identities_on_uint8_arrays():
    values = np.array([3, 200], dtype=U8)
    assert identity("max", values).tolist() == [0, 0]
    assert identity("min", values).tolist() == [255, 255]
    assert identity("&", values).tolist() == [255, 255]


def test_max_min_start_from_the_original_value():
    # max and min are idempotent: a thread's copy starts at the original value (no
    # sentinel that a program's own comparison methods would be handed)
    for op in ("max", "min"):
        ident = identity(op, 7)
        assert ident == 7
        assert combine(op, 7, [ident, ident]) == 7
        assert combine(op, 7, [ident, 12 if op == "max" else 2]) == (12 if op == "max" else 2)
        assert identity(op, None) is None
        assert combine(op, None, [None, 5, None, 3]) == (5 if op == "max" else 3)
        assert combine(op, None, [None, None]) is None
    assert identity("max", 1.0) == float("-inf") and identity("min", 1.0) == float("inf")


@functools.total_ordering
class _Version:
    """Compares by reading the other operand's attribute, as user classes do."""

    def __init__(self, parts: tuple) -> None:
        self.parts = parts

    def __eq__(self, other: object) -> bool:
        return self.parts == other.parts  # type: ignore[attr-defined]

    def __lt__(self, other: _Version) -> bool:
        return self.parts < other.parts

    def __hash__(self) -> int:
        return hash(self.parts)


def test_max_min_of_total_ordering_objects():
    # the sentinel identity used to reach ``other.parts`` (AttributeError)
    low, mid, high = _Version((0,)), _Version((1, 2)), _Version((3,))
    for op, fn, want in (("max", max, high), ("min", min, low)):
        ident = identity(op, mid)
        assert combine(op, mid, [fn(fn(ident, low), high), ident]) is want


def test_unknown_operator():
    with pytest.raises(ValueError, match="unknown reduction operator '%'"):
        identity("%", 1)


@pytest.mark.parametrize(
    ("op", "original", "values"),
    [
        ("&", {1, 2, 3, 4}, [{1, 2, 3}, {2, 3}, {3}]),
        ("+", Counter(), [Counter("ab"), Counter("bc"), Counter("cd")]),
        ("|", {}, [{"a": 1}, {"b": 2}, {"c": 3}]),
    ],
    ids=["set-and", "counter-add", "dict-or"],
)
def test_reduction_does_not_mutate_the_values_it_reads(op, original, values):
    # the NEUTRAL identity (set &, Counter +, dict |) once returned the operand itself,
    # so the next in-place update changed the shared object it came from
    snapshot = copy.deepcopy(values)
    acc = identity(op, original)
    for value in values:  # the loop body of one thread: acc op= values[i]
        acc = apply(op, acc, value)
    assert values == snapshot


@pytest.mark.parametrize(
    ("op", "original", "values"),
    [("and", 5, [1]), ("or", 0, [0]), ("and", "yes", ["ok"]), ("or", [], [[]])],
    ids=["and-int", "or-int", "and-str", "or-list"],
)
def test_and_or_with_non_bool_values_and_idle_threads(op, original, values):
    expected = sequential(op, original, values)
    assert same(parallel(op, original, values, threads=2), expected)
    assert same(combine(op, original, [identity(op, original)]), original)


# -- schedules --------------------------------------------------------------------------


@pytest.mark.parametrize("size", range(1, 10))
def test_static_block_covers_every_iteration_once_in_order(size):
    for n in range(0, 80):
        covered, previous_stop = [], 0
        lengths = []
        for num in range(size):
            start, stop = schedule.static_block(n, size, num)
            assert start == previous_stop and stop >= start, (n, size, num)
            covered.extend(range(start, stop))
            lengths.append(stop - start)
            previous_stop = stop
        assert covered == list(range(n))
        assert max(lengths) - min(lengths) <= 1
        assert lengths == sorted(lengths, reverse=True)  # the first n % size get one more


def test_static_block_large_n():
    n, size = 10**12 + 7, 7
    blocks = [schedule.static_block(n, size, num) for num in range(size)]
    assert blocks[0][0] == 0 and blocks[-1][1] == n
    assert all(a[1] == b[0] for a, b in itertools.pairwise(blocks))


@pytest.mark.parametrize("chunk", [1, 2, 3, 7, 50])
@pytest.mark.parametrize("size", [1, 2, 3, 5])
def test_static_chunks_cover_every_iteration_once(chunk, size):
    for n in (0, 1, 5, 17, 49):
        items = list(range(n))
        shares = [list(schedule.static_chunks(items, n, chunk, size, num)) for num in range(size)]
        assert sorted(itertools.chain(*shares)) == items
        for num, share in enumerate(shares):
            assert share == sorted(share)
            expected = [i for i in items if (i // chunk) % size == num]
            assert share == expected


def test_resolve_schedules(monkeypatch):
    assert schedule.resolve(None, None) == ("static", None)
    assert schedule.resolve("auto", 4) == ("static", None)
    assert schedule.resolve("dynamic", "3") == ("dynamic", 3)
    assert schedule.resolve("guided", None) == ("guided", None)
    with pytest.raises(ValueError, match="schedule chunk size must be positive, got 0"):
        schedule.resolve("dynamic", 0)


SPACES = [
    [range(3), ["a", "b"], (10, 20, 30, 40)],
    [range(5, -5, -3), "xyz"],
    [range(2), range(3), range(2), range(2)],
    [range(0), range(3)],
    [range(3), range(0)],
    [[None], range(4)],
]


@pytest.mark.parametrize("spaces", SPACES, ids=[str(i) for i in range(len(SPACES))])
def test_collapsed_iteration_space_slices_like_product(spaces):
    space = schedule.iteration_space(*spaces)
    full = list(itertools.product(*spaces))
    assert len(space) == len(full)
    assert list(space) == full
    for start in range(-len(full) - 2, len(full) + 3):
        for stop in range(-len(full) - 2, len(full) + 3):
            assert list(space[start:stop]) == full[start:stop], (start, stop)
    for index in range(len(full)):
        assert space[index] == full[index]
        assert space[-index - 1] == full[-index - 1]
    with pytest.raises(IndexError):
        space[len(full)]


@pytest.mark.parametrize("size", [1, 2, 3, 4, 7])
def test_collapsed_space_split_by_static_block(size):
    spaces = [range(4), "ab", (1, 2, 3)]
    space = schedule.iteration_space(*spaces)
    pieces = []
    for num in range(size):
        start, stop = schedule.static_block(len(space), size, num)
        pieces.extend(space[start:stop])
    assert pieces == list(itertools.product(*spaces))


def test_iteration_space_materialises_iterables_once():
    calls = []

    def numbers():
        calls.append(1)
        yield from range(4)

    space = schedule.iteration_space(numbers())
    assert space == [0, 1, 2, 3] and calls == [1]
    assert list(space) == list(space)
    assert schedule.iteration_space(range(5)) == range(5)
    assert schedule.iteration_space({"a": 1, "b": 2}.keys()) == ["a", "b"]
    assert schedule.iteration_space(enumerate("ab")) == [(0, "a"), (1, "b")]
    inner = schedule.iteration_space(range(2), (c for c in "xy"))
    assert list(inner) == [(0, "x"), (0, "y"), (1, "x"), (1, "y")]


def test_collapsed_space_rejects_strided_slices():
    space = schedule.iteration_space(range(2), range(2))
    with pytest.raises(ValueError):
        space[::2]


# -- environment ------------------------------------------------------------------------


@pytest.fixture
def environment(monkeypatch):
    """Set OMP variables for ControlVariables.from_environment, from a clean slate."""
    import os

    for name in list(os.environ):
        if name.startswith(("OMP_", "OMPPY_", "PYMP_")):
            monkeypatch.delenv(name)

    def read(**variables):
        for name, value in variables.items():
            monkeypatch.setenv(name, value)
        return ControlVariables.from_environment()

    return read


def test_num_threads_lists(environment):
    assert environment(OMP_NUM_THREADS="4").num_threads == (4,)
    control = environment(OMP_NUM_THREADS=" 4 , 2 ,1")
    assert control.num_threads == (4, 2, 1)
    assert [control.team_size_at(level) for level in (1, 2, 3, 4)] == [4, 2, 1, 1]
    assert control.max_active_levels == 3  # a list turns nesting on


def test_defaults(environment):
    import os

    control = environment()
    assert control.num_threads == (len(os.sched_getaffinity(0)),)
    assert control.schedule == ("static", None)
    assert control.max_active_levels == 1
    assert control.dynamic is False


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("dynamic,4", ("dynamic", 4)),
        ("dynamic, 4", ("dynamic", 4)),
        ("guided", ("guided", None)),
        ("GUIDED,2", ("guided", 2)),
        ("static", ("static", None)),
        ("auto", ("auto", None)),
        ("monotonic:dynamic,3", ("dynamic", 3)),
        ("nonmonotonic:guided", ("guided", None)),
    ],
)
def test_schedule_values(environment, text, expected):
    assert environment(OMP_SCHEDULE=text).schedule == expected


@pytest.mark.parametrize(
    ("variables", "message"),
    [
        (
            {"OMP_SCHEDULE": "fastest"},
            "OMP_SCHEDULE='fastest': unknown schedule kind 'fastest' "
            "(expected one of static, dynamic, guided, auto)",
        ),
        (
            {"OMP_SCHEDULE": "runtime"},
            "OMP_SCHEDULE='runtime': unknown schedule kind 'runtime' "
            "(expected one of static, dynamic, guided, auto)",
        ),
        ({"OMP_NUM_THREADS": "abc"}, "OMP_NUM_THREADS='abc': expected a positive integer"),
        ({"OMP_NUM_THREADS": "0"}, "OMP_NUM_THREADS='0': expected a positive integer"),
        ({"OMP_NUM_THREADS": "-2"}, "OMP_NUM_THREADS='-2': expected a positive integer"),
        ({"OMP_NUM_THREADS": "2.5"}, "OMP_NUM_THREADS='2.5': expected a positive integer"),
        ({"OMP_DYNAMIC": "maybe"}, "OMP_DYNAMIC='maybe': expected true or false"),
        ({"OMP_NESTED": "2"}, "OMP_NESTED='2': expected true or false"),
        ({"OMP_THREAD_LIMIT": "0"}, "OMP_THREAD_LIMIT='0': expected a positive integer"),
        ({"OMP_MAX_ACTIVE_LEVELS": "x"}, "OMP_MAX_ACTIVE_LEVELS='x': expected a positive integer"),
        (
            {"OMPPY_NUM_THREADS": "x", "OMP_NUM_THREADS": "2"},
            "OMPPY_NUM_THREADS='x': expected a positive integer",
        ),
    ],
)
def test_bad_values_name_the_variable(environment, variables, message):
    with pytest.raises(ConfigError) as info:
        environment(**variables)
    assert str(info.value) == message
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    ("variables", "whole"),
    [
        ({"OMP_SCHEDULE": "dynamic,0"}, "OMP_SCHEDULE='dynamic,0'"),
        ({"OMP_SCHEDULE": "dynamic,x"}, "OMP_SCHEDULE='dynamic,x'"),
        ({"OMP_NUM_THREADS": "2,,3"}, "OMP_NUM_THREADS='2,,3'"),
        ({"OMP_NUM_THREADS": "4,zero"}, "OMP_NUM_THREADS='4,zero'"),
    ],
)
def test_bad_part_of_a_list_quotes_the_whole_value(environment, variables, whole):
    with pytest.raises(ConfigError) as info:
        environment(**variables)
    assert str(info.value).startswith(whole)


def test_omppy_prefix_wins(environment):
    assert environment(OMPPY_NUM_THREADS="3", OMP_NUM_THREADS="2").num_threads == (3,)
    assert environment(OMPPY_SCHEDULE="guided,2", OMP_SCHEDULE="dynamic").schedule == ("guided", 2)


def test_omp_prefix_wins_over_pymp_and_blank_is_unset(environment):
    assert environment(OMP_NUM_THREADS="3", PYMP_NUM_THREADS="2").num_threads == (3,)
    assert environment(OMPPY_NUM_THREADS="  ", OMP_NUM_THREADS="2").num_threads == (2,)


def test_nesting_variables(environment):
    assert environment(OMP_NESTED="true").max_active_levels > 1
    assert environment(OMP_NESTED="false", OMP_NUM_THREADS="2,2").max_active_levels == 1
    assert environment(OMP_MAX_ACTIVE_LEVELS="3").max_active_levels == 3
    assert environment(OMP_THREAD_LIMIT="3").thread_limit == 3
    assert environment(OMP_DYNAMIC="TRUE").dynamic is True


# -- omp_* routines outside any region ------------------------------------------------------


@pytest.fixture
def fresh_icv(environment):
    icv_module.reset_from_environment()
    yield environment
    icv_module.reset_from_environment()


def test_routines_outside_a_region(fresh_icv):
    import os

    assert omppy.omp_get_thread_num() == 0
    assert omppy.omp_get_num_threads() == 1
    assert omppy.omp_in_parallel() is False
    assert omppy.omp_get_level() == 0
    assert omppy.omp_get_active_level() == 0
    assert omppy.omp_get_ancestor_thread_num(0) == 0
    assert omppy.omp_get_ancestor_thread_num(1) == -1
    assert omppy.omp_get_ancestor_thread_num(-1) == -1
    assert omppy.omp_get_team_size(0) == 1
    assert omppy.omp_get_team_size(1) == -1
    assert omppy.omp_get_num_procs() == len(os.sched_getaffinity(0))
    assert omppy.omp_get_max_threads() == len(os.sched_getaffinity(0))
    assert omppy.omp_get_schedule() == ("static", None)
    assert omppy.omp_get_nested() is False
    assert omppy.omp_get_max_active_levels() == 1
    assert omppy.omp_get_dynamic() is False
    assert omppy.omp_get_wtick() > 0
    start = omppy.omp_get_wtime()
    assert omppy.omp_get_wtime() >= start


def test_routines_read_the_environment(fresh_icv):
    fresh_icv(OMP_NUM_THREADS="3,2", OMP_SCHEDULE="dynamic,5", OMP_THREAD_LIMIT="2")
    icv_module.reset_from_environment()
    assert omppy.omp_get_max_threads() == 2  # capped by the thread limit
    assert omppy.omp_get_thread_limit() == 2
    assert omppy.omp_get_schedule() == ("dynamic", 5)
    assert omppy.omp_get_nested() is True


def test_setters(fresh_icv):
    omppy.omp_set_num_threads(3)
    assert omppy.omp_get_max_threads() == 3
    omppy.omp_set_schedule("guided", 4)
    assert omppy.omp_get_schedule() == ("guided", 4)
    omppy.omp_set_schedule("dynamic", 0)  # a chunk below 1 means the default
    assert omppy.omp_get_schedule() == ("dynamic", None)
    omppy.omp_set_nested(True)
    assert omppy.omp_get_nested() is True
    omppy.omp_set_max_active_levels(1)
    assert omppy.omp_get_nested() is False
    with pytest.raises(ValueError, match="omp_set_num_threads needs a positive count, got 0"):
        omppy.omp_set_num_threads(0)
    with pytest.raises(ValueError, match="unknown schedule kind 'bogus'"):
        omppy.omp_set_schedule("bogus")


def test_shared_arrays_refuse_python_objects():
    from omppy import shared

    for make in (lambda: shared.empty(3, dtype=object), lambda: shared.array([None, 1])):
        with pytest.raises(TypeError, match="cannot hold Python objects"):
            make()


@pytest.mark.parametrize(
    ("op", "partials", "expected"),
    [("max", [3, 9], 9), ("min", [3, 9], 3), ("max", [], None)],
)
def test_min_max_from_none_take_the_threads_values(op, partials, expected):
    from omppy.runtime.reduction import NEUTRAL

    assert combine(op, None, partials or [NEUTRAL]) == expected


# -- waits ------------------------------------------------------------------------------


def test_waits_spin_only_when_the_team_fits_the_cpus(monkeypatch):
    """A waiting thread looks again before it sleeps only while nothing else wants
    the CPUs: on a busy machine it would take the CPU from the thread it waits for."""
    import os

    from omppy.runtime import arena

    cpus = os.cpu_count() or 1
    unread = (-2.0, None, 1)  # the load average is read again (at most once a second)
    monkeypatch.setattr(arena, "_load_read", unread)
    monkeypatch.setattr(os, "getloadavg", lambda: (0.0, 0.0, 0.0))
    assert arena.spin_seconds(cpus) == arena.SPIN_SECONDS
    assert arena.spin_seconds(cpus + 1) == 0.0  # the team alone oversubscribes
    monkeypatch.setattr(arena, "_load_read", unread)
    monkeypatch.setattr(os, "getloadavg", lambda: (cpus + 1.0, 0.0, 0.0))
    assert arena.spin_seconds(1) == 0.0  # other processes keep the CPUs busy


@pytest.mark.parametrize("given", ["3", 2.5, None.__class__])
def test_num_threads_must_be_an_integer(given):
    # int() would have run "3" as 3 threads and 2.5 as 2, with no word to the user.
    from omppy.runtime.team import requested_team_size

    with pytest.raises(TypeError, match=r"num_threads must be an integer, got .* \("):
        requested_team_size(given, True)


def test_num_threads_takes_numpy_integers():
    from omppy.runtime.team import requested_team_size

    assert requested_team_size(np.int64(1), True) == 1


def test_region_files_found_by_name_and_one_level_inside(tmp_path, monkeypatch):
    import sys

    from omppy import openfiles
    from omppy.runtime import files

    # (the files the program opened are tests/test_files.py's)
    monkeypatch.setattr(openfiles, "scanned", True)
    monkeypatch.setattr(openfiles, "files", lambda: [])

    class Holder:
        pass

    out = open(tmp_path / "a.txt", "w")  # noqa: SIM115
    source = tmp_path / "b.txt"
    source.write_text("1\n2\n")
    reader = open(source)  # noqa: SIM115
    holder = Holder()
    holder.fh = out
    namespace = {"holder": holder, "n": 3, "logs": {"main": out}, "src": reader}
    found = files.gather_region({"out": sys.stdout, "k": 1}, namespace)
    assert found is not None
    assert found.writers == [("holder.fh", out)]
    assert [r.file for r in found.readers] == [reader]  # kept at the shared offset
    assert files.gather_region({"k": 1}, {"n": 3}) is None
    namespace["later"] = open(tmp_path / "c.txt", "w")  # noqa: SIM115 (a new global)
    found = files.gather_region({}, namespace)
    assert found is not None and [n for n, _ in found.writers] == ["holder.fh", "later"]
    for file in (out, reader, namespace["later"]):
        file.close()
