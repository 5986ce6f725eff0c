"""A decorator that counts calls in an attribute of the wrapper function
(`wrapper.calls += 1`), the increment under `# omp critical` inside the wrapper."""

import functools


def counted(fn):
    @functools.wraps(fn)
    def wrapper(*args):
        # omp critical
        wrapper.calls += 1
        return fn(*args)

    wrapper.calls = 0
    return wrapper


@counted
def digits_sum(n):
    return sum(int(c) for c in str(n))


res = [0] * 120
# omp parallel for
for i in range(120):
    res[i] = digits_sum(i * 37)
print(sum(res), digits_sum.calls, digits_sum.__name__)
