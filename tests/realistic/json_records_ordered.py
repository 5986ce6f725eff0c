"""JSON records: each iteration builds a dict and serialises it with sort_keys; an
`ordered` block appends the lines in iteration order to a shared list, and a checksum
is a reduction."""

import json
import zlib

lines = []
check = 0

# omp parallel for ordered schedule(dynamic, 3) reduction(^:check)
for i in range(40):
    rec = {"id": i, "name": f"user{i:03d}", "tags": ["a", "b"][: i % 3], "score": i / 7}
    text = json.dumps(rec, sort_keys=True)
    check ^= zlib.crc32(text.encode())
    # omp ordered
    lines.append(text)

print(lines[3], len(lines), check)
