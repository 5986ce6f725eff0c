"""Word counts per chunk under critical (counts.get), dynamic schedule, the first
chunk slow so later chunks' blocks add keys first."""
import time

text = "the cat sat on the mat the dog ate the cat food on a mat".split()
chunks = [text[i:i + 4] for i in range(0, len(text), 4)][::-1] + [text[:6]]
counts = {}
# omp parallel for schedule(dynamic, 1)
for c in range(len(chunks)):
    if c == 0:
        time.sleep(0.3)
    # omp critical
    for w in chunks[c]:
        counts[w] = counts.get(w, 0) + 1
print(list(counts.items()))
