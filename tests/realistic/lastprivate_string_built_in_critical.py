"""A per-iteration report line built with += (private) and kept as lastprivate, while
the same critical block appends the line to a shared list."""

rows = [(f"n{i}", (i * 17) % 100) for i in range(80)]
line = ""
lines = []

# omp parallel for lastprivate(line)
for i in range(len(rows)):
    name, v = rows[i]
    # omp critical
    if True:
        line = name
        line += ":"
        line += "#" * (v // 10)
        lines.append(line)

print(line, len(lines), sorted(lines)[:3])
