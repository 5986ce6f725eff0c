"""A shared stack pointer taken with atomic capture counting down: each iteration
claims the next free slot from the top; the filled slots are checked after."""

N = 300
slots = [None] * N
top = N
claimed = 0

# omp parallel for reduction(+:claimed)
for i in range(N):
    if i % 3 == 0:
        continue
    # omp atomic capture
    top -= 1
    k = top
    # omp end atomic
    slots[k] = i * i
    claimed += 1

filled = [s for s in slots if s is not None]
print(top, claimed, len(filled), sum(filled), slots[top:top + 1] != [None])
