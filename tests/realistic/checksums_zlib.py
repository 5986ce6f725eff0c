"""Checksums of many in-memory blobs with zlib.crc32 and adler32, and compressed
sizes, stored by index; a xor reduction of all CRCs."""

import zlib

blobs = [(b"block %d " % i) * (i % 17 + 1) for i in range(200)]
crc = [0] * len(blobs)
size = [0] * len(blobs)
acc = 0

# omp parallel for reduction(^:acc)
for i in range(len(blobs)):
    crc[i] = zlib.crc32(blobs[i])
    size[i] = len(zlib.compress(blobs[i], 6))
    acc ^= zlib.adler32(blobs[i])

print(crc[:3], sum(size), acc)
