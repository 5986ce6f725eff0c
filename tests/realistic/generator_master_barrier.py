"""A generator advanced only by master, its output stored in a shared list."""
def squares():
    n = 0
    while True:
        yield n * n
        n += 1
gen = squares()
got = []
# omp parallel num_threads(3)
if True:
    for r in range(4):
        # omp master
        got.append(next(gen))
        # omp barrier
print(got, next(gen))
