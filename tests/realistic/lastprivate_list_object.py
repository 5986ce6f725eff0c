"""lastprivate of a list built in each iteration."""
window = []
total = [0] * 20
# omp parallel for lastprivate(window)
for i in range(20):
    window = [i, i + 1, i + 2]
    total[i] = sum(window)
print(window, sum(total))
