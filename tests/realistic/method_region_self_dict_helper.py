"""A region inside a method: the loop calls another method that updates self's dict
and counter under critical."""


class Indexer:
    def __init__(self, docs):
        self.docs = docs
        self.index = {}
        self.tokens = 0

    def _add(self, doc_id, word):
        # omp critical
        self.index.setdefault(word, set()).add(doc_id)
        self.tokens += 1
        # omp end critical

    def build(self):
        # omp parallel for
        for d in range(len(self.docs)):
            for w in self.docs[d].split():
                self._add(d, w)
        return self


docs = ["a b c", "b c d", "c d e a", "e f", "a a b"] * 4
ix = Indexer(docs).build()
print(ix.tokens, sorted((k, sorted(v)[:3]) for k, v in ix.index.items()))
