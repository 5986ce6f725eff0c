"""parallel sections with a reduction, each section adding to the reduction variable
and appending to a shared list under critical."""

total = 0
order = []

# omp parallel sections reduction(+:total)
# omp section
for i in range(100):
    total += i
# omp critical
order.append("a")
# omp section
for i in range(100, 200):
    total += i
# omp critical
order.append("b")
# omp section
total += 7
# omp critical
order.append("c")
# omp end parallel sections

print(total, sorted(order))
