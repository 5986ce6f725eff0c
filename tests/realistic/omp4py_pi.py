"""OMP4Py's pi example: the midpoint rule for the integral of 4/(1+x^2) with a
`parallel for reduction(+:pi)` and then a region version with a private partial sum
added under critical."""

num_steps = 20000
step = 1.0 / num_steps
pi = 0.0

# omp parallel for reduction(+:pi)
for i in range(num_steps):
    x = (i + 0.5) * step
    pi += 4.0 / (1.0 + x * x)
pi *= step

pi2 = 0.0
# omp parallel
if True:
    part = 0.0
    # omp for
    for i in range(num_steps):
        x = (i + 0.5) * step
        part += 4.0 / (1.0 + x * x)
    # omp critical
    pi2 += part * step

print(round(pi, 10), round(pi2, 10))
