"""Several worksharing loops in one region, each with its own reduction, and a region
level reduction accumulated across them."""

data = [((i * 7919) % 1009) - 500 for i in range(300)]
pos = 0
neg = 0
sq = 0
peak = -10 ** 9
count = 0

# omp parallel reduction(+:count)
if True:
    # omp for reduction(+:pos)
    for i in range(len(data)):
        if data[i] > 0:
            pos += data[i]
            count += 1
    # omp for reduction(+:neg) schedule(dynamic, 16)
    for i in range(len(data)):
        if data[i] < 0:
            neg += data[i]
            count += 1
    # omp for reduction(+:sq) reduction(max:peak) nowait
    for v in data:
        sq += v * v
        peak = max(peak, v)

print(pos, neg, sq, peak, count)
