"""taskloop with num_tasks over a list of objects, each task updating its own objects
in place; a taskloop reduction counts updated ones."""


class Cell:
    def __init__(self, v):
        self.v = v
        self.history = [v]

    def relax(self):
        self.v = (self.v * 3 + 1) % 101
        self.history.append(self.v)


cells = [Cell(i) for i in range(150)]
changed = 0

# omp parallel
# omp single
if True:
    # omp taskloop num_tasks(6) reduction(+:changed)
    for i in range(len(cells)):
        for _ in range(i % 4):
            cells[i].relax()
        if len(cells[i].history) > 1:
            changed += 1

print(changed, sum(c.v for c in cells), sum(len(c.history) for c in cells))
