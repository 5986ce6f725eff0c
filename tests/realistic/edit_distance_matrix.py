"""Levenshtein distances between all pairs of words in pure Python, one matrix row per
iteration (a list of lists), and the closest pair found by a min reduction."""

words = ["kitten", "sitting", "mitten", "fitting", "knitting", "bitten", "written", "smitten",
         "sit", "kit", "mittens", "fitness"]


def lev(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


n = len(words)
D = [[0] * n for _ in range(n)]
closest = (99, "", "")
# omp parallel for reduction(min:closest) schedule(dynamic)
for i in range(n):
    for j in range(n):
        D[i][j] = lev(words[i], words[j])
        if i < j:
            closest = min(closest, (D[i][j], words[i], words[j]))

print(closest, sum(map(sum, D)), D[0])
