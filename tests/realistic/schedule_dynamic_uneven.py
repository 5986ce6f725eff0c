"""Uneven work (triangular loops) with dynamic, guided and static-chunked schedules,
storing results by index into shared lists."""


def work(i):
    s = 0
    for k in range(i * 3):
        s = (s * 31 + k) % 100003
    return s


n = 150
dyn = [0] * n
gui = [0] * n
sta = [0] * n
# omp parallel for schedule(dynamic)
for i in range(n):
    dyn[i] = work(i)
# omp parallel for schedule(guided, 4)
for i in range(n):
    gui[i] = work(n - i)
# omp parallel for schedule(static, 5)
for i in range(n):
    sta[i] = work(i) ^ i

print(sum(dyn), sum(gui), sum(sta), dyn[-3:], gui[:3])
