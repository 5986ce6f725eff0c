"""k-means clustering in pure Python (integer points, so the sums are exact):
assignments computed in a parallel loop (stored by index), per-cluster sums and counts accumulated under critical, then new
centroids; a fixed number of rounds."""

pts = [((i * 37) % 100, (i * 91) % 100) for i in range(300)]
k = 4
cent = [pts[0], pts[75], pts[150], pts[225]]
assign = [0] * len(pts)

for rnd in range(8):
    sums = [[0.0, 0.0, 0] for _ in range(k)]
    # omp parallel for
    for i in range(len(pts)):
        x, y = pts[i]
        best = min(range(k), key=lambda c: ((x - cent[c][0]) ** 2 + (y - cent[c][1]) ** 2, c))
        assign[i] = best
        # omp critical
        if True:
            sums[best][0] += x
            sums[best][1] += y
            sums[best][2] += 1
        # omp end critical
    cent = [(round(s[0] / s[2], 9), round(s[1] / s[2], 9)) if s[2] else cent[c] for c, s in enumerate(sums)]

print(cent)
print([assign.count(c) for c in range(k)])
