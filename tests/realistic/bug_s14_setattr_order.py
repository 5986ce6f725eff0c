"""Minimal (session 14): attributes set with setattr under critical keep the order
the blocks ran in vars(obj): python [b, a], omppy [a, b]."""
import time


class Flags:
    pass
flags = Flags()
orders = [["b", "a"], ["a", "b"]]
# omp parallel for schedule(static, 1)
for i in range(2):
    if i == 0:
        time.sleep(0.2)
    for k in orders[i]:
        # omp critical
        setattr(flags, k, True)
print(list(vars(flags)))
