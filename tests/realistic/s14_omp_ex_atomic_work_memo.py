"""Port of the OpenMP Examples' atomic.1 (`x[index[i]] += work1(i)` under atomic and
`y[i] += work2(i)`), where work1 is memoised by index class in a dict the C code
would guard with critical."""
import time

work_memo = {}


def work1(i):
    key = i % 7
    # omp critical
    if key not in work_memo:
        work_memo[key] = key * 1.5 + 1.0
    v = work_memo[key]
    # omp end critical
    return v


def work2(i):
    return 2.0 * i


n = 40
x = [0.0] * 10
y = [0.0] * n
index = [(i * 3) % 10 for i in range(n)]
# omp parallel for schedule(static, 1)
for i in range(n):
    if i == 0:
        time.sleep(0.2)
    # omp atomic
    x[index[i]] += work1(i)
    y[i] += work2(i)
print(x, sum(y))
print(list(work_memo))
