"""Loop over range(len) and store zipped pairs and enumerate tuples per index."""
names = [f"n{i}" for i in range(30)]
scores = [(i * 11) % 23 for i in range(30)]
paired = [None] * 30
# omp parallel for
for i in range(30):
    paired[i] = [(k, a, b) for k, (a, b) in enumerate(zip(names[i:i + 2], scores[i:i + 2]))]
print(paired[0], paired[-1], sum(len(p) for p in paired))
