"""A loop running backwards (`range(n - 1, -1, -1)`) with `lastprivate`: the last
iteration is i == 0; a backward recurrence's per-item work stored by index."""

n = 50
out = [0] * n
last = None
i_seen = None

# omp parallel for lastprivate(last, i_seen)
for i in range(n - 1, -1, -1):
    last = (i * 31) % 17
    i_seen = i
    out[i] = last * 2 + i

print(last, i_seen, out[:5], sum(out))
