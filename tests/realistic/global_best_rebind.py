"""Tracking the best candidate in module globals rebound from a helper under critical
(the classic `if (v > best) { best = v; where = i; }` in a critical section)."""

best = float("-inf")
best_at = None
checked = 0


def consider(i, value):
    global best, best_at, checked
    # omp critical
    checked += 1
    if value > best or (value == best and i < best_at):
        best = value
        best_at = i
    # omp end critical


def objective(x):
    return -((x - 313) ** 2) % 9973 + (x % 17)


# omp parallel for schedule(guided)
for i in range(1000):
    consider(i, objective(i))

print(best, best_at, checked)
