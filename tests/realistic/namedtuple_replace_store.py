"""Particles kept as namedtuples, advanced with `_replace` and stored back by index,
the idiom of code that avoids mutable objects; the kinetic energy is a reduction."""

from collections import namedtuple

P = namedtuple("P", "x y vx vy")
parts = [P(i * 0.5, (i * 7) % 11 * 0.25, (i % 5 - 2) * 0.1, (i % 3 - 1) * 0.2) for i in range(80)]
energy = 0.0

for step in range(3):
    energy = 0.0
    # omp parallel for reduction(+:energy)
    for i in range(len(parts)):
        p = parts[i]
        vy = p.vy - 0.05
        if p.y + vy < 0:
            vy = -vy
        parts[i] = p._replace(x=round(p.x + p.vx, 6), y=round(p.y + vy, 6), vy=round(vy, 6))
        energy += 0.5 * (p.vx * p.vx + vy * vy)

print(parts[4], parts[41])
print(round(energy, 9))
