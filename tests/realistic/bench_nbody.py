"""The n-body benchmark in the all-pairs form of the classic OpenMP codes (as in
Mark Harris's "Fast N-Body Simulation" CPU reference and the usual teaching versions):
each step computes every body's acceleration from all others with a softening term
(`parallel for` over bodies, each writing its own entries), then updates velocities
and positions (a second `parallel for`), and the total energy is a
`reduction(+: ...)`.  Plain lists, fixed initial conditions."""

import math

N = 64
STEPS = 6
DT = 0.01
SOFTENING = 1e-3


def accelerations(pos, mass, acc):
    # omp parallel for schedule(static)
    for i in range(N):
        ax = ay = az = 0.0
        xi, yi, zi = pos[i]
        for j in range(N):
            dx = pos[j][0] - xi
            dy = pos[j][1] - yi
            dz = pos[j][2] - zi
            inv = 1.0 / math.sqrt(dx * dx + dy * dy + dz * dz + SOFTENING)
            f = mass[j] * inv * inv * inv
            ax += f * dx
            ay += f * dy
            az += f * dz
        acc[i] = [ax, ay, az]


def energy(pos, vel, mass):
    e = 0.0
    # omp parallel for reduction(+: e)
    for i in range(N):
        e += 0.5 * mass[i] * sum(v * v for v in vel[i])
        for j in range(i + 1, N):
            d = math.sqrt(sum((pos[i][k] - pos[j][k]) ** 2 for k in range(3)) + SOFTENING)
            e -= mass[i] * mass[j] / d
    return e


def step(pos, vel, mass, acc):
    accelerations(pos, mass, acc)
    # omp parallel for
    for i in range(N):
        for k in range(3):
            vel[i][k] += DT * acc[i][k]
            pos[i][k] += DT * vel[i][k]


def main():
    pos = [[math.sin(i * 1.3) * 2, math.cos(i * 0.7) * 2, math.sin(i * 0.11)] for i in range(N)]
    vel = [[0.01 * math.cos(i), 0.01 * math.sin(i), 0.0] for i in range(N)]
    mass = [1.0 + (i % 5) * 0.1 for i in range(N)]
    acc = [[0.0, 0.0, 0.0] for _ in range(N)]
    e0 = energy(pos, vel, mass)
    for _ in range(STEPS):
        step(pos, vel, mass, acc)
    e1 = energy(pos, vel, mass)
    print("%.10f %.10f" % (e0, e1))
    print("%.10f %.10f %.10f" % tuple(pos[0]))


main()
