"""An exception raised by a helper inside a `parallel for` (a bad record) and caught
by the program around the region; then the region is run again on clean data."""


class BadRecord(Exception):
    pass


def parse(line):
    key, _, value = line.partition("=")
    if not value:
        raise BadRecord(f"no value in {line!r}")
    return key.strip(), int(value)


good = [f"k{i} = {i * 3}" for i in range(30)]
bad = [*good[:17], "broken", *good[18:]]
parsed = [None] * 30

try:
    # omp parallel for
    for i in range(30):
        parsed[i] = parse(bad[i])
except BadRecord as e:
    print("caught:", e)

# omp parallel for
for i in range(30):
    parsed[i] = parse(good[i])

print(parsed[:3], sum(v for _, v in parsed))
