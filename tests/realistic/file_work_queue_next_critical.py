"""Two work queues drawn from files under critical: a text file iterated with
next(jobs, None) (as `for line in jobs` would draw it), and a binary file of fixed
size records read with read(16); a summary line per job is written to a results
file in the same block."""

import os
import struct
import tempfile

tmp = tempfile.mkdtemp()
text_path = os.path.join(tmp, "words.txt")
bin_path = os.path.join(tmp, "records.bin")
out_path = os.path.join(tmp, "out.txt")
with open(text_path, "w", encoding="utf-8") as f:
    for i in range(1200):
        f.write(f"wörd{i} {'é' * (i % 5)}{i * 3}\n")
with open(bin_path, "wb") as f:
    for i in range(1500):
        f.write(struct.pack("<iid", i, (i * 7) % 31, i / 8))

words = open(text_path, encoding="utf-8")  # noqa: SIM115
records = open(bin_path, "rb")  # noqa: SIM115
out = open(out_path, "w")  # noqa: SIM115
lengths = []
total = 0.0
# omp parallel private(line)
while True:
    # omp critical
    line = next(words, None)
    if line is None:
        break
    out.write(f"w {line.split()[0]}\n")
    # omp end critical
    # omp critical
    lengths.append(len(line))
    # omp end critical
# omp parallel private(chunk, i, k, x) reduction(+:total)
while True:
    # omp critical
    chunk = records.read(16)
    # omp end critical
    if not chunk:
        break
    i, k, x = struct.unpack("<iid", chunk)
    total += k * x + i
words.close()
records.close()
out.close()
with open(out_path) as f:
    written = sorted(f.read().split("\n"))
print(len(lengths), sum(lengths), total)
print(len(written), written[:3], written[-1])
for p in (text_path, bin_path, out_path):
    os.remove(p)
os.rmdir(tmp)
