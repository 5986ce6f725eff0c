"""`array.array` buffers made per iteration (private), filled and summarised, and the summaries stored in a list by index; a shared `array.array` only read."""

from array import array

weights = array("d", [0.5 + (k % 5) * 0.25 for k in range(32)])
scores = [0.0] * 16
# omp parallel for
for i in range(16):
    buf = array("d", (0.0 for _ in range(32)))
    for k in range(32):
        buf[k] = weights[k] * ((i + k) % 7)
    scores[i] = round(sum(buf), 4)
print(scores[:5], round(sum(scores), 3))
