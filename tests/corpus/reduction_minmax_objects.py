"""min/max reductions on values other than ints: floats, strings, and tuples
(the argmax idiom `best = max(best, (score, i))`)."""

import math

WORDS = ["pear", "fig", "apple", "kiwi", "banana", "cherry", "date", "grape",
         "lemon", "mango", "olive", "quince", "apricot", "melon", "plum"]


def main():
    n = 60

    best = (-1, -1)
    # omp parallel for reduction(max:best)
    for i in range(n):
        score = (i * 37) % 53
        best = max(best, (score, i))
    print("argmax", best)

    worst = (10**9, 0)
    # omp parallel for reduction(min:worst)
    for i in range(n):
        worst = min(worst, ((i * 29) % 47 + 3, i))
    print("argmin", worst)

    first = "~"
    # omp parallel for reduction(min:first)
    for w in WORDS:
        first = min(first, w)
    last = ""
    # omp parallel for reduction(max:last)
    for w in WORDS:
        last = max(last, w)
    print("words", first, last)

    fmax = -math.inf
    fmin = math.inf
    # omp parallel for reduction(max:fmax)
    for i in range(n):
        fmax = max(fmax, math.sin(i))
    # omp parallel for reduction(min:fmin)
    for i in range(n):
        v = math.cos(i * 0.5)
        if v < fmin:
            fmin = v
    print("floats", repr(fmax), repr(fmin))

    # the master's value wins when no iteration beats it
    keep = 1000
    # omp parallel for reduction(min:keep)
    for i in range(n):
        keep = min(keep, i + 5000)
    print("keep", keep)


if __name__ == "__main__":
    main()
