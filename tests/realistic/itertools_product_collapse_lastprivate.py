"""`collapse(2)` with `lastprivate` of a tuple built from `itertools.product` over small alphabets in the body, scores into a 2-D list of lists."""

from itertools import product

A = "abcd"
B = "xyz"
score = [[0] * len(B) for _ in A]
last = None
# omp parallel for collapse(2) lastprivate(last)
for i in range(len(A)):
    for j in range(len(B)):
        combos = ["".join(p) for p in product(A[: i + 1], B[: j + 1])]
        score[i][j] = sum(ord(c[0]) * ord(c[1]) for c in combos) % 1000
        last = (A[i], B[j], len(combos))
print(score, last)
