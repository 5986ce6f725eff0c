"""OMP4Py's wordcount example (github.com/citiususc/omp4py,
examples/omp4py_examples/wordcount.py), ported to comment pragmas: each thread counts
the words of its lines into a dict of its own in `for`, then merges it into the shared
count under `critical`.  Adapted: the example merges with `count.update(local)`,
which keeps one thread's count per word (its answer depends on the team size), so
the counts are added here."""

import random
import string


def random_word(rng):
    return "".join(rng.choices(string.ascii_lowercase[:6], k=rng.randint(1, 3)))


def generate_text(size, seed):
    rng = random.Random(seed)
    parts = []
    length = 0
    while length < size:
        piece = random_word(rng) + " " if rng.random() < 0.9 else "\n"
        parts.append(piece)
        length += len(piece)
    return "".join(parts)


def wordcount(lines):
    count = {}
    # omp parallel
    if True:
        local_count = {}
        # omp for
        for i in range(len(lines)):
            for word in lines[i].split():
                if word in local_count:
                    local_count[word] += 1
                else:
                    local_count[word] = 1
        # omp critical
        for word, n in local_count.items():
            count[word] = count.get(word, 0) + n
    return count


lines = generate_text(6000, 0).splitlines()
count = wordcount(lines)
print(len(lines), len(count), sum(count.values()), sorted(count.items())[:8])
