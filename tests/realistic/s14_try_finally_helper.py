"""A helper marks a job as open in a dict, does the work in try/finally and marks it
done; the done dict's key order is printed."""
import time

opened = {}
done = {}


def run_job(name):
    opened[name] = True
    try:
        return len(name) * 2
    finally:
        done[name] = True


jobs = [["mix", "bake"], ["bake", "cool", "mix"]]
total = 0
# omp parallel for schedule(static, 1) reduction(+:total)
for j in range(2):
    if j == 0:
        time.sleep(0.2)
    for name in jobs[j]:
        # omp critical
        total += run_job(name)
print(total, list(opened), list(done))
