"""A simulation object holding two buffers as attributes (`self.cur`, `self.nxt`):
each step a `for` fills `nxt` from `cur`, a `single` swaps the attributes."""


class Diffusion:
    def __init__(self, n):
        self.cur = [0.0] * n
        self.cur[n // 2] = 64.0
        self.nxt = [0.0] * n
        self.steps = 0

    def run(self, steps):
        n = len(self.cur)
        # omp parallel
        for _ in range(steps):
            # omp for
            for i in range(1, n - 1):
                self.nxt[i] = 0.25 * self.cur[i - 1] + 0.5 * self.cur[i] + 0.25 * self.cur[i + 1]
            # omp single
            if True:
                self.cur, self.nxt = self.nxt, self.cur
                self.steps += 1
            # omp end single
        return self


d = Diffusion(41).run(12)
print(d.steps, [round(v, 6) for v in d.cur[14:27]], round(sum(d.cur), 6))
