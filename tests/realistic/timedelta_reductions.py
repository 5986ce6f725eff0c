"""Durations with `datetime.timedelta`: a `+` reduction of timedeltas, a max
reduction of datetimes, and per-item stores of computed end times."""

from datetime import datetime, timedelta

start = datetime(2026, 1, 1, 8, 0)
jobs = [(i, timedelta(minutes=(i * 37) % 90 + 5)) for i in range(60)]
ends = [None] * len(jobs)
busy = timedelta(0)
latest = start

# omp parallel for reduction(+:busy) reduction(max:latest)
for k in range(len(jobs)):
    i, d = jobs[k]
    begin = start + timedelta(hours=i % 8)
    ends[k] = begin + d
    busy += d
    latest = max(latest, ends[k])

print(busy, latest.isoformat(), ends[5].isoformat())
