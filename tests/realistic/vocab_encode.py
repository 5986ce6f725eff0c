"""Tokenising documents: the vocabulary is built first (a set-union reduction, then
sorted ids), then documents are encoded to id lists in parallel by index."""

docs = [" ".join(["w%d" % ((i * k) % 23) for k in range(1, 9)]) for i in range(100)]
vocab_words = set()

# omp parallel for reduction(|:vocab_words)
for i in range(len(docs)):
    vocab_words |= set(docs[i].split())

vocab = {w: n for n, w in enumerate(sorted(vocab_words))}
encoded = [None] * len(docs)

# omp parallel for
for i in range(len(docs)):
    encoded[i] = [vocab[w] for w in docs[i].split()]

print(len(vocab), encoded[3], encoded[-1], sum(map(sum, encoded)))
