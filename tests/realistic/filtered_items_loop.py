"""A `parallel for` over a filtered generator of objects and over `dict.items()` of
records: the loop variables are the shared items themselves, changed in place."""


class Sensor:
    def __init__(self, ident):
        self.ident = ident
        self.active = ident % 3 != 0
        self.reading = 0.0


sensors = [Sensor(i) for i in range(45)]
records = {f"r{i}": {"raw": i * 3, "clean": None} for i in range(30)}

# omp parallel for
for s in (x for x in sensors if x.active):
    s.reading = round(s.ident * 1.5 + 0.25, 3)

# omp parallel for schedule(dynamic, 4)
for key, rec in records.items():
    rec["clean"] = rec["raw"] // 2 if rec["raw"] % 2 == 0 else -1

print(sum(s.reading for s in sensors), [s.reading for s in sensors[:4]])
print(sum(r["clean"] for r in records.values()), records["r7"])
