"""A helper rebinds module globals (a best-so-far pair and a tuple of names) under
critical; the max and the sorted names are deterministic."""
import time

best = (-1, "")
names = ()


def offer(score, name):
    global best, names
    if score > best[0]:
        best = (score, name)
    names = names + (name,)  # noqa: RUF005


scores = {"ann": 7, "bob": 9, "cy": 4, "dee": 9.5, "eve": 1}
people = list(scores)
# omp parallel for schedule(static, 1)
for i in range(len(people)):
    if i == 0:
        time.sleep(0.2)
    # omp critical
    offer(scores[people[i]], people[i])
print(best, sorted(names))
