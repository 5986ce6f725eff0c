"""One thread reads a configuration in a `single copyprivate(...)`, every thread uses
it in the loop that follows (OpenMP Examples copyprivate.1)."""

import json

raw = '{"scale": 3, "offset": -2, "names": ["a", "b", "c"]}'
out = [0] * 90


def parse(text):
    return json.loads(text)


# omp parallel
if True:
    # omp single copyprivate(cfg)
    cfg = parse(raw)
    # omp for
    for i in range(90):
        out[i] = i * cfg["scale"] + cfg["offset"] + len(cfg["names"][i % 3])

print(sum(out), out[:5])
