"""An OrderedDict filled by index-derived keys in a loop (one key per iteration)."""
from collections import OrderedDict

od = OrderedDict()
# omp parallel for schedule(guided)
for i in range(40):
    od[f"k{i}"] = i * 2
print(list(od)[:6], list(od)[-3:], sum(od.values()))
