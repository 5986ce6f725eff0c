"""Construct emission (``emit*.py``, ``layout.py``): the code generated for each
construct, and the user's lines it stands for.

Whether that code runs right is the differential corpus's job (test_differential.py);
these tests pin down its shape: what a reader of ``omppy translate`` sees.
"""

from __future__ import annotations

import ast
import collections

import pytest
from stages import program

import omppy.runtime as _omp
from omppy.transform.layout import WIDTH, Group, call, keyword, names, render
from omppy.transform.translate import translate

REGION = program(
    """\
    from omppy import omp_get_thread_num


    def levels(graph, start):
        frontier = [start]
        seen = {start}
        level = 0
        total = 0
        best = None
        # omp parallel num_threads(4)
        me = omp_get_thread_num()
        while frontier:
            # omp single
            nxt = []
            # omp for reduction(+:total) schedule(dynamic, 2) private(tmp)
            for node in frontier:
                tmp = node * 3
                total += tmp
                # omp critical
                for other in graph.get(node, ()):
                    if other not in seen:
                        seen.add(other)
                        nxt.append(other)
                # omp end critical
            # omp single
            frontier, level = sorted(nxt), level + 1
            # omp barrier
        # omp critical
        if best is None or me > best:
            best = me
        # omp end critical
        # omp end parallel
        return level, total, best, sorted(seen)


    def orphan(data, out):
        # omp for lastprivate(last)
        for i in range(len(data)):
            out[i] = data[i] * 2
            last = i
        # omp atomic
        out[0] += 1
        return last
    """
)


def at(fragment: str, nth: int = 0) -> int:
    """The line of ``REGION`` where ``fragment`` appears (the ``nth`` time)."""
    return [n for n, text in enumerate(REGION.splitlines(), 1) if fragment in text][nth]


FOR = at("# omp for reduction")
LAST_CRITICAL = at("# omp critical", 1)


@pytest.fixture(scope="module")
def region_text() -> str:
    return translate(REGION, "region.py").text


def function_text(text: str, name: str) -> str:
    tree = ast.parse(text)
    node = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == name)
    return "\n".join(text.splitlines()[node.lineno - 1 : node.end_lineno])


def parameters(source: str) -> list[str]:
    """The parameters of the outlined region body (with their defaults)."""
    tree = ast.parse(translate(program(source), "t.py").text)
    body = next(
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef) and node.name.startswith("_omp_parallel")
    )
    found = [a.arg for a in body.args.args]
    defaults = [None] * (len(found) - len(body.args.defaults)) + body.args.defaults
    return [
        n if d is None else f"{n}={ast.unparse(d)}" for n, d in zip(found, defaults, strict=True)
    ]


def test_a_region_talks_to_its_thread_as_omp_t(region_text):
    levels = function_text(region_text, "levels")
    assert "_omp.thread()" not in levels
    for opener in ("_omp_t.single(", "_omp_t.workshare(", "_omp_t.critical(", "_omp_t.barrier"):
        assert opener in levels


def test_an_orphaned_construct_binds_its_thread_once(region_text):
    orphan = function_text(region_text, "orphan")
    # The loop binds its thread; the atomic (plain statements) is emitted twice: plain
    # under ``if _omp.IDLE:``, the runtime's way under ``else:`` (emit_sync._split).
    assert orphan.count("_omp_t = _omp.IDLE or _omp.thread()") == 1
    assert orphan.count("if _omp.IDLE:\n") == 1
    assert orphan.count("        _omp_t = _omp.thread()\n") == 1
    assert "_omp.thread()." not in orphan
    assert "        out[i] = data[i] * 2\n" in orphan  # the user's store, as written
    # The pragma's comment stays above the code that now comes first.
    assert "    # omp for lastprivate(last)\n    _omp_t = _omp.IDLE or _omp.thread()\n" in orphan


def test_names_bound_for_sure_are_refreshed_by_one_call(region_text):
    assert f"best = _omp.refreshed(_omp_sync_{LAST_CRITICAL}.fresh, best=best)" in region_text
    critical = at("# omp critical")
    assert (
        "other, seen, nxt = _omp.refreshed(\n"
        # (in the loop's chunk loop: a loop with a reduction iterates chunk by chunk)
        + " " * 28
        + f"_omp_sync_{critical}.fresh, other=other, seen=seen, nxt=nxt\n"
        "                        )"
    ) in region_text
    assert "if 'best' in _omp_sync" not in region_text


def test_names_that_may_be_unbound_are_refreshed_only_if_published(region_text):
    # A private name restored after a work share, an orphaned loop's lastprivate name.
    # (the name, last: a module global some regions keep bound, runtime/globalnames.py)
    assert (
        f"if 'tmp' in _omp_saved_{FOR}:\n"
        "                tmp = _omp.adopt(\n"
        f"                    _omp.locals().get('tmp', _omp.UNBOUND), _omp_saved_{FOR}['tmp'], "
        "'tmp'\n"
        "                )"
    ) in region_text
    assert (
        "    if 'last' in _omp_out:\n"
        "        last = _omp.adopt(_omp.locals().get('last', _omp.UNBOUND), _omp_out['last'], "
        "'last')"
    ) in region_text


