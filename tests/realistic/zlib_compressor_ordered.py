"""A `zlib.compressobj()` fed in iteration order under `ordered`: a C object that
cannot be pickled, so omppy can neither compare nor carry its state. Session 6 found
each thread feeding its own copy (the stream came out corrupt: `zlib.error` after the
region); now the region refuses to start, naming `c` (docs/data-sharing.md)."""

import zlib

c = zlib.compressobj()
parts = []
# omp parallel for ordered
for i in range(12):
    chunk = (str(i) * 50).encode()
    # omp ordered
    parts.append(c.compress(chunk))
parts.append(c.flush())
print(len(zlib.decompress(b"".join(parts))))
