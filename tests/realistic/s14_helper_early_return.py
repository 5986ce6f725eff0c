"""A helper that returns early for known keys, and otherwise adds them to a set-like
dict and a list, under critical."""
import time

known = {}
order = []


def note(k):
    if k in known:
        return False
    known[k] = 1
    order.append(k)
    return True


chunks = [[5, 3, 8], [8, 5, 1]]
fresh = [0, 0]
# omp parallel for schedule(static, 1) private(n)
for c in range(2):
    if c == 0:
        time.sleep(0.2)
    n = 0
    for k in chunks[c]:
        # omp critical
        if note(k):
            n += 1
        # omp end critical
    fresh[c] = n
print(sum(fresh), sorted(order), list(known))
