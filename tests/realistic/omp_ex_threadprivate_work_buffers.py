"""OpenMP Examples threadprivate.2/.4 shapes: a threadprivate scratch buffer that every
thread allocates in a first region and reuses in a second one, results in a shared
list by index (which thread's buffer is used does not matter)."""

scratch = None
# omp threadprivate(scratch)

results = [0] * 48

# omp parallel
if True:
    scratch = [0] * 16
# omp end parallel

# omp parallel for
for i in range(48):
    for k in range(16):
        scratch[k] = (i * k) % 7
    results[i] = sum(scratch)

print(results[:10], sum(results))
