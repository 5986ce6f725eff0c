"""Records filled with `setattr` by field name (fields chosen from a schema), and one
more field stored through `vars(record)`, as generic data-loading code does."""


class Rec:
    pass


schema = ["alpha", "beta", "gamma"]
recs = [Rec() for _ in range(30)]

# omp parallel for
for i in range(len(recs)):
    for k, name in enumerate(schema):
        setattr(recs[i], name, i * 10 + k)
    vars(recs[i])["extra"] = i % 3

print(vars(recs[4]), sum(r.gamma + r.extra for r in recs))
