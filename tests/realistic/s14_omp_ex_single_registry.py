"""Port of the OpenMP Examples' single construct (single.1: `work1` in a single, then
work by every thread, a `single nowait` for `work2`): here work1 registers the
phase names in a dict through a helper, and every thread's work counts under
atomic."""
import time

import omppy

phases = {}
done = 0


def register(*names):
    for n in names:
        phases[n] = len(phases)


def work(k):
    time.sleep(0.01 * k)
    return k


# omp parallel
# omp single
register("setup", "load")
# omp end single
part = work(omppy.omp_get_thread_num())
# omp atomic
done += 1
# omp single nowait
register("report")
# omp end single
# omp end parallel
print(done >= 1, list(phases.items()))
