"""Integrating many independent damped oscillators with RK4: each system's state list
is advanced by one iteration of the loop (`state[i] = rk4(...)`) for many steps."""


def deriv(s, k):
    x, v = s
    return (v, -k * x - 0.1 * v)


def rk4(s, k, h):
    k1 = deriv(s, k)
    k2 = deriv((s[0] + h / 2 * k1[0], s[1] + h / 2 * k1[1]), k)
    k3 = deriv((s[0] + h / 2 * k2[0], s[1] + h / 2 * k2[1]), k)
    k4 = deriv((s[0] + h * k3[0], s[1] + h * k3[1]), k)
    return (s[0] + h / 6 * (k1[0] + 2 * k2[0] + 2 * k3[0] + k4[0]),
            s[1] + h / 6 * (k1[1] + 2 * k2[1] + 2 * k3[1] + k4[1]))


M = 40
state = [(1.0, 0.0)] * M
ks = [0.5 + 0.1 * i for i in range(M)]

# omp parallel for
for i in range(M):
    s = state[i]
    for _ in range(200):
        s = rk4(s, ks[i], 0.05)
    state[i] = (round(s[0], 12), round(s[1], 12))

print(state[:3], state[-1])
