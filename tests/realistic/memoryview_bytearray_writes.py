"""A bytearray written through a memoryview in a parallel loop (each iteration its
own byte), as a C programmer would write into a char buffer."""

buf = bytearray(64)
view = memoryview(buf)
# omp parallel for
for i in range(64):
    view[i] = (i * 7) % 256

print(sum(buf), bytes(buf[:8]).hex())
