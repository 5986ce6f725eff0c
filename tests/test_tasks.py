"""Tasks (docs/tasks.md): what the translator refuses, and what the runtime does with
tasks whose data cannot travel or that race.  The differential programs are
tests/corpus/tasks_*.py."""

from __future__ import annotations

import textwrap

import pytest
from helpers import run_omppy, run_python, without_gil_notice

from omppy.transform.diagnostics import PragmaError
from omppy.transform.translate import translate


def src(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def error_of(source: str) -> str:
    with pytest.raises(PragmaError) as info:
        translate(source, "t.py")
    return str(info.value)


def test_binding_a_name_the_surroundings_use_needs_a_clause():
    source = src(
        """
        def f():
            x = 1
            # omp task
            x = 5
            # omp taskwait
            return x
        """
    )
    assert error_of(source) == (
        "t.py:4:5: 'x' is bound in '# omp task' and used outside it, but has no "
        "data-sharing clause: the task's statements run as a function, maybe later, maybe "
        "in another thread, so the binding would not reach the code around the task\n"
        "        x = 5\n"
        "        ^\n"
        "  hint: add shared(x) to hand the value back at '# omp taskwait', or private(x) "
        "if the task's x is its own"
    )


def test_a_helpers_own_parameter_is_not_a_use_of_the_taskloops_name():
    # (OpenMP Examples taskloop.1: ``loop_body(i, j)`` beside ``for j in range(i)``;
    # a helper that reads the module's ``j`` still counts)
    body = (
        "# omp parallel\n# omp single\n# omp taskloop\n"
        "for i in range(4):\n    for j in range(i):\n        body(i, j)\n"
        "# omp end single\n# omp end parallel\n"
    )
    translate("def body(i, j):\n    return i + j\n" + body, "t.py")
    assert "'j' is bound in '# omp taskloop'" in error_of(
        "def body(i, k):\n    return j\n" + body
    )


@pytest.mark.parametrize(
    "clause",
    ["shared(x)", "private(x)", "firstprivate(x)", "default(private)", "default(firstprivate)"],
)
def test_a_clause_settles_a_bound_name(clause):
    """Any clause settles where the bound name lives; only ``shared`` hands it back, so
    with the others the read after the wait is refused (tests/test_reads_after.py)."""
    source = src(
        f"""
        def f():
            x = 1
            # omp task {clause}
            x = 5
            # omp taskwait
            return x
        """
    )
    if clause == "shared(x)":
        translate(source, "t.py")
    else:
        with pytest.raises(PragmaError, match="'x' is read after the task at line 3"):
            translate(source, "t.py")


def test_sibling_tasks_may_each_bind_their_own_temporary():
    source = src(
        """
        def f(out):
            # omp task
            if True:
                t = 1
                out.append(t)
            # omp end task
            # omp task
            if True:
                t = 2
                out.append(t)
            # omp end task
        """
    )
    translate(source, "t.py")


def test_a_name_one_task_binds_and_another_reads_needs_a_clause():
    source = src(
        """
        def f(out):
            # omp task
            t = 1
            # omp task
            out.append(t)
        """
    )
    assert error_of(source).splitlines()[0].startswith(
        "t.py:3:5: 't' is bound in '# omp task' and used outside it"
    )


def test_names_a_task_binds_before_reading_are_not_captured():
    source = src(
        """
        def f():
            # omp task
            if True:
                z = 7
                print(z + 1)
            # omp end task
        """
    )
    code = translate(source, "t.py").text
    assert "{'z': z}" not in code
    assert "def _omp_task_2(_omp_t)" in code


def test_master_inside_a_task_is_refused():
    source = src(
        """
        def f():
            # omp task
            if True:
                # omp master
                print(1)
            # omp end task
        """
    )
    assert error_of(source).splitlines()[0] == (
        "t.py:4:9: '# omp master' cannot be nested inside '# omp task': which thread runs "
        "a task is not known, so the block would run or not by chance"
    )


def test_depend_iterator_makes_the_items_for_every_value():
    source = "# omp task depend(iterator(i = 0:n, j = 1:m:2), in: a[i][j], b)\nx = 1\n"
    code = " ".join(translate(source, "t.py").text.split())
    assert (
        "depend=( *(('in', a[i], _omp.KEY[j]) for i in range(0, n) for j in range(1, m, 2)), "
        "*(('in', 'b') for i in range(0, n) for j in range(1, m, 2)), ),"
    ) in code


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        (
            "depend(iterator(i = 0:n): a[i])",
            "t.py:1:19: missing dependence type after the iterator modifier\n"
            "    # omp task depend(iterator(i = 0:n): a[i])\n"
            "                      ^\n"
            "  hint: write depend(iterator(i = 0:n), in: a[i])",
        ),
        (
            "depend(iterator(int i = 0:n), in: a[i])",
            "t.py:1:28: malformed iterator\n"
            "    # omp task depend(iterator(int i = 0:n), in: a[i])\n"
            "                               ^\n"
            "  hint: a Python iterator has no type: write iterator(i = ...)",
        ),
        (
            "depend(iterator(i = n), in: a[i])",
            "t.py:1:32: iterator 'i' needs a range begin:end or begin:end:step\n"
            "    # omp task depend(iterator(i = n), in: a[i])\n"
            "                                   ^\n"
            "  hint: for example iterator(i = 0:n); the end is left out, as in range()",
        ),
        (
            "depend(iterate(i = 0:n), in: a[i])",
            "t.py:1:19: unknown dependence modifier 'iterate(i = 0:n)'\n"
            "    # omp task depend(iterate(i = 0:n), in: a[i])\n"
            "                      ^\n"
            "  hint: the modifier is iterator(...), e.g. depend(iterator(i = 0:n), in: a[i])",
        ),
        (
            "depend(iterator(i = 0:n), iterator(j = 0:n), in: a[i])",
            "t.py:1:38: a dependence takes one 'iterator(...)' modifier\n"
            "    # omp task depend(iterator(i = 0:n), iterator(j = 0:n), in: a[i])\n"
            "                                         ^\n"
            "  hint: write the iterators in one: depend(iterator(i = 0:n, j = 0:m), in: "
            "a[i][j])",
        ),
    ],
)
def test_depend_iterator_misuse(clause, expected):
    assert error_of(f"# omp task {clause}\nx = 1\n") == expected


