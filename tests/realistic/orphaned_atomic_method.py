"""A class whose method counts calls with `# omp atomic` on an attribute and collects
rejected items under critical; the loop calls it on one shared instance."""


class Validator:
    def __init__(self, limit):
        self.limit = limit
        self.checked = 0
        self.rejected = []

    def check(self, i, value):
        # omp atomic
        self.checked += 1
        if value > self.limit:
            # omp critical
            self.rejected.append(i)
            return False
        return True


validator = Validator(80)
ok = [False] * 200
# omp parallel for
for i in range(200):
    ok[i] = validator.check(i, (i * 41) % 100)

print(validator.checked, len(validator.rejected), sorted(validator.rejected)[:8], sum(ok))
