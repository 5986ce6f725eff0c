"""A memo kept in an attribute of the function itself (`fib.memo = {}`), filled under
`# omp critical` by calls from a parallel loop."""

def fib(n):
    if n in fib.memo:
        return fib.memo[n]
    r = n if n < 2 else fib(n - 1) + fib(n - 2)
    # omp critical
    fib.memo[n] = r
    return r
fib.memo = {}

out = [0] * 30
# omp parallel for
for i in range(30):
    out[i] = fib(i)
print(out[-1], len(fib.memo), sorted(fib.memo)[:5])
