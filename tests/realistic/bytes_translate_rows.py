"""A text-like bytearray 'image' whose rows are translated (`bytes.translate`) and
written back by slice, one row per iteration."""

W, H = 40, 30
img = bytearray(b"".join(bytes(((x * y + y) % 26) + 97 for x in range(W)) for y in range(H)))
table = bytes.maketrans(b"abcdefghijklm", b"NOPQRSTUVWXYZ")
# omp parallel for schedule(dynamic, 3)
for y in range(H):
    row = bytes(img[y * W:(y + 1) * W])
    img[y * W:(y + 1) * W] = row.translate(table)[::-1]
print(img[:40].decode(), sum(img), img.count(b"N"))
