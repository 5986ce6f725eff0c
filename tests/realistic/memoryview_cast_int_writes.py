"""A bytearray viewed as 32-bit ints through `memoryview(...).cast('i')`; each
iteration writes its own slots through the view."""

buf = bytearray(4 * 256)
view = memoryview(buf).cast("i")
# omp parallel for
for i in range(256):
    view[i] = (i * i * 31) % 65521 - 30000
vals = list(view)
print(sum(vals), vals[:5], buf[:8].hex())
