"""OpenMP Examples lastprivate.1, ported: after the loop, `i` is n-2 (the last
iteration), used to finish the array; plus lastprivate of a computed value."""

n = 50
b = [float(k * k % 19) for k in range(n)]
a = [0.0] * n
i = 0
last_pair = None

# omp parallel
if True:
    # omp for lastprivate(i, last_pair)
    for i in range(n - 1):
        a[i] = b[i] + b[i + 1]
        last_pair = (i, a[i])

i += 1
a[i] = b[i]
print(i, last_pair, sum(a), a[-3:])
