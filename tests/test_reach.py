"""What a region can reach of its module (``transform/reach.py``): the module globals
it watches (``module_watch``) instead of every global a function of the module may
change (``_omp_effects``).

Each way code of the module can run inside a region is tested twice: the survey
puts the globals that code changes in the region's ``module_watch`` (or gives up,
None: all of ``_omp_effects``), and a program that writes a big global list through
that way prints what python prints.  A list of more than 10,000 items that the
region does not watch is only checked for its length (replica.py's net), so an item
store through a way the analysis missed would be lost: these programs would print
a different answer.
"""

from __future__ import annotations

import textwrap

import pytest
from helpers import run_omppy, run_python
from stages import decided, program

HEADER = """
import functools

big = [0] * 20_000
log = []
other = [0] * 20_000


def unrelated(i):
    other[i] = i
"""


def module_watch(body: str) -> dict[str, int] | None:
    info = decided(program(HEADER) + program(body), "parallel for")
    return None if info.module_watch is None else dict(info.module_watch)


def test_a_region_that_calls_nothing_watches_no_global_of_the_functions():
    got = module_watch(
        """
        def run(n):
            s = 0
            # omp parallel for reduction(+:s)
            for i in range(n):
                s += i * i
            return s
        """
    )
    assert got == {}


def test_a_helper_called_by_name_and_what_it_calls_are_watched():
    got = module_watch(
        """
        def inner(i):
            big[i] = i


        def helper(i):
            inner(i)


        def run(n):
            # omp parallel for
            for i in range(n):
                helper(i)
        """
    )
    assert got == {"big": 1}  # not ``other``: no code the region reaches changes it


@pytest.mark.parametrize(
    "body",
    [
        # a function held in a parameter
        """
        def run(n, f):
            # omp parallel for
            for i in range(n):
                f(i)
        """,
        # a function of another module, or of a library
        """
        import os

        def run(n):
            # omp parallel for
            for i in range(n):
                os.getpid()
        """,
        # a function taken from a container
        """
        handlers = {}

        def run(n):
            # omp parallel for
            for i in range(n):
                handlers["a"](i)
        """,
        # a module name rebound: the call may not run the def
        """
        def store(i):
            big[i] = i

        store = functools.lru_cache(store)

        def run(n):
            # omp parallel for
            for i in range(n):
                store(i)
        """,
        # a decorated function: the decorator's wrapper runs
        """
        @functools.lru_cache
        def store(i):
            big[i] = i

        def run(n):
            # omp parallel for
            for i in range(n):
                store(i)
        """,
        # an import in the region runs a module's code
        """
        def run(n):
            # omp parallel for
            for i in range(n):
                import json
        """,
        # a star import may rebind any name
        """
        from os.path import *

        def store(i):
            big[i] = i

        def run(n):
            # omp parallel for
            for i in range(n):
                store(i)
        """,
        # a local shadows the module's function
        """
        def store(i):
            big[i] = i

        def run(n, store):
            # omp parallel for
            for i in range(n):
                store(i)
        """,
    ],
)
def test_code_omppy_cannot_see_watches_every_global(body):
    assert module_watch(body) is None


@pytest.mark.parametrize(
    "body",
    [
        # a function used as a value: whatever holds it may call it
        """
        def key(i):
            big[i] = i
            return i

        def run(n):
            # omp parallel for
            for i in range(n):
                sorted([i], key=key)
        """,
        # a method called by its name
        """
        class Recorder:
            def record(self, i):
                big[i] = i

        def run(n, rec):
            # omp parallel for
            for i in range(n):
                rec.record(i)
        """,
        # a special method, which an operator runs
        """
        class Bag:
            def __iadd__(self, i):
                big[i] = i
                return self

        def run(n, bag):
            # omp parallel for
            for i in range(n):
                b = bag
                b += i
        """,
        # a property's setter, which a store runs
        """
        class Box:
            @property
            def value(self):
                return 0

            @value.setter
            def value(self, i):
                big[i] = i

        def run(n, box):
            # omp parallel for
            for i in range(n):
                box.value = i
        """,
        # a generator made outside the region and resumed in it
        """
        def numbers(n):
            for i in range(n):
                big[i] = i
                yield i

        def run(n, it):
            # omp parallel for
            for i in range(n):
                next_one = sum([i])
        """,
        # a nested function, which its maker may hand out
        """
        def make():
            def store(i):
                big[i] = i
            return store

        def run(n):
            # omp parallel for
            for i in range(n):
                len([i])
        """,
        # a method of a class with a base from elsewhere (the base may call it)
        """
        import threading

        class Worker(threading.Thread):
            def step(self, i):
                big[i] = i

        def run(n):
            # omp parallel for
            for i in range(n):
                len([i])
        """,
        # a lambda made by a function the region does not call, handed out
        """
        def make():
            return lambda i: big.__setitem__(i, i)

        def run(n, hook):
            # omp parallel for
            for i in range(n):
                sorted([i], key=hook)
        """,
        # a generator expression made elsewhere, resumed in the region
        """
        def store(i):
            big[i] = i
            return i

        def make(i):
            return (store(j) for j in [i])

        def run(n, gens):
            # omp parallel for
            for i in range(n):
                sum(gens[i])
        """,
        # a bound method used as a value
        """
        class Recorder:
            def record(self, i):
                big[i] = i

        def run(n, rec, out):
            hook = rec.record
            # omp parallel for
            for i in range(n):
                out[i] = i
        """,
    ],
)
def test_code_python_may_run_unnamed_is_watched(body):
    got = module_watch(body)
    assert got is None or got.get("big", 0) >= 1, got
    assert got is None or "other" not in got


