"""Character trigram and word bigram counts: per-document Counters merged under
critical into a shared Counter with `+=`, and a `reduction(+:...)` on a second one."""

from collections import Counter

text = ("the cat sat on the mat and the dog sat on the log while the cat watched "
        "the dog and the dog watched the cat ") * 6
docs = [text[i:i + 80] for i in range(0, len(text), 80)]
trigrams = Counter()
bigrams = Counter()

# omp parallel for reduction(+:bigrams)
for d in range(len(docs)):
    doc = docs[d]
    local = Counter(doc[k:k + 3] for k in range(len(doc) - 2))
    words = doc.split()
    bigrams.update(zip(words, words[1:]))
    # omp critical
    trigrams += local

print(sorted(trigrams.items(), key=lambda kv: (-kv[1], kv[0]))[:5], sum(trigrams.values()))
print(sorted(bigrams.items(), key=lambda kv: (-kv[1], kv[0]))[:5])
