"""Long runs of strings stored into shared lists with numpy loaded, which a worker's
last part carries as their NUL-joined UTF-8, a block of 8,192 at a time (session 10):
hashes, every kind of text (accents, CJK, astral characters, lone surrogates, empty
strings, tabs and newlines, long ones), more than one block per thread, a string
holding a NUL (that run travels pickled), a str subclass and a mix with None among
strings (pickled too), strings read back in the loop, and a dynamic schedule."""

import hashlib

import numpy as np  # noqa: F401 - loaded: the runtime reads runs in bulk only with numpy

n = 20_000
hashes = [None] * n
# omp parallel for schedule(static)
for i in range(n):
    hashes[i] = hashlib.sha256(str(i).encode()).hexdigest()
print(hashes[0], hashes[-1], hashlib.sha256("".join(hashes).encode()).hexdigest())

kinds = ["", "déjà vu", "日本語", "\U0001f600", "\ud800", "\udfff\ud800", "a\tb\nc\\", "x" * 300]
texts = [""] * n
# omp parallel for schedule(static)
for i in range(n):
    texts[i] = kinds[i % len(kinds)] + str(i)
print([ascii(texts[k]) for k in (0, 4, 5, n - 1)], sum(map(len, texts)))

with_nul = ["?"] * 3_000
# omp parallel for schedule(static)
for i in range(3_000):
    with_nul[i] = f"a\0{i}" if i == 2_500 else f"b{i}"
print(ascii(with_nul[2_500]), with_nul[2_499], len("".join(with_nul)))


class Name(str):
    pass


named = [""] * 3_000
mixed = [""] * 3_000
# omp parallel for schedule(static)
for i in range(3_000):
    named[i] = Name(f"n{i}") if i == 2_900 else f"n{i}"
    mixed[i] = None if i % 1_000 == 999 else f"m{i}"
print(type(named[2_900]).__name__, type(named[2_899]).__name__, mixed[998:1_001])

chained = [""] * n
# omp parallel for schedule(static)
for i in range(n):
    chained[i] = str(i)
    chained[i] = chained[i] + "!"  # read back in the same loop
dynamic = [""] * n
# omp parallel for schedule(dynamic, 3_000)
for i in range(n):
    dynamic[i] = f"d{i * i}"
print(chained[:2], chained[-1], dynamic[2_999:3_001], sum(map(len, dynamic)))
