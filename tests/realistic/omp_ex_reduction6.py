"""OpenMP Examples reduction.1 and reduction.6 (with the barrier the example asks for):
`+ ^ min max` reductions on a parallel for; a `masked` zeroing a shared sum before a
`for reduction(+:a)` and a `single` recording it."""

x = [((i * 17) % 29) / 2 for i in range(300)]
y = [(i * 7919) % 4096 for i in range(300)]
a, b, c, d = 0.0, 0, y[0], x[0]

# omp parallel for reduction(+:a) reduction(^:b) reduction(min:c) reduction(max:d)
for i in range(len(x)):
    a += x[i]
    b ^= y[i]
    if c > y[i]:
        c = y[i]
    d = max(d, x[i])

s = -1
said = []
# omp parallel
if True:
    # omp masked
    s = 0
    # omp barrier
    # omp for reduction(+:s)
    for i in range(10):
        s += i
    # omp single
    said.append("Sum is %d" % s)

print(a, b, c, d)
print(said, s)
