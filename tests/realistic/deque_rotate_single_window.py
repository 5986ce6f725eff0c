"""A `deque` window rotated in a `single` inside a while loop of a region; each round a `single` makes the partial list (so it is shared), a worksharing loop fills it by index from the window, and the rotating `single` sums it."""

from collections import deque

window = deque(range(8))
results = []
rounds = 0
# omp parallel
if True:
    while rounds < 5:
        # omp single
        part = [0] * 8
        # omp end single
        # omp for
        for k in range(8):
            part[k] = window[k] * (k + 1)
        # omp single
        results.append(sum(part))
        window.rotate(3)
        window[0] += rounds
        rounds += 1
        # omp end single
print(results, list(window))
