"""Longest common subsequence by an anti-diagonal wavefront: one region, the
diagonals in sequence, the cells of a diagonal split by a `for`; the table is a list
of lists."""

a = "ACCGGTCGAGTGCGCGGAAGCCGGCCGAA" * 2
b = "GTCGTTCGGAATGCCGTTGCTCTGTAAA" * 2
n, m = len(a), len(b)
L = [[0] * (m + 1) for _ in range(n + 1)]

# omp parallel
for d in range(2, n + m + 1):
    # omp for
    for i in range(max(1, d - m), min(n, d - 1) + 1):
        j = d - i
        if a[i - 1] == b[j - 1]:
            L[i][j] = L[i - 1][j - 1] + 1
        else:
            L[i][j] = max(L[i - 1][j], L[i][j - 1])

print(L[n][m], L[n // 2][m // 2], sum(map(sum, L)))
