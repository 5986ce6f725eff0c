"""A class attribute counting instances (`Particle.created += 1` under atomic inside
__init__), objects made inside the loop and stored by index, and a class-level dict
of kinds filled under critical by a classmethod."""


class Particle:
    created = 0
    kinds = {}

    def __init__(self, pid, kind):
        self.pid = pid
        self.kind = kind
        # omp atomic
        Particle.created += 1
        Particle.register(kind)

    @classmethod
    def register(cls, kind):
        # omp critical(kinds)
        cls.kinds[kind] = cls.kinds.get(kind, 0) + 1
        # omp end critical


parts = [None] * 60
# omp parallel for
for i in range(60):
    parts[i] = Particle(i, ("e", "p", "n")[i % 3] if i % 7 else "mu")

print(Particle.created, sorted(Particle.kinds.items()), parts[14].kind, parts[59].pid)
