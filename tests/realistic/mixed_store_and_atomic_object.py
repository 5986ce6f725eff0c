"""Issue 9's case 8: an object whose list attribute is stored into by index in the
loop while its counter attribute is bumped under atomic."""


class Matcher:
    def __init__(self, n):
        self.scores = [0] * n
        self.matched = 0

    def score_all(self, pattern):
        # omp parallel for
        for i in range(len(self.scores)):
            s = bin(i).count("1")
            self.scores[i] = s
            if s == pattern:
                # omp atomic
                self.matched += 1
        return self


m = Matcher(128).score_all(3)
print(m.matched, sum(m.scores), m.scores[:8])
