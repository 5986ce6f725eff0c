"""operator.methodcaller callbacks applied to shared lists under critical."""
import operator

evens, odds = [], []
push = {0: evens, 1: odds}
# omp parallel for
for i in range(40):
    call = operator.methodcaller("append", i * 3)
    # omp critical
    call(push[i % 2])
print(sorted(evens)[:5], sorted(odds)[-3:], len(evens) + len(odds))
