"""A parallel region executed many times in a loop (20 regions, then a function
called 15 times), with results accumulating across regions."""

import numpy as np


def step(vals, rep):
    # omp parallel for
    for i in range(len(vals)):
        vals[i] = (vals[i] * 3 + rep) % 1009
    return vals


def main():
    n = 16
    history = [None] * 20
    arr = np.zeros(n, dtype=np.int64)
    running = 0
    for rep in range(20):
        s = 0
        # omp parallel for reduction(+:s)
        for i in range(n):
            s += i * rep
            arr[i] += rep
        history[rep] = s
        running += s
    print("history", history)
    print("running", running, arr.tolist())

    vals = list(range(n))
    for rep in range(15):
        vals = step(vals, rep)
    print("step", vals)

    lasts = []
    for rep in range(5):
        last = None
        # omp parallel for lastprivate(last) schedule(dynamic)
        for i in range(rep + 1):
            last = i * 100 + rep
        lasts.append(last)
    print("lastprivate", lasts)


if __name__ == "__main__":
    main()
