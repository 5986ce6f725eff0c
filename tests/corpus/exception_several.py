"""Several iterations raise: the program sees the exception python raises, that of
the first iteration that raises (static blocks and chunks, dynamic, guided, sections,
a region's `for`, a loop whose every iteration raises), of the same type, caught by
`except ValueError`; `except Exception as e: print(e)` prints python's message."""


class Refused(Exception):
    def __init__(self, item, why):
        super().__init__(f"item {item} refused: {why}")
        self.item = item


def check(i, every):
    if i % every == every - 1:
        raise ValueError(f"bad item {i}")
    return i


def main():
    n = 40
    for schedule in ("static", "static, 3", "dynamic", "dynamic, 4", "guided"):
        try:
            if schedule == "static":
                # omp parallel for schedule(static)
                for i in range(n):
                    check(i, 7)
            elif schedule == "static, 3":
                # omp parallel for schedule(static, 3)
                for i in range(n):
                    check(i, 5)
            elif schedule == "dynamic":
                # omp parallel for schedule(dynamic)
                for i in range(n):
                    check(i, 9)
            elif schedule == "dynamic, 4":
                # omp parallel for schedule(dynamic, 4)
                for i in range(n):
                    check(i, 6)
            else:
                # omp parallel for schedule(guided)
                for i in range(n):
                    check(i, 11)
        except ValueError as e:
            print(schedule, type(e).__name__, e)

    try:
        # omp parallel for
        for i in range(n):
            raise Refused(i, "every item")
    except Exception as e:
        print(type(e).__name__, e, e.item)

    try:
        # omp parallel
        # omp for schedule(dynamic, 2)
        for i in range(n):
            100 // (i % 13 - 12)
    except ZeroDivisionError as e:
        print(type(e).__name__, e)

    try:
        # omp parallel sections
        # omp section
        check(0, 2)
        # omp section
        raise KeyError("second")
        # omp section
        raise KeyError("third")
        # omp end parallel sections
    except KeyError as e:
        print(type(e).__name__, e)

    try:
        # omp parallel
        raise RuntimeError("in every thread")
        # omp end parallel
    except RuntimeError as e:
        print(type(e).__name__, e)


if __name__ == "__main__":
    main()
