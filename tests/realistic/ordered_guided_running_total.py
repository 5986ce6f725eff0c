"""An ordered block under schedule(guided) keeps a running total and appends the
prefix sums in iteration order; the work before it runs in parallel."""

import math

vals = [math.isqrt(i * 977 % 10007) for i in range(300)]
prefix = []
running = 0

# omp parallel for ordered schedule(guided, 3)
for i in range(len(vals)):
    w = sum(vals[i] % k for k in range(1, 40))
    # omp ordered
    if True:
        running += w
        prefix.append(running)

print(running, prefix[:5], prefix[-1] == running, len(prefix))
