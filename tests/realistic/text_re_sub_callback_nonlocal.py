"""re.sub with a callback closure that counts its replacements through nonlocal; the
helper runs per line inside a parallel loop, totals reduced with +."""

import re

lines = [f"price {i} USD, tax {i * 3 % 17} USD, total {i + i * 3 % 17} USD" for i in range(200)]
out = [None] * len(lines)


def to_cents(line):
    count = 0

    def repl(m):
        nonlocal count
        count += 1
        return f"{int(m.group(1)) * 100}c"

    new = re.sub(r"(\d+) USD", repl, line)
    return new, count


replaced = 0
# omp parallel for reduction(+:replaced)
for i in range(len(lines)):
    out[i], k = to_cents(lines[i])
    replaced += k

print(replaced, out[0], out[-1])
