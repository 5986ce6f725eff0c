"""Objects whose attributes are properties with setters (clamping, and keeping a
derived field and a change counter up to date), assigned in a parallel loop."""


class Pixel:
    def __init__(self, v):
        self._v = 0
        self.changes = 0
        self.hex = "00"
        self.value = v

    @property
    def value(self):
        return self._v

    @value.setter
    def value(self, v):
        v = max(0, min(255, int(v)))
        if v != self._v:
            self.changes += 1
        self._v = v
        self.hex = f"{v:02x}"


pixels = [Pixel((i * 37) % 300) for i in range(150)]

# omp parallel for
for i in range(len(pixels)):
    p = pixels[i]
    p.value = p.value * 1.5 - 20
    p.value += 3

print([(p.value, p.hex, p.changes) for p in pixels[:5]], sum(p.value for p in pixels))
