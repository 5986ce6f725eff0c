"""A dict of objects: new entries and attribute updates under critical."""
import time


class Person:
    def __init__(self, name):
        self.name = name
        self.visits = 0

    def __repr__(self):
        return f"Person({self.name!r}, {self.visits})"


log = [["ann", "bo", "cy"], ["cy", "bo", "ann", "di"]]
people = {}
# omp parallel for schedule(static, 1)
for c in range(2):
    if c == 0:
        time.sleep(0.3)
    # omp critical
    for name in log[c]:
        if name not in people:
            people[name] = Person(name)
        people[name].visits += 1
print(list(people.items()))
