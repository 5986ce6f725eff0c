"""Object-heavy loops over strings: per-index stores of processed strings and
per-line Counters (merged after the loop), list reductions of tuples, str methods."""

from collections import Counter

TEXT = """the quick brown fox jumps over the lazy dog
a journey of a thousand miles begins with a single step
to be or not to be that is the question
all that glitters is not gold
the early bird catches the worm
where there is a will there is a way
did anna see bob at noon or was it a kayak"""


def main():
    lines = TEXT.splitlines()
    n = len(lines)

    counts = [None] * n
    shouty = [None] * n
    # omp parallel for schedule(dynamic)
    for i in range(n):
        words = lines[i].split()
        counts[i] = Counter(words)
        shouty[i] = " ".join(w.capitalize() for w in reversed(words))
    merged = Counter()
    for c in counts:
        merged.update(c)
    print("top words", sorted(merged.items(), key=lambda kv: (-kv[1], kv[0]))[:6])
    print("shouty", shouty)

    pairs = []
    # omp parallel for reduction(+:pairs)
    for line in lines:
        for w in line.split():
            if len(w) > 5:
                pairs += [(w, len(w))]
    print("long words", pairs)

    nchars, nvowels = 0, 0
    # omp parallel for reduction(+:nchars, nvowels)
    for line in lines:
        nchars += len(line.replace(" ", ""))
        nvowels += sum(1 for ch in line if ch in "aeiou")
    print("chars", nchars, nvowels)

    formatted = [None] * n
    # omp parallel for
    for i in range(n):
        first, *rest = lines[i].split()
        formatted[i] = f"{i:02d}|{first.upper():>8}|{len(rest):3d}|{lines[i][::-1][:10]}"
    print("\n".join(formatted))

    palins = set()
    # omp parallel for reduction(|:palins)
    for w in TEXT.split():
        if len(w) > 1 and w == w[::-1]:
            palins |= {w}
    print("palindromes", sorted(palins))


if __name__ == "__main__":
    main()
