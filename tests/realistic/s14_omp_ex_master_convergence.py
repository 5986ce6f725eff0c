"""Port of the OpenMP Examples' master.1 (an iteration until convergence: the master
reports the error each step): here the master records each step's error in a dict
through a helper, and the loop updates a global numpy array."""
import numpy as np

history = {}


def report(step, err):
    history[step] = round(err, 10)


x = np.linspace(0.0, 1.0, 16) ** 2
xold = x.copy()
# omp parallel
for step in range(5):
    # omp for
    for i in range(1, 15):
        x[i] = 0.5 * (xold[i - 1] + xold[i + 1])
    # omp master
    report(step, float(np.abs(x - xold).max()))
    # omp end master
    # omp barrier
    # omp single
    xold[:] = x
    # omp end single
# omp end parallel
print(list(history.items()))
print(x.round(6).tolist())
