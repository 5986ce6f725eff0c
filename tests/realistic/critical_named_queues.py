"""OpenMP Examples critical.1, ported: two shared work queues, each drained under its
own named critical (`xaxis`, `yaxis`); the work itself runs outside."""

from collections import deque

xq = deque(range(0, 60))
yq = deque(range(100, 140))
done_x = []
done_y = []


def work(item):
    s = 0
    for k in range(item % 13 * 20):
        s += k
    return item, s


# omp parallel
if True:
    while True:
        # omp critical(xaxis)
        ix = xq.popleft() if xq else None
        if ix is None:
            break
        r = work(ix)
        # omp critical(xaxis)
        done_x.append(r)
    while True:
        # omp critical(yaxis)
        iy = yq.popleft() if yq else None
        if iy is None:
            break
        r = work(iy)
        # omp critical(yaxis)
        done_y.append(r)

print(len(done_x), sorted(done_x)[:3], sum(s for _, s in done_x))
print(len(done_y), sorted(done_y)[-2:], len(xq), len(yq))
