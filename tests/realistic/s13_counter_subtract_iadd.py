"""Counter -= and += with keys dropping to zero."""
import time
from collections import Counter

stock = Counter({"a": 5, "b": 5})
orders = [Counter({"c": 1, "a": 2}), Counter({"a": 1, "c": 2, "d": 1})]
# omp parallel for schedule(static, 1)
for c in range(2):
    if c == 0:
        time.sleep(0.3)
    # omp critical
    stock += orders[c]
print(list(stock.items()))
