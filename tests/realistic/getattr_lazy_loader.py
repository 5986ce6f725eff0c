"""A record whose missing attributes are loaded lazily by __getattr__ and kept on
the instance (setattr), like a lazy ORM row; each iteration reads its own row.

Found giving a different answer with exit status 0 (the attributes __getattr__
stored on workers' rows were lost: a class whose read hooks store is now watched
a few levels down)."""


class Row:
    def __init__(self, key):
        self.key = key
        self.loaded = []

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        value = sum(ord(c) for c in name) * self.key
        setattr(self, name, value)
        self.loaded.append(name)
        return value


rows = [Row(k) for k in range(40)]
totals = [0] * 40
# omp parallel for
for i in range(40):
    totals[i] = rows[i].price + (rows[i].weight if i % 2 else 0)

print(sum(totals), sum(len(r.loaded) for r in rows), rows[3].loaded, "weight" in vars(rows[4]))
