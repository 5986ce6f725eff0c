"""A moving-window maximum per series with a private `deque` of indices, and a shared
`deque` of summaries extended in `ordered` (python's order)."""

from collections import deque

series = [[(i * 37 + t * 11) % 50 for t in range(40)] for i in range(30)]
summary = deque()
peaks = [0] * 30
# omp parallel for ordered schedule(dynamic, 2)
for i in range(30):
    xs = series[i]
    window = deque()
    maxima = []
    for t, x in enumerate(xs):
        while window and xs[window[-1]] <= x:
            window.pop()
        window.append(t)
        if window[0] <= t - 5:
            window.popleft()
        if t >= 4:
            maxima.append(xs[window[0]])
    peaks[i] = sum(maxima)
    # omp ordered
    summary.extend((i, m) for m in maxima[:2])
print(sum(peaks), list(summary)[:6], len(summary))
