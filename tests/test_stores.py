"""Store rewriting (``stores.py``): stores on shared objects become runtime calls.

Seen through the generated text, since that is what this stage makes.  Which roots
are shared (and so rewritten) is the survey's decision (test_survey.py).
"""

from __future__ import annotations

from stages import decided, program

from omppy.transform.translate import translate


def translated(text: str) -> str:
    return translate(program(text), "t.py").text


def test_stores_into_shared_objects_become_store_calls_and_private_copies_stay():
    text = translated(
        """
        def f(n):
            buf = [0] * n
            out = [0] * n
            # omp parallel for firstprivate(buf)
            for i in range(n):
                buf[i] = i
                out[i] = buf[i]
        """
    )
    assert "_omp_t.store(out, (), i, buf[i])" in text
    assert "buf[i] = i" in text  # a private copy: a plain store


def test_updates_deletes_and_attribute_paths():
    text = translated(
        """
        def f(n, counts, grid, objs, d):
            # omp parallel for
            for i in range(n):
                counts[i % 3] += 1
                grid[i][0] = i
                objs[i].total = i
                del d[i]
        """
    )
    assert "_omp_t.update(counts, (), i % 3, '+=', 1)" in text
    assert "_omp_t.store(grid, (i,), 0, i)" in text
    assert "_omp_t.store(objs, (i,), _omp.Attr('total'), i)" in text
    assert "_omp_t.delete(d, (), i)" in text


def test_item_method_calls_carry_the_item_back():
    text = translated(
        """
        def f(rows, ps, np):
            # omp parallel for
            for i in range(len(rows)):
                rows[i].sort(key=abs, *extra, reverse=True, **options)
                ps[i].pos.shift(1)
                np.random.seed(i)
                total = rows[i].count(0)
        """
    )
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
    source = program(
        """
        def f(ps, rows):
            # omp parallel for
            for k, p in enumerate(ps):
                p.pos.shift(k)
                p.log.append(k)
            # omp parallel for
            for row in rows:
                row = list(row)
                row.sort()
        """
    )
    text = translate(source, "t.py").text
    assert "for k, p in _omp_t.loop(_omp_items, track=True):" in text
    assert "_omp_t.call_item(_omp_items, p, (1,), (_omp.Attr('pos'),), 'shift', (k,), {})" in text
    assert "_omp_t.call_item(_omp_items, p, (1,), (_omp.Attr('log'),), 'append', (k,), {})" in text
    assert "for row in _omp_t.loop(_omp_items):" in text
    assert "        row.sort()\n" in text
    # The survey's part: ``k`` and ``p`` stay bound to the item (at positions 0 and 1),
    # ``row`` is rebound.
    assert decided(source, "parallel for", 0).item_targets == {"k": (0,), "p": (1,)}
    assert decided(source, "parallel for", 1).item_targets == {}


def test_an_orphaned_loop_stores_on_a_module_global_by_name():
    text = translated(
        """
        table = [0] * 4
        def fill(n):
            # omp for
            for i in range(n):
                table[i] = i
        """
    )
    assert "_omp_t.store(table, (), i, i, __name__, 'table')" in text


def test_a_value_that_could_change_the_target_is_evaluated_first():
    text = translated(
        """
        def f(pairs, it, n):
            # omp parallel for
            for i in range(n):
                pairs[next(it)] = next(it)
        """
    )
    assert "_omp_value = next(it); _omp_t.store(pairs, (), next(it), _omp_value)" in text
