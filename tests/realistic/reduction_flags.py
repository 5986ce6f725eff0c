"""Boolean reductions used as checks: is a list sorted (and), does any value repeat
(or), and an `&&`/`||` spelling as a C programmer would write it."""

values = sorted((i * 7) % 1000 for i in range(400))
dup_free = list(range(400))
is_sorted = True
has_repeat = False
ok = True
bad = False

# omp parallel for reduction(and:is_sorted) reduction(or:has_repeat)
for i in range(1, len(values)):
    is_sorted = is_sorted and values[i - 1] <= values[i]
    has_repeat = has_repeat or values[i - 1] == values[i]

# omp parallel for reduction(&&:ok) reduction(||:bad)
for i in range(1, len(dup_free)):
    ok = ok and dup_free[i] > dup_free[i - 1]
    bad = bad or dup_free[i] == dup_free[i - 1]

print(is_sorted, has_repeat, ok, bad)
