"""`print(..., flush=True)` inside `ordered` of a dynamic loop, interleaved with a counter updated under atomic; the printed lines must come in python's order."""

count = 0
# omp parallel for ordered schedule(dynamic, 2)
for i in range(12):
    v = sum(k * k for k in range(i * 50))
    # omp atomic
    count += 1
    # omp ordered
    print(i, v % 1000, flush=True)
    # omp end ordered
print("count", count)
