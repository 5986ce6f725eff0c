"""Parsing records: ValueError raised and caught in the loop; failures recorded under
critical, good values stored by index."""
raw = [str(i) if i % 5 else f"bad{i}" for i in range(40)]
vals = [None] * 40
errors = []
# omp parallel for
for i in range(40):
    try:
        vals[i] = int(raw[i]) * 2
    except ValueError as exc:
        # omp critical
        errors.append((i, str(exc)[:30]))
print(sum(v for v in vals if v is not None), sorted(errors)[:2], len(errors))
