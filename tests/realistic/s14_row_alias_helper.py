"""Each iteration takes a row alias (`row = out[i]`) of a shared list of lists and a
helper fills it in place; the rows are printed."""
import time

N = 6
out = [[0] * 4 for _ in range(N)]


def fill(row, i):
    for j in range(len(row)):
        row[j] = i * 10 + j


# omp parallel for schedule(static, 1)
for i in range(N):
    if i == 0:
        time.sleep(0.2)
    row = out[i]
    fill(row, i)
    row[0] = -row[0]
print(out)
