"""BUG (minimal, from rule110_bytearray; refused): two threads store into different
bytes of a shared bytearray; omppy reports a data race and the program fails."""

buf = bytearray(6)
# omp parallel for
for i in range(6):
    buf[i] = 1
print(list(buf))
