"""A dict filled with new keys by a `parallel for` with the default static schedule
(each thread a contiguous block, in thread order), printed as is: the keys come out
in loop order, as in the sequential run."""

squares = {}
# omp parallel for
for i in range(30):
    squares[f"k{i}"] = i * i

print(list(squares)[:5], list(squares)[-3:], sum(squares.values()))
