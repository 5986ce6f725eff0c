"""namedtuples with defaults: rows parsed per iteration, _replace'd and stored by
index; _asdict of the totals row at the end."""

from collections import namedtuple

Row = namedtuple("Row", ["sku", "qty", "price", "discount"], defaults=[0.0])

raw = [(f"sku{i % 40}", i % 9, 1.5 + (i % 13)) for i in range(400)]
rows = [None] * len(raw)

# omp parallel for
for i in range(len(raw)):
    r = Row(*raw[i])
    if r.qty > 5:
        r = r._replace(discount=0.1)
    rows[i] = r

tot = Row("TOTAL", sum(r.qty for r in rows),
          round(sum(r.qty * r.price * (1 - r.discount) for r in rows), 4))
print(tot._asdict(), rows[7], Row._field_defaults)
