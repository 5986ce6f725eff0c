"""An application object holds its outputs two levels down (`self.out.log`, a csv
writer over `self.out.table`, a pathlib file and a NamedTemporaryFile in a dict),
written in ordered and critical blocks by methods; read back after the region."""

import csv
import pathlib
import tempfile

tmp = pathlib.Path(tempfile.mkdtemp())


class Outputs:
    def __init__(self, folder):
        self.log = open(folder / "run.log", "w")  # noqa: SIM115
        self.table = (folder / "table.csv").open("w", newline="")
        self.rows = csv.writer(self.table)
        self.rows.writerow(["i", "square", "parity"])
        self.extra = {"scratch": tempfile.NamedTemporaryFile("w+", dir=folder, delete=False)}  # noqa: SIM115

    def close(self):
        for f in (self.log, self.table, self.extra["scratch"]):
            f.close()


class App:
    def __init__(self, folder):
        self.out = Outputs(folder)

    def step(self, i):
        v = i * i % 1009
        # omp ordered
        self.out.log.write(f"step {i}: {v}\n")
        self.out.rows.writerow([i, v, "even" if v % 2 == 0 else "odd"])
        # omp end ordered
        if v % 7 == 0:
            # omp critical
            self.out.extra["scratch"].write(f"{i}\n")
        return v


app = App(tmp)
total = 0
# omp parallel for ordered schedule(dynamic, 2) reduction(+:total)
for i in range(90):
    total += app.step(i)
scratch_name = app.out.extra["scratch"].name
app.out.close()
log = (tmp / "run.log").read_text().splitlines()
with (tmp / "table.csv").open(newline="") as f:
    table = list(csv.reader(f))
marks = sorted(int(x) for x in pathlib.Path(scratch_name).read_text().split())
print(total, len(log), log[:2], log == [f"step {i}: {i * i % 1009}" for i in range(90)])
print(table[0], len(table), table[1:3], table[-1])
print(len(marks), marks[:5], marks == [i for i in range(90) if i * i % 1009 % 7 == 0])
for p in tmp.iterdir():
    p.unlink()
tmp.rmdir()
