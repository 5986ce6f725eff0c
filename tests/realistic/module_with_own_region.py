"""The main script calls a module's function that has its own region, twice, then a
region of its own calling the module's helper that changes the module's global."""
from s12pkg import stats

a = stats.norms([[i, i + 1, i + 2] for i in range(20)])
b = stats.norms([[1, i] for i in range(7)])
# omp parallel for
for i in range(10):
    stats.bump(i)
print(round(sum(a), 6), round(sum(b), 6), stats.calls, stats.history)
