"""`sections firstprivate(base, scale) lastprivate(tag)` inside a region: each section
reads its own copies of the master's `base` and `scale` (read only: a copy changed in
place would differ from python by design, docs/data-sharing.md), and the last
section's `tag` survives (OpenMP Examples lastprivate in sections)."""

base = [1, 2, 3]
scale = 2.5
tag = "none"
out = {}

# omp parallel
if True:
    # omp sections firstprivate(base, scale) lastprivate(tag)
    # omp section
    if True:
        tag = "first"
        out["a"] = sum(base) * scale
    # omp section
    if True:
        tag = "second"
        out["b"] = max(base) + scale
    # omp section
    if True:
        tag = "third:" + str(len(base))
        out["c"] = [v * scale for v in base]
    # omp end sections

print(base, tag, sorted(out.items()))
