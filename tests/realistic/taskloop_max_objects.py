"""The best-scoring configuration found by a `taskloop` with a max reduction over
tuples (score, name), plus a count, in a region's single."""

best = (-1.0, "")
tried = 0
# omp parallel
if True:
    # omp single
    if True:
        # omp taskloop grainsize(8) reduction(max:best) reduction(+:tried)
        for k in range(150):
            a, b = k % 10, k // 10
            score = round(1.0 / (1 + (a - 3.3) ** 2 + (b - 7.1) ** 2), 9)
            best = max(best, (score, f"a{a}b{b}"))
            tried += 1
print(best, tried)
