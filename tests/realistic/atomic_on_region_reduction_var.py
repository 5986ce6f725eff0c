"""A region-level reduction variable updated with `# omp atomic` inside the region's
`for` (a C habit: atomic where it is not needed), next to a shared counter that does
need the atomic."""

total = 0
shared_count = 0

# omp parallel reduction(+:total)
if True:
    # omp for
    for i in range(600):
        # omp atomic
        total += i % 13
        if i % 5 == 0:
            # omp atomic
            shared_count += 1

print(total, shared_count)
