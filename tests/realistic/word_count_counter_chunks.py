"""Word count over chunks of lines: each chunk counted into a private `Counter`, the
partials added into one shared Counter under critical; top words with ties broken
by the word."""

from collections import Counter

TEXT = ("it was the best of times it was the worst of times it was the age of wisdom "
        "it was the age of foolishness it was the epoch of belief")
base = TEXT.split()
lines = [" ".join(base[(i * 3) % len(base):] + base[:(i * 5) % 7]) for i in range(120)]
total = Counter()
CH = 10
# omp parallel for schedule(dynamic)
for c in range(0, len(lines), CH):
    local = Counter()
    for line in lines[c:c + CH]:
        local.update(line.split())
    # omp critical
    total.update(local)
    # omp end critical

print(sorted(total.items(), key=lambda kv: (-kv[1], kv[0]))[:6], sum(total.values()))
