"""Bitwise reductions: OR of feature masks, AND of common bits, XOR checksum, with
logical && and || reductions on predicates."""

words = [(i * 2654435761) % 2**20 for i in range(1, 500)]
any_bits = 0
all_bits = 2**20 - 1
check = 0
all_pos = True
any_big = False

# omp parallel for reduction(|:any_bits) reduction(&:all_bits) reduction(^:check) reduction(&&:all_pos) reduction(||:any_big)
for i in range(len(words)):
    w = words[i] | 1
    any_bits |= w
    all_bits &= w
    check ^= w
    all_pos = all_pos and w > 0
    any_big = any_big or w > 2**19 + 2**18

print(any_bits, all_bits, check, all_pos, any_big)
