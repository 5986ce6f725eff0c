"""Results keyed by name filled by a dynamic loop (one key per iteration), then dumped
as JSON (key order matters)."""
import json

results = {}
# omp parallel for schedule(dynamic, 3)
for i in range(40):
    results[f"job{(i * 7) % 40:02d}"] = {"n": i, "sq": i * i}
print(json.dumps(results)[:200])
print(list(results)[:5])
