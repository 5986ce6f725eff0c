"""A module-level dict of pending jobs; a helper removes finished jobs with `del` and
`pop` under a named critical, and records them in a module-level list."""

pending = {j: j * j for j in range(60)}
finished = []


def finish(job):
    # omp critical(pending)
    value = pending.pop(job)
    if job % 10 == 0:
        del pending[job + 1]
        finished.append(job + 1)
    finished.append(job)
    # omp end critical
    return value


results = [0] * 60
# omp parallel for
for j in range(0, 60, 2):
    results[j] = finish(j)

print(sorted(pending)[:6], len(pending), sorted(finished)[:6], sum(results))
