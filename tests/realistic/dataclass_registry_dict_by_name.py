"""Dataclass objects registered by name under critical, one per iteration (dict key
order from a dynamic loop)."""
from dataclasses import dataclass


@dataclass
class Job:
    name: str
    cost: int


registry = {}
# omp parallel for schedule(dynamic, 2)
for i in range(30):
    j = Job(f"j{(i * 11) % 30}", i)
    # omp critical
    registry[j.name] = j
print([(k, v.cost) for k, v in list(registry.items())[:6]])
