"""A region inside a function whose nested helpers hold orphaned `critical`, `atomic`
and `single`: the single sets a shared threshold (copyprivate-free: stored into a
list), the loop counts and collects above it."""


def analyse(values):
    stats = {"hits": 0, "sum": 0}
    above = []
    threshold = [None]

    def choose():
        # omp single
        threshold[0] = sorted(values)[len(values) // 2]

    def record(i, v):
        # omp atomic
        stats["hits"] += 1
        # omp critical
        above.append((v, i))

    def add(v):
        # omp atomic
        stats["sum"] += v

    # omp parallel
    if True:
        choose()
        # omp for
        for i in range(len(values)):
            add(values[i])
            if values[i] > threshold[0]:
                record(i, values[i])
    return threshold[0], stats, sorted(above)[-3:]


print(analyse([(i * 37) % 101 for i in range(240)]))
