"""numba's logistic regression example (numba.readthedocs.io, "Automatic
parallelization with @jit": `logistic_regression(Y, X, w, iterations)` with
parallel=True), rewritten as omppy pragmas: the example's array expression
`np.dot(((1.0 / (1.0 + np.exp(-Y * np.dot(X, w))) - 1.0) * Y), X)` is the loop numba
parallelises; here the gradient is a `parallel for reduction(+: grad)` over the
samples.  Seeded data; the weights are printed rounded."""

import numpy as np


def logistic_regression(Y, X, w, iterations):
    for i in range(iterations):
        grad = np.zeros(w.shape[0])
        # omp parallel for reduction(+: grad) schedule(static)
        for k in range(X.shape[0]):
            grad += ((1.0 / (1.0 + np.exp(-Y[k] * np.dot(X[k], w))) - 1.0) * Y[k]) * X[k]
        w -= grad
    return w


def main():
    rng = np.random.default_rng(3)
    n, d = 400, 5
    X = rng.random((n, d)) - 0.5
    Y = np.where(rng.random(n) > 0.5, 1.0, -1.0)
    w = rng.random(d)
    w = logistic_regression(Y, X, w, 20)
    print(np.round(w, 6).tolist())


main()
