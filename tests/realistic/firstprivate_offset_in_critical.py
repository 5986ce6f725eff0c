"""A firstprivate offset read inside a critical block that updates a shared dict; the
offset is each thread's copy of the master's value."""

offset = 1000
table = {}

# omp parallel for firstprivate(offset)
for i in range(200):
    key = i % 17
    # omp critical
    table[key] = table.get(key, offset) + i

print(sorted(table.items())[:5], sum(table.values()))
