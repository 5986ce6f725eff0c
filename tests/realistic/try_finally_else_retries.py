"""A flaky computation retried up to three times per item: try/except/else/finally
inside a retry loop in the body; attempts counted by reduction, outcomes per item."""


class Flaky(Exception):
    pass


def measure(i, attempt):
    if i % 6 == 0 or (i + attempt) % 4 == 0:
        raise Flaky(f"item {i} attempt {attempt}")
    return (i * i + attempt) % 97


n = 120
result = [None] * n
attempts = 0
gave_up = 0
cleanup = [0] * n
# omp parallel for reduction(+:attempts,gave_up)
for i in range(n):
    for attempt in range(3):
        attempts += 1
        try:
            v = measure(i, attempt)
        except Flaky:
            if attempt == 2:
                gave_up += 1
        else:
            result[i] = v
            break
        finally:
            cleanup[i] += 1
print(attempts, gave_up, sum(cleanup))
print(sum(v for v in result if v is not None), result.count(None))
