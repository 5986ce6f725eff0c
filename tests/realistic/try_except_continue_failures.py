"""Parsing measurements where some records are bad: try/except per item with
`continue`, failures counted by a reduction, bad indices kept under critical."""

raw = []
for i in range(300):
    if i % 17 == 0:
        raw.append("n/a")
    elif i % 29 == 0:
        raw.append("")
    else:
        raw.append(f"{(i * 37) % 101 / 7:.3f}")

values = [0.0] * len(raw)
failed = 0
total = 0.0
bad = []
# omp parallel for reduction(+:failed,total) schedule(dynamic, 8)
for i in range(len(raw)):
    try:
        x = float(raw[i])
    except ValueError:
        failed += 1
        # omp critical
        bad.append(i)
        continue
    values[i] = x * x
    total += x
print(failed, round(total, 6), sorted(bad)[:10], len(bad))
print(round(sum(values), 6))
