"""np.where / np.clip with out= on row views."""
import numpy as np

a = (np.arange(120).reshape(12, 10) * 7 % 19).astype(float)
b = np.zeros_like(a)
# omp parallel for
for r in range(12):
    np.clip(a[r], 3, 12, out=b[r])
    b[r] = np.where(b[r] > 10, 0, b[r])
print(b.sum(), b[0].tolist())
