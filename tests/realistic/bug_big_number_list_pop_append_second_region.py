"""An error, not a loss (session 12, s12-check): a 20,000-item global list of numbers, beyond the net, read by one region and then popped and appended to through `globals()["big"]` in a second region.  The items of a big list of plain numbers stay held from one region to the next while the list's item pointers are unchanged (netprint.py), so the popped number cannot be freed and its address cannot go to the new number: the change is an error naming `big`, as in the first region (python `12000012 20000`)."""

big = [i * 7919 + 1_000_003 for i in range(20_000)]
total = 0


def poke(i):
    if i == 12:
        g = globals()["big"]
        g.pop()
        g.append(i * 1_000_001)


# omp parallel for reduction(+:total)
for i in range(16):
    total += big[i] % 7

# omp parallel for
for i in range(16):
    poke(i)
print(big[-1], len(big))
