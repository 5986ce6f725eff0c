"""del of dict items and list items under critical."""
pending = {i: i * i for i in range(40)}
stack = list(range(40))
# omp parallel for
for i in range(0, 40, 3):
    # omp critical
    if True:
        del pending[i]
        stack.remove(i)
    # omp end critical
print(len(pending), sum(pending), len(stack), stack[:5])
