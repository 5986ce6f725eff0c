"""OMP4Py's qsort example (github.com/citiususc/omp4py,
examples/omp4py_examples/qsort.py), ported to comment pragmas: a quicksort of a numpy
array in place, each half sorted by a task with `if(high - low > limit)`, all under
`parallel` + `single`.  Smaller than the example's 40 million, with a fixed seed; the
check asserts as the example does, the output adds a checksum."""

import numpy as np


def _partition(array, low, high):
    pivot = array[high]
    i = low - 1

    for j in range(low, high):
        if array[j] <= pivot:
            i += 1
            array[i], array[j] = array[j], array[i]
    array[i + 1], array[high] = array[high], array[i + 1]
    return i + 1


def _omp4py_quicksort(array, low, high, limit):
    if high > low:
        pi = _partition(array, low, high)

        # omp task if(high - low > limit)
        _omp4py_quicksort(array, low, pi - 1, limit)

        # omp task if(high - low > limit)
        _omp4py_quicksort(array, pi + 1, high, limit)


def _omp4py_qsort(array, limit):
    # omp parallel
    # omp single
    _omp4py_quicksort(array, 0, len(array) - 1, limit)
    # omp end single
    # omp end parallel


def qsort(n=20000, limit=2000):
    print(f"qsort: n={n}, limit={limit}")
    array = np.random.default_rng(7).random(n)
    want = np.sort(array)

    _omp4py_qsort(array, limit)

    for i in range(1, n):
        assert array[i - 1] < array[i]
    print(bool((array == want).all()), round(float(array[: n // 2].sum()), 9))


qsort()
