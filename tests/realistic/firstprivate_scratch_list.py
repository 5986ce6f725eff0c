"""A scratch buffer made once and given to each thread with `firstprivate`; each
iteration resets and fills its thread's copy and stores a result by index. The
original buffer must be untouched afterwards."""

scratch = [0] * 16
out = [0] * 64

# omp parallel for firstprivate(scratch)
for i in range(64):
    for k in range(1, 16):
        scratch[k] = (i * k) % 17
    scratch.sort()
    out[i] = scratch[8] * 100 + scratch[-1]
    scratch[:] = [0] * 16

print(scratch, out[:8], sum(out))
