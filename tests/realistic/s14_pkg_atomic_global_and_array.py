"""A helper of another module counts calls under atomic (a module global of that
module) and the program writes that module's numpy array by owner-computes slots."""
import time

from s14pkg import stats

# omp parallel for schedule(static, 1)
for i in range(8):
    if i == 0:
        time.sleep(0.2)
    stats.bump()
    stats.HIST[i] = i * i
print(stats.calls, stats.HIST.tolist())
