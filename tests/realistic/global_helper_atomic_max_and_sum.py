"""Helpers with `global` statements updating module globals under orphaned `atomic` (a sum) and `critical` (a max with its argument), called from a `parallel for`; the globals read after."""

total = 0
best = -1
best_at = None


def add(v):
    global total
    # omp atomic
    total += v


def consider(v, i):
    global best, best_at
    # omp critical(best)
    if v > best or (v == best and i < best_at):
        best, best_at = v, i
    # omp end critical


# omp parallel for
for i in range(60):
    v = (i * 53) % 47
    add(v)
    consider(v, i)
print(total, best, best_at)
