"""Counts printed with json.dumps (key order visible) after a dynamic loop."""
import json
import time

docs = ["x y z", "z y x w", "w v", "v x"]
counts = {}
# omp parallel for schedule(dynamic)
for i in range(len(docs)):
    if i == 0:
        time.sleep(0.3)
    words = docs[i].split()
    # omp critical
    for w in words:
        counts[w] = counts.get(w, 0) + 1
print(json.dumps(counts))