def test_a_reduction_result_is_assigned_once(region_text):
    end = region_text.index(f"_omp_out = _omp_ws_{FOR}.end(_omp.locals())")
    after = region_text[end : region_text.index("# omp single", end)]
    assert after.count("total = _omp_out['total']") == 1
    assert "total=total" not in after


def test_generated_lines_fit_in_the_width(region_text):
    long = [line for line in region_text.splitlines() if len(line) > WIDTH]
    assert long == []
    # Laid out as ruff format would: the arguments of a long call on their own lines.
    assert (
        f"            _omp_ws_{FOR} = _omp_t.workshare(\n"
        "                reduction={'total': ('+', total)},\n"
        "                shared=('frontier', 'total', 'other', 'seen', 'nxt', 'level', 'best'),\n"
        "            )\n"
    ) in region_text


def test_the_outlined_body_takes_the_thread_the_loop_and_the_shared_names_first():
    assert parameters(
        """
        def f(n, scale, data):
            # omp parallel for
            for i in range(n):
                t = data[i] * scale
        """
    ) == ["_omp_t", "_omp_items", "data", "scale"]
    # Then firstprivate copies, then reduction identities.
    assert parameters(
        """
        def f(n, k):
            s = 0
            # omp parallel for reduction(+:s) firstprivate(k)
            for i in range(n):
                s += k
        """
    )[-2:] == ["k", "s"]


def test_a_shared_name_first_bound_in_the_region_is_passed_only_if_bound():
    source = """
        def f():
            # omp parallel
            # omp single
            answer = 42
            # omp end parallel
            return answer
        """
    assert "answer=_omp.UNBOUND" in parameters(source)
    text = translate(program(source), "t.py").text
    assert "**_omp.bound(_omp.locals(), _omp.globals(), ('answer',))" in text
    assert "    if 'answer' in _omp_out:\n        answer = _omp_out['answer']\n" in text


def test_every_user_statement_keeps_its_line():
    translation = translate(REGION, "region.py")
    generated = translation.text.splitlines()
    user = REGION.splitlines()
    counts = collections.Counter(line.strip() for line in user)
    once = {text for text, n in counts.items() if n == 1}
    checked = 0
    for number, text in enumerate(generated, 1):
        if text.strip() in once and not text.strip().startswith("#") and len(text.strip()) > 8:
            assert user[translation.line_of[number] - 1].strip() == text.strip(), number
            checked += 1
    assert checked >= 15


def test_a_statement_laid_out_over_several_lines_stands_for_its_pragma(region_text):
    translation = translate(REGION, "region.py")
    lines = region_text.splitlines()
    start = next(n for n, text in enumerate(lines, 1) if "_omp_ws_15 = _omp_t.workshare(" in text)
    pragma = (
        REGION.splitlines().index(
            "        # omp for reduction(+:total) schedule(dynamic, 2) private(tmp)"
        )
        + 1
    )
    assert [translation.line_of[n] for n in range(start, start + 4)] == [pragma] * 4


def test_layout_keeps_a_short_call_on_one_line_and_hugs_then_explodes_a_long_one():
    assert render("x = ", call("f", "a", names(["b"])), 0) == "x = f(a, ('b',))"
    hugged = render("x = ", call("f", "a" * 40, "b" * 40), 12)  # 101 columns flat
    assert hugged == f"x = f(\n    {'a' * 40}, {'b' * 40}\n)"
    exploded = render("x = ", call("f", keyword("k", names(["a" * 50, "b" * 50]))), 0)
    assert exploded == f"x = f(\n    k=(\n        '{'a' * 50}',\n        '{'b' * 50}',\n    ),\n)"
    signature = render("def f", Group("(", ("a" * 60, "b" * 60), "):"), 0)
    assert signature == f"def f(\n    {'a' * 60},\n    {'b' * 60},\n):"


def test_refreshed_takes_what_was_published_and_keeps_the_rest():
    kept, taken = object(), [1, 2]
    current = [9]
    got = _omp.refreshed({"b": taken}, a=kept, b=current)
    # The published object arrives as this process's own (docs/data-sharing.md): taken as is.
    assert got[0] is kept and got[1] is taken
    assert current == [9]
    assert _omp.refreshed({}, a=kept) is kept  # one name: its value, not a tuple
    assert _omp.refreshed({"fresh": 3}, fresh=1) == 3  # any variable name works


def test_stores_on_shared_objects_stay_as_the_user_wrote_them():
    """The runtime compares what threads changed (docs/data-sharing.md): a store in a
    region costs what it costs under python, and none becomes a runtime call."""
    text = translate(
        "def f(out, table, n):\n"
        "    # omp parallel for\n"
        "    for i in range(n):\n"
        "        out[i] = i\n"
        "        table[i].count += 1\n"
        "        del table[i].cache[0]\n",
        "t.py",
    ).text
    for statement in ("out[i] = i", "table[i].count += 1", "del table[i].cache[0]"):
        assert f"        {statement}\n" in text
    assert "_omp_t.store" not in text and "_omp_t.update" not in text and "_omp_t.call" not in text
