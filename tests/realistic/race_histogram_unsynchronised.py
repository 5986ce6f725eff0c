"""RACE (an error is the right answer): a histogram filled by a parallel loop with
`hist[b] += 1` and no atomic or critical. Every thread's chunk holds values of every
bucket, so at 2+ threads two threads update one bucket between two barriers: a data
race in OpenMP, which omppy must refuse (not keep one thread's count)."""

values = [(i * 7) % 5 for i in range(400)]
hist = [0] * 5

# omp parallel for
for i in range(len(values)):
    b = values[i]
    hist[b] += 1

print(hist)
