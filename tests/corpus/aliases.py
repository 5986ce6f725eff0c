"""Stores and method calls through local aliases of shared items: a row of a list of
lists, an object of a list, a cell of a grid, an item of a dict."""


class Particle:
    def __init__(self, x):
        self.x = x
        self.trail = []

    def step(self, dt):
        self.x += dt
        self.trail.append(round(self.x, 3))


out = [[0] * 6 for _ in range(6)]
particles = [Particle(float(i)) for i in range(9)]
grid = [[{"v": 0} for _ in range(4)] for _ in range(3)]
table = {k: [k] for k in "abcdef"}

# omp parallel for
for i in range(6):
    row = out[i]
    for j in range(6):
        row[j] = i * j
print(out)

# omp parallel for schedule(static, 2)
for i in range(len(particles)):
    p = particles[i]
    p.step(0.5)
    p.step(0.25)
print([(p.x, p.trail) for p in particles])

# omp parallel for collapse(2)
for i in range(3):
    for j in range(4):
        cell = grid[i][j]
        cell["v"] = i * 10 + j
        cell["seen"] = True
print(grid)

keys = sorted(table)
# omp parallel for
for k in keys:
    items = table[k]
    items.append(k.upper())
    items.extend([ord(k)])
print(table)
