"""`reduction(&&: all_ok)` with `all_ok = False` on a failed check and `reduction(||: changed)` with `changed = True` when a value moves (the absorbing value stored plainly, as C code does), next to `flag = flag and cond` and `&=` forms on other names."""


def check(v):
    return v % 11 != 4


vals = [(k * 17) % 50 for k in range(48)]
all_ok = True
changed = False
strict = True
bits = 0xFFFF
# omp parallel for reduction(&&: all_ok, strict) reduction(||: changed) reduction(&: bits)
for k in range(len(vals)):
    if not check(vals[k]):
        all_ok = False
    if vals[k] > 45:
        changed = True
    strict = strict and vals[k] < 49
    bits &= ~(1 << (vals[k] % 16)) | 0x00FF
print(all_ok, changed, strict, hex(bits))
