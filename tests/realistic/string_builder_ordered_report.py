"""A text report built in `ordered` with f-strings and `str.join`, after an unordered
computation of each line's statistics (a list of tuples by index); a checksum of the
report by `zlib.crc32` at the end."""

import statistics
import zlib

samples = [[(i * j * 31) % 97 for j in range(1, 12)] for i in range(30)]
report = ""
# omp parallel for ordered schedule(dynamic, 2)
for i in range(len(samples)):
    row = samples[i]
    line = f"{i:3d} mean={statistics.mean(row):7.3f} median={statistics.median(row):5.1f} " + ",".join(
        str(v) for v in sorted(row)[:3]
    )
    # omp ordered
    report += line + "\n"
    # omp end ordered

print(report[:120])
print(len(report), zlib.crc32(report.encode()))
