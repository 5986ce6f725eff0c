"""Experiment records: a dict of runs, each a dataclass holding a dict of lists of
measurements; a parallel loop over run ids appends derived values into each run's
own lists, and a critical section files runs into a shared index by status."""

from dataclasses import dataclass, field


@dataclass
class Run:
    name: str
    readings: dict = field(default_factory=dict)
    flags: list = field(default_factory=list)


runs = {f"r{i:02d}": Run(f"r{i:02d}", {"raw": [(i * j) % 17 for j in range(12)]}) for i in range(30)}
index = {"ok": [], "noisy": []}
names = sorted(runs)

# omp parallel for schedule(static, 3)
for k in range(len(names)):
    run = runs[names[k]]
    raw = run.readings["raw"]
    run.readings["smooth"] = [(a + b) / 2 for a, b in zip(raw, raw[1:])]
    run.readings.setdefault("peaks", []).extend(j for j, v in enumerate(raw) if v > 12)
    if max(raw) - min(raw) > 14:
        run.flags.append("noisy")
    status = "noisy" if run.flags else "ok"
    # omp critical
    index[status].append(run.name)
    # omp end critical

print({k: sorted(v) for k, v in index.items()})
print(runs["r07"].readings["smooth"][:4], runs["r07"].readings["peaks"], runs["r29"].flags)
