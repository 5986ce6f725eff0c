"""FIXED, NOW AN ERROR (was BUG; minimal, from numpy_local_big / numpy_big_in_object):
a numpy array larger than 16 MB reached through a list (or an attribute) is neither
staged nor compared. The other threads' writes were lost; now the region makes it
read-only and the write raises ValueError with an omppy note saying why and what to
do (docs/data-sharing.md, numpy arrays). The expected outcome is that clear error."""

import numpy as np

holder = [np.zeros(2_100_000)]
# omp parallel for
for k in range(4):
    holder[0][k] = 1.0
print(holder[0][:4])
