"""FIXED (refusal, minimal, from operator_setitem_map): a list's bound `__setitem__`
kept as a callback (`put = a.__setitem__`) was compared by its pickle, which holds
the list: every thread's store "changed" `put`, refused as a data race. Now method
wrappers are code, not data (the list itself is compared)."""

a = [0] * 8
put = a.__setitem__
# omp parallel for
for i in range(8):
    put(i, i * i)
print(a)
