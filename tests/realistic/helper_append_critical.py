"""A helper called from the loop records its finds in a module-level list under an
orphaned critical (the C way): primes and perfect squares below a bound."""

found = []
squares = []


def is_prime(n):
    if n < 2:
        return False
    k = 2
    while k * k <= n:
        if n % k == 0:
            return False
        k += 1
    return True


def record(kind, n):
    # omp critical
    if kind == "prime":
        found.append(n)
    else:
        squares.append(n)
    # omp end critical


def classify(n):
    if is_prime(n):
        record("prime", n)
    r = int(n ** 0.5)
    if r * r == n:
        record("square", n)


# omp parallel for schedule(dynamic, 7)
for n in range(2, 400):
    classify(n)

print(len(found), sum(found), sorted(found)[-5:])
print(sorted(squares))
