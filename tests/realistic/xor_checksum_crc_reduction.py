"""`reduction(^:check)` of `zlib.crc32` values of each record's bytes and `reduction(|:seen_bits)` over bit masks, next to a `bytes.join` of per-record pieces stored by index."""

import zlib

N = 30
pieces = [b""] * N
check = 0
seen_bits = 0
# omp parallel for reduction(^:check) reduction(|:seen_bits)
for i in range(N):
    rec = f"{i}:{i * i}:{'x' * (i % 4)}".encode()
    pieces[i] = rec
    check ^= zlib.crc32(rec)
    seen_bits |= 1 << (i * 7 % 40)
blob = b"|".join(pieces)
print(check, bin(seen_bits).count("1"), len(blob), zlib.crc32(blob))
