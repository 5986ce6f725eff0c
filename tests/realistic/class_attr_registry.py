"""A class attribute used as a registry (`Job.registry.append(self)`) and a class-level
counter changed by a classmethod under critical."""


class Job:
    registry = []
    created = 0

    def __init__(self, ident, cost):
        self.ident = ident
        self.cost = cost

    @classmethod
    def make(cls, ident, cost):
        job = cls(ident, cost)
        # omp critical(jobs)
        cls.registry.append((ident, cost))
        cls.created += 1
        # omp end critical
        return job


costs = [0] * 80
# omp parallel for
for i in range(80):
    job = Job.make(i, (i * 7) % 11)
    costs[i] = job.cost

print(Job.created, len(Job.registry), sorted(Job.registry)[:5], sum(costs))