@pytest.mark.parametrize(
    "call",
    ["w.step(i)", "w.start()", "super().run()"],
)
def test_a_method_a_base_from_elsewhere_may_run_watches_every_global(call):
    # ``step`` is defined by one class of the module, but the Thread subclass may
    # inherit another ``step``; ``start`` and ``super()``'s methods are Thread's.
    got = module_watch(
        f"""
        import threading

        class Worker(threading.Thread):
            def run(self):
                big[0] = 1

        class Other:
            def step(self, i):
                pass

            def run(self):
                pass

        def go(n, w):
            # omp parallel for
            for i in range(n):
                {call}
        """
    )
    assert got is None


def test_a_reached_function_that_rebinds_globals_has_the_namespace_compared():
    got = module_watch(
        """
        count = 0

        def bump():
            global count
            count += 1

        def run(n):
            # omp parallel for
            for i in range(n):
                # omp critical
                bump()
        """
    )
    assert got is not None and got.get("global") == 1


def test_the_same_watch_as_every_function_is_still_written():
    # A region reaching all the module's functions: ``module_watch`` says what
    # ``_omp_effects`` says, and is written all the same: that the region's reach is
    # known is what spares it the deep net's walk at run time (watch.py).
    got = module_watch(
        """
        def run(n):
            # omp parallel for
            for i in range(n):
                unrelated(i)
        """
    )
    assert got is not None


def test_a_region_whose_reach_is_known_takes_no_deep_net(write):
    # ``out[i] = i * i`` reaches no code: the region watches ``out`` one level down
    # and walks nothing below it (a walk of 2 million numbers cost 15-25 ms).
    from omppy.runtime import watch
    from omppy.transform.translate import translate

    source = textwrap.dedent(
        """
        def squares(n):
            out = [0] * n
            # omp parallel for schedule(static)
            for i in range(n):
                out[i] = i * i
            return out
        """
    )
    text = translate(source, "<squares>").text
    assert "module_watch={}" in text
    taken = []
    original = watch.Replica.take_deep_net

    def spy(self, *args, **kwargs):
        taken.append(args)
        return original(self, *args, **kwargs)

    namespace = {"__name__": "squares_module"}
    watch.Replica.take_deep_net = spy
    try:
        exec(compile(text, "<squares>", "exec"), namespace)
        assert namespace["squares"](1000) == [i * i for i in range(1000)]
    finally:
        watch.Replica.take_deep_net = original
    assert taken == []


# -- programs: the writes through each way land ----------------------------------------

