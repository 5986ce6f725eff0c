"""parallel sections, each filling its own shared containers with setdefault, extend
and add (one section per container, no critical: race-free)."""
words = "the quick brown fox jumps over the lazy dog again and again".split()  # noqa: SIM905
index = {}
lengths = []
endings = set()
# omp parallel sections
# omp section
for w in words:
    index.setdefault("first", {}).setdefault(w[0], []).append(w)
# omp section
lengths.extend(len(w) for w in words)
# omp section
for w in words:
    endings.add(w[-1])
# omp end parallel sections
print(sorted(index["first"].items())[:3], lengths, sorted(endings))
