"""+= on a shared list under critical (list.__iadd__ extends in place)."""
acc = []
# omp parallel for
for i in range(20):
    chunk = [i] * (i % 3)
    # omp critical
    acc += chunk
print(sorted(acc), len(acc))
