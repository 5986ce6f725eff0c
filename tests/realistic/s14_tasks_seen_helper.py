"""Tasks created in a single each mark their file's words in a set-like dict through
a helper under critical; the set of words is printed sorted, with a count."""
import time

seen = {}


def mark_all(words):
    for w in words:
        seen[w] = True


files = [["to", "be", "or"], ["not", "to", "be"], ["that", "is"]]
# omp parallel
# omp single
for f in range(len(files)):
    # omp task firstprivate(f)
    if f == 0:
        time.sleep(0.1)
    # omp critical
    mark_all(files[f])
    # omp end critical
    # omp end task
# omp end single
# omp end parallel
print(len(seen), sorted(seen))
