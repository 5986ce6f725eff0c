"""Finding palindromic substrings of length >= 4 in many strings: a set-union
reduction of the palindromes found, and per-string counts stored by index."""

strings = ["abacabadabacaba"[i % 5 :] + "xyzzyx"[: i % 6] + "racecar"[i % 3 :] for i in range(40)]
found = set()
counts = [0] * len(strings)

# omp parallel for reduction(|:found)
for i in range(len(strings)):
    s = strings[i]
    c = 0
    for a in range(len(s)):
        for b in range(a + 4, len(s) + 1):
            sub = s[a:b]
            if sub == sub[::-1]:
                found.add(sub)
                c += 1
    counts[i] = c

print(len(found), sorted(found)[:6], sum(counts), counts[:8])
