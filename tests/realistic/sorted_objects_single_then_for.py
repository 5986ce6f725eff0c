"""Tasks sorted by priority in a `single` (the shared list is sorted in place), then
a `for` over the sorted list assigns each task its rank and a start time held on the
task object; the objects are the same objects before and after the sort."""


class Task:
    def __init__(self, tid, prio, dur):
        self.tid = tid
        self.prio = prio
        self.dur = dur
        self.rank = None
        self.start = None


tasks = [Task(i, (i * 37) % 11, (i * 13) % 7 + 1) for i in range(45)]
by_id = {t.tid: t for t in tasks}
starts = [0] * 45

# omp parallel
# omp single
tasks.sort(key=lambda t: (-t.prio, t.tid))
for k in range(len(tasks)):
    starts[k] = (starts[k - 1] + tasks[k - 1].dur) if k else 0
# omp end single
# omp for
for k in range(len(tasks)):
    tasks[k].rank = k
    tasks[k].start = starts[k]
# omp end parallel

print([(t.tid, t.rank, t.start) for t in tasks[:5]], by_id[10].rank, by_id[10].start, by_id[44].start)
