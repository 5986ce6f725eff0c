"""print under ordered: lines in iteration order."""
# omp parallel for ordered schedule(dynamic)
for i in range(12):
    v = sum(range(i * 100))
    # omp ordered
    print(i, v % 1000)
