"""Names rebound to arrays in a single (a Jacobi iteration's swap) reach every thread
at the next barrier; a 'for' reduction on a numpy array and on a list inside a
parallel region is folded once; an object's item stores with an atomic counter."""

import numpy as np

n = 40
b = np.arange(n, dtype=float)
x = np.zeros(n)
x_new = np.zeros(n)
iterations = 0
# omp parallel
while True:
    # omp for
    for i in range(n):
        x_new[i] = 0.5 * (x[i] + b[i] / (i + 1))
    # omp single
    x, x_new = x_new, x
    iterations += 1
    # omp end single
    if iterations >= 25:
        break
print(iterations, round(float(x.sum()), 8))

acc = np.zeros(3)
parts = []
# omp parallel
if True:
    # omp for reduction(+:acc)
    for i in range(60):
        acc += np.array([1.0, i, i * i])
    # omp for reduction(+:parts)
    for i in range(10):
        parts += [i * i]
print(acc.tolist(), parts)


class Matcher:
    def __init__(self, m):
        self.scores = [0] * m
        self.matched = 0

    def run(self, m):
        # omp parallel for
        for i in range(m):
            s = (i * 37) % 11
            self.scores[i] = s
            if s % 3 == 0:
                # omp atomic
                self.matched += 1


mt = Matcher(50)
mt.run(50)
print(sum(mt.scores), mt.matched)
