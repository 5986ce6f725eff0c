"""scan: inclusive and exclusive prefix sums with `reduction(inscan, +: x)` on `parallel for` and on a `for` in a region, two scanned variables (`+` and `max`), a string prefix (order kept), a collapsed loop, a scan in a `simd` loop, and the reduction's final value."""


def inclusive(values, start):
    out = [0] * len(values)
    total = start
    # omp parallel for reduction(inscan, +: total)
    for i in range(len(values)):
        total += values[i]
        # omp scan inclusive(total)
        out[i] = total
    return out, total


def exclusive(values):
    before = [None] * len(values)
    s = 0
    peak = -1
    # omp parallel
    if True:
        # omp for reduction(inscan, +: s) reduction(inscan, max: peak)
        for i in range(len(values)):
            before[i] = (s, peak)
            # omp scan exclusive(s, peak)
            s += values[i]
            peak = max(peak, values[i])
    # omp end parallel
    return before, s, peak


def prefixes(text):
    word = ""
    out = [None] * len(text)
    # omp parallel for reduction(inscan, +: word)
    for i in range(len(text)):
        word += text[i]
        # omp scan inclusive(word)
        out[i] = word
    return out


def grid_scan(rows, cols):
    seen = [[0] * cols for _ in range(rows)]
    acc = 0
    # omp parallel for collapse(2) reduction(inscan, +: acc)
    for r in range(rows):
        for c in range(cols):
            acc += r * cols + c
            # omp scan inclusive(acc)
            seen[r][c] = acc
    return seen, acc


def simd_scan(values):
    out = []
    t = 0
    # omp simd reduction(inscan, +: t)
    for v in values:
        t += v
        # omp scan inclusive(t)
        out.append(t)
    return out


values = [(i * 17) % 23 - 5 for i in range(40)]
print(inclusive(values, 100))
print(inclusive([], 7))
print(exclusive(values))
print(prefixes("omppy scans"))
print(grid_scan(3, 4))
print(simd_scan([1, 2, 3, 4]))
