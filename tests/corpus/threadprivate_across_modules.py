"""threadprivate globals of another module (lib/tpstate.py) reached from this one as `tpstate.name`: reads, stores, `+=`, `del`, `hasattr`, `from lib.tpstate import name` in a thread, a helper here reading them, the copies kept by thread number between regions, `copyin` in that module read through a function of this one, and a thread the program starts itself sharing the initial thread's copies (as under python)."""
import threading

from omppy import omp_get_thread_num

from lib import tpstate


def seen_from_here():
    return tpstate.calls, len(tpstate.bag)


def region_reads(n):
    ok = []
    total = 0
    # omp parallel
    if True:
        me = omp_get_thread_num()
        tpstate.reset(me)
        # omp for schedule(dynamic, 2)
        for i in range(n):
            tpstate.note(i)
        mine = tpstate.calls
        from lib.tpstate import bag

        calls, size = seen_from_here()
        tpstate.calls += 100
        agree = mine == calls == size == len(bag) and tpstate.calls == mine + 100
        # omp critical
        if True:
            total += mine
            ok.append(agree and tpstate.owner == me and getattr(tpstate, "owner") == me)
    # omp end parallel
    return all(ok), total


def kept_by_number(rounds):
    ok = []
    for r in range(rounds):
        # omp parallel num_threads(3)
        if True:
            me = omp_get_thread_num()
            if r:
                here = tpstate.last == (me, r - 1)
                # omp critical
                ok.append(here)
            tpstate.last = (me, r)
        # omp end parallel
    return all(ok), tpstate.last


def deleted_stays_deleted(rounds):
    found = []
    for r in range(rounds):
        # omp parallel num_threads(3)
        if True:
            if r == 0:
                tpstate.owner = omp_get_thread_num() * 2
            if r == 1:
                del tpstate.owner
            # omp critical
            found.append((r, hasattr(tpstate, "owner")))
        # omp end parallel
    tpstate.owner = "back"
    return sorted(set(found))


def peek():
    return tpstate.scale


def from_a_thread():
    def work():
        tpstate.note(7)
        tpstate.last = "thread"
        tpstate.calls += 1

    before = tpstate.calls  # (thread 0's share of the loop above)
    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    return tpstate.last, tpstate.bag[-1], tpstate.calls - before


print(region_reads(40))
print(kept_by_number(4))
print(deleted_stays_deleted(3))
print(tpstate.spread(5, peek))
print(from_a_thread())
print(tpstate.owner, tpstate.scale, tpstate.calls >= 100)
