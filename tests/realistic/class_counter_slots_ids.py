"""A class with `__slots__` that numbers its instances with a class-level counter taken
under `# omp atomic capture` in `__init__`; objects made in a parallel loop, the ids
sorted afterwards (which object gets which id depends on the schedule)."""


class Job:
    __slots__ = ("id", "size")
    next_id = 0

    def __init__(self, size):
        # omp atomic capture
        mine = Job.next_id
        Job.next_id += 1
        # omp end atomic
        self.id = mine
        self.size = size


jobs = [None] * 64
# omp parallel for
for i in range(64):
    jobs[i] = Job(i * 3 % 11)

print(Job.next_id, sorted(j.id for j in jobs) == list(range(64)), sum(j.size for j in jobs))
