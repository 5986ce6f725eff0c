"""`parallel sections` each filling different attributes of one report object
(a dataclass), then a summary built from them."""

from dataclasses import dataclass, field


@dataclass
class Report:
    mean: float = 0.0
    peaks: list = field(default_factory=list)
    hist: dict = field(default_factory=dict)


data = [((i * 37) % 50) / 5 for i in range(200)]
rep = Report()
# omp parallel sections
# omp section
rep.mean = sum(data) / len(data)
# omp section
rep.peaks.extend(i for i in range(1, len(data) - 1) if data[i - 1] < data[i] > data[i + 1])
# omp section
for v in data:
    rep.hist[int(v)] = rep.hist.get(int(v), 0) + 1
# omp end parallel sections

print(round(rep.mean, 6), len(rep.peaks), rep.peaks[:4], sorted(rep.hist.items())[:3])
