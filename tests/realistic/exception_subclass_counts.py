"""A custom exception class that counts its instances in a class attribute (`__init__`
bumping `ParseError.count` under atomic); errors raised and caught inside the loop."""


class ParseError(ValueError):
    count = 0

    def __init__(self, text):
        super().__init__(f"bad token {text!r}")
        # omp atomic
        ParseError.count += 1


def parse(tok):
    if not tok.isdigit():
        raise ParseError(tok)
    return int(tok)


tokens = [str(i) if i % 6 else f"x{i}" for i in range(120)]
values = [0] * len(tokens)
messages = [None] * len(tokens)
# omp parallel for
for i in range(len(tokens)):
    try:
        values[i] = parse(tokens[i])
    except ParseError as e:
        messages[i] = str(e)

print(sum(values), ParseError.count, [m for m in messages if m][:3])
