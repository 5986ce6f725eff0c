"""Noted twins of the functions and methods a synchronisation block calls, the keys
an ``if`` tests, and attributes that are properties (transform/key_twins.py,
key_notes.py; runtime/keynotes.py ``twin``/``twin_of``).

A helper called under ``critical`` that fills a memo (``if k not in memo: memo[k] =
v``) or marks a set-like dict touches keys no diff sees: the block calls a twin of
the helper with the notes.  The corpus program dict_keys_in_helpers.py runs the
idioms differentially on both backends.
"""

from __future__ import annotations

import functools
import textwrap

from helpers import run_omppy, run_python

from omppy.runtime import keynotes
from omppy.runtime.threads import keyorder
from omppy.transform.translate import translate

LOOP = "# omp parallel for\nfor i in range(4):\n    # omp critical\n    {}\n"


def _translated(source: str, call: str = "") -> list[str]:
    """The translation's lines (not blank) of ``source``, then a loop whose critical
    block is ``call``."""
    text = translate(textwrap.dedent(source) + (LOOP.format(call) if call else ""), "m.py").text
    return [line for line in text.splitlines() if line.strip()]


def _between(lines: list[str], first: str, last: str) -> list[str]:
    start = lines.index(first)
    return lines[start : lines.index(last, start) + 1]


def test_a_function_a_block_calls_gets_a_noted_twin():
    lines = _translated(
        """\
        memo = {}
        def lookup(k, scale: int = 2) -> int:
            if k not in memo:
                memo[k] = k * scale
            return memo[k]
        """,
        "lookup(i)",
    )
    first, last = "def _omp_twin_lookup(k, scale=None):", "_omp.twin_of(lookup, _omp_twin_lookup)"
    twin = _between(lines, first, last)
    assert twin == [
        "def _omp_twin_lookup(k, scale=None):",
        "    _omp_keys = _omp.KEYS",
        "    if _omp_keys: _omp.keyed(memo, k)",
        "    if k not in memo:",
        "        memo[k] = k * scale",
        "        if _omp_keys: _omp.keyed(memo, k)",
        "    if _omp_keys: _omp.keyed(memo, k)",
        "    return memo[k]",
        "_omp.twin_of(lookup, _omp_twin_lookup)",
    ]
    assert "_omp.twin(lookup)(i)" in [line.strip() for line in lines]
    assert "def lookup(k, scale: int = 2) -> int:" in lines  # (the function as it was)


def test_a_method_a_block_calls_gets_a_twin_in_its_class():
    lines = _translated(
        """\
        class Seen:
            def mark(self, w):
                self.keys[w] = True
            def other(self):
                return 1
        seen = Seen()
        """,
        "seen.mark(i)",
    )
    assert _between(lines, "    def _omp_twin_mark(self, w):", "    def other(self):") == [
        "    def _omp_twin_mark(self, w):",
        "        _omp_keys = _omp.KEYS",
        "        self.keys[w] = True",
        "        if _omp_keys: _omp.keyed(self.keys, w)",
        "    _omp.twin_of(mark, _omp_twin_mark)",  # (in the class: its own names)
        "    def other(self):",
    ]
    assert "_omp.twin(seen.mark)(i)" in [line.strip() for line in lines]
    assert not any("_omp_twin_other" in line for line in lines)


def test_functions_reached_through_other_functions_are_twinned():
    lines = _translated(
        """\
        d = {}
        def outer(k):
            inner(k)
        def inner(k):
            d[k] = 1
        def unused(k):
            d[k] = 2
        """,
        "outer(i)",
    )
    assert "    _omp.twin(inner)(k)" in lines  # (in outer's twin; outer itself unchanged)
    assert "    inner(k)" in lines
    assert "_omp.twin_of(outer, _omp_twin_outer)" in lines
    assert "_omp.twin_of(inner, _omp_twin_inner)" in lines
    assert not any("_omp_twin_unused" in line for line in lines)


