"""`single copyprivate` handing a dict and a tuple read from a "file" (a string parsed in the single) to every thread, then a worksharing loop using them; repeated in two rounds of a while loop in the region."""

CONFIG = ["scale=3 offset=1", "scale=5 offset=-2"]
out = [[0] * 10 for _ in range(2)]
# omp parallel
if True:
    for rnd in range(2):
        # omp single copyprivate(cfg, span)
        cfg = dict(kv.split("=") for kv in CONFIG[rnd].split())
        span = (int(cfg["offset"]), int(cfg["scale"]))
        # omp end single
        # omp for
        for i in range(10):
            out[rnd][i] = i * int(cfg["scale"]) + span[0]
print(out)
