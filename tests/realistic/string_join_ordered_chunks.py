"""Text pieces appended to a shared list under ordered, joined after."""
pieces = []
# omp parallel for ordered schedule(static, 2)
for i in range(15):
    s = "-".join(str(d) for d in range(i % 4 + 1))
    # omp ordered
    pieces.append(s)
print("|".join(pieces))
