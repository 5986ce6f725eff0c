"""BUG (minimal, from rule110_bytearray; FIXED): two threads store into different
bytes of a shared bytearray; omppy reported a data race and the program failed.
A bytearray changed in place is now carried as runs of changed bytes."""

buf = bytearray(6)
# omp parallel for
for i in range(6):
    buf[i] = 1
print(list(buf))
