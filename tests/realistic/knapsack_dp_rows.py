"""0/1 knapsack by dynamic programming: for each item a parallel loop fills the new
row of capacities from the previous row (read-only), then the rows are swapped."""

weights = [(i * 7) % 13 + 1 for i in range(25)]
values = [(i * 11) % 17 + 3 for i in range(25)]
CAP = 120
prev = [0] * (CAP + 1)

for it in range(len(weights)):
    w, v = weights[it], values[it]
    cur = [0] * (CAP + 1)
    # omp parallel for
    for c in range(CAP + 1):
        best = prev[c]
        if c >= w and prev[c - w] + v > best:
            best = prev[c - w] + v
        cur[c] = best
    prev = cur

print(prev[CAP], prev[::20])
