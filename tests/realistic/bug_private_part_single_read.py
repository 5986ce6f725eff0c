"""NOW AN ERROR (session 11, from deque_rotate_single_window): `part = [0] * 8` bound in the region's while loop (private), filled by `# omp for`, summed in `single`: each thread's part held only its own iterations, and the single summed one thread's (python `[168, 108, ...]`, omppy at 2 threads `[20, 70, ...]`, exit 0). Refused at translate time, naming the loop and the single."""

from collections import deque

window = deque(range(8))
results = []
rounds = 0
# omp parallel
if True:
    while rounds < 5:
        part = [0] * 8
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
