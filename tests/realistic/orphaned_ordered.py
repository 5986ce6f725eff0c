"""An orphaned `ordered` in a helper called from a `for ordered` loop: the helper
appends to a log in iteration order, so the log comes out sequential."""

log = []


def emit(i, value):
    # omp ordered
    log.append(f"{i}:{value}")


def work(i):
    s = 0
    for k in range(i * 50):
        s = (s + k * k) % 10007
    return s


# omp parallel for ordered schedule(dynamic, 3)
for i in range(40):
    emit(i, work(i))

print(len(log))
print(log[:6], log[-2:])
