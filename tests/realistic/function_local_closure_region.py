"""A region inside a function whose loop calls a nested helper closing over the
function's local result list and dict (the helper stores by index and, under
critical, counts into the dict)."""


def analyse(values):
    res = [0] * len(values)
    kinds = {}

    def put(i, v):
        res[i] = v
        # omp critical
        kinds[v % 3] = kinds.get(v % 3, 0) + 1
        # omp end critical

    # omp parallel for
    for i in range(len(values)):
        put(i, values[i] * 2 + 1)
    return res, kinds


res, kinds = analyse([(i * 13) % 29 for i in range(60)])
print(res[:6], sum(res), sorted(kinds.items()))