def test_a_helper_nested_in_the_function_gets_its_twin_beside_it():
    lines = _translated(
        """\
        def run(work):
            memo = {}
            def lookup(k):
                memo.setdefault(k, k * k)
            # omp parallel for
            for i in work:
                # omp critical
                lookup(i)
            return memo
        """
    )
    first, last = "    def _omp_twin_lookup(k):", "    _omp.twin_of(lookup, _omp_twin_lookup)"
    assert _between(lines, first, last) == [
        "    def _omp_twin_lookup(k):",
        "        _omp_keys = _omp.KEYS",
        "        memo.setdefault(k, k * k)",
        "        if _omp_keys: _omp.keyed(memo, k)",
        "    _omp.twin_of(lookup, _omp_twin_lookup)",
    ]
    assert "_omp.twin(lookup)(i)" in [line.strip() for line in lines]


def test_functions_that_cannot_have_a_twin_have_none():
    lines = _translated(
        """\
        import functools
        d = {}
        @functools.cache
        def decorated(k):
            d[k] = 1
        async def later(k):
            d[k] = 1
        def with_pragma(k):
            # omp critical
            d[k] = 1
        def no_keys(k):
            return k + 1
        class C:
            def __hidden(self, k):
                d[k] = 1
        """,
        "decorated(i); with_pragma(i); no_keys(i); later(i)",
    )
    assert not any("_omp_twin_" in line or "_omp.twin(" in line for line in lines)


def test_a_one_line_function_is_twinned_on_lines_of_its_own():
    lines = _translated("d = {}\ndef put(k): d[k] = 1\n", "put(i)")
    assert _between(lines, "def _omp_twin_put(k):", "_omp.twin_of(put, _omp_twin_put)") == [
        "def _omp_twin_put(k):",
        "    _omp_keys = _omp.KEYS",
        "    d[k] = 1",
        "    if _omp_keys: _omp.keyed(d, k)",
        "_omp.twin_of(put, _omp_twin_put)",
    ]


def test_a_lambda_the_module_names_is_twinned_as_a_def():
    lines = _translated("d = {}\nput = lambda k, v=1: d.__setitem__(k, v)\n", "put(i)")
    first, last = "def _omp_twin_put(k, v=None):", "_omp.twin_of(put, _omp_twin_put)"
    assert _between(lines, first, last) == [
        "def _omp_twin_put(k, v=None):",
        "    _omp_keys = _omp.KEYS",
        "    if _omp_keys: _omp.keyed(d, k)",
        "    return d.__setitem__(k, v)",
        "_omp.twin_of(put, _omp_twin_put)",
    ]


def test_keys_an_if_tests_or_a_return_reads_are_noted_before_it():
    lines = _translated(
        "memo = {}\n"
        "def f(k):\n"
        "    # omp critical\n"
        "    if k in memo:\n"
        "        return memo[k]\n"
        "    # omp end critical\n"
        "    return 0\n"
    )
    stripped = [line.strip() for line in lines]
    start = stripped.index("_omp_keys = _omp.KEYS")
    assert stripped[start + 1 : start + 5] == [
        "if _omp_keys: _omp.keyed(memo, k)",
        "if k in memo:",
        "if _omp_keys: _omp.keyed(memo, k)",
        "return memo[k]",
    ]


def test_an_attribute_that_is_a_property_is_not_read_again():
    lines = _translated(
        """\
        class Index:
            @property
            def counts(self):
                return self._counts
            def add(self, w):
                # omp critical
                self.counts[w] = self.counts.get(w, 0) + 1
                # omp critical
                self.plain[w] = 1
        """
    )
    text = "\n".join(line.strip() for line in lines)
    assert "(_omp_h0 := self.counts)[w] = self.counts.get(w, 0) + 1\n" in text
    assert "if _omp_keys: _omp.keyed(_omp_h0, w)" in text
    assert "if _omp_keys: _omp.keyed(self.plain, w)" in text


