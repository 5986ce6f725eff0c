"""A two-level dict built with setdefault under critical."""
import time

edges = [("a", "b"), ("c", "d"), ("a", "e"), ("c", "b"), ("b", "a")]
order = [[4, 3], [0, 1, 2]]
tree = {}
# omp parallel for schedule(static, 1)
for c in range(2):
    if c == 1:
        time.sleep(0.3)
    # omp critical
    for i in order[c]:
        a, b = edges[i]
        tree.setdefault(a, {})[b] = i
print(tree)
print([(k, list(v)) for k, v in tree.items()])
