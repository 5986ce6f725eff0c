"""A UnionFind class with union by rank and path halving; edges are unioned from a
parallel loop with every union under a named critical."""


class UnionFind:
    def __init__(self, n):
        self.parent = list(range(n))
        self.rank = [0] * n
        self.unions = 0

    def find(self, x):
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if self.rank[ra] < self.rank[rb]:
            ra, rb = rb, ra
        self.parent[rb] = ra
        if self.rank[ra] == self.rank[rb]:
            self.rank[ra] += 1
        self.unions += 1
        return True


N = 500
uf = UnionFind(N)
edges = [((i * 17) % N, (i * 29 + 3) % N) for i in range(350)]
merged = 0

# omp parallel for reduction(+:merged)
for e in range(len(edges)):
    a, b = edges[e]
    # omp critical(uf)
    ok = uf.union(a, b)
    if ok:
        merged += 1

roots = {uf.find(v) for v in range(N)}
print(merged, uf.unions, len(roots), N - len(roots))
