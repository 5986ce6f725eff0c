"""A function keeps the inputs it has validated in a dict attribute (`check.ok`); the
critical block stores into `check.ok[w]` itself, without calling the function."""
import time


def check(w):
    return w.isalpha()


check.ok = {}
chunks = [["delta", "alpha", "gamma"], ["gamma", "delta", "beta"]]
# omp parallel for schedule(static, 1)
for c in range(2):
    if c == 0:
        time.sleep(0.2)
    for w in chunks[c]:
        if check(w):
            # omp critical
            check.ok[w] = True
print(list(check.ok))
