"""OpenMP Examples reduction.2, ported: each thread keeps private partials (sum, xor,
min, max) over a `for`, then folds them into the shared results in one critical."""

x = [((i * 31) % 97) / 4.0 for i in range(500)]
y = [(i * 131) % 1021 for i in range(500)]
a = 0.0
b = 0
c = y[0]
d = x[0]

# omp parallel
if True:
    a_p = 0.0
    b_p = 0
    c_p = 2 ** 31 - 1
    d_p = float("-inf")
    # omp for
    for i in range(len(x)):
        a_p += x[i]
        b_p ^= y[i]
        if c_p > y[i]:
            c_p = y[i]
        d_p = max(d_p, x[i])
    # omp critical
    a += a_p
    b ^= b_p
    if c > c_p:
        c = c_p
    d = max(d, d_p)
    # omp end critical

print(a, b, c, d)
