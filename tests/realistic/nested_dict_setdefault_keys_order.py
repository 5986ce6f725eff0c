"""Nested dicts built with setdefault under critical, one key per iteration."""
tree = {}
# omp parallel for
for i in range(30):
    a, b = i % 4, i % 5
    # omp critical
    tree.setdefault(a, {})[b] = i
print({k: list(v) for k, v in tree.items()})
