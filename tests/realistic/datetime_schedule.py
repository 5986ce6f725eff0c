"""Date processing: for each of many events compute the weekday and the next business
day with datetime, stored by index; counts per weekday under critical."""

from datetime import date, timedelta

start = date(2024, 1, 1)
events = [start + timedelta(days=(i * 37) % 366) for i in range(200)]
next_bd = [None] * len(events)
per_weekday = {}

# omp parallel for
for i in range(len(events)):
    d = events[i]
    nd = d + timedelta(days=1)
    while nd.weekday() >= 5:
        nd += timedelta(days=1)
    next_bd[i] = nd.isoformat()
    # omp critical
    per_weekday[d.strftime("%a")] = per_weekday.get(d.strftime("%a"), 0) + 1

print(next_bd[:3], sorted(per_weekday.items()))
