"""`lastprivate` of several names, one of them set by a helper's return value and one a
list built in the iteration; the values of the last iteration are used after the loop
(OpenMP Examples lastprivate.1 shape)."""


def step(i):
    return i * i - 3 * i, [i, i + 1]


n = 37
x = None
pair = None
last_i = -1
out = [0] * n
# omp parallel for lastprivate(x, pair, last_i)
for i in range(n):
    x, pair = step(i)
    last_i = i
    out[i] = x

print(x, pair, last_i, sum(out))
