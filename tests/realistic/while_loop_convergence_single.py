"""Iterate until converged: loop, then single checks and sets a shared flag in a dict."""
x = [float(i) for i in range(20)]
state = {"done": False, "iters": 0}
# omp parallel
if True:
    while not state["done"]:
        # omp for
        for i in range(20):
            x[i] = x[i] / 2
        # omp single
        if True:
            state["iters"] += 1
            state["done"] = max(x) < 1e-3
        # omp end single
# omp end parallel
print(state, round(sum(x), 9))
