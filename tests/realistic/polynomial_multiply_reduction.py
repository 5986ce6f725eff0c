"""Polynomial product coefficients: each output coefficient computed by one iteration
(a convolution), then the polynomial evaluated at points with a `parallel for` and
`reduction(+:...)` of exact integers."""

a = [(i * 3) % 7 - 3 for i in range(60)]
b = [(i * 5) % 11 - 5 for i in range(45)]
c = [0] * (len(a) + len(b) - 1)

# omp parallel for schedule(dynamic, 4)
for k in range(len(c)):
    s = 0
    for i in range(max(0, k - len(b) + 1), min(k, len(a) - 1) + 1):
        s += a[i] * b[k - i]
    c[k] = s

check = 0
# omp parallel for reduction(+:check)
for x in range(-3, 4):
    check += sum(ck * x ** k for k, ck in enumerate(c))
print(c[:8], c[-3:], check)
