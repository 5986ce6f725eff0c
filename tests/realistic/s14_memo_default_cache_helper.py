"""A helper memoising in a mutable default argument (`_cache={}`), the classic
Python idiom; called under critical from a loop over chunks of keys."""
import time


def shout(word, _cache={}):
    if word not in _cache:
        _cache[word] = word.upper() + "!"
    return _cache[word]


chunks = [["pear", "fig", "kiwi"], ["kiwi", "fig", "plum"]]
out = [None, None]
# omp parallel for schedule(static, 1)
for c in range(2):
    if c == 0:
        time.sleep(0.2)
    got = []
    for w in chunks[c]:
        # omp critical
        got.append(shout(w))
    out[c] = got
print(out)
print(list(shout.__defaults__[0]))