def test_a_global_a_function_changes_through_a_default_is_in_its_effects():
    source = "seen = {}\ndef f(x, into=seen, acc=None):\n    into[x] = 1\n    acc[x] = 1\n"
    lines = _translated(source, "f(i)")
    assert "_omp_effects = {'seen': 1}" in lines


def test_twin_hands_back_the_twin_while_the_name_holds_its_function():
    def lookup(k, cache={}):  # noqa: B006
        return cache

    def twin(k, cache=None):
        return cache

    keynotes.twin_of(lookup, twin)
    assert keynotes.twin(lookup) is twin
    assert twin(1) is lookup(1)  # (the very default object)

    @functools.wraps(lookup)  # (copies lookup's __dict__, its twin's note with it)
    def wrapper(k, cache=None):
        return lookup(k)

    assert keynotes.twin(wrapper) is wrapper

    def other(k):
        return k

    assert keynotes.twin(other) is other
    assert keynotes.twin(len) is len


def test_twin_binds_a_methods_twin_to_the_same_object():
    class Seen:
        def mark(self, w):
            return ("mark", self, w)

        def noted(self, w):
            return ("noted", self, w)

    keynotes.twin_of(Seen.mark, Seen.noted)
    seen = Seen()
    assert keynotes.twin(seen.mark)(1) == ("noted", seen, 1)
    assert keynotes.twin({}.get) is not None  # (a builtin method: handed back)


def test_a_twins_traceback_shows_the_functions_name_and_line(write):
    script = write(
        "boom.py",
        "memo = {}\n"
        "def lookup(k):\n"
        "    memo[k] = 1\n"
        "    if k == 3:\n"
        "        raise ValueError('three')\n"
        "    return k\n"
        + LOOP.format("lookup(i)"),
    )
    got = run_omppy("run", str(script), threads=2)
    assert got.status == 1
    assert f'  File "{script}", line 5, in lookup\n    raise ValueError(\'three\')' in got.err
    assert got.err.splitlines()[-1].endswith("ValueError: three")


def test_a_memo_filled_by_a_helper_under_critical_keeps_pythons_order(write):
    script = write(
        "memo.py",
        "import time\n"
        "memo = {}\n"
        "def lookup(k):\n"
        "    if k not in memo:\n"
        "        memo[k] = k * k\n"
        "    return memo[k]\n"
        "work = [[5, 6], [7, 5, 6]]\n"
        "tot = 0\n"
        "# omp parallel for schedule(static, 1) reduction(+:tot) num_threads(2)\n"
        "for c in range(2):\n"
        "    if c == 0:\n"
        "        time.sleep(0.3)\n"
        "    for k in work[c]:\n"
        "        # omp critical\n"
        "        tot += lookup(k)\n"
        "print(tot, list(memo))\n",
    )
    for backend in ("fork", "threads") if keyorder.available() else ("fork",):
        got = run_omppy("run", str(script), threads=2, env={"OMPPY_BACKEND": backend})
        assert got.status == 0, got.err
        assert got.out == run_python(script).out == "171 [5, 6, 7]\n", backend


def test_twins_reached_under_other_names():
    lines = _translated(
        """\
        seen = {}
        def memoize(fn):
            cache = {}
            def wrapper(n):
                if n not in cache:
                    cache[n] = fn(n)
                return cache[n]
            return wrapper
        @memoize
        def square(n):
            return n * n
        class Memo:
            def __call__(self, k):
                seen[k] = True
        def mark(k):
            seen[k] = None
        H = {"m": mark}
        memo = Memo()
        """,
        "square(i); memo(i); H['m'](i); list(map(mark, [i])); len([i])",
    )
    stripped = [line.strip() for line in lines]
    assert "_omp.twin_of(wrapper, _omp_twin_wrapper)" in stripped
    assert "_omp.twin_of(__call__, _omp_twin___call__)" in stripped
    assert "_omp.twin_of(mark, _omp_twin_mark)" in stripped
    assert (
        "_omp.twin(square)(i); _omp.twin(memo)(i); _omp.twin(H['m'])(i); "
        "list(map(_omp.twin(mark), [i])); len([i])"
    ) in stripped  # (a builtin as it is)


