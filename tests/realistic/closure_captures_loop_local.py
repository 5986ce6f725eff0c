"""A lambda and a nested def made in the loop body capture names the body binds."""
out = [0] * 40
# omp parallel for
for i in range(40):
    scale = i % 7 + 1
    offset = i // 3

    def shift(v):
        return v * scale + offset  # noqa: B023

    f = lambda v: shift(v) - scale  # noqa: B023
    out[i] = f(i)
print(sum(out), out[:6])
