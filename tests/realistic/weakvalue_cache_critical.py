"""An interning cache kept in a weakref.WeakValueDictionary, filled under critical;
every object is also kept alive in a shared list by index.

Refused by name (a WeakValueDictionary cannot be pickled between omppy's
processes); before, an internal pickling error escaped (a crash)."""

import weakref


class Token:
    def __init__(self, text):
        self.text = text


cache = weakref.WeakValueDictionary()
keep = [None] * 50
# omp parallel for
for i in range(50):
    text = f"w{i % 12}"
    # omp critical
    tok = cache.get(text)
    if tok is None:
        tok = Token(text)
        cache[text] = tok
    # omp end critical
    keep[i] = tok

print(len(cache), sorted(cache.keys())[:4], len({id(t) for t in keep}))
