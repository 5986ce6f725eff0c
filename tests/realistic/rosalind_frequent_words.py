# Source: Rosalind BA1B "Find the Most Frequent Words in a String" (rosalind.info/problems/ba1b),
# the textbook's FrequentWords/PatternCount solution in Python (Bioinformatics Algorithms, Compeau & Pevzner)
"""The Bioinformatics Algorithms textbook's FrequentWords solution of Rosalind BA1B,
ported: the k-mer counts kept in a dict (`Count[Pattern] = Count.get(Pattern, 0) +
1`) over every window of the text, done by a `parallel for` with the update under
`critical`, as a C programmer protects a shared map; the most frequent k-mers for
k = 3..6 found after the loop.  The sequence is generated from a fixed recurrence
(the problem's sample is too small to be worth threads)."""


def make_text(n):
    bases = "ACGT"
    x = 12345
    out = []
    for _ in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        out.append(bases[(x >> 16) % 4])
    return "".join(out)


def FrequentWords(Text, k):
    FrequentPatterns = []
    Count = {}
    # omp parallel for schedule(static, 256)
    for i in range(len(Text) - k + 1):
        Pattern = Text[i:i + k]
        # omp critical
        Count[Pattern] = Count.get(Pattern, 0) + 1
        # omp end critical
    maxCount = max(Count.values())
    for Pattern in Count:
        if Count[Pattern] == maxCount:
            FrequentPatterns.append(Pattern)
    return sorted(FrequentPatterns), maxCount, len(Count)


Text = make_text(900)
for k in range(3, 7):
    print(k, *FrequentWords(Text, k))
