"""A memo decorator written as a class with __call__ and a `cache` dict attribute;
the decorated function is called under critical."""
import time


class Memo:
    def __init__(self, fn):
        self.fn = fn
        self.cache = {}

    def __call__(self, arg):
        if arg not in self.cache:
            self.cache[arg] = self.fn(arg)
        return self.cache[arg]


@Memo
def vowels(word):
    return sum(c in "aeiou" for c in word)


chunks = [["tree", "bark", "leaf"], ["leaf", "root", "tree"]]
total = 0
# omp parallel for schedule(static, 1) reduction(+:total)
for c in range(2):
    if c == 0:
        time.sleep(0.2)
    for w in chunks[c]:
        # omp critical
        total += vowels(w)
print(total, list(vowels.cache))
