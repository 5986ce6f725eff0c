"""task detach(event) with omp_fulfill_event: the creator fulfills the event after its
own work, and a successor (`depend(in: ...)`) reads what the detached task wrote; a
task that fulfills another task's event; an undeferred (`if(0)`) detached task; a
detached task that fulfills its own event; a taskgroup whose end waits for a detached
task fulfilled inside it; several events in a list fulfilled in a loop; and the same
code outside any region.  Each name an event is bound to is bound first (python runs
omp_fulfill_event on it, which does nothing there)."""

from omppy import omp_fulfill_event


def creator_fulfills(n):
    block = [0] * n
    total = [0]
    own = []
    done = None
    # omp task detach(done) depend(out: block)
    for j in range(n):
        block[j] = j * j
    # omp task depend(in: block) depend(out: total)
    total[0] = sum(block)
    for k in range(n):  # the creator's own work meanwhile
        own.append(k + 100)
    omp_fulfill_event(done)
    # omp taskwait
    return total[0], sum(own)


def another_task_fulfills():
    first = None
    data = {"a": 0}
    seen = [None]
    # omp task detach(first) depend(out: data)
    data["a"] = 7
    # omp task
    omp_fulfill_event(first)
    # omp task depend(in: data)
    seen[0] = data["a"] * 6
    # omp taskwait
    return seen[0]


def undeferred_and_self_fulfilled():
    late = None
    early = None
    out = [0, 0]
    # omp task detach(late) if(0)
    out[0] = 11
    # omp task detach(early)
    if True:
        out[1] = 22
        omp_fulfill_event(early)
    # omp end task
    omp_fulfill_event(late)
    # omp taskwait
    return out


def group_waits(n):
    events = [None] * n
    squares = [0] * n
    ev = None
    # omp taskgroup
    if True:
        for k in range(n):
            # omp task detach(ev) firstprivate(k)
            squares[k] = k * k
            events[k] = ev
        for k in range(n):
            omp_fulfill_event(events[k])
    # omp end taskgroup
    return sum(squares)


def run():
    return (
        creator_fulfills(20),
        another_task_fulfills(),
        undeferred_and_self_fulfilled(),
        group_waits(6),
    )


def run_parallel():
    result = None
    # omp parallel
    # omp single
    result = run()
    # omp end parallel
    return result


print("region:", run_parallel())
print("outside:", run())
