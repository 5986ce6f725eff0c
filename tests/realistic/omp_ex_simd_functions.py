# Source: github.com/OpenMP/Examples, SIMD/sources/SIMD.3.c and SIMD.6.c
"""OpenMP Examples SIMD.3 and SIMD.6, ported: a `simd private(tmp) reduction(+:
sum)` loop; `declare simd` functions that update the element they are given (C's
`int *p`: here the list and the index) called from `simd` loops, once outside a
branch and once inside one; then the same loops as `parallel for simd`."""


def work(a, b, n):
    sum_ = 0.0
    # omp simd private(tmp) reduction(+: sum_)
    for i in range(n):
        tmp = a[i] + b[i]
        sum_ += tmp
    return sum_


# omp declare simd linear(p:1) notinbranch
def foo(p, k):
    p[k] = p[k] + 10
    return p[k]


def myaddint(a, b, n):
    # omp parallel for simd
    for i in range(n):
        a[i] = foo(b, i)  # foo is not called under a condition
    return a[n - 1]


# omp declare simd linear(p:1) inbranch
def goo(p, k):
    p[k] = p[k] + 18.5
    return p[k]


def myaddfloat(x, y, n):
    # omp parallel for simd
    for i in range(n):
        x[i] = goo(y, i) if x[i] > y[i] else y[i]
    return x[n - 1]


n = 64
a = [float(i) for i in range(n)]
b = [float(2 * i % 9) for i in range(n)]
print(work(a, b, n))
ia = [0] * n
ib = list(range(n))
print(myaddint(ia, ib, n), sum(ia), sum(ib))
x = [float(i % 5) for i in range(n)]
y = [float(i % 3) for i in range(n)]
print(myaddfloat(x, y, n), sum(x), sum(y))
