"""Code omppy cannot see changes what a region hands it at any depth: a method of a
module without pragmas appends four and five levels below the shared object, a
function of it bumps a counter three dicts down; and the `random` module's own
generator drawn in `single`, `critical` and `ordered` gives python's numbers."""

import random

from lib.plain_mesh import Mesh, bump

mesh = Mesh(8)
# omp parallel for schedule(dynamic)
for i in range(8):
    mesh.tag(i, "x%d" % i)
print([c["tags"] for c in mesh.cells])
print([c["meta"]["seen"] for c in mesh.cells])

table = {k: {j: {"count": 0} for j in range(3)} for k in range(4)}
# omp parallel for
for k in range(4):
    for j in range(3):
        bump(table, (k, j))
print(sorted((k, j, v["count"]) for k, row in table.items() for j, v in row.items()))

random.seed(7)
draws = []
# omp parallel
for r in range(3):
    # omp single
    draws.append(random.randrange(1000))
print(draws)

picked = []
# omp parallel for ordered schedule(static, 1)
for i in range(6):
    # omp ordered
    picked.append(random.random())
print([round(p, 6) for p in picked])
print(random.randrange(10**6))
