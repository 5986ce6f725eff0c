"""The data-sharing decision (``sharing.decide``, docs/data-sharing.md), read from the
survey's record of each parallel construct: which names the outlined body receives
(shared), copies (firstprivate), reduces, keeps private, and hands back to the master.

How the decision is written into code is tested in test_emit.py and test_stores.py.
"""

from __future__ import annotations

import pytest
from stages import decided, program

from omppy.transform.diagnostics import PragmaError
from omppy.transform.model import Usage
from omppy.transform.sharing import decide


def sharing_of(text: str, directive: str = "parallel for"):
    sharing = decided(program(text), directive).sharing
    assert sharing is not None
    return sharing


def test_bound_names_are_private_and_read_names_shared():
    sharing = sharing_of(
        """
        def f(n, scale, data):
            # omp parallel for
            for i in range(n):
                t = data[i] * scale
                u = t + 1
        """
    )
    assert sharing.args == ("data", "scale")  # in the order the body first uses them
    assert {"t", "u", "i"} <= sharing.private
    passed = {*sharing.args, *sharing.firstprivate, *sharing.shared_out}
    assert not {"t", "u", "i"} & passed


def test_reduction_firstprivate_and_lastprivate_travel_as_clauses():
    sharing = sharing_of(
        """
        def f(n, k):
            s = 0
            # omp parallel for reduction(+:s) firstprivate(k) lastprivate(x)
            for i in range(n):
                k += i
                x = i
                s += k
            return s, x
        """
    )
    assert sharing.firstprivate == ("k",)
    assert sharing.reduction == (("s", "+"),)
    assert sharing.lastprivate == ("x",)
    assert not {"k", "s", "x"} & {*sharing.args, *sharing.private}


def test_names_bound_under_critical_are_shared_and_returned():
    sharing = sharing_of(
        """
        def f(n):
            best = 0
            # omp parallel for
            for i in range(n):
                v = i * 7 % 5
                # omp critical
                best = max(best, v)
            return best
        """
    )
    assert sharing.shared_out == ("best",)
    assert "v" not in sharing.args
    assert "v" in sharing.private


def test_a_name_bound_outside_and_inside_critical_is_private():
    # (``item = None`` then ``item = heappop(h)`` under critical: shared, a thread
    # entering its block took another thread's item; the shared heap hung)
    sharing = sharing_of(
        """
        import heapq
        def f(heap, seen):
            # omp parallel
            while True:
                item = None
                # omp critical
                if heap:
                    item = heapq.heappop(heap)
                # omp end critical
                if item is None:
                    break
                # omp critical
                seen.append(item)
                # omp end critical
        """,
        "parallel",
    )
    assert "item" in sharing.private
    assert "item" not in sharing.shared_out


def test_a_name_bound_by_every_thread_and_updated_in_critical_is_refused():
    with pytest.raises(PragmaError) as info:
        sharing_of(
            """
            def f(n):
                total = 0
                # omp parallel
                if True:
                    total = 0
                    # omp for
                    for i in range(n):
                        # omp critical
                        total += i
                return total
            """,
            "parallel",
        )
    assert str(info.value).splitlines()[0] == (
        "t.py:6:9: 'total' is bound here by every thread, outside any synchronisation "
        "block, and updated at line 10 inside one, in '# omp parallel': each thread's "
        "binding here races with the other threads' updates"
    )
    assert str(info.value).splitlines()[-1] == (
        "  hint: bind 'total' before the region or in '# omp single', use "
        "reduction(...:total), or add private(total) if each thread keeps its own"
    )


def test_inner_for_clauses_keep_the_name_shared_in_the_region():
    sharing = sharing_of(
        """
        def f(n):
            s = 0
            # omp parallel
            # omp for reduction(+:s)
            for i in range(n):
                s += i
            return s
        """,
        "parallel",
    )
    assert sharing.shared_out == ("s",)


def test_arrays_read_in_place_are_not_staged_but_written_ones_are():
    sharing = sharing_of(
        """
        import numpy as np
        def f():
            data = np.ones(4)
            out = np.zeros(4)
            view_user = np.zeros(4)
            # omp parallel for
            for i in range(4):
                out[i] = data[i] * 2
                view_user[i:i + 1].fill(1)
        """
    )
    assert "data" in sharing.readonly
    assert "out" not in sharing.readonly
    assert "view_user" not in sharing.readonly


def test_module_globals_a_region_only_reads_are_read_by_name():
    # Another module may rebind one while the region runs (``mod.LIMIT = 9`` in a
    # helper called in ``single``): a copy handed in at the start would miss it.
    sharing = sharing_of(
        """
        import numpy as np
        LIMIT = 3
        data = np.ones(4)
        def f(out):
            # omp parallel for
            for i in range(4):
                out[i] = data[i] * LIMIT
        """
    )
    assert sharing.args == ("out",)


@pytest.mark.parametrize(
    "call", ["np.log1p(x)", "np.expm1(x)", "np.logaddexp(x, x)", "np.cbrt(x)"]
)
def test_a_slice_handed_to_a_ufunc_is_only_read(call):
    # Any of numpy's ufuncs reads its arguments (it writes only out=): a slice bound to a
    # name and handed to one left the big array staged (copied) for every region.
    sharing = sharing_of(
        f"""
        import numpy as np
        def f(a):
            s = 0.0
            # omp parallel for reduction(+:s)
            for k in range(4):
                x = a[4 * k:4 * k + 4]
                s += float({call}.sum())
        """
    )
    assert "a" in sharing.readonly


