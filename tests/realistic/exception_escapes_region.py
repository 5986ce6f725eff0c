"""Input validation that raises from inside a parallel loop; the caller catches the
error outside the region and reports it (the program exits normally). Only one
input is bad, so the message is python's whichever thread finds it."""


def check(values):
    out = [0] * len(values)
    # omp parallel for
    for i in range(len(values)):
        if values[i] < 0:
            raise ValueError(f"negative value at {i}: {values[i]}")
        out[i] = values[i] ** 0.5
    return out


data = [float(i % 17) for i in range(100)]
print(round(sum(check(data)), 6))
data[73] = -2.0
try:
    check(data)
except ValueError as e:
    print("rejected:", e)
