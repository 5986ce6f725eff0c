"""A helper with a `global` statement updates a (best, best_i) pair; it is called under
critical from a parallel loop; ties go to the lowest index."""

best = float("-inf")
best_i = -1
calls = 0


def offer(v, i):
    global best, best_i, calls
    calls += 1
    if v > best or (v == best and i < best_i):
        best, best_i = v, i


def f(x):
    return -((x - 137) % 251) + (x % 17)


# omp parallel for
for i in range(1000):
    v = f(i)
    # omp critical
    offer(v, i)

print(best, best_i, calls)
