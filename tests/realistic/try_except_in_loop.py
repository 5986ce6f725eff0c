"""Exceptions handled inside the loop body (parsing messy input): bad items counted
by a reduction, good ones stored by index, error messages collected in order by a
list reduction."""

raw = [str(i) if i % 7 else f"x{i}" for i in range(100)] + ["", "3.5", "-4"]
parsed = [None] * len(raw)
bad = 0
errors = []

# omp parallel for reduction(+:bad, errors)
for i in range(len(raw)):
    try:
        parsed[i] = int(raw[i])
    except ValueError as exc:
        bad += 1
        errors += [f"{i}: {exc}"]

print(bad, errors[:2], sum(p for p in parsed if p is not None))
