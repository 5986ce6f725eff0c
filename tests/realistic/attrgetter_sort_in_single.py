"""Jobs scored in a loop, sorted in `single` with `operator.attrgetter`, then the top
jobs refined in a second loop of the same region."""

import operator


class Job:
    def __init__(self, i):
        self.i = i
        self.cost = (i * 7919) % 211
        self.score = 0.0
        self.refined = False


jobs = [Job(i) for i in range(90)]
order = []
# omp parallel
if True:
    # omp for
    for k in range(len(jobs)):
        j = jobs[k]
        j.score = j.cost / (1 + j.i % 5)
    # omp single
    order.extend(sorted(jobs, key=operator.attrgetter("score", "i"))[:20])
    # omp for
    for k in range(len(order)):
        order[k].refined = True
        order[k].score = round(order[k].score * 0.9, 6)
print([j.i for j in order[:8]], sum(j.refined for j in jobs), round(sum(j.score for j in jobs), 6))
