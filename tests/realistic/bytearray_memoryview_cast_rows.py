"""A `bytearray` image written through a `memoryview` row view (`view[i * W:(i + 1) * W] = bytes(...)`) and a `cast('H')` view of a second buffer written by index."""

W, H = 16, 12
img = bytearray(W * H)
view = memoryview(img)
wide = bytearray(2 * H)
shorts = memoryview(wide).cast("H")
# omp parallel for
for i in range(H):
    row = bytes((i * x + 7) % 256 for x in range(W))
    view[i * W:(i + 1) * W] = row
    shorts[i] = sum(row)
print(sum(img), list(shorts), img[W * 5:W * 5 + 6].hex())
