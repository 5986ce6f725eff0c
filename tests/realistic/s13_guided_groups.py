"""Guided schedule, groups by first letter via setdefault under critical."""
import time

words = ["apple", "bean", "cherry", "avocado", "banana", "carrot", "date", "apricot",
         "blueberry", "cucumber", "dill", "artichoke"] * 2
groups = {}
# omp parallel for schedule(guided)
for i in range(len(words)):
    if i == 0:
        time.sleep(0.3)
    w = words[i]
    first = w[0]
    # omp critical
    groups.setdefault(first, []).append(w)
print([(k, sorted(v)) for k, v in groups.items()])
