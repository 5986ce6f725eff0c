"""Sum by reduction and the best record by critical compare-and-set."""
best = (float("inf"), -1)
total = 0
# omp parallel for reduction(+:total)
for i in range(200):
    cost = ((i * 7919) % 211) - 100
    total += cost
    if abs(cost) < best[0]:
        # omp critical
        if (abs(cost), i) < best:
            best = (abs(cost), i)
print(total, best)
