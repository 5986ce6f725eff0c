"""`parallel firstprivate(opts)` with a dict of options that each thread changes
for its own use (a per-thread tweak) inside the region; results go into a shared
list by index, (the master's `opts` differs after the region by design, so it is not printed)."""

opts = {"scale": 3, "offset": 1, "seen": []}
res = [0] * 40

# omp parallel firstprivate(opts)
opts["scale"] = opts["scale"] * 2
opts["seen"].append("x")
# omp for
for i in range(40):
    res[i] = i * opts["scale"] + opts["offset"] + len(opts["seen"])
# omp end parallel

print(res[:5], sum(res))
