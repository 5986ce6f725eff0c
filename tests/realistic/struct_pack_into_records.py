"""Fixed-size binary records written with `struct.pack_into` at disjoint offsets of a
shared bytearray, then unpacked sequentially."""

import struct

REC = struct.Struct("<idh")
n = 150
buf = bytearray(REC.size * n)
# omp parallel for schedule(dynamic, 7)
for i in range(n):
    REC.pack_into(buf, i * REC.size, i, i * 0.25 - 3, (i * 37) % 1000 - 500)
rows = [REC.unpack_from(buf, i * REC.size) for i in range(n)]
print(rows[:3], sum(r[2] for r in rows), round(sum(r[1] for r in rows), 3))
