"""An `array.array` of 160 KB held by an object, stored into under critical by every
thread. Its pickle is over 64 KiB: before session 6 it was not compared, and each
thread's stores stayed in that thread (exit status 0, a wrong sum); then it was compared
by a checksum and a worker's change refused by name; since session 11 it is compared
by its bytes and the changed elements are carried (docs/data-sharing.md)."""

from array import array


class Samples:
    def __init__(self, n):
        self.values = array("d", [0.0]) * n


s = Samples(20000)
# omp parallel for
for i in range(64):
    # omp critical
    s.values[i * 300] = i * 0.5
print(sum(s.values))
