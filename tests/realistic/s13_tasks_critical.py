"""tasks, each merging its words into a dict under critical."""
import time

chunks = [["a", "b", "c"], ["c", "b", "a"], ["d"]]
d = {}
# omp parallel
if True:
    # omp single
    for c in range(3):
        # omp task firstprivate(c)
        if True:
            if c == 0:
                time.sleep(0.3)
            # omp critical
            for w in chunks[c]:
                d[w] = d.get(w, 0) + 1
print(list(d.items()))
