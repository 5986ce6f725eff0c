"""A for inside a region over a file and over a generator: the iterator is drawn once (by thread 0) and shared, not drawn by every thread."""
import os, tempfile
path = os.path.join(tempfile.mkdtemp(), "numbers.txt")
with open(path, "w") as handle:
    handle.write("\n".join(str(k) for k in range(1, 11)) + "\n")
calls = []
def numbers():
    calls.append(1)
    yield from range(5)
total = 0
twice = 0
with open(path) as handle:
    # omp parallel reduction(+:total, twice)
    # omp for
    for line in handle:
        total += int(line)
    # omp for
    for k in numbers():
        twice += 2 * k
    # omp end parallel
print(total, twice)
