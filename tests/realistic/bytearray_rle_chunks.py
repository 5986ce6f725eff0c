"""Run-length encoding of a bytearray by chunks: each thread encodes a chunk into its
own bytes object, the chunks joined in order and decoded back to check."""

data = bytearray()
for i in range(3000):
    data += bytes([65 + (i // 17) % 4])

CH = 250
nchunks = (len(data) + CH - 1) // CH
encoded = [b""] * nchunks
# omp parallel for schedule(dynamic)
for c in range(nchunks):
    chunk = data[c * CH:(c + 1) * CH]
    out = bytearray()
    i = 0
    while i < len(chunk):
        j = i
        while j < len(chunk) and chunk[j] == chunk[i] and j - i < 255:
            j += 1
        out += bytes([j - i, chunk[i]])
        i = j
    encoded[c] = bytes(out)

blob = b"".join(encoded)
decoded = bytearray()
for k in range(0, len(blob), 2):
    decoded += bytes([blob[k + 1]]) * blob[k]
print(len(blob), decoded == data, blob[:12])
