"""`lastprivate` of objects built in each iteration (a dict of the iteration's
parameters and a list of its samples): after the loop they hold the last
iteration's objects, as in the sequential run."""

config = None
samples = None
best = 0

# omp parallel for lastprivate(config, samples) reduction(max:best)
for i in range(37):
    config = {"i": i, "rate": round(0.1 * (i % 7), 2), "tags": [f"t{i % 3}"]}
    samples = [((i * k) % 11) * config["rate"] for k in range(6)]
    config["tags"].append("done")
    best = max(best, int(sum(samples) * 100))

print(config, [round(x, 6) for x in samples], best)
