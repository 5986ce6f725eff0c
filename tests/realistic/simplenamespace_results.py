"""A `types.SimpleNamespace` used as a results record (a common quick struct): the
loop stores into lists it holds by index and a count under atomic."""

from types import SimpleNamespace

res = SimpleNamespace(squares=[0] * 50, labels=[""] * 50, odd=0, meta={"n": 50})

# omp parallel for
for i in range(50):
    res.squares[i] = i * i
    res.labels[i] = "odd" if i % 2 else "even"
    if i % 2:
        # omp atomic
        res.odd += 1

print(sum(res.squares), res.labels[:4], res.odd, res.meta)