def test_reduction_task_opens_a_task_reduction_around_each_threads_part():
    source = src(
        """
        total = 0
        # omp parallel reduction(task, +: total)
        # omp single
        for k in range(4):
            # omp task in_reduction(+: total)
            total += k
        """
    )
    code = translate(source, "t.py").text
    assert "    _omp_trg_2 = _omp.taskgroup(_omp_t, reduction={'total': ('+', total)})\n" in code
    assert "        _omp_out = _omp_trg_2.end(_omp.locals())\n" in code
    assert "reduction={'total': ('+', total)}," in code  # and the region's own reduction


def _program(tmp_path, text: str):
    path = tmp_path / "prog.py"
    path.write_text(src(text))
    return path


def test_a_task_holding_a_lock_runs_at_once(tmp_path):
    program = _program(
        tmp_path,
        """
        import threading

        def main():
            lock = threading.Lock()
            out = []
            # omp parallel
            # omp single
            if True:
                for k in range(4):
                    # omp task
                    with lock:
                        out.append(k)
                # omp taskwait
            # omp end parallel
            print(sorted(out))

        main()
        """,
    )
    expected = run_python(program)
    got = run_omppy("run", str(program), threads=2)
    assert (got.status, got.out, got.err) == (0, expected.out, "")


def test_two_tasks_changing_one_place_is_a_data_race(tmp_path):
    program = _program(
        tmp_path,
        """
        import time

        def main():
            counts = [0]
            # omp parallel
            # omp single
            if True:
                for k in range(4):
                    # omp task
                    if True:
                        time.sleep(0.2)
                        counts[0] += 1
                    # omp end task
            # omp end parallel
            print(counts)

        main()
        """,
    )
    got = run_omppy("run", str(program), threads=2, timeout=60)
    assert got.status == 1
    assert "both changed counts[0]" in got.err
    assert "order the two with depend(...)" in got.err


