"""Comprehensions in the loop body reuse the loop variable's name (their own scope)."""
rows = [0] * 25
# omp parallel for
for i in range(25):
    squares = [i * i for i in range(i)]
    rows[i] = (i, sum(squares), {i for i in range(3)} == {0, 1, 2})
print(rows[::6])
