"""The region in a function, the critical in a nested function it calls."""
import time


def build(chunks):
    index = {}

    def add(words, tag):
        # omp critical
        for w in words:
            index[w] = index.get(w, 0) + tag

    # omp parallel for schedule(static, 1)
    for c in range(len(chunks)):
        if c == 0:
            time.sleep(0.3)
        add(chunks[c], c)
    return index


print(list(build([["s", "t", "u"], ["u", "t", "s", "v"]]).items()))
