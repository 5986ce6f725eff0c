"""Order-dependent reductions of sequences under schedules that deal chunks out of
order: each comes out in the iterations' order, as with python (issue 9)."""

import time

evens = []
words = []
pairs = ()
blob = b""
# omp parallel for reduction(+:evens, words, pairs, blob) schedule(dynamic, 2)
for i in range(30):
    if i < 2:
        time.sleep(0.01)  # the first chunk's thread falls behind
    if i % 2 == 0:
        evens.append(i)
    words += [f"w{i}"]
    words.extend([i] * (i % 3))
    pairs += (i, -i)
    blob += bytes([65 + i % 26])
print(evens)
print(words)
print(pairs)
print(blob)

runs = []
# omp parallel
if True:
    # omp for reduction(+:runs) schedule(static, 3) nowait
    for i in range(20):
        runs.append(i * i)
print(runs)

grid = []
# omp parallel for collapse(2) reduction(+:grid) schedule(guided)
for i in range(5):
    for j in range(4):
        grid.append((i, j))
print(grid)


def helper(out):
    # an orphaned loop: the team of its caller's region shares it
    # omp for reduction(+:out) schedule(dynamic)
    for k in range(12):
        out.append(k)
    return out


found = []
# omp parallel
if True:
    mine = helper([])
    # omp single
    found.append(mine)
print(found)

nested = []
# omp parallel num_threads(2)
if True:
    # omp single
    if True:
        inner = []
        # omp parallel for reduction(+:inner) schedule(dynamic, 1) num_threads(2)
        for k in range(8):
            inner.append(k)
        nested.append(inner)
print(nested)
