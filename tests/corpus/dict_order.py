"""Keys that threads add to shared dicts come out in the order of the iterations that
added them, whatever the schedule: a dict filled by a dynamic loop prints as with
python, and a later loop over it hands every thread the same items."""

import time


def classify(i):
    time.sleep(0.0005)  # enough work for every thread to take chunks
    return f"k{(i * 37) % 101}"


results = {}
# omp parallel for schedule(dynamic, 3)
for i in range(90):
    results[classify(i)] = i
print(list(results.items())[:8], list(results)[-4:])

index = {}
counts = {}
# omp parallel
if True:
    # omp for schedule(guided)
    for i in range(60):
        time.sleep(0.0003)
        index[i * 7 % 61] = i
    # omp for schedule(static, 2)
    for k in list(index):
        index[k] = index[k] * 2
    # omp for schedule(dynamic)
    for i in range(40):
        # omp critical
        counts[i % 13] = counts.get(i % 13, 0) + 1
print(list(index.items())[:10], list(index)[-3:])
print(sorted(counts.items()))
