"""Each iteration updates its own record dict with new keys."""
records = [{"id": i} for i in range(25)]
# omp parallel for
for i in range(25):
    r = records[i]
    r.update(square=i * i, parity="even" if i % 2 == 0 else "odd")
    if i % 3 == 0:
        r["fizz"] = True
print(records[:4], sum(len(r) for r in records))
