"""`lastprivate(conditional: x)` (OpenMP 5.0): x takes the value from the last
iteration that assigned it, not from the last iteration; a search for the last
element above a threshold."""

data = [(i * 7919) % 1000 for i in range(300)]
last_big = -1
last_idx = -1

# omp parallel for lastprivate(conditional: last_big, last_idx)
for i in range(len(data)):
    if data[i] > 990:
        last_big = data[i]
        last_idx = i

print(last_idx, last_big)
