"""A single-lane traffic model (Nagel-Schreckenberg without randomness): each step a
`single` snapshots the positions, then every car moves based on the gap to the car
ahead in the snapshot."""


class Car:
    def __init__(self, pos):
        self.pos = pos
        self.speed = 0
        self.moved = 0


L = 200
cars = [Car(p) for p in range(0, L, 7)]
snapshot = []

# omp parallel
for step in range(30):
    # omp single
    snapshot = [c.pos for c in cars]
    # omp for
    for k in range(len(cars)):
        car = cars[k]
        gap = (snapshot[(k + 1) % len(cars)] - car.pos - 1) % L
        car.speed = min(car.speed + 1, 5, gap)
        car.pos = (car.pos + car.speed) % L
        car.moved += car.speed

print([c.pos for c in cars[:10]], sum(c.moved for c in cars))