PROGRAMS = {
    "helper": """
        big = [0] * 20_000


        def store(i):
            big[i] = i + 1


        def helper(i):
            store(i)


        # omp parallel for
        for i in range(100):
            helper(i)
        print(sum(big))
        """,
    "key function": """
        big = [0] * 20_000


        def key(i):
            big[i] = i + 1
            return i


        # omp parallel for
        for i in range(100):
            sorted([i], key=key)
        print(sum(big))
        """,
    "method": """
        big = [0] * 20_000


        class Recorder:
            def record(self, i):
                big[i] = i + 1


        rec = Recorder()
        # omp parallel for
        for i in range(100):
            rec.record(i)
        print(sum(big))
        """,
    "operator": """
        big = [0] * 20_000


        class Slot:
            def __init__(self, i):
                self.i = i

            def __iadd__(self, v):
                big[self.i] = v
                return self


        # omp parallel for
        for i in range(100):
            s = Slot(i)
            s += i + 1
        print(sum(big))
        """,
    "setter": """
        big = [0] * 20_000


        class Box:
            def __init__(self, i):
                self.i = i

            @property
            def value(self):
                return big[self.i]

            @value.setter
            def value(self, v):
                big[self.i] = v


        # omp parallel for
        for i in range(100):
            Box(i).value = i + 1
        print(sum(big))
        """,
    "generator": """
        big = [0] * 20_000


        def numbers(i):
            big[i] = i + 1
            yield i


        # omp parallel for
        for i in range(100):
            for _ in numbers(i):
                pass
        print(sum(big))
        """,
    "closure": """
        big = [0] * 20_000


        def make():
            def store(i):
                big[i] = i + 1
            return store


        store = make()
        # omp parallel for
        for i in range(100):
            store(i)
        print(sum(big))
        """,
    "lambda handed out": """
        big = [0] * 20_000


        def make():
            return lambda i: big.__setitem__(i, i + 1)


        hook = make()
        # omp parallel for
        for i in range(100):
            sorted([i], key=hook)
        print(sum(big))
        """,
    "generator expression": """
        big = [0] * 20_000


        def store(i):
            big[i] = i + 1
            return i


        def make(i):
            return (store(j) for j in [i])


        gens = [make(i) for i in range(100)]
        # omp parallel for
        for i in range(100):
            sum(gens[i])
        print(sum(big))
        """,
    "bound method": """
        big = [0] * 20_000


        class Recorder:
            def record(self, i):
                big[i] = i + 1


        hook = Recorder().record
        # omp parallel for
        for i in range(100):
            hook(i)
        print(sum(big))
        """,
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_writes_through_each_way_are_carried(write, name):
    script = write("reach.py", program(PROGRAMS[name]))
    expected = run_python(script)
    assert expected.out == "5050\n"
    got = run_omppy("run", str(script), threads=2)
    assert got.status == 0, got.err
    assert got.out == expected.out


# -- calls that run another module's code, whatever they are called (session 6) --------


def _decided(body: str):
    return decided(program(HEADER) + program(body), "parallel for")


@pytest.mark.parametrize(
    "call",
    [
        "stats.note(i)",  # a name no table knows
        "deep.put(i, i)",  # named as Queue.put
        "registry.add(i)",  # named as np.add and set.add
        "bins.BINS[i].add(i)",  # an object an imported module holds
    ],
)
def test_a_call_through_an_imported_name_runs_code_omppy_cannot_see(call):
    info = _decided(
        f"""
        import stats, deep, registry, bins

        # omp parallel for
        for i in range(10):
            # omp critical
            {call}
        """
    )
    assert info.module_watch is None


def test_a_reading_function_of_numpy_is_still_known():
    info = _decided(
        """
        import numpy as np

        base = np.zeros(3)
        out = [0.0] * 10
        # omp parallel for
        for i in range(10):
            out[i] = float(np.append(base, i).sum())
        """
    )
    assert info.module_watch is not None
    assert "base" not in info.watch


@pytest.mark.parametrize(
    ("line", "name", "depth"),
    [
        ("min(buckets, key=len).append(i)", "buckets", 2),
        ("max(pools.values(), key=sum).extend([i])", "pools", 2),
        ("next(iter(tables.values()))[i] = i", "tables", 2),
        ("list(boxes.values())[i % 4].items.append(i)", "boxes", 3),
        ("sorted(buckets, key=len)[0].append(i)", "buckets", 2),
        ("r = next(x for x in records if x[0] == i); r.append(i)", "records", 2),
        ("vals = list(tables.values()); vals[0][i] = i", "tables", 2),
    ],
)
def test_an_item_a_call_hands_back_is_followed_one_level_below_its_owner(line, name, depth):
    statements = "\n                ".join(part.strip() for part in line.split(";"))
    info = _decided(
        f"""
        buckets = [[] for _ in range(4)]
        pools = {{"a": [1]}}
        tables = {{"t": [0] * 10}}
        boxes = {{}}
        records = [[k] for k in range(10)]

        # omp parallel for
        for i in range(10):
            # omp critical
            if True:
                {statements}
        """
    )
    assert info.watch.get(name) == depth


def test_max_of_two_values_picks_no_item():
    info = _decided(
        """
        best = -1
        # omp parallel for
        for i in range(10):
            # omp critical
            best = max(best, i)
        """
    )
    assert "best" not in info.watch
