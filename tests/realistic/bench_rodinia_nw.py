"""Rodinia's nw (Needleman-Wunsch, OpenMP version: nw/needle.cpp), in pure Python:
the score matrix of two random sequences under the BLOSUM62 substitution scores (a
part of the table) and a gap penalty, filled by anti-diagonals, as Rodinia's
non-blocked loops do: one parallel region, each diagonal a `for` over its cells
(they read only earlier diagonals), then the traceback on one thread."""

import random

PENALTY = 10
N = 120
ALPHA = "ARNDCQEG"
BLOSUM = [
    [4, -1, -2, -2, 0, -1, -1, 0],
    [-1, 5, 0, -2, -3, 1, 0, -2],
    [-2, 0, 6, 1, -3, 0, 0, 0],
    [-2, -2, 1, 6, -3, 0, 2, -1],
    [0, -3, -3, -3, 9, -3, -4, -3],
    [-1, 1, 0, 0, -3, 5, 2, -2],
    [-1, 0, 0, 2, -4, 2, 5, -2],
    [0, -2, 0, -1, -3, -2, -2, 6],
]


def maximum(a, b, c):
    k = a if a > b else b
    return k if k > c else c


def needle(seq1, seq2):
    rows, cols = len(seq1) + 1, len(seq2) + 1
    score = [[0] * cols for _ in range(rows)]
    for i in range(rows):
        score[i][0] = -i * PENALTY
    for j in range(cols):
        score[0][j] = -j * PENALTY
    ref = [[BLOSUM[seq1[i - 1]][seq2[j - 1]] if i and j else 0 for j in range(cols)] for i in range(rows)]
    # omp parallel
    for d in range(2, rows + cols - 1):
        lo = max(1, d - (cols - 1))
        hi = min(rows - 1, d - 1)
        # omp for
        for i in range(lo, hi + 1):
            j = d - i
            score[i][j] = maximum(
                score[i - 1][j - 1] + ref[i][j],
                score[i][j - 1] - PENALTY,
                score[i - 1][j] - PENALTY,
            )
    # omp end parallel
    return score, ref


def traceback(score, ref):
    i, j = len(score) - 1, len(score[0]) - 1
    steps = []
    while i > 0 and j > 0:
        if score[i][j] == score[i - 1][j - 1] + ref[i][j]:
            steps.append("D")
            i, j = i - 1, j - 1
        elif score[i][j] == score[i - 1][j] - PENALTY:
            steps.append("U")
            i -= 1
        else:
            steps.append("L")
            j -= 1
    return "".join(steps)


def main():
    random.seed(5)
    seq1 = [random.randrange(len(ALPHA)) for _ in range(N)]
    seq2 = [random.randrange(len(ALPHA)) for _ in range(N - 7)]
    score, ref = needle(seq1, seq2)
    path = traceback(score, ref)
    print(score[-1][-1], len(path), path.count("D"), path[:40])
    print(sum(map(sum, score)))


main()
