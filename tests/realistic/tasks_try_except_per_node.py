"""A task per node of a work list; some nodes fail to evaluate and the task catches the
error and records it under critical; results stored by index."""


def evaluate(k):
    if k % 9 == 4:
        raise ArithmeticError(f"node {k}")
    return sum(d * d for d in range(k % 17))


n = 80
results = [None] * n
errors = []
# omp parallel
if True:
    # omp single
    for k in range(n):
        # omp task firstprivate(k)
        try:
            results[k] = evaluate(k)
        except ArithmeticError as e:
            # omp critical
            errors.append(str(e))
print(sum(r for r in results if r is not None), len(errors), sorted(errors)[:3])
