"""`np.frombuffer` over a `bytearray` gives a writable uint32 array; each iteration writes its slot, and a header word of the same buffer is incremented under atomic."""

import numpy as np

raw = bytearray(4 * 33)
words = np.frombuffer(raw, dtype=np.uint32)
# omp parallel for
for i in range(1, 33):
    words[i] = i * i + 1
    if i % 4 == 0:
        # omp atomic
        words[0] += 1
print(int(words[0]), int(words[1:].sum()), raw[:8].hex())
