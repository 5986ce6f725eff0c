"""Word statistics over many generated documents: an object-heavy loop.

Run it sequentially (the pragmas are comments):

    python examples/words.py [n_docs]

or in parallel on a team of forked workers:

    omppy run examples/words.py [n_docs]

Each iteration tokenises a string with a regular expression, counts words in a dict,
sorts, and builds a small object (``Summary``): strings, dicts, tuples, closures --
nothing a numba-style compiler could take.  The summaries are stored by index into a
shared list (``results[i] = ...``, carried back to the master by omppy), and the
report lines are built with a list reduction, which concatenates the threads' parts
in thread order: with the default ``static`` schedule that is the sequential order.
Both runs print the same report.  Timing goes to stderr.
"""

import random
import re
import sys
import time
from dataclasses import dataclass

TOKEN = re.compile(r"[a-z']+")
SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ne",
    "ru",
    "sa",
    "ti",
    "vo",
    "ze",
    "an",
    "el",
    "or",
    "ish",
    "ten",
    "bra",
]


@dataclass
class Summary:
    """What one document boils down to."""

    index: int
    tokens: int
    distinct: int
    top: tuple
    longest: str
    sentences: int


def make_vocabulary(size, rng):
    words = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 4))))
    return sorted(words)


def make_documents(n_docs, seed=2024):
    """n_docs deterministic pseudo-English documents of varied length."""
    rng = random.Random(seed)
    vocabulary = make_vocabulary(3000, rng)
    rng.shuffle(vocabulary)
    cumulative, running = [], 0.0
    for rank in range(len(vocabulary)):
        running += 1.0 / (rank + 1)  # Zipf-like word frequencies
        cumulative.append(running)
    documents = []
    for _ in range(n_docs):
        sentences = []
        for _ in range(rng.randint(5, 60)):
            words = rng.choices(vocabulary, cum_weights=cumulative, k=rng.randint(4, 18))
            words[0] = words[0].capitalize()
            sentences.append(" ".join(words) + rng.choice([".", ".", ".", "!", "?"]))
        documents.append(" ".join(sentences))
    return documents


def summarise(documents):
    """One ``Summary`` per document, in document order."""
    results = [None] * len(documents)
    # omp parallel for schedule(dynamic, 16)
    for i in range(len(documents)):
        text = documents[i]
        words = TOKEN.findall(text.lower())
        counts = {}
        for word in words:
            counts[word] = counts.get(word, 0) + 1
        top = tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:3])
        longest = max(words, key=lambda word: (len(word), word))
        ends = sum(text.count(mark) for mark in ".!?")
        results[i] = Summary(i, len(words), len(counts), top, longest, ends)
    return results


def report(results):
    """The report lines, in document order, and the total number of tokens."""
    lines = []
    total = 0
    # omp parallel for reduction(+:lines, total)
    for summary in results:
        top = ", ".join(f"{word}x{count}" for word, count in summary.top)
        lines += [
            f"doc {summary.index:5d}: {summary.tokens:5d} tokens, "
            f"{summary.distinct:4d} distinct, {summary.sentences:3d} sentences, "
            f"longest {summary.longest!r}, top: {top}"
        ]
        total += summary.tokens
    return lines, total


def main(argv):
    n_docs = int(argv[1]) if len(argv) > 1 else 3000
    documents = make_documents(n_docs)
    start = time.perf_counter()
    results = summarise(documents)
    lines, total = report(results)
    elapsed = time.perf_counter() - start
    for line in lines[:5]:
        print(line)
    print("...")
    for line in lines[-3:]:
        print(line)
    digest = 0
    for line in lines:
        digest = (digest * 31 + sum(map(ord, line))) % 1_000_000_007
    print(f"{len(lines)} documents, {total} tokens, report digest {digest}")
    print(f"summarise+report: {elapsed:.3f} s", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
