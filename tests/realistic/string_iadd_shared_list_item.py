"""String building with += into an item of a shared list under critical, then sorted."""
parts = [""]
# omp parallel for
for i in range(26):
    ch = chr(ord("a") + i)
    # omp critical
    parts[0] += ch
print("".join(sorted(parts[0])), len(parts[0]))