def test_two_tasks_scattering_changes_over_one_place_is_a_data_race(tmp_path):
    # Each task changes a thousand scattered items (a masked run, runtime/masked.py);
    # index 1500 is changed by both.
    program = _program(
        tmp_path,
        """
        import time

        def main():
            data = list(range(4000))
            # omp parallel
            # omp single
            if True:
                # omp task
                if True:
                    time.sleep(0.3)
                    for i in range(0, 2000, 2):
                        data[i] = -data[i]
                # omp end task
                # omp task
                if True:
                    time.sleep(0.3)
                    for i in range(1001, 3000, 2):
                        data[i] = -data[i]
                    data[1500] = 7
                # omp end task
            # omp end parallel
            print(sum(data))

        main()
        """,
    )
    got = run_omppy("run", str(program), threads=2, timeout=60)
    assert got.status == 1, got.err
    assert "both changed data[1500]" in got.err


# Two silent wrong answers, each forced here by marker files (a task or a wrapped
# runtime step waits for another's marker, up to 20 s, or says on stderr that it gave
# up), so that the interleaving happens on every run, loaded machine or not.
_WAITING = """
    import os
    import sys
    import time

    from omppy import omp_get_num_threads

    HERE = os.path.dirname(os.path.abspath(__file__))


    def marker(name):
        open(os.path.join(HERE, name), "w").close()


    def wait_for(ready, what):
        deadline = time.monotonic() + 20
        while not ready():
            if time.monotonic() > deadline:
                print("gave up waiting for", what, file=sys.stderr)
                return
            time.sleep(0.001)


    def marked(name):
        return os.path.exists(os.path.join(HERE, name))
"""

# tests/corpus/tasks_depend.py once printed `..., 1)` for python's `..., 5)` under load:
# a wait that collects only some children (`taskwait depend`, the end of a taskgroup)
# caught up with the publication log, another child ended right after, and the wait
# then counted it collected, its changes unapplied; the last `taskwait`, with no child
# left, did not catch up.  The program wraps the catch-up at a taskwait so that a child
# still running then (the writer, waiting for the marker) ends before the wait goes on.
_LATE_CHILD = _WAITING + """

    import omppy.runtime as runtime
    from omppy.runtime import coherence

    _catch_up = coherence.Coherence.catch_up


    def catch_up_then_let_children_end(self, where):
        _catch_up(self, where)
        state = runtime.thread().tasks if where == "at a taskwait" else None
        if state is None or all(state.done(c) for c in state.frames[-1].children):
            return
        marker("caught-up")
        children = state.frames[-1].children
        wait_for(lambda: all(state.done(c) for c in children), "the children")


    coherence.Coherence.catch_up = catch_up_then_let_children_end


    def late_writer():
        cells = [0]
        box = {"v": 1}
        # omp task depend(out: box)
        if True:
            if omp_get_num_threads() > 1:  # in a team: end after the creator caught up
                wait_for(lambda: marked("caught-up"), "the catch-up")
            box["v"] = 5
        # omp end task
        WAIT_FOR_THE_OTHER_CHILD
        # omp taskwait
        return cells[0], box["v"]


    def main():
        result = None
        # omp parallel
        # omp single
        result = late_writer()
        # omp end parallel
        print(result)


    main()
"""


@pytest.mark.parametrize(
    "wait",
    [
        # the newest task is the creator's to run at the wait: the writer goes elsewhere
        "# omp task depend(out: cells[0])\n"
        "cells[0] = 7\n"
        "# omp taskwait depend(in: cells[0])",
        "# omp taskgroup\n"
        "if True:\n"
        "    # omp task\n"
        "    cells[0] = 7\n"
        "# omp end taskgroup",
    ],
    ids=["taskwait-depend", "taskgroup"],
)
def test_a_child_ending_while_its_creator_collects_others_is_not_lost(tmp_path, wait):
    indented = textwrap.indent(wait, " " * 8).lstrip()
    program = _program(tmp_path, _LATE_CHILD.replace("WAIT_FOR_THE_OTHER_CHILD", indented))
    assert run_python(program).out == "(7, 5)\n"
    got = run_omppy("run", str(program), threads=2)
    assert (got.status, got.out, got.err) == (0, "(7, 5)\n", "")
    assert (tmp_path / "caught-up").exists()  # the window was taken


