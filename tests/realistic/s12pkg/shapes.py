"""Classes defined in a module, used by the main script's region."""


class Shape:
    created = 0

    def __init__(self, n):
        self.n = n
        self.tags = []

    def area(self):
        return self.n * self.n


class Square(Shape):
    def tag(self, t):
        self.tags.append(t)