def test_private_and_firstprivate_copies_are_not_store_roots():
    info = decided(
        program(
            """
            def f(n):
                buf = [0] * n
                out = [0] * n
                # omp parallel for firstprivate(buf)
                for i in range(n):
                    buf[i] = i
                    out[i] = buf[i]
            """
        ),
        "parallel for",
    )
    # Stores into ``out`` are carried back; ``buf[i] = i`` writes a private copy.
    assert info.shared_roots == {"out"}


def test_default_none_accepts_names_with_clauses_and_module_functions():
    sharing = sharing_of(
        """
        import math
        def g(v):
            return v
        def f(n):
            s = 0
            # omp parallel for default(none) reduction(+:s) shared(n)
            for i in range(n):
                s += g(math.floor(i))
        """
    )
    assert sharing.reduction == (("s", "+"),)


def test_default_none_refuses_a_name_without_a_clause():
    with pytest.raises(PragmaError, match="'scale' has no data-sharing clause"):
        sharing_of(
            """
            def f(n, scale):
                s = 0
                # omp parallel for default(none) reduction(+:s)
                for i in range(n):
                    s += i * scale
            """
        )


def test_shared_name_first_bound_in_the_region_is_passed_only_if_bound():
    # ``answer`` is a shared name the region binds: it is an argument of the body
    # and handed back, and (test_emit.py) passed only when it has a value.
    sharing = sharing_of(
        """
        def f():
            # omp parallel
            # omp single
            answer = 42
            # omp end parallel
            return answer
        """,
        "parallel",
    )
    assert sharing.args == ("answer",)
    assert sharing.shared_out == ("answer",)


def test_keyword_argument_names_are_not_reads():
    # libcst marks the ``key`` of ``f(key=v)`` as a load; it names no variable.  With
    # a module global ``key`` bound later, passing it would raise NameError.
    sharing = sharing_of(
        """
        def f(rows):
            # omp parallel for
            for i in range(len(rows)):
                rows[i] = sorted(rows[i], key=abs)
                g = lambda r: sorted(r, reverse=True)
        key = reverse = 1
        """
    )
    assert sharing.args == ("rows",)


def test_default_firstprivate_copies_every_other_read_name():
    sharing = sharing_of(
        """
        def f(n, scale, out):
            # omp parallel for default(firstprivate)
            for i in range(n):
                out[i] = i * scale
        """
    )
    assert sharing.firstprivate == ("scale",)
    assert "out" in sharing.args  # stored into: shared, not copied


def test_decide_applies_the_clauses_to_a_usage():
    # The rules alone, on a hand-made Usage: ``t`` bound (private), ``data`` read
    # (shared), ``best`` bound in a critical (shared, handed back).
    where = decided(program("# omp parallel\nx = 1\n"), "parallel").usage.bound["x"]
    usage = Usage(
        bound={"t": where, "best": where},
        read={"data": where, "best": where},
        sync_bound={"best"},
        bare={"best"},
    )
    sharing = decide(
        usage,
        reduction=[],
        private=(),
        firstprivate=(),
        lastprivate=(),
        shared=(),
        default="shared",
        loop_vars={"i"},
        available={"data", "best", "t"},
    )
    assert sharing.private == {"t", "i"}
    assert set(sharing.args) == {"data", "best"}  # (one position: ordered by name)
    assert sharing.shared_out == ("best",)
    assert sharing.readonly == ("data",)


def test_a_global_a_helper_rebinds_is_read_by_name_not_handed_in():
    sharing = sharing_of(
        """
        LIMIT = 3
        SCALE = 2
        FIXED = 5
        BIAS = 0
        OFFSET = 0

        def set_limit(v):
            global LIMIT
            LIMIT = v

        def run(out):
            globals()["SCALE"] = 1
            setattr(sys.modules[__name__], "OFFSET", 1)
            sys.modules[__name__].BIAS = 1
            # omp parallel
            if True:
                # omp single
                set_limit(9)
                # omp end single
                # omp for
                for i in range(20):
                    out[i] = min(i, LIMIT) * SCALE + FIXED + OFFSET + BIAS
        """,
        "parallel",
    )
    assert not {"LIMIT", "SCALE", "OFFSET", "BIAS", "FIXED"} & set(sharing.args)


def test_a_global_an_inner_construct_makes_private_is_still_handed_in():
    # ``sections firstprivate(count)`` inside the region binds ``count`` in the
    # outlined body: a local there, so it must be handed in, not read by name
    # (UnboundLocalError at every team size, omp_ex_fpriv_sections).
    sharing = sharing_of(
        """
        count = 10
        seen = [0, 0]
        # omp parallel
        if True:
            # omp sections firstprivate(count)
            # omp section
            if True:
                count += 1
                seen[0] = count
            # omp end sections
        """,
        "parallel",
    )
    assert "count" in sharing.args


def test_a_local_of_the_same_name_is_still_handed_in():
    sharing = sharing_of(
        """
        LIMIT = 3

        def set_limit(v):
            global LIMIT
            LIMIT = v

        def run(out, LIMIT):
            # omp parallel for
            for i in range(20):
                out[i] = min(i, LIMIT)
        """,
    )
    assert "LIMIT" in sharing.args


def test_a_rebound_global_read_in_a_method_is_read_by_name():
    sharing = sharing_of(
        """
        LIMIT = 3

        def set_limit(v):
            global LIMIT
            LIMIT = v

        class Job:
            LIMIT = 7

            def run(self, out):
                # omp parallel for
                for i in range(20):
                    out[i] = min(i, LIMIT)
        """,
    )
    assert "LIMIT" not in sharing.args
