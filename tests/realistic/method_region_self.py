"""Regions inside methods: a `parallel for` in `run()` storing into `self.results`,
an atomic counter on `self.done`, and a second method whose region reads them."""


class Job:
    def __init__(self, n):
        self.n = n
        self.results = [0] * n
        self.done = 0
        self.errors = []

    def run(self):
        # omp parallel for schedule(dynamic, 4)
        for i in range(self.n):
            self.results[i] = (i * i) % 97
        # omp parallel for
        for i in range(self.n):
            if self.results[i] > 90:
                # omp critical
                self.errors.append(i)
            # omp atomic
            self.done += 1
        return self

    def summary(self):
        big = 0
        # omp parallel for reduction(+:big)
        for i in range(self.n):
            big += self.results[i] > 50
        return big, self.done, sorted(self.errors)


print(Job(150).run().summary())
