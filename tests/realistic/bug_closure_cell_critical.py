"""BUG (minimal, from closure_counter): a closure variable rebound with `nonlocal`
inside '# omp critical' by a helper called from the loop is refused as a data race
("thread 0 and thread 1 both changed count (a variable of bump's closure)"), though
every change is made inside one critical."""


def make_counter():
    count = 0

    def bump():
        nonlocal count
        # omp critical
        count += 1
        # omp end critical

    return bump, lambda: count


bump, read = make_counter()
# omp parallel for
for i in range(4):
    bump()
print(read())
