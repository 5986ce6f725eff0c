"""Every store form on shared objects: one-line suites, unpacking (with *), chained targets, annotated, attribute paths, del."""
class O: pass
def main():
    n = 8
    res = [0] * n
    a = [0] * n; b = [0] * n; c = [0] * n; e = [0] * n
    d = {k: k for k in range(n)}
    objs = [O() for _ in range(n)]
    rest = [None] * n
    # omp parallel for
    for i in range(n): res[i] = i * 2
    # omp parallel for
    for i in range(n):
        a[i], b[i] = i, -i
        c[i] = e[i] = i + 100
        x: int = 3
        objs[i].v = i
        if i % 2: del d[i]
        rest[i], *tail = [i, 1, 2]
    print(res, a, b, c, e, sorted(d), [o.v for o in objs], rest)
main()
