"""A search that stops early with `# omp cancel for` when the one record with a given
checksum is found; the result depends only on what is found (one match exists)."""

import zlib

records = [f"record-{i:05d}-{(i * 7919) % 10007}" for i in range(3000)]
target = zlib.crc32(records[2222].encode())
found = []

# omp parallel for schedule(dynamic, 50)
for i in range(len(records)):
    if zlib.crc32(records[i].encode()) == target:
        # omp critical
        found.append((i, records[i]))
        # omp end critical
        # omp cancel for

print(found)
