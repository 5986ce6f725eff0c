"""A dispatch table of `functools.partial` objects and lambdas, chosen per item by a
key; results stored by index and counted per operation under atomic."""

from functools import partial


def scale(x, factor, offset=0):
    return x * factor + offset


ops = {
    "double": partial(scale, factor=2),
    "shift": partial(scale, factor=1, offset=100),
    "square": lambda x: x * x,
    "neg": partial(scale, factor=-1),
}
names = sorted(ops)
counts = {n: 0 for n in names}
out = [None] * 200

# omp parallel for schedule(guided)
for i in range(200):
    name = names[(i * 7) % len(names)]
    out[i] = (name, ops[name](i))
    # omp atomic
    counts[name] += 1

print(out[:5], sum(v for _, v in out), counts)
