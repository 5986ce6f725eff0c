"""`taskloop grainsize(4)` inside `single`, each iteration storing into a shared dict
(distinct keys) and adding into a counter with atomic; printed with python's key
order."""

squares = {}
count = 0

# omp parallel
if True:
    # omp single
    if True:
        # omp taskloop grainsize(4)
        for i in range(30):
            squares[i] = i * i
            # omp atomic
            count += 1

print(list(squares.items())[:5], len(squares), sum(squares.values()), count)
