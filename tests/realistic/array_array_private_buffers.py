"""Each iteration fills its own `array.array('d')` buffer (private, made in the body)
and stores a summary; a typed array of ints made before the region is only read."""

import array

weights = array.array("i", [(k * 13) % 7 + 1 for k in range(64)])
summary = [0.0] * 100
# omp parallel for schedule(static, 5)
for i in range(100):
    buf = array.array("d")
    for k in range(64):
        buf.append(((i + 1) * weights[k]) % 17 / 3.0)
    buf.reverse()
    summary[i] = sum(buf[::2]) - sum(buf[1::2])
print(round(sum(summary), 6), round(min(summary), 6), len(weights))