def test_staticmethods_classmethods_and_overrides_get_twins():
    lines = _translated(
        """\
        seen = {}
        class A:
            @staticmethod
            def add(k):
                seen[k] = 1
            def put(self, k):
                seen[k] = 2
        class B(A):
            def put(self, k):
                super().put(k)
        b = B()
        """,
        "A.add(i); b.put(i)",
    )
    stripped = [line.strip() for line in lines]
    first = stripped.index("def _omp_twin_add(k):")
    assert stripped[first - 1] == "@staticmethod"
    assert stripped.count("_omp.twin_of(put, _omp_twin_put)") == 2  # (A's and B's)
    assert "_omp.twin(super().put)(k)" in stripped


def test_twin_of_a_callable_object_and_a_staticmethod():
    class Memo:
        def __call__(self, k):
            return ("call", self, k)

    def noted(self, k):
        return ("noted", self, k)

    keynotes.twin_of(Memo.__call__, noted)
    memo = Memo()
    assert keynotes.twin(memo)(1) == ("noted", memo, 1)

    def add(k):
        return k

    def add_noted(k):
        return -k

    keynotes.twin_of(staticmethod(add), staticmethod(add_noted))
    assert keynotes.twin(add)(3) == -3


def test_a_presence_test_is_a_test_where_the_block_touches_more_of_the_dict():
    lines = _translated(
        """\
        memo = {}
        other = {}
        def fib(n):
            if n in memo:
                return memo[n]
            r = fib(n - 1) + fib(n - 2) if n > 1 else n
            memo[n] = r
            return r
        def norm(s):
            if s not in other:
                other[s] = s.lower()
            return other[s]
        def word(s):
            k = norm(s)
            if k not in memo:
                memo[k] = len(k)
            return memo[k]
        """,
        "fib(i); word(str(i))",
    )
    stripped = [line.strip() for line in lines]
    twin_fib = stripped.index("def _omp_twin_fib(n):")
    assert stripped[twin_fib + 2] == "if _omp_keys: _omp.tested(memo, n)"  # (recursion)
    twin_word = stripped.index("def _omp_twin_word(s):")
    assert stripped[twin_word + 3] == "if _omp_keys: _omp.keyed(memo, k)"  # (norm: other)


def test_finding_a_key_a_later_block_added_where_the_block_touches_more_is_an_error(write):
    script = write(
        "fib.py",
        "import time\n"
        "memo = {}\n"
        "def fib(n):\n"
        "    if n < 2:\n"
        "        return n\n"
        "    if n in memo:\n"
        "        return memo[n]\n"
        "    r = fib(n - 1) + fib(n - 2)\n"
        "    memo[n] = r\n"
        "    return r\n"
        "# omp parallel for schedule(static, 1) num_threads(2)\n"
        "for i in range(2):\n"
        "    if i == 0:\n"
        "        time.sleep(0.3)\n"
        "    # omp critical\n"
        "    fib(5 if i == 0 else 3)\n"
        "print(list(memo))\n",
    )
    got = run_omppy("run", str(script), threads=2, env={"OMPPY_BACKEND": "fork"})
    assert got.status == 1
    assert got.out == ""
    assert got.err.splitlines()[-1] == (
        f"omppy.runtime.errors.OmpError: a block of earlier iterations ({script}:16) found "
        "3 in memo, which a block of later iterations had added first: python's run of "
        "this block would not have found it, and would have taken the path that touches "
        "more of the dict (other keys, or a function that sets them), so the dict's key "
        "order would differ from python's. Fill the dict before the region, or make the "
        "blocks run in iteration order ('# omp ordered')"
    )
