"""Set reductions: union `|`, intersection `&` (no finite identity) and
symmetric difference `^`, on sets and frozensets of ints and strings."""

WORDS = ["banana", "bandana", "cabana", "alabama", "panama", "savanna", "lasagna"]


def main():
    n = 50

    u = set()
    # omp parallel for reduction(|:u)
    for i in range(n):
        u |= {i % 17, (i * i) % 23 + 100}
    print("|=", sorted(u))

    u2 = {-1}
    # omp parallel for reduction(|:u2)
    for i in range(n):
        u2 = u2 | {i * 3}
    print("= |", sorted(u2))

    common = set(range(1000))
    # omp parallel for reduction(&:common)
    for i in range(20):
        common &= set(range(0, 1000, i % 4 + 1))
    print("&=", len(common), sorted(common)[:10])

    letters = set("abcdefghijklmnopqrstuvwxyz")
    # omp parallel for reduction(&:letters)
    for w in WORDS:
        letters = letters & set(w)
    print("& letters", sorted(letters))

    sym = {1000}
    # omp parallel for reduction(^:sym)
    for i in range(n):
        sym ^= {i % 13, i % 5 + 50}
    print("^=", sorted(sym))

    seen = set()
    # omp parallel for reduction(|:seen)
    for w in WORDS:
        seen |= set(w)
    print("| letters", sorted(seen))

    fs = frozenset({"z"})
    # omp parallel for reduction(|:fs)
    for w in WORDS:
        fs = fs | frozenset(w[:2])
    print("frozenset", type(fs).__name__, sorted(fs))


if __name__ == "__main__":
    main()
