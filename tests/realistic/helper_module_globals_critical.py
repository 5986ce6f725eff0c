"""A helper module changing its own globals, called under critical."""
from s12pkg import registry

# omp parallel for
for i in range(30):
    name = f"item{i:02d}"
    # omp critical
    registry.register(name, i * 7)
print(registry.count, len(registry.REGISTRY), sorted(registry.ORDER)[:3],
      sum(registry.REGISTRY.values()))
