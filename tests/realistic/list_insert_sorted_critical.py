"""list.insert at a computed position under critical, a sorted list kept."""
import bisect

ordered = []
# omp parallel for
for i in range(30):
    v = (i * 17) % 31
    # omp critical
    ordered.insert(bisect.bisect(ordered, v), v)
print(ordered[:8], len(ordered), ordered == sorted(ordered))
