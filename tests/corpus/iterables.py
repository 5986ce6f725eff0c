"""Loops over non-range iterables: list, tuple, dict keys/values/items,
enumerate (with start), zip, nested unpacking targets, set (with `continue`),
reversed, sorted, string characters."""

WORDS = ["pear", "fig", "apple", "kiwi", "banana", "cherry", "date", "grape",
         "lemon", "mango", "olive"]
PRICES = {"pear": 3, "fig": 7, "apple": 2, "kiwi": 5, "banana": 1, "cherry": 11}


def main():
    total, joined = 0, []
    # omp parallel for reduction(+:total, joined)
    for w in WORDS:
        total += len(w)
        joined += [w.upper()]
    print("list", total, joined)

    nums = tuple(range(3, 40, 3))
    sq = 0
    # omp parallel for reduction(+:sq)
    for x in nums:
        sq += x * x
    print("tuple", sq)

    keys = []
    # omp parallel for reduction(+:keys)
    for k in PRICES:
        keys += [k]
    keys2 = 0
    # omp parallel for reduction(+:keys2)
    for k in PRICES.keys():
        keys2 += len(k) * PRICES[k]
    vals = 0
    # omp parallel for reduction(+:vals)
    for v in PRICES.values():
        vals += v
    print("dict keys/values", keys, keys2, vals)

    cost, doubled = 0, {k: 0 for k in PRICES}
    # omp parallel for reduction(+:cost)
    for k, v in PRICES.items():
        cost += v * len(k)
        doubled[k] = v * 2
    print("dict items", cost, doubled)

    out = [None] * len(WORDS)
    # omp parallel for
    for idx, w in enumerate(WORDS):
        out[idx] = w[::-1]
    print("enumerate", out)

    weighted = 0
    # omp parallel for reduction(+:weighted)
    for rank, w in enumerate(WORDS, 1):
        weighted += rank * len(w)
    print("enumerate start", weighted)

    xs = [1, 4, 9, 16, 25, 36, 49]
    ys = [7, 6, 5, 4, 3, 2, 1, 0]
    dot = 0
    # omp parallel for reduction(+:dot)
    for a, b in zip(xs, ys):
        dot += a * b
    diff = [0] * len(xs)
    # omp parallel for
    for i, (a, b) in enumerate(zip(xs, ys)):
        diff[i] = a - b
    print("zip", dot, diff)

    bag = {5, 10, 15, 20, 25, 3}
    bs = 0
    # omp parallel for reduction(+:bs)
    for x in bag:
        if x == 20:
            continue
        bs += x * 2
    print("set", bs)

    rev = []
    # omp parallel for reduction(+:rev)
    for w in reversed(WORDS):
        rev += [w[0]]
    srt = []
    # omp parallel for reduction(+:srt)
    for w in sorted(WORDS, key=len):
        srt += [w]
    print("reversed/sorted", "".join(rev), srt)

    text = "hello, parallel world"
    vowels, chars = 0, []
    # omp parallel for reduction(+:vowels, chars)
    for ch in text:
        vowels += ch in "aeiou"
        chars += [ch.upper()]
    print("string", vowels, "".join(chars))

    # storing into the dict being iterated (values only, existing keys)
    stock = {"a": 1, "b": 2, "c": 3, "d": 4}
    # omp parallel for
    for k in stock:
        stock[k] = stock[k] * 10 + len(k)
    print("store while iterating", stock)


if __name__ == "__main__":
    main()
