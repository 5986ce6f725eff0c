"""Letter frequencies of many lines counted into a shared numpy array with atomic
updates, and per-line vowel ratios stored into a float array."""

import numpy as np

lines = [("Lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod " * 2)[i % 30 :] for i in range(40)]
freq = np.zeros(26, dtype=np.int64)
ratio = np.zeros(len(lines))

# omp parallel for
for i in range(len(lines)):
    vowels = 0
    letters = 0
    for ch in lines[i].lower():
        if "a" <= ch <= "z":
            # omp atomic
            freq[ord(ch) - 97] += 1
            letters += 1
            vowels += ch in "aeiou"
    ratio[i] = vowels / letters

print(freq.tolist())
print(round(float(ratio.sum()), 10))
