"""dict.update with zip pairs and a list of pairs under critical."""
import time

names = [["ann", "bob", "cy"], ["cy", "bob", "ann", "dee"]]
ages = {}
# omp parallel for schedule(static, 1)
for c in range(2):
    if c == 0:
        time.sleep(0.3)
    # omp critical
    ages.update(zip(names[c], map(len, names[c])))
    # omp critical
    ages.update([("z" + n, 0) for n in names[c]])
print(list(ages.items()))
