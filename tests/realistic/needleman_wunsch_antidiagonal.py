"""Global alignment scores (Needleman-Wunsch) by anti-diagonals: one region, a
sequential loop over diagonals, `# omp for` over the cells of each (they depend only
on earlier diagonals); the traceback in `single` at the end."""

A = "GATTACAGATTACACCGTAGGCTAAGT" * 2
B = "GCATGCTAGGCATTACAGTTAGC" * 2
MATCH, MISMATCH, GAP = 2, -1, -2
n, m = len(A), len(B)
S = [[0] * (m + 1) for _ in range(n + 1)]
for i in range(n + 1):
    S[i][0] = i * GAP
for j in range(m + 1):
    S[0][j] = j * GAP
path = []

# omp parallel
if True:
    for d in range(2, n + m + 1):
        lo = max(1, d - m)
        hi = min(n, d - 1)
        # omp for schedule(static)
        for i in range(lo, hi + 1):
            j = d - i
            diag = S[i - 1][j - 1] + (MATCH if A[i - 1] == B[j - 1] else MISMATCH)
            S[i][j] = max(diag, S[i - 1][j] + GAP, S[i][j - 1] + GAP)
    # omp single
    i, j = n, m
    while i > 0 and j > 0:
        if S[i][j] == S[i - 1][j - 1] + (MATCH if A[i - 1] == B[j - 1] else MISMATCH):
            path.append("M")
            i, j = i - 1, j - 1
        elif S[i][j] == S[i - 1][j] + GAP:
            path.append("U")
            i -= 1
        else:
            path.append("L")
            j -= 1
    # omp end single

print(S[n][m], "".join(reversed(path))[:40], len(path))
