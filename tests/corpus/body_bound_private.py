"""Names bound in a loop body are private without a clause: plain and tuple
assignment, augmented assignment after binding, walrus, inner `for`, `with`,
`except`, `def` and `import` targets."""

import contextlib


def main():
    n = 24
    out = [None] * n

    # omp parallel for schedule(dynamic, 2)
    for i in range(n):
        t = i * 3
        u, v = divmod(t, 7)
        acc = 0
        for k in range(i):
            acc += k
        with contextlib.nullcontext(i * 2) as ctx:
            c = ctx + 1
        try:
            int("x" * (i % 2) + str(i))
            msg = "ok"
        except ValueError as err:
            msg = type(err).__name__

        def sq(z):
            return z * z

        import math as mth
        if (big := sq(i)) > 100:
            flag = "big"
        else:
            flag = "small"
        out[i] = (t, u, v, acc, c, msg, sq(u), mth.isqrt(t), big, flag)
    for row in out[:4] + out[-2:]:
        print(row)

    t = (n - 1) * 5
    res = [0] * n
    # omp parallel for
    for i in range(n):
        t = i * 5
        res[i] = t + 1
    print("t after", res)


if __name__ == "__main__":
    main()
