"""A report built in sequence order: each iteration formats its line in parallel,
then appends it in `ordered`; the report is `''.join`ed and hashed after the loop."""

import zlib

parts = []
# omp parallel for ordered schedule(dynamic, 2)
for i in range(80):
    line = f"{i:03d} {'#' * (i % 13)} {sum(range(i)) % 97}\n"
    # omp ordered
    parts.append(line)
    # omp end ordered

report = "".join(parts)
print(len(report), zlib.crc32(report.encode()), report.splitlines()[-1])
