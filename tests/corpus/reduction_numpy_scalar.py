"""Reductions on numpy scalars (int64, float64, float32, int32, uint8, uint16,
bool_): the value and, where the operator preserves it, the numpy type."""

import numpy as np


def main():
    n = 64

    s = np.int64(0)
    # omp parallel for reduction(+:s)
    for i in range(n):
        s += np.int64(i) * 3
    print("int64 +", type(s).__name__, s)

    f = np.float64(0.0)
    # omp parallel for reduction(+:f)
    for i in range(n):
        f += np.float64(i) * 0.125
    print("float64 +", type(f).__name__, f)

    f32 = np.float32(0.0)
    # omp parallel for reduction(+:f32)
    for i in range(n):
        f32 += np.float32(i) * np.float32(0.5)
    print("float32 +", type(f32).__name__, f32)

    p = np.int64(1)
    # omp parallel for reduction(*:p)
    for i in range(30):
        p *= np.int64(i % 3 + 1)
    print("int64 *", type(p).__name__, p)

    m = np.int32(-100)
    # omp parallel for reduction(max:m)
    for i in range(n):
        m = max(m, np.int32(i * 7 % 50))
    print("int32 max", type(m).__name__, m)

    lo = np.float64(1e9)
    # omp parallel for reduction(min:lo)
    for i in range(n):
        lo = min(lo, np.float64((i - 20) * 0.75))
    print("float64 min", type(lo).__name__, lo)

    u = np.uint8(0xFF)
    # omp parallel for reduction(&:u)
    for i in range(5):
        u &= np.uint8(~(1 << i) & 0xFF)
    print("uint8 &", type(u).__name__, u)

    o = np.uint8(0)
    # omp parallel for reduction(|:o)
    for i in range(0, 8, 3):
        o |= np.uint8(1 << i)
    print("uint8 |", type(o).__name__, o)

    x = np.uint16(0)
    # omp parallel for reduction(^:x)
    for i in range(n):
        x ^= np.uint16(i * 37 % 65536)
    print("uint16 ^", type(x).__name__, x)

    ok = np.bool_(True)
    # omp parallel for reduction(and:ok)
    for i in range(n):
        ok = ok and np.bool_(i < 1000)
    print("bool_ and", bool(ok))


if __name__ == "__main__":
    main()
