"""Result objects created in one parallel loop (`out[i] = Result(...)`) and updated in
a second loop, then summarised; the objects are made by worker threads."""


class Result:
    def __init__(self, ident, score):
        self.ident = ident
        self.score = score
        self.rank = None
        self.notes = []


out = [None] * 40
# omp parallel for
for i in range(40):
    out[i] = Result(i, (i * 29) % 41)

order = sorted(range(40), key=lambda k: (-out[k].score, k))
# omp parallel for
for pos in range(40):
    r = out[order[pos]]
    r.rank = pos + 1
    r.notes.append(f"rank {pos + 1}")

print([(r.ident, r.rank) for r in out[:6]], sum(len(r.notes) for r in out))
