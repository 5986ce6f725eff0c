"""A tokenizer object caches the tokens of each line in `self.cache` (a method checks
and fills it); several threads tokenize chunks under critical."""
import time


class Tokenizer:
    def __init__(self):
        self.cache = {}
        self.hits = 0

    def tokens(self, line):
        if line in self.cache:
            self.hits += 1
            return self.cache[line]
        toks = tuple(line.split())
        self.cache[line] = toks
        return toks


tk = Tokenizer()
chunks = [["b c", "a b", "c d e"], ["a b", "b c", "f"]]
lens = [0, 0]
# omp parallel for schedule(static, 1) private(n)
for c in range(2):
    if c == 0:
        time.sleep(0.2)
    n = 0
    for line in chunks[c]:
        # omp critical
        n += len(tk.tokens(line))
    lens[c] = n
print(lens, tk.hits, list(tk.cache))
