"""A coroutine (generator with `send`) per item computes a running mean of a noisy
series; each iteration primes its own coroutine and keeps the final mean."""


def averager():
    total = 0.0
    count = 0
    mean = None
    while True:
        x = yield mean
        total += x
        count += 1
        mean = total / count


def series(i):
    for t in range(20):
        yield ((i * 13 + t * 7) % 31) / 3.0


means = [0.0] * 80
# omp parallel for schedule(guided)
for i in range(80):
    avg = averager()
    next(avg)
    m = None
    for x in series(i):
        m = avg.send(x)
    means[i] = round(m, 9)
print(means[:5], round(sum(means), 6))
