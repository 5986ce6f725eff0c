"""A class method that runs a parallel region over its own attributes: a `for` that
writes `self.labels[i]`, a reduction into a local that is then stored on `self`, and
`self.hist[b] += 1` under atomic."""


class Classifier:
    def __init__(self, data, k):
        self.data = data
        self.k = k
        self.labels = [None] * len(data)
        self.hist = [0] * k
        self.score = 0.0

    def fit(self):
        total = 0.0
        # omp parallel reduction(+:total)
        # omp for
        for i in range(len(self.data)):
            lab = self.data[i] % self.k
            self.labels[i] = lab
            # omp atomic
            self.hist[lab] += 1
            total += self.data[i] / (lab + 1)
        # omp end parallel
        self.score = round(total, 6)
        return self


c = Classifier([(i * 7919) % 257 for i in range(400)], 6).fit()
print(c.labels[:10], c.hist, c.score)
