"""Files opened before a region and shared by its threads: a journal written through another module's globals (lib/journal.py) under ordered and critical, a logger object two levels down, and a jobs file read line by line under critical (text, then binary, with next() too); every file is read back after the region."""
import os
import tempfile

from lib import journal

tmp = tempfile.mkdtemp()
jobs_path = os.path.join(tmp, "jobs.txt")
with open(jobs_path, "w") as f:
    f.write("".join(f"{i} {(i * 31) % 17}\n" for i in range(700)))
journal.open_journal(os.path.join(tmp, "journal.txt"))


class Sink:
    def __init__(self, path):
        self.handle = open(path, "w")  # noqa: SIM115


class Report:
    def __init__(self, path):
        self.sink = Sink(path)


report = Report(os.path.join(tmp, "report.txt"))
# omp parallel for ordered schedule(dynamic, 3)
for i in range(40):
    # omp ordered
    journal.entry("ordered", i)
    if i % 3 == 0:
        # omp critical
        report.sink.handle.write(f"{i}\n")
jobs = open(jobs_path)  # noqa: SIM115
first = jobs.readline()
weights = []
# omp parallel private(line)
while True:
    # omp critical
    line = jobs.readline()
    # omp end critical
    if not line:
        break
    # omp critical
    weights.append(int(line.split()[1]))
    # omp end critical
jobs.seek(0)
jobs_bin = open(jobs_path, "rb")  # noqa: SIM115
counted = []
# omp parallel private(line)
while True:
    # omp critical
    line = next(jobs_bin, b"")
    # omp end critical
    if not line:
        break
    # omp critical
    counted.append(int(line.split()[0]))
    # omp end critical
print(first.strip(), len(weights), sum(weights), jobs.readline().strip())
print(len(counted), sum(counted), jobs_bin.read())
for f in (jobs, jobs_bin, journal.FILE, report.sink.handle):
    f.close()
with open(os.path.join(tmp, "journal.txt")) as f:
    print(f.read().split("\n") == [f"ordered {i}" for i in range(40)] + [""])
with open(os.path.join(tmp, "report.txt")) as f:
    print(sorted(int(x) for x in f.read().split()) == list(range(0, 40, 3)))
for name in os.listdir(tmp):
    os.remove(os.path.join(tmp, name))
os.rmdir(tmp)
