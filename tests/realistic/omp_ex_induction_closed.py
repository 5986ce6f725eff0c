"""OpenMP Examples induction.1, case 3 ported: a polynomial evaluated with the
induction variable in closed form, `reduction(+:result) lastprivate(xi)`."""

N = 30
x = 0.9
c = [1.0 / (i + 1) for i in range(N)]
x0 = 1.0
xi = x0
result = 0.0

# omp parallel for reduction(+:result) lastprivate(xi)
for i in range(N):
    xi = x0 * x ** i
    result += c[i] * xi
    xi *= x

print("C3: result = %f, xn = %f" % (result, xi))
