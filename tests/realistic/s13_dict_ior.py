"""`d |= {...}` under critical."""
import time

chunks = [["k", "l", "m"], ["m", "l", "k", "n"]]
d = {}
# omp parallel for schedule(static, 1)
for c in range(2):
    if c == 0:
        time.sleep(0.3)
    # omp critical
    d |= {w: w.upper() for w in chunks[c]}
print(list(d.items()))
