"""single copyprivate of a tuple read from a 'config', then every thread uses it."""
import json

cfg_text = json.dumps({"scale": 3, "shift": -2})
out = [0] * 24
# omp parallel
if True:
    # omp single copyprivate(params)
    params = tuple(sorted(json.loads(cfg_text).items()))
    # omp end single
    d = dict(params)
    # omp for
    for i in range(24):
        out[i] = i * d["scale"] + d["shift"]
# omp end parallel
print(out[:5], sum(out))
