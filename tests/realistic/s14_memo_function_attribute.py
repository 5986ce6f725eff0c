"""A helper keeps its memo as a function attribute (`f.memo`), set after the def."""
import time


def code(s):
    m = code.memo
    if s not in m:
        m[s] = sum(map(ord, s)) % 97
    return m[s]


code.memo = {}
chunks = [["zeta", "eta", "beta"], ["beta", "zeta", "iota"]]
acc = 0
# omp parallel for schedule(static, 1) reduction(+:acc)
for c in range(2):
    if c == 0:
        time.sleep(0.2)
    for s in chunks[c]:
        # omp critical
        acc += code(s)
print(acc, list(code.memo))
