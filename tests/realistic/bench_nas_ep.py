"""NAS Parallel Benchmarks EP (embarrassingly parallel), in pure Python after the
NPB 3 OpenMP version's structure (www.nas.nasa.gov, NPB3.x-OMP/EP/ep.f and
common/randdp.f): the linear congruential generator randlc (a = 5^13 mod 2^46, here
in exact integers), batches of pairs seeded by jumping the generator ahead (the
batch's power of a), Gaussian pairs by the polar (Marsaglia) method counted by
annulus.  The batch loop is a `parallel for` with reductions of the sums and of the
annulus counts (a numpy array).  Class "mini": 2^12 pairs per batch, 16 batches."""

import math

import numpy as np

MK = 12
NN = 16
NK = 1 << MK
NQ = 10
A = 1220703125  # 5^13
S = 271828183
MOD = 1 << 46
R46 = 1.0 / MOD


def randlc(x, a):
    """The next seed and its uniform deviate in (0, 1), as NPB's randlc."""
    x = (a * x) % MOD
    return x, x * R46


def batch_seed(k):
    """The seed of batch k: S times a^(2 * NK * k), NPB's `an` powers."""
    return (S * pow(A, 2 * NK * k, MOD)) % MOD


def ep():
    sx = 0.0
    sy = 0.0
    q = np.zeros(NQ)
    # omp parallel for reduction(+: sx, sy, q) schedule(static)
    for k in range(NN):
        t1 = batch_seed(k)
        for _ in range(NK):
            t1, x1 = randlc(t1, A)
            t1, x2 = randlc(t1, A)
            x1 = 2.0 * x1 - 1.0
            x2 = 2.0 * x2 - 1.0
            t = x1 * x1 + x2 * x2
            if t <= 1.0:
                t2 = math.sqrt(-2.0 * math.log(t) / t)
                t3 = x1 * t2
                t4 = x2 * t2
                l = int(max(abs(t3), abs(t4)))
                q[l] += 1.0
                sx += t3
                sy += t4
    return sx, sy, q


sx, sy, q = ep()
print("sx = %.9e, sy = %.9e" % (sx, sy))
print("gaussian pairs:", int(q.sum()), q.astype(int).tolist())
