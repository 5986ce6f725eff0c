"""A Library method calls a Catalog method which fills the catalog's dict; both
objects are shared, the block is around the outer call."""
import time


class Catalog:
    def __init__(self):
        self.titles = {}

    def register(self, title):
        if title not in self.titles:
            self.titles[title] = True


class Library:
    def __init__(self, catalog):
        self.catalog = catalog
        self.loans = 0

    def lend(self, title):
        self.catalog.register(title)
        self.loans += 1


lib = Library(Catalog())
days = [["Emma", "Dune", "Ulysses"], ["Dune", "Emma", "Beloved"]]
# omp parallel for schedule(static, 1)
for d in range(2):
    if d == 0:
        time.sleep(0.2)
    for t in days[d]:
        # omp critical
        lib.lend(t)
print(lib.loans, list(lib.catalog.titles))
