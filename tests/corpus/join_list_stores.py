"""Lists changed at the region's end, as the master's join applies them: one long
block per thread (ints past 2**31, strings, floats, None), new containers stored into
a shared list, scattered stores (dynamic, chunk 1), a list that grows, and a list
made in a critical block and filled after it in the same stretch."""

n = 20_000
out = [0] * n
# omp parallel for schedule(static)
for i in range(n):
    if i % 4 == 0:
        out[i] = i * i * 40_000
    elif i % 4 == 1:
        out[i] = f"s{i}"
    elif i % 4 == 2:
        out[i] = i / 8
    else:
        out[i] = None
print(sum(v for v in out if isinstance(v, int)), len([v for v in out if v is None]))
print(out[:6], out[-3:])

boxes = [None] * 12
# omp parallel for schedule(static)
for i in range(12):
    boxes[i] = [i, {"k": i}]
boxes[3].append("after")
boxes[7][1]["k"] = -7
print(boxes[2:9])

scattered = list(range(10_000))
# omp parallel for schedule(dynamic, 1)
for i in range(0, 10_000, 3):
    scattered[i] = -i
print(sum(scattered), scattered[:7])

grown = [1, 2, 3]
table = {}
# omp parallel
if True:
    # omp single
    grown.extend(range(4, 10))
    # omp for schedule(static)
    for i in range(8):
        # omp critical
        table[i] = []
        table[i].append(i * i)
        table[i].append(str(i))
print(grown)
print(sorted(table.items()))
