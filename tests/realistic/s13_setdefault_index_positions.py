"""An inverted index with setdefault(...).append(i) under critical, chunks."""
import time

words = "to be or not to be that is the question".split()
index = {}
# omp parallel for schedule(static, 3)
for i in range(len(words)):
    if i < 3:
        time.sleep(0.3)
    w = words[i]
    # omp critical
    index.setdefault(w, []).append(i)
print([(k, sorted(v)) for k, v in index.items()])
