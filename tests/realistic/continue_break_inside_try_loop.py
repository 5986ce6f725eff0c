"""`continue` inside `try` in the parallel loop body and `break` inside `try` of an inner `while`, with `finally` counting attempts per slot; a checked exception type from a helper."""


class TooBig(Exception):
    pass


def step(x):
    if x > 500:
        raise TooBig(x)
    return x * 3 + 1 if x % 2 else x // 2


N = 24
lengths = [0] * N
attempts = [0] * N
# omp parallel for schedule(dynamic, 3)
for n in range(1, N + 1):
    if n % 5 == 0:
        try:
            continue
        finally:
            attempts[n - 1] = -1
    x = n
    count = 0
    while True:
        try:
            x = step(x)
            count += 1
            if x == 1:
                break
        except TooBig:
            count = -count
            break
        finally:
            attempts[n - 1] += 1
    lengths[n - 1] = count
print(lengths)
print(attempts)
