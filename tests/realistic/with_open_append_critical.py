"""Each iteration opens one file in append mode under critical and writes a line;
read back after the region."""
import os
import tempfile

path = os.path.join(tempfile.mkdtemp(), "log.txt")
open(path, "w").close()
# omp parallel for
for i in range(25):
    line = f"{i}:{i * i}\n"
    # omp critical
    with open(path, "a") as f:
        f.write(line)
with open(path) as f:
    lines = f.read().splitlines()
print(len(lines), sorted(lines, key=lambda s: int(s.split(":")[0]))[:4])
os.remove(path)
