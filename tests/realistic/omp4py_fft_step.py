"""OMP4Py's fft example: the radix-2 step function with a region-private two-element
scratch array and a `for` over butterflies, applied to views of numpy arrays passed
as arguments (the numbers are whatever the sequential port computes)."""

import math

import numpy as np


def step(n, mj, a, b, c, d, w, sgn):
    mj2 = 2 * mj
    lj = n // mj2
    # omp parallel
    if True:
        wjw = np.empty(2)
        # omp for
        for j in range(lj):
            jw = j * mj
            ja = jw
            jb = ja
            jc = j * mj2
            jd = jc
            wjw[0] = w[jw * 2 + 0]
            wjw[1] = w[jw * 2 + 1]
            if sgn < 0.0:
                wjw[1] = -wjw[1]
            for k in range(mj):
                c[(jc + k) * 2 + 0] = a[(ja + k) * 2 + 0] + b[(jb + k) * 2 + 0]
                c[(jc + k) * 2 + 1] = a[(ja + k) * 2 + 1] + b[(jb + k) * 2 + 1]
                ambr = a[(ja + k) * 2 + 0] - b[(jb + k) * 2 + 0]
                ambu = a[(ja + k) * 2 + 1] - b[(jb + k) * 2 + 1]
                d[(jd + k) * 2 + 0] = wjw[0] * ambr - wjw[1] * ambu
                d[(jd + k) * 2 + 1] = wjw[1] * ambr + wjw[0] * ambu


def cffti(n, w):
    aw = 2.0 * math.pi / n
    for i in range(n // 2):
        w[i * 2] = math.cos(aw * i)
        w[i * 2 + 1] = math.sin(aw * i)


def cfft2(n, x, y, w, sgn):
    m = int(math.log(n) / math.log(1.99))
    mj = 1
    tgle = 1
    step(n, mj, x[0:], x[(n // 2) * 2:], y[0:], y[mj * 2:], w, sgn)
    if n == 2:
        return
    for j in range(m - 2):
        mj = mj * 2
        if tgle:
            step(n, mj, y[0:], y[(n // 2) * 2:], x[0:], x[mj * 2:], w, sgn)
            tgle = 0
        else:
            step(n, mj, x[0:], x[(n // 2) * 2:], y[0:], y[mj * 2:], w, sgn)
            tgle = 1
    if tgle:
        y[:2 * n] = x[:2 * n]
    mj = n // 2
    step(n, mj, x[0:], x[(n // 2) * 2:], y[0:], y[mj * 2:], w, sgn)


n = 64
rng = np.random.default_rng(331)
z = rng.random(2 * n)
x = z.copy()
y = np.empty(2 * n)
w = np.empty(n)
cffti(n, w)
cfft2(n, x, y, w, 1.0)
print(round(float(np.abs(y).sum()), 8), round(float(np.abs(x).sum()), 8))
print(np.round(y[:4], 8).tolist())
