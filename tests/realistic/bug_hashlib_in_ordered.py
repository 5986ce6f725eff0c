"""BUG (minimal, from ordered_pipeline): a hashlib object updated inside `ordered`
(in iteration order, one thread at a time): the digest misses the other threads'
updates."""

import hashlib

h = hashlib.sha256()
# omp parallel for ordered
for i in range(4):
    # omp ordered
    h.update(b"%d" % i)
print(h.hexdigest()[:16])
