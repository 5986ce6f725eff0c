"""`threadprivate` per-thread work counters and scratch lists (as static thread-local
buffers in C), reset with `copyin`; only values that do not depend on the team size
are printed (each thread's counts summed by a reduction)."""

calls = 0
scratch = []
# omp threadprivate(calls, scratch)


def work(i):
    global calls
    calls += 1
    scratch.append(i % 5)
    return i * i % 17


out = [0] * 100
counted = 0
seen = 0
# omp parallel copyin(calls, scratch) reduction(+:counted, seen)
# omp for
for i in range(100):
    out[i] = work(i)
counted += calls
seen += sum(scratch)
# omp end parallel

print(sum(out), counted, seen, calls >= 0)
