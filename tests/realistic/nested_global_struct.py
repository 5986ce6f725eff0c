"""A module-level nested structure (a dict of node records, each with a list and a
dict) updated deep inside by a helper under critical."""

state = {"nodes": {k: {"edges": [], "meta": {"weight": 0}} for k in range(10)}, "log": []}


def connect(a, b, w):
    # omp critical
    state["nodes"][a]["edges"].append(b)
    state["nodes"][a]["meta"]["weight"] += w
    state["log"].append((a, b))
    # omp end critical


# omp parallel for
for i in range(100):
    connect(i % 10, (i * 3) % 10, i % 4)

for k in range(10):
    node = state["nodes"][k]
    print(k, sorted(node["edges"]), node["meta"]["weight"])
print(len(state["log"]))
