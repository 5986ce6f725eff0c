"""An inverted index in a module-level defaultdict(list), filled by a helper under
critical; the posting lists are sorted before printing."""

from collections import defaultdict

docs = [
    "the quick brown fox",
    "jumps over the lazy dog",
    "the dog barks",
    "a quick brown dog",
    "lazy afternoons are quick to pass",
    "fox and dog are friends",
] * 10

index = defaultdict(list)


def add_postings(doc_id, text):
    for word in set(text.split()):
        # omp critical(index)
        index[word].append(doc_id)


# omp parallel for schedule(dynamic, 3)
for doc_id in range(len(docs)):
    add_postings(doc_id, docs[doc_id])

for word in sorted(index):
    postings = sorted(index[word])
    print(word, len(postings), postings[:4])
