"""Standard-library calls in loop bodies: hashlib, json, re, zlib, struct,
math.comb (big ints), base64, collected with item stores and reductions."""

import base64
import hashlib
import json
import math
import re
import struct
import zlib


def main():
    n = 40

    digests = [None] * n
    mix = 0
    # omp parallel for reduction(^:mix)
    for i in range(n):
        h = hashlib.sha256(f"item-{i}".encode()).hexdigest()
        digests[i] = h[:12]
        mix ^= int(h, 16)
    print("sha256", digests[:3], hex(mix))

    docs = [None] * n
    # omp parallel for schedule(dynamic, 4)
    for i in range(n):
        rec = {"id": i, "tags": ["t" * (i % 3), str(i)], "ok": i % 2 == 0}
        docs[i] = json.dumps(rec, sort_keys=True)
    back = [json.loads(d)["id"] for d in docs]
    print("json", docs[7], back == list(range(n)))

    text = "a1 bb22 ccc333 dddd4444 e5 ff66 ggg777 hhhh8888"
    pat = re.compile(r"([a-z]+)(\d+)")
    tokens = text.split()
    found = [None] * len(tokens)
    # omp parallel for
    for i in range(len(tokens)):
        m = pat.fullmatch(tokens[i])
        found[i] = (m.group(1), int(m.group(2)))
    print("re", found)

    crc, packed = 0, []
    # omp parallel for reduction(+:crc, packed)
    for i in range(n):
        crc += zlib.crc32(struct.pack("<iq", i, i * i))
        packed += [struct.pack(">H", i).hex()]
    print("zlib/struct", crc, packed[:5])

    big = 0
    # omp parallel for reduction(+:big)
    for k in range(0, 200, 5):
        big += math.comb(200, k)
    print("comb", big)

    enc = [None] * 8
    # omp parallel for
    for i in range(8):
        enc[i] = base64.b64encode(bytes(range(i, i + 5))).decode()
    print("base64", enc)


if __name__ == "__main__":
    main()
