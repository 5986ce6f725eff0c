"""Closures made by a factory that keep private tallies, drawn by index inside a
parallel loop; the per-item work consumes a generator made in the iteration (private),
and results go through a nonlocal accumulator merged under critical."""


def make_scaler(factor):
    def scale(values):
        return [v * factor for v in values]
    return scale


def windows(seq, width):
    for start in range(0, len(seq) - width + 1):
        yield seq[start : start + width]


def analyse(data):
    scalers = [make_scaler(f) for f in (1, 2, 3)]
    best = {"value": None, "at": None}
    total = 0

    def consider(value, at):
        nonlocal total
        # omp critical
        total += value
        if best["value"] is None or (value, -at) > (best["value"], -best["at"]):
            best["value"], best["at"] = value, at
        # omp end critical

    # omp parallel for schedule(dynamic)
    for i in range(len(data)):
        row = scalers[i % 3](data[i])
        peak = max(sum(w) for w in windows(row, 3))
        consider(peak, i)
    return total, best


data = [[(i * j + 3) % 13 for j in range(10)] for i in range(45)]
print(analyse(data))
