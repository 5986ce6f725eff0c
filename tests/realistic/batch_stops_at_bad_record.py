"""Parse a batch of records in parallel; a malformed record stops the batch, and the
program reports how far it got from what the loop stored (as a sequential run would:
every record before the bad one parsed, none after)."""

RECORDS = [f"{i},{i * 3 % 7},{i * i}" for i in range(40)]
RECORDS[23] = "23,oops"

parsed = [None] * len(RECORDS)
by_key = {}


class ParseError(Exception):
    pass


def parse(line):
    fields = line.split(",")
    if len(fields) != 3:
        raise ParseError(f"record {fields[0]}: expected 3 fields, got {len(fields)}")
    key, a, b = (int(f) for f in fields)
    return key, a + b


try:
    # omp parallel for schedule(static)
    for i in range(len(RECORDS)):
        key, value = parse(RECORDS[i])
        parsed[i] = value
        by_key[key] = value
except ParseError as error:
    print("stopped:", error)

done = [i for i, v in enumerate(parsed) if v is not None]
print("parsed", len(done), "records, the first", done[:3], "the last", done[-3:])
print("sum", sum(v for v in parsed if v is not None))
print("keys", sorted(by_key)[-3:], len(by_key))
