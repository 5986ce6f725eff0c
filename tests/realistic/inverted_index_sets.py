"""An inverted index mapping each word to the set of documents containing it, built
by a helper method of an Index class under critical; queries answered afterwards."""

import re


class Index:
    def __init__(self):
        self.postings = {}
        self.docs = 0

    def add(self, doc_id, text):
        words = set(re.findall(r"[a-z]+", text.lower()))
        # omp critical(index)
        for w in words:
            self.postings.setdefault(w, set()).add(doc_id)
        self.docs += 1
        # omp end critical

    def query(self, *words):
        sets = [self.postings.get(w, set()) for w in words]
        return sorted(set.intersection(*sets)) if sets else []


corpus = [f"Doc {i}: " + " ".join(["red", "green", "blue", "cyan", "magenta"][k] for k in range(5) if (i >> k) & 1)
          for i in range(64)]
idx = Index()
# omp parallel for
for i in range(len(corpus)):
    idx.add(i, corpus[i])

print(idx.docs, len(idx.postings))
print(idx.query("red", "blue"))
print(idx.query("cyan", "magenta", "green")[:5])
