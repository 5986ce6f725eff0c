"""A helper module with its own region and module state."""
calls = 0
history = []


def norms(rows):
    global calls
    calls += 1
    out = [0.0] * len(rows)
    # omp parallel for
    for i in range(len(rows)):
        out[i] = sum(x * x for x in rows[i]) ** 0.5
    history.append(len(rows))
    return out


def bump(n):
    global calls
    # omp atomic
    calls += n
