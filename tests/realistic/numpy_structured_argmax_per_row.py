"""Per-row argmax into an int array and a Python list of labels."""
import numpy as np

m = ((np.arange(300).reshape(30, 10) * 97) % 31).astype(float)
idx = np.zeros(30, dtype=np.int64)
labels = [""] * 30
# omp parallel for
for r in range(30):
    k = int(np.argmax(m[r]))
    idx[r] = k
    labels[r] = f"r{r}c{k}"
print(idx.tolist()[:8], labels[-3:])