# An undeferred task (if false, final) with depend waited for its predecessor but
# did not apply what the predecessor changed in another process: it read the old
# cells[0].  The creator runs the second task, which waits until the writer started
# elsewhere.
_UNDEFERRED = _WAITING + """

    def reader():
        cells = [0, 0]
        seen = []
        # omp task depend(out: cells[0])
        if True:
            marker("started")
            cells[0] = 7
        # omp end task
        # omp task depend(out: cells[1])
        wait_for(lambda: marked("started"), "the writer")
        # omp task depend(in: cells[0]) UNDEFERRED
        seen.append(cells[0])
        # omp taskwait
        return seen


    def main():
        result = None
        # omp parallel
        # omp single
        result = reader()
        # omp end parallel
        print(result)


    main()
"""


@pytest.mark.parametrize("clause", ["if(0)", "final(1)"])
def test_an_undeferred_task_starts_from_what_its_predecessor_changed(tmp_path, clause):
    program = _program(tmp_path, _UNDEFERRED.replace("UNDEFERRED", clause))
    assert run_python(program).out == "[7]\n"
    (tmp_path / "started").unlink()  # python's run made it
    got = run_omppy("run", str(program), threads=2)
    assert (got.status, got.out, got.err) == (0, "[7]\n", "")


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["fork", "threads"])
def test_in_reduction_without_a_task_reduction_is_an_error_at_the_task(tmp_path, backend):
    program = _program(
        tmp_path,
        """
        total = 0
        # omp parallel reduction(+: total)
        # omp single
        for k in range(4):
            # omp task in_reduction(+: total)
            total += k
        print(total)
        """,
    )
    got = run_omppy("run", str(program), threads=1, env={"OMPPY_BACKEND": backend})
    assert got.status == 1 and got.out == ""
    assert '", line 5, in <module>\n    # omp task in_reduction(+: total)\n' in got.err
    assert got.err.endswith(
        "OmpError: in_reduction(+: total): the task is not inside a taskgroup with "
        "task_reduction(+: total), a taskloop with reduction(+: total), or a parallel, for "
        "or sections with reduction(task, +: total)\n"
    )


@pytest.mark.parametrize("backend", ["fork", "threads"])
@pytest.mark.parametrize("threads", [1, 2])
def test_a_reduction_bound_only_by_a_taskloop_every_thread_runs_is_an_error(
    tmp_path, backend, threads
):
    """Every thread runs a taskloop in no single: its reduction name, bound in the
    region, is each thread's own and has no value (OpenMP would sum every thread's
    taskloop into one shared s).  A clear error at the taskloop, not an
    UnboundLocalError, at every team size."""
    program = _program(
        tmp_path,
        """
        s = 0
        # omp parallel
        if True:
            # omp taskloop reduction(+: s)
            for i in range(10):
                s += i
        print("done")
        """,
    )
    got = run_omppy("run", str(program), threads=threads, env={"OMPPY_BACKEND": backend})
    assert got.status == 1 and got.out == ""
    # (one thread's traceback, or a group of them, each line behind "| ")
    err = "\n".join(line.lstrip(" |") for line in got.err.splitlines())
    assert "UnboundLocalError" not in err
    assert '", line 4, in <module>\n# omp taskloop reduction(+: s)\n' in err
    assert (
        "OmpError: taskloop reduction(+: s): 's' has no value in this thread. Every thread "
        "of the region runs this taskloop (it is in no 'single', 'master' or 'masked'), "
        "and 's', bound in the region, is each thread's own: OpenMP would add every "
        "thread's taskloop into one shared 's', which omppy does not do. Put the taskloop "
        "in '# omp single' (one thread creates the tasks, the team runs them), or bind "
        "'s' in the region before it for a result per thread"
    ) in err


# -- detach ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "# omp task detach(ev) mergeable\nx = 1\n",
            "t.py:1:23: 'mergeable' cannot be combined with 'detach': a detached task "
            "completes when its event is fulfilled, which a merged task would not wait for\n"
            "    # omp task detach(ev) mergeable\n"
            "                          ^\n"
            "  hint: drop 'mergeable'",
        ),
        (
            "# omp task detach(ev) shared(ev)\nev = 2\n",
            "t.py:1:12: 'ev' is the event of 'detach' and also in a data-sharing clause of "
            "the task; OpenMP forbids it\n"
            "    # omp task detach(ev) shared(ev)\n"
            "               ^\n"
            "  hint: the task is created with ev bound to its event: take ev out of the "
            "other clause",
        ),
        (
            "# omp task detach(a, b)\nx = 1\n",
            "t.py:1:19: expected the name of the task's event, found 'a, b'\n"
            "    # omp task detach(a, b)\n"
            "                      ^\n"
            "  hint: for example detach(done)",
        ),
    ],
)
def test_detach_misuse(source, expected):
    assert error_of(source) == expected


