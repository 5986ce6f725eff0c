"""A generator of work items (parsed from text lines) feeding an `omp for` inside a
region: the generator runs once; results stored by position, then a `single` sorts
a summary."""

TEXT = "\n".join(f"item{i},{(i * 17) % 29},{'ab'[i % 2]}" for i in range(70))


def parse(text):
    for n, line in enumerate(text.splitlines()):
        name, qty, kind = line.split(",")
        yield n, name, int(qty), kind


results = [None] * 70
summary = []

# omp parallel
# omp for
for n, name, qty, kind in parse(TEXT):
    results[n] = (name, qty * (2 if kind == "a" else 3))
# omp single
summary = sorted(results, key=lambda r: (-r[1], r[0]))[:5]
# omp end single
# omp end parallel

print(summary, sum(q for _, q in results))
