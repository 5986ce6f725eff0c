"""`parallel sections` computing three statistics of one list into a shared dict (each section its own key) and a shared list appended under critical in two sections."""

import statistics

data = [((i * 7919) % 1000) / 10 for i in range(200)]
results = {}
notes = []
# omp parallel sections
# omp section
results["mean"] = round(statistics.fmean(data), 4)
# omp section
results["median"] = statistics.median(data)
# omp critical
notes.append("median")
# omp end critical
# omp section
results["stdev"] = round(statistics.pstdev(data), 4)
# omp critical
notes.append("stdev")
# omp end critical
# omp end parallel sections
print(sorted(results.items()), sorted(notes))
