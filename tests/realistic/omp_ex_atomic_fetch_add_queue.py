"""OpenMP Examples atomic.2 (fetch_and_add as a work index) in Python: each thread
claims the next index of a shared work list with `atomic capture`, processes it, and
the main loop runs until the list is exhausted (a `parallel` region with a while)."""

work = [(i * 29) % 97 for i in range(200)]
done = [0] * len(work)
next_index = 0

# omp parallel
while True:
    # omp atomic capture
    mine = next_index
    next_index += 1
    # omp end atomic
    if mine >= len(work):
        break
    v = work[mine]
    done[mine] = sum(d for d in range(1, v + 1) if v % d == 0)
# omp end parallel

print(next_index >= len(work), sum(done), done[:6])