def test_detach_binds_the_event_before_the_task_is_created():
    code = translate("ev = None\n# omp task detach(ev)\nx = 1\n", "t.py").text
    event = code.index("ev = _omp.task_event(_omp_t)\n")
    assert code.index("_omp.task(", event) > event
    assert "detach=ev)" in code


DETACH_BACKENDS = pytest.mark.parametrize("backend", ["fork", "threads"])


def _run_detach(tmp_path, backend: str, text: str, threads: int = 2):
    program = _program(tmp_path, text)
    got = run_omppy("run", str(program), threads=threads, env={"OMPPY_BACKEND": backend})
    got.err = without_gil_notice(got.err)
    return program, got


@pytest.mark.slow
@DETACH_BACKENDS
def test_a_successor_of_a_detached_task_waits_for_its_event(tmp_path, backend):
    """The successor starts only after the event is fulfilled, and sees what the
    creator wrote before fulfilling it (plain python, which runs each task at once,
    prints [0])."""
    _, got = _run_detach(
        tmp_path,
        backend,
        """
        import time
        from omppy import omp_fulfill_event

        box = [0]
        seen = []
        ev = None
        # omp parallel num_threads(2)
        # omp single
        if True:
            # omp task detach(ev) depend(out: box)
            started = 1
            # omp task depend(in: box)
            seen.append(box[0])
            time.sleep(0.3)  # the successor would have run by now if it did not wait
            box[0] = 5
            omp_fulfill_event(ev)
            # omp taskwait
        print(seen)
        """,
    )
    assert (got.status, got.out, got.err) == (0, "[5]\n", "")


@pytest.mark.slow
@DETACH_BACKENDS
@pytest.mark.parametrize("threads", [1, 2])
def test_an_event_fulfilled_twice_is_an_error_at_the_second(tmp_path, backend, threads):
    program, got = _run_detach(
        tmp_path,
        backend,
        """
        from omppy import omp_fulfill_event

        ev = None
        # omp parallel
        # omp single
        if True:
            # omp task detach(ev)
            x = 1
            omp_fulfill_event(ev)
            omp_fulfill_event(ev)
        """,
        threads,
    )
    assert got.status == 1 and got.out == ""
    assert f'File "{program}", line 10, in <module>\n    omp_fulfill_event(ev)\n' in got.err
    assert got.err.endswith(
        "OmpError: omp_fulfill_event: this event was fulfilled already; OpenMP allows one "
        "omp_fulfill_event per detached task\n"
    )


@pytest.mark.slow
@DETACH_BACKENDS
def test_waiting_for_an_event_nothing_can_fulfill_is_an_error(tmp_path, backend):
    """Outside any region nobody else can fulfill the event: OpenMP would hang."""
    program, got = _run_detach(
        tmp_path,
        backend,
        """
        from omppy import omp_fulfill_event

        ev = None
        # omp task detach(ev)
        x = 1
        # omp taskwait
        omp_fulfill_event(ev)
        """,
    )
    assert got.status == 1 and got.out == ""
    assert f'File "{program}", line 6, in <module>\n    # omp taskwait\n' in got.err
    assert got.err.endswith(
        "OmpError: this wait is for a detached task whose event is not fulfilled, and no "
        "other thread can fulfill it: call omp_fulfill_event(event) before waiting for the "
        "task (taskwait, the end of its taskgroup, a barrier)\n"
    )


def test_omp_fulfill_event_leaves_what_python_bound_alone():
    from omppy import omp_fulfill_event

    assert omp_fulfill_event(None) is None


# -- depobj ---------------------------------------------------------------------------


