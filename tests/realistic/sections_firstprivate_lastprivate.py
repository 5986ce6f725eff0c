"""`sections firstprivate(base) lastprivate(tag)` inside a region: each section starts
from the master's `base`, changes its copy, and the last section's `tag` survives
(OpenMP Examples lastprivate in sections)."""

base = [1, 2, 3]
tag = "none"
out = {}

# omp parallel
if True:
    # omp sections firstprivate(base) lastprivate(tag)
    # omp section
    if True:
        base.append(10)
        tag = "first"
        out["a"] = sum(base)
    # omp section
    if True:
        base.append(20)
        tag = "second"
        out["b"] = sum(base)
    # omp section
    if True:
        tag = "third:" + str(len(base))
        out["c"] = len(base)
    # omp end sections

print(base, tag, sorted(out.items()))
