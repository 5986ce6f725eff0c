"""`struct.pack_into` records at computed offsets of one bytearray (each iteration its own slot) plus a header counter packed by a `single` after the loop, read back with `struct.unpack_from`."""

import struct

REC = struct.Struct("<idh")
N = 20
buf = bytearray(8 + REC.size * N)
# omp parallel
if True:
    # omp for
    for i in range(N):
        REC.pack_into(buf, 8 + i * REC.size, i, i / 7, (i * 37) % 300)
    # omp single
    struct.pack_into("<II", buf, 0, N, sum(buf[8:]) % 65536)
    # omp end single
count, check = struct.unpack_from("<II", buf, 0)
recs = [REC.unpack_from(buf, 8 + k * REC.size) for k in range(count)]
print(count, check, recs[3], sum(r[2] for r in recs))