def test_depobj_binds_its_name_and_tasks_expand_it_when_created():
    source = src(
        """
        cell = [0]
        # omp depobj(o) depend(inout: cell[0])
        # omp task depend(depobj: o) depend(in: cell[1])
        cell[0] += 1
        # omp depobj(o) update(in)
        # omp taskwait depend(depobj: o)
        # omp depobj(o) destroy
        """
    )
    code = " ".join(translate(source, "t.py").text.split())
    assert "o = _omp.depobj(('inout', cell, _omp.KEY[0]))" in code
    assert "depend=(*_omp.depobj_items(lambda: o, 'o'), ('in', cell, _omp.KEY[1]))," in code
    assert "_omp.depobj_update(lambda: o, 'o', 'in')" in code
    assert "_omp.taskwait(_omp_t, depend=(*_omp.depobj_items(lambda: o, 'o'),))" in code
    assert "_omp.depobj_destroy(lambda: o, 'o')" in code


@pytest.mark.parametrize(
    ("pragma", "expected"),
    [
        (
            "# omp depobj",
            "t.py:1:13: '# omp depobj' needs the name of its dependence object\n"
            "    # omp depobj\n"
            "                ^\n"
            "  hint: for example '# omp depobj(o) depend(inout: a[i])'",
        ),
        (
            "# omp depobj(o)",
            "t.py:1:16: '# omp depobj(o)' needs one of depend(...), update(...) or destroy\n"
            "    # omp depobj(o)\n"
            "                   ^\n"
            "  hint: for example '# omp depobj(o) depend(inout: a[i])', '# omp depobj(o) "
            "update(in)' or '# omp depobj(o) destroy'",
        ),
        (
            "# omp depobj(o) update(inn)",
            "t.py:1:24: unknown dependence type 'inn' (did you mean 'in'?)\n"
            "    # omp depobj(o) update(inn)\n"
            "                           ^\n"
            "  hint: update sets one of: in, out, inout, mutexinoutset, inoutset",
        ),
        (
            "# omp depobj(o) update",
            "t.py:1:23: clause 'update' needs a dependence type\n"
            "    # omp depobj(o) update\n"
            "                          ^\n"
            "  hint: for example update(in)",
        ),
        (
            "# omp depobj(o) destroy(p)",
            "t.py:1:17: destroy(p) names another object than depobj(o)\n"
            "    # omp depobj(o) destroy(p)\n"
            "                    ^\n"
            "  hint: write '# omp depobj(o) destroy'",
        ),
        (
            "# omp depobj(o) update(in) destroy",
            "t.py:1:28: '# omp depobj' takes one of depend, update and destroy, not both "
            "'update' and 'destroy'\n"
            "    # omp depobj(o) update(in) destroy\n"
            "                               ^\n"
            "  hint: write one '# omp depobj' per change",
        ),
        (
            "# omp depobj(o) depend(inout: a[0], a[1])",
            "t.py:1:17: the depend clause of '# omp depobj' names one item\n"
            "    # omp depobj(o) depend(inout: a[0], a[1])\n"
            "                    ^\n"
            "  hint: for example '# omp depobj(o) depend(inout: a[i])'",
        ),
        (
            "# omp depobj(o) depend(inout: x)",
            "t.py:1:17: a dependence object holds an item or an attribute (a[i], node.left), "
            "not the name 'x'\n"
            "    # omp depobj(o) depend(inout: x)\n"
            "                    ^\n"
            "  hint: a task hands a name's value to the next through its own depend: write "
            "depend(inout: x) on the tasks",
        ),
        (
            "# omp depobj(o) depend(depobj: p)",
            "t.py:1:24: a dependence object holds a dependence, not another dependence object\n"
            "    # omp depobj(o) depend(depobj: p)\n"
            "                           ^\n"
            "  hint: write depobj(o) depend(inout: a[i]), with the type and the item",
        ),
        (
            "# omp task depend(depobj: objs[0])",
            "t.py:1:27: depend(depobj: ...) names dependence objects, not 'objs[0]'\n"
            "    # omp task depend(depobj: objs[0])\n"
            "                              ^\n"
            "  hint: for example depend(depobj: o), after '# omp depobj(o) depend(...)'",
        ),
        (
            "# omp task depend(iterator(i = 0:2), depobj: o)",
            "t.py:1:38: depend(depobj: ...) takes no iterator modifier\n"
            "    # omp task depend(iterator(i = 0:2), depobj: o)\n"
            "                                         ^\n"
            "  hint: name each dependence object: depend(depobj: o1, o2)",
        ),
    ],
)
def test_depobj_misuse(pragma, expected):
    assert error_of(f"{pragma}\nx = 1\n") == expected


