"""One file opened before the region, written by several threads under critical."""
import os
import tempfile

path = os.path.join(tempfile.mkdtemp(), "out.csv")
f = open(path, "w")  # noqa: SIM115
f.write("i,sq\n")
# omp parallel for
for i in range(30):
    row = f"{i},{i * i}\n"
    # omp critical
    f.write(row)
f.close()
with open(path) as g:
    rows = g.read().splitlines()
print(rows[0], len(rows), sum(int(r.split(",")[1]) for r in rows[1:]))
os.remove(path)
