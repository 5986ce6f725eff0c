"""`parallel for if(n > 100)`: small inputs run sequentially, large ones in
parallel; the same helper processes lists of several sizes."""


def smooth(xs):
    n = len(xs)
    out = [0.0] * n
    # omp parallel for if(n > 100)
    for i in range(n):
        lo, hi = max(0, i - 2), min(n, i + 3)
        out[i] = sum(xs[lo:hi]) / (hi - lo)
    return out


for n in (5, 50, 150, 400):
    xs = [((k * 37) % 19) / 3 for k in range(n)]
    ys = smooth(xs)
    print(n, round(sum(ys), 9), round(max(ys), 9))