DEPOBJ_RUNTIME_ERRORS = [
    (
        """
        cell = [0]
        # omp depobj(o) update(in)
        """,
        2,
        "# omp depobj(o) update(in)",
        "OmpError: depobj(o) update(in): 'o' is not a dependence object: no '# omp "
        "depobj(o) depend(...)' has run where 'o' is used\n",
    ),
    (
        """
        o = 3
        # omp taskwait depend(depobj: o)
        """,
        2,
        "# omp taskwait depend(depobj: o)",
        "OmpError: depend(depobj: o): 'o' is not a dependence object (it is a int); make "
        "one with '# omp depobj(o) depend(type: item)'\n",
    ),
    (
        """
        cell = [0]
        # omp depobj(o) depend(inout: cell[0])
        # omp depobj(o) destroy
        # omp task depend(depobj: o)
        cell[0] += 1
        """,
        4,
        "# omp task depend(depobj: o)",
        "OmpError: depend(depobj: o): the dependence object 'o' was destroyed ('# omp "
        "depobj(o) destroy'); make it again with depend(...) first\n",
    ),
    (
        """
        cell = [0]
        # omp depobj(o) depend(inout: cell[0])
        # omp parallel num_threads(2)
        # omp masked filter(1)
        # omp depobj(o) update(in)
        """,
        5,
        "# omp depobj(o) update(in)",
        "OmpError: depobj(o) update(in): the dependence object 'o' was made by another "
        "thread; only the thread that made it may update or destroy it (on the fork "
        "backend each thread has its own copy)\n",
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["fork", "threads"])
@pytest.mark.parametrize(("text", "line", "shown", "expected"), DEPOBJ_RUNTIME_ERRORS)
def test_depobj_misuse_at_run_time(tmp_path, backend, text, line, shown, expected):
    program = _program(tmp_path, text)
    assert run_python(program).status == 0  # under python the pragmas are comments
    got = run_omppy("run", str(program), threads=2, env={"OMPPY_BACKEND": backend})
    assert got.status == 1 and got.out == ""
    assert f'File "{program}", line {line}, in <module>\n    {shown}\n' in got.err
    assert got.err.endswith(expected)


# -- the combined taskloops -------------------------------------------------------------


def test_parallel_masked_taskloop_gives_each_clause_to_its_construct():
    """OpenMP 5.2 (17.2): num_threads to the region, filter to the masked, grainsize,
    reduction and if(taskloop: ...) to the taskloop, firstprivate to both; simd's
    safelen changes nothing."""
    pragma = (
        "# omp parallel masked taskloop simd filter(1) num_threads(3) grainsize(4) "
        "firstprivate(base) reduction(+: total) if(taskloop: n > 1) if(parallel: n > 2) "
        "safelen(2)"
    )
    source = src(
        f"""
        def f(n, base):
            total = 0
            {pragma}
            for i in range(n):
                total += i + base
            return total
        """
    )
    code = " ".join(translate(source, "t.py").text.split())
    region = code[code.index("_omp_out = _omp.parallel(") :]
    assert "firstprivate={'base': base}" in region and "num_threads=(3)" in region
    assert "if_=(n > 2)" in region and "grainsize" not in region
    assert "_omp_t.master(('total',), (1)," in code
    loop = code[code.index("_omp.taskloop(") : code.index("_omp_out = _omp.parallel(")]
    assert "{'total': total, 'base': base}" in loop  # base captured: firstprivate
    assert "grainsize=(4), reduction={'total': ('+', total)}, if_=(n > 1)," in loop
    assert "num_threads" not in loop and "n > 2" not in loop


def test_parallel_master_taskloop_keeps_the_taskloops_rules():
    source = "# omp parallel master taskloop lastprivate(i) nogroup\nfor i in range(4):\n    i\n"
    assert error_of(source).startswith(
        "t.py:1:32: 'lastprivate' cannot be combined with 'nogroup' on a taskloop"
    )
