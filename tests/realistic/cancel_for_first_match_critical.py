"""`cancel for` once the one match of a search is found (a permutation: the value occurs once), the match and its neighbours recorded under critical; a `cancellation point` in an inner python loop."""

data = [(i * 7919) % 10007 for i in range(3000)]
target = data[1234]
found = []
# omp parallel for schedule(dynamic, 16)
for i in range(len(data)):
    hit = False
    for k in range(3):
        if data[i] + k - k == target:
            hit = True
        # omp cancellation point for
    if hit:
        # omp critical
        found.append((i, data[i - 1], data[i + 1]))
        # omp end critical
        # omp cancel for
print(found)
