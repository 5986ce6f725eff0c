"""The data-sharing analysis (SPEC §4), seen through the code it generates.

Each case translates a small construct and checks which names the outlined region
receives (shared), copies (firstprivate), reduces, and hands back to the master.
"""

from __future__ import annotations

import ast
import re

from omppy.transform.translate import translate


def region_call(source: str) -> str:
    """The arguments of the ``_omp.parallel(...)`` call, on one line."""
    tree = ast.parse(translate(source, "t.py").text)
    call = next(
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and ast.unparse(node.func) == "_omp.parallel"
    )
    keywords = [f"{k.arg}={ast.unparse(k.value)}" for k in call.keywords]
    return ", ".join([*(ast.unparse(a) for a in call.args), *keywords])


def params(source: str) -> list[str]:
    """The parameters of the outlined region body (with their defaults)."""
    tree = ast.parse(translate(source, "t.py").text)
    body = next(
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef) and node.name.startswith("_omp_parallel")
    )
    names = [a.arg for a in body.args.args]
    defaults = [None] * (len(names) - len(body.args.defaults)) + body.args.defaults
    return [
        n if d is None else f"{n}={ast.unparse(d)}" for n, d in zip(names, defaults, strict=True)
    ]


def test_bound_names_are_private_and_read_names_shared():
    source = (
        "def f(n, scale, data):\n"
        "    # omp parallel for\n"
        "    for i in range(n):\n"
        "        t = data[i] * scale\n"
        "        u = t + 1\n"
    )
    assert params(source) == ["_omp_t", "_omp_items", "data", "scale"]
    call = region_call(source)
    assert "'t'" not in call and "'u'" not in call and "'i'" not in call


def test_reduction_firstprivate_and_lastprivate_travel_as_clauses():
    source = (
        "def f(n, k):\n"
        "    s = 0\n"
        "    # omp parallel for reduction(+:s) firstprivate(k) lastprivate(x)\n"
        "    for i in range(n):\n"
        "        k += i\n"
        "        x = i\n"
        "        s += k\n"
        "    return s, x\n"
    )
    call = region_call(source)
    assert "firstprivate={'k': k}" in call
    assert "reduction={'s': ('+', s)}" in call
    assert "lastprivate=('x',)" in call
    assert params(source)[-2:] == ["k", "s"]


def test_names_bound_under_critical_are_shared_and_returned():
    source = (
        "def f(n):\n"
        "    best = 0\n"
        "    # omp parallel for\n"
        "    for i in range(n):\n"
        "        v = i * 7 % 5\n"
        "        # omp critical\n"
        "        best = max(best, v)\n"
        "    return best\n"
    )
    call = region_call(source)
    assert "shared=('best',)" in call
    assert "v" not in params(source)


def test_inner_for_clauses_keep_the_name_shared_in_the_region():
    source = (
        "def f(n):\n"
        "    s = 0\n"
        "    # omp parallel\n"
        "    # omp for reduction(+:s)\n"
        "    for i in range(n):\n"
        "        s += i\n"
        "    return s\n"
    )
    assert "shared=('s',)" in region_call(source)


def test_arrays_read_in_place_are_not_staged_but_written_ones_are():
    source = (
        "import numpy as np\n"
        "data = np.ones(4)\n"
        "out = np.zeros(4)\n"
        "view_user = np.zeros(4)\n"
        "# omp parallel for\n"
        "for i in range(4):\n"
        "    out[i] = data[i] * 2\n"
        "    view_user[i:i + 1].fill(1)\n"
    )
    readonly = re.search(r"readonly=\(([^)]*)\)", region_call(source)).group(1)
    assert "'data'" in readonly
    assert "'out'" not in readonly
    assert "'view_user'" not in readonly


def test_private_and_firstprivate_copies_are_not_store_roots():
    source = (
        "def f(n):\n"
        "    buf = [0] * n\n"
        "    out = [0] * n\n"
        "    # omp parallel for firstprivate(buf)\n"
        "    for i in range(n):\n"
        "        buf[i] = i\n"
        "        out[i] = buf[i]\n"
    )
    text = translate(source, "t.py").text
    assert "_omp_t.store(out, (), i, buf[i])" in text
    assert "buf[i] = i" in text  # a private copy: a plain store


def test_default_none_accepts_names_with_clauses_and_module_functions():
    source = (
        "import math\n"
        "def g(v):\n"
        "    return v\n"
        "def f(n):\n"
        "    s = 0\n"
        "    # omp parallel for default(none) reduction(+:s) shared(n)\n"
        "    for i in range(n):\n"
        "        s += g(math.floor(i))\n"
    )
    assert "reduction={'s': ('+', s)}" in region_call(source)


def test_shared_name_first_bound_in_the_region_is_passed_only_if_bound():
    source = (
        "def f():\n"
        "    # omp parallel\n"
        "    # omp single\n"
        "    answer = 42\n"
        "    # omp end parallel\n"
        "    return answer\n"
    )
    assert "answer=_omp.UNBOUND" in params(source)
    assert "_omp.bound(_omp.locals(), _omp.globals(), ('answer',))" in region_call(source)


def test_keyword_argument_names_are_not_reads():
    # libcst marks the ``key`` of ``f(key=v)`` as a load; it names no variable.  With
    # a module global ``key`` bound later, passing it would raise NameError.
    source = (
        "def f(rows):\n"
        "    # omp parallel for\n"
        "    for i in range(len(rows)):\n"
        "        rows[i] = sorted(rows[i], key=abs)\n"
        "        g = lambda r: sorted(r, reverse=True)\n"
        "key = reverse = 1\n"
    )
    assert params(source) == ["_omp_t", "_omp_items", "rows"]


def test_item_method_calls_carry_the_item_back():
    source = (
        "def f(rows, ps, np):\n"
        "    # omp parallel for\n"
        "    for i in range(len(rows)):\n"
        "        rows[i].sort(key=abs, *extra, reverse=True, **options)\n"
        "        ps[i].pos.shift(1)\n"
        "        np.random.seed(i)\n"
        "        total = rows[i].count(0)\n"
    )
    text = translate(source, "t.py").text
    assert (
        "_omp_t.call(rows, (), i, 'sort', (*extra,), {'key': abs, 'reverse': True, **options})"
        in text
    )
    assert "_omp_t.call(ps, (i,), _omp.Attr('pos'), 'shift', (1,), {})" in text
    # Attribute-only receivers (modules, services) and calls used for their value are
    # left as they are.
    assert "        np.random.seed(i)\n" in text
    assert "total = rows[i].count(0)" in text


def test_loop_item_method_calls_are_tracked_unless_the_variable_is_rebound():
    source = (
        "def f(ps, rows):\n"
        "    # omp parallel for\n"
        "    for k, p in enumerate(ps):\n"
        "        p.pos.shift(k)\n"
        "        p.log.append(k)\n"
        "    # omp parallel for\n"
        "    for row in rows:\n"
        "        row = list(row)\n"
        "        row.sort()\n"
    )
    text = translate(source, "t.py").text
    assert "for k, p in _omp_t.loop(_omp_items, track=True):" in text
    assert "_omp_t.call_item(_omp_items, p, (1,), (_omp.Attr('pos'),), 'shift', (k,), {})" in text
    assert "_omp_t.call_item(_omp_items, p, (1,), (_omp.Attr('log'),), 'append', (k,), {})" in text
    assert "for row in _omp_t.loop(_omp_items):" in text
    assert "        row.sort()\n" in text
