"""Reductions of many types in one program: ints, floats, complex, strings in order,
lists in order, tuples, sets, frozensets, bools, big ints, min/max of tuples."""

n = 64
total = 0
prod = 1
fsum = 0.0
csum = 0j
text = ""
chunks = []
pairs = ()
uniq = set()
common = frozenset(range(100))
all_pos = True
any_big = False
biggest = (-1, -1)
smallest = (10 ** 9, -1)
bits_or = 0
bits_and = -1
bits_xor = 0

# omp parallel for reduction(+:total, fsum, csum, text, chunks, pairs) \
# omp     reduction(*:prod) reduction(|:uniq, bits_or) reduction(&:common, bits_and) \
# omp     reduction(^:bits_xor) reduction(and:all_pos) reduction(or:any_big) \
# omp     reduction(max:biggest) reduction(min:smallest)
for i in range(n):
    v = (i * 37) % 101
    total += v
    prod *= (i % 5) + 1
    fsum += v / 8
    csum += complex(i, -v)
    text += chr(ord("a") + i % 26)
    chunks += [v]
    pairs += ((i, v),)
    uniq |= {v % 13}
    common &= frozenset(range(i % 3, 100))
    all_pos = all_pos and v >= 0
    any_big = any_big or v > 99
    biggest = max(biggest, (v, i))
    smallest = min(smallest, (v, i))
    bits_or |= 1 << (v % 40)
    bits_and &= ~(1 << (i % 50))
    bits_xor ^= v

print(total, prod, fsum, csum)
print(text)
print(chunks[:10], len(chunks), pairs[-2:])
print(sorted(uniq), len(common), all_pos, any_big, biggest, smallest)
print(bits_or, bits_and, bits_xor)
