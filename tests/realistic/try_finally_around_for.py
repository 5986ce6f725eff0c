"""try/finally around a work-shared loop inside a region; the finally counts under
atomic."""
done = 0
out = [0] * 32
# omp parallel
if True:
    try:
        # omp for
        for i in range(32):
            out[i] = i * 3
    finally:
        # omp atomic
        done += 1
# omp end parallel
print(sum(out), done > 0)
