"""Orphaned ordered, critical (unnamed and named), and atomic blocks in a method, all
changing attributes of ``self``: each block hands on what its thread changed in
``self``, and a change one block already handed on is not the thread's again in the
next block (``seen`` is set under critical, then ``self`` is compared by ordered)."""


class App:
    def __init__(self):
        self.seen = 0
        self.hits = 0
        self.log = []
        self.d = {"k": []}
        self.threes = [0]
        self.elevens = 0

    def step(self, i):
        v = i * i % 1009
        # omp ordered
        self.log.append(v)
        # omp end ordered
        if v % 7 == 0:
            # omp critical
            self.d["k"].append(i)
            self.seen += 1
            # omp end critical
        if v % 5 == 0:
            # omp critical(hits)
            self.hits += 1
        if v % 3 == 0:
            # omp atomic
            self.threes[0] += 1
        if v % 11 == 0:
            # omp atomic
            self.elevens += 1
        return v


def run(schedule_dynamic):
    app = App()
    total = 0
    if schedule_dynamic:
        # omp parallel for ordered schedule(dynamic, 2) reduction(+:total)
        for i in range(90):
            total += app.step(i)
    else:
        # omp parallel for ordered schedule(static, 3) reduction(+:total)
        for i in range(90):
            total += app.step(i)
    print(total, app.seen, app.hits, app.threes, app.elevens, len(app.log), app.log[:5])
    print(sorted(app.d["k"]))


def inline():
    """The same blocks written in the loop itself."""

    class State:
        pass

    app = State()
    app.seen, app.hits, app.log, app.d, app.threes, app.elevens = 0, 0, [], {"k": []}, [0], 0
    total = 0
    # omp parallel for ordered schedule(dynamic, 2) reduction(+:total)
    for i in range(90):
        v = i * i % 1009
        # omp ordered
        app.log.append(v)
        # omp end ordered
        if v % 7 == 0:
            # omp critical
            app.d["k"].append(i)
            app.seen += 1
            # omp end critical
        if v % 5 == 0:
            # omp critical(hits)
            app.hits += 1
        if v % 3 == 0:
            # omp atomic
            app.threes[0] += 1
        if v % 11 == 0:
            # omp atomic
            app.elevens += 1
        total += v
    print(total, app.seen, app.hits, app.threes, app.elevens, len(app.log), app.log[-3:])
    print(sorted(app.d["k"]))


run(True)
run(False)
inline()
