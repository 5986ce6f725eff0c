"""The region is inside a function that defines its own helper (a nested def) filling
a dict of the function under critical."""
import time


def group_lengths(chunks):
    groups = {}

    def add(word):
        groups.setdefault(len(word), None)

    # omp parallel for schedule(static, 1)
    for c in range(len(chunks)):
        if c == 0:
            time.sleep(0.2)
        for w in chunks[c]:
            # omp critical
            add(w)
    return list(groups)


print(group_lengths([["abc", "a", "abcd"], ["a", "abc", "ab"]]))
