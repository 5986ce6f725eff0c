"""`stats.count += 1` on another module's global, written directly from the script's loop under atomic (a C global in another translation unit), and a dict in that module filled under critical."""

import rlib.s11_stats as stats

words = ["the", "quick", "brown", "fox", "jumps", "over", "the", "lazy", "dog", "the", "end"]
# omp parallel for
for i in range(len(words)):
    # omp atomic
    stats.count += len(words[i])
    # omp critical
    stats.registry[words[i]] = stats.registry.get(words[i], 0) + 1
    # omp end critical
print(stats.count, sorted(stats.registry.items()))
