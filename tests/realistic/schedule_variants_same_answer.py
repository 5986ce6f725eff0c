"""The same per-item work under several schedules (static, static chunk, dynamic,
guided, auto, runtime): every schedule fills the same result list."""

def work(i):
    x = i
    for _ in range(i % 13):
        x = (x * 1103515245 + 12345) % 2**31
    return x % 1000


N = 157
outs = []
for sched in range(6):
    res = [0] * N
    if sched == 0:
        # omp parallel for schedule(static)
        for i in range(N):
            res[i] = work(i)
    elif sched == 1:
        # omp parallel for schedule(static, 7)
        for i in range(N):
            res[i] = work(i)
    elif sched == 2:
        # omp parallel for schedule(dynamic)
        for i in range(N):
            res[i] = work(i)
    elif sched == 3:
        # omp parallel for schedule(guided, 4)
        for i in range(N):
            res[i] = work(i)
    elif sched == 4:
        # omp parallel for schedule(auto)
        for i in range(N):
            res[i] = work(i)
    else:
        # omp parallel for schedule(runtime)
        for i in range(N):
            res[i] = work(i)
    outs.append(sum(res))

print(outs, len(set(outs)))
