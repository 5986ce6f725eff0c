"""Option names found in each chunk of config lines are set as attributes of a
SimpleNamespace under critical (`setattr(opts, name, True)`); `vars(opts)` keeps the
attributes in the order python set them."""
import time
from types import SimpleNamespace

opts = SimpleNamespace()
chunks = [["verbose=1", "color=0", "jobs=4"], ["color=1", "verbose=0", "cache=1"]]
# omp parallel for schedule(static, 1)
for c in range(2):
    if c == 0:
        time.sleep(0.2)
    for line in chunks[c]:
        name = line.split("=")[0]
        # omp critical
        setattr(opts, name, True)
print(list(vars(opts)))
