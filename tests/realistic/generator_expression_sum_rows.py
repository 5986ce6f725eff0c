"""Generator expressions and any/all in the loop body."""
rows = [[(i * j) % 7 for j in range(10)] for i in range(20)]
flags = [None] * 20
# omp parallel for
for i in range(20):
    flags[i] = (sum(x for x in rows[i] if x > 3), any(x == 6 for x in rows[i]),
                all(x < 7 for x in rows[i]))
print(flags[:4])
