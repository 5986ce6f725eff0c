"""Exceptions raised and caught inside the loop body (a property setter that
validates, int() of bad text); the messages are stored into a shared dict by index
and the good values into a list."""


class Meter:
    def __init__(self):
        self._v = 0

    @property
    def v(self):
        return self._v

    @v.setter
    def v(self, value):
        if value < 0:
            raise ValueError(f"negative reading {value}")
        self._v = value


texts = [str(i * 3 - 20) if i % 9 else f"x{i}" for i in range(40)]
meters = [Meter() for _ in texts]
errors = {}

# omp parallel for
for i in range(len(texts)):
    try:
        meters[i].v = int(texts[i])
    except ValueError as e:
        errors[i] = str(e)

print(sorted(errors.items())[:4], len(errors), sum(m.v for m in meters))
