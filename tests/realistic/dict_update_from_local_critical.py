"""Per-iteration local dicts merged with dict.update under critical."""
merged = {}
# omp parallel for
for i in range(20):
    local = {f"k{i}_{j}": i * j for j in range(3)}
    # omp critical
    merged.update(local)
print(len(merged), sum(merged.values()), sorted(merged)[:3])
