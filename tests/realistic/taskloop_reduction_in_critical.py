"""A taskloop reduction updated inside a critical block in the task body, together with
a shared set."""

tot = 0
seen = set()

# omp parallel
# omp single
if True:
    # omp taskloop grainsize(10) reduction(+:tot)
    for i in range(200):
        # omp critical
        if True:
            tot += i % 9
            seen.add(i % 23)

print(tot, len(seen))
