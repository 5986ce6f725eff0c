"""`max(pools.values(), key=sum).extend([i])` under critical. Session 6 found it refused
by the deep net; now followed as an item of `pools`."""
pools = {"a": [5], "b": [1, 1], "c": [9, 9, 9]}
# omp parallel for
for i in range(12):
    # omp critical
    max(pools.values(), key=sum).extend([i])
print({k: sorted(v) for k, v in pools.items()})
