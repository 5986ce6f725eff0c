"""An OrderedDict of first-seen positions merged with update under critical."""
import time
from collections import OrderedDict

chunks = [["m", "n", "o"], ["o", "n", "m", "p"]]
first = OrderedDict()
# omp parallel for schedule(static, 1)
for c in range(2):
    if c == 0:
        time.sleep(0.3)
    local = OrderedDict((w, len(w)) for w in chunks[c])
    # omp critical
    first.update(local)
print(list(first.items()))
