"""A module-level configuration dict changed by the master thread inside a region
(phase switch) and read by every thread after a barrier."""

config = {"phase": "warmup", "scale": 1}
out = [[0] * 20 for _ in range(2)]

# omp parallel
if True:
    # omp for
    for i in range(20):
        out[0][i] = i * config["scale"]
    # omp master
    config.update(phase="main", scale=7)
    # omp barrier
    # omp for
    for i in range(20):
        out[1][i] = i * config["scale"] if config["phase"] == "main" else -1

print(config, sum(out[0]), sum(out[1]))
