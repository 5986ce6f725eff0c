"""Exceptions as control flow with a store in every arm: `try` parses, `except ValueError` records the bad index under critical, `else` stores the value, `finally` marks the slot done; failures counted by a reduction."""

raw = ["12", "x7", "3.5", "40", "", "-2", "9e1", "abc", "17", "0x1f"] * 3
values = [None] * len(raw)
done = [False] * len(raw)
bad = []
failures = 0
# omp parallel for reduction(+:failures)
for i in range(len(raw)):
    try:
        v = float(raw[i])
    except ValueError:
        failures += 1
        # omp critical
        bad.append(i)
        # omp end critical
    else:
        values[i] = v * 2
    finally:
        done[i] = True
print(failures, sorted(bad), all(done), [v for v in values if v is not None][:6])
