"""String transformations per line (Caesar shift, title case, reversed words),
results stored by index into lists of strings; a string `+` reduction in order."""

lines = ["the quick brown fox jumps over the lazy dog number %d" % i for i in range(80)]
shifted = [""] * len(lines)
titled = [""] * len(lines)
joined = ""


def caesar(s, k):
    return "".join(chr((ord(c) - 97 + k) % 26 + 97) if c.islower() else c for c in s)


# omp parallel for reduction(+:joined)
for i in range(len(lines)):
    shifted[i] = caesar(lines[i], i % 26)
    titled[i] = " ".join(reversed(lines[i].title().split()))
    joined += lines[i][-2:].strip() + ","

print(shifted[3])
print(titled[-1])
print(joined[:60], len(joined))
