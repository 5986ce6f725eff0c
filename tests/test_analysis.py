"""The analysis (``analysis.collect``): what a construct's statements do with names.

The facts the data-sharing rules (test_sharing.py) and the checks rest on, read from
the :class:`~omppy.transform.model.Usage` it returns.
"""

from __future__ import annotations

import libcst as cst
from libcst.metadata import MetadataWrapper
from stages import decided, program

from omppy.transform import analysis
from omppy.transform.model import Usage


def usage_of(text: str, is_loop: bool = False) -> Usage:
    """The usage of a whole module, as if it were one construct's statements."""
    module = cst.parse_module(program(text))
    wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
    return analysis.collect(module.body, wrapper, {}, is_loop=is_loop)


def test_bound_and_read_names():
    usage = usage_of(
        """
        t = data[i] * scale
        for j in range(t):
            u = j
        with open(path) as f:
            pass
        import os.path
        """
    )
    assert set(usage.bound) == {"t", "j", "u", "f", "os"}
    assert set(usage.read) == {"data", "i", "scale", "range", "t", "j", "open", "path"}
    assert usage.bound["t"].start.line == 2  # where each name is first bound


def test_nested_scopes_bind_only_their_own_name_and_read_their_free_names():
    usage = usage_of(
        """
        def helper(x):
            y = x + offset
            return y
        squares = [k * k for k in items if k > limit]
        total = sum(w for w in weights)
        found = [hit for v in values if (hit := v * 2)]
        """
    )
    assert set(usage.bound) == {"helper", "squares", "total", "found", "hit"}
    assert {"offset", "items", "limit", "weights", "values"} <= set(usage.read)
    assert not {"x", "y", "k", "w", "v"} & set(usage.bound)


def test_keyword_names_are_not_reads():
    usage = usage_of("rows = sorted(rows, key=abs, reverse=flag)\n")
    assert "key" not in usage.read and "reverse" not in usage.read
    assert {"sorted", "rows", "abs", "flag"} <= set(usage.read)


def test_augmented_assignments_are_recorded_with_their_operator():
    usage = usage_of("s += x\nc *= 2\nt = 0\nt += 1\n")
    assert {name: op for name, (_, op) in usage.augmented.items()} == {
        "s": "AddAssign",
        "c": "MultiplyAssign",
        "t": "AddAssign",
    }
    assert usage.plain_bound == {"t"}  # bound other than by ``+=`` and co.


def test_stores_into_items_and_attributes_record_their_root():
    usage = usage_of(
        """
        a[i] = v
        obj.x = v
        grid[i][j].cell.value = v
        counts[k] += 1
        del d[k]
        rows[i].sort()
        """
    )
    assert usage.stored_roots == {"a", "obj", "grid", "counts", "d", "rows"}
    assert not {"a", "obj", "grid"} & set(usage.bound)


def test_listed_mutating_methods_are_recorded_as_mutations():
    usage = usage_of("hits.append(x)\nrows[i].append(x)\nnp.append(a, x)\n")
    assert [(root, method, receiver) for root, method, _, receiver in usage.mutations] == [
        ("hits", "append", "hits"),
        ("rows", "append", "rows[i]"),
        ("np", "append", "np"),  # the checks let modules through
    ]


def test_a_read_used_up_at_once_is_not_bare():
    usage = usage_of("t = data[i] * 2 + len(other[i])\nkeep = view\nshape = arr.shape\n")
    assert {"view", "i"} <= usage.bare
    assert not {"data", "other", "arr"} & usage.bare  # their items are only read


def test_escapes_and_unsupported_statements():
    usage = usage_of(
        """
        for i in range(3):
            break
        continue
        return 1
        global g
        from m import *
        """
    )
    assert [what for what, _ in usage.escapes] == ["continue", "return"]
    assert [what for what, _ in usage.unsupported] == ["a 'global' statement", "'import *'"]
    assert [what for what, _ in usage_of("continue\n", is_loop=True).escapes] == []


def test_deleted_names_include_except_targets():
    usage = usage_of(
        """
        del x
        try:
            pass
        except ValueError as error:
            pass
        """
    )
    assert usage.deleted == {"x", "error"}


def test_zero_argument_super_calls_are_found():
    usage = usage_of("super().run()\nsuper(Base, self).run()\n")
    assert len(usage.zero_arg_super) == 1


def test_what_a_region_binds_inside_sync_constructs_and_inner_work_shares():
    usage = decided(
        program(
            """
            def f(n, out):
                s = 0
                # omp parallel
                # omp critical
                best = 1
                # omp critical
                seen.add(n)
                # omp for reduction(+:s) lastprivate(last) private(tmp) firstprivate(k)
                for i in range(n):
                    tmp = i
                    last = i
                    s += k
                # omp single copyprivate(c)
                c = 2
                # omp end parallel
            """
        ),
        "parallel",
    ).usage
    assert usage.sync_bound == {"best", "c"}
    assert usage.sync_mutated == {"seen"}
    assert usage.inner_outputs == {"s", "last"}
    assert usage.inner_private == {"tmp", "k", "c"}
    assert usage.inner_firstprivate == {"k"}
    assert usage.inner_copyprivate == {"c"}
    # ``s += k`` is recorded; the checks accept it as the inner loop's reduction.
    assert set(usage.augmented) == {"s"}
