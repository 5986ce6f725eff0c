"""Strings under + with a guided schedule, objects whose + does not commute
(__add__ and __iadd__), a declared reduction with a user combiner, and ints under
and/or: combined in the iterations' order, as with python (issue 9)."""

import time


class Path:
    def __init__(self, steps=()):
        self.steps = tuple(steps)

    def __add__(self, other):
        return Path(self.steps + other.steps)

    def __repr__(self):
        return f"Path{self.steps}"


class Log:
    def __init__(self, lines=()):
        self.lines = list(lines)

    def __iadd__(self, other):
        self.lines.extend(other.lines)
        return self

    def __repr__(self):
        return f"Log({self.lines})"


def joined(a, b):
    return a + "|" + b if a and b else a or b


text = ""
# omp parallel for reduction(+:text) schedule(guided)
for i in range(40):
    text += chr(ord("a") + i % 26)
print(text)

path = Path()
# omp parallel for reduction(+:path) schedule(dynamic, 3)
for i in range(15):
    path = path + Path([i])
print(path)

log = Log()
# omp parallel for reduction(+:log) schedule(static, 1)
for i in range(9):
    log += Log([f"line {i}"])
print(log)

# omp declare reduction(join : str : omp_out = joined(omp_out, omp_in)) initializer(omp_priv = "")
trail = ""
# omp parallel for reduction(join:trail) schedule(dynamic)
for i in range(12):
    trail = joined(trail, str(i))
print(trail)

# `x = x and v` keeps the first falsy value (or the last value), `or` the first truthy
first_zero = 5
first_hit = 0
# omp parallel for reduction(and:first_zero) reduction(or:first_hit) schedule(dynamic, 1)
for i in range(12):
    if i == 0:
        time.sleep(0.01)  # the first iteration's thread falls behind
    first_zero = first_zero and (i + 1) * (i % 5 != 3)
    first_hit = first_hit or (i * (i % 4 == 2))
print(first_zero, first_hit)
