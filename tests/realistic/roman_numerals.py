"""Converting numbers to Roman numerals and back in parallel (a pure string task), with
a check that round trips succeed (an `and` reduction)."""

VALS = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def to_roman(n):
    out = []
    for v, s in VALS:
        while n >= v:
            out.append(s)
            n -= v
    return "".join(out)


def from_roman(s):
    m = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for i, ch in enumerate(s):
        v = m[ch]
        total += -v if i + 1 < len(s) and m[s[i + 1]] > v else v
    return total


romans = [""] * 400
ok = True
# omp parallel for reduction(and:ok)
for n in range(1, 401):
    romans[n - 1] = to_roman(n)
    ok = ok and from_roman(romans[n - 1]) == n

print(ok, romans[:4], romans[398], max(romans, key=len))
