"""Input validation in a parallel loop: each record is parsed in a try/except; the
failures are recorded (index, exception type, message) in a shared list under
critical, the good values stored by index."""

raw = [str(i) if i % 7 else f"x{i}" for i in range(70)]
raw[10] = ""
raw[33] = "1e3"
parsed = [None] * len(raw)
errors = []

# omp parallel for schedule(dynamic, 4)
for i in range(len(raw)):
    try:
        v = int(raw[i])
        if v % 11 == 0 and v:
            raise ArithmeticError(f"multiple of 11: {v}")
        parsed[i] = 100 // (v % 5) if v % 5 else 0
    except (ValueError, ArithmeticError) as e:
        # omp critical
        errors.append((i, type(e).__name__, str(e)[:30]))
        # omp end critical

errors.sort()
print(len(errors), errors[:3], errors[-1])
print(sum(p for p in parsed if p is not None))
