"""Module globals rebound from a helper under atomic and critical: an event counter
and a running total, as `static` counters in C."""

events = 0
total_weight = 0.0
heaviest = (0.0, -1)


def weigh(i):
    global events, total_weight, heaviest
    w = ((i * 7919) % 1000) / 10.0
    # omp atomic
    events += 1
    # omp atomic
    total_weight += w
    # omp critical
    if w > heaviest[0]:
        heaviest = (w, i)
    # omp end critical


# omp parallel for schedule(dynamic, 4)
for i in range(500):
    weigh(i)

print(events, round(total_weight, 6), heaviest)
