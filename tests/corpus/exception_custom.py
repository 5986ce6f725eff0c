"""Custom exception classes whose constructors take two arguments, raised in one
iteration and caught around the construct: one passes both to Exception, one
builds a message (its args no longer match the constructor)."""


class RangeProblem(Exception):
    def __init__(self, index, limit):
        super().__init__(index, limit)
        self.index = index
        self.limit = limit


class ParseProblem(Exception):
    def __init__(self, line, reason):
        super().__init__(f"line {line}: {reason}")
        self.line = line
        self.reason = reason


def main():
    n = 50

    out = [0] * n
    try:
        # omp parallel for
        for i in range(n):
            if i == 41:
                raise RangeProblem(i, 40)
            out[i] = i
    except RangeProblem as e:
        print(type(e).__name__, e, e.args, e.index, e.limit)

    try:
        # omp parallel for schedule(dynamic)
        for i in range(n):
            if i == 7:
                raise ParseProblem(i + 1, "unexpected token")
    except ParseProblem as e:
        print(type(e).__name__, e, e.args, e.line, e.reason)

    try:
        # omp parallel for
        for i in range(n):
            if i == 12:
                raise ParseProblem(i, "nested") from ValueError("cause")
    except Exception as e:
        print(type(e).__name__, e, e.line, e.reason)


if __name__ == "__main__":
    main()
